"""The preview tells the truth: a real `mkdocs serve`, real Chromium, a bad save and a good one."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
GOOD_HALL = """\
name: {zh: 测试礼堂, en: Test Auditorium}
kind: auditorium
area_m2: 210
facilities: [stage, lighting, sound]
functions: [ceremonies, cultural-activities, council-meetings, film-screenings]
"""
BAD_HALL = GOOD_HALL.replace("area_m2: 210", "area_m2: 二百").replace("kind: auditorium", "kind：auditorium")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[object, str, Path]]:
    """A tiny project under `culture serve` (mkdocs serve) on a free loopback port; its log is in serve.log."""
    project = _make_project(tmp_path_factory.mktemp("preview"))
    project.write("data/halls/test-auditorium.yml", GOOD_HALL)
    port = _free_port()
    log = (project.root / "serve.log").open("w", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    env.pop("NO_MKDOCS_2_WARNING", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "community_culture.cli", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project.root,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 240
    while "Serving on" not in (project.root / "serve.log").read_text(encoding="utf-8"):
        assert server.poll() is None, (project.root / "serve.log").read_text(encoding="utf-8")
        assert time.monotonic() < deadline, "mkdocs serve did not start"
        time.sleep(0.5)
    try:
        yield project, url, project.root / "serve.log"
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _wait_for(page: Page, selector: str, text: str, timeout_s: float = 180) -> None:
    page.wait_for_function(
        "([sel, text]) => { const el = document.querySelector(sel); return el && el.textContent.includes(text); }",
        arg=[selector, text],
        timeout=timeout_s * 1000,
    )


def test_a_bad_save_shows_the_problems_and_a_good_save_restores_the_page(served, browser):
    project, url, log_path = served
    # The suite's one Chromium (tests/conftest.py): a second Playwright in the same thread cannot start.
    context = browser.new_context()
    try:
        failed: list[str] = []
        tab = context.new_page()
        tab.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        tab.goto(url + "halls/test-auditorium/")
        assert tab.locator("h1").first.inner_text() == "测试礼堂"

        project.write("data/halls/test-auditorium.yml", BAD_HALL)
        # The tab that was open reloads onto the problems page by itself.
        _wait_for(tab, "header h1", "数据有误")
        text = tab.locator("main").inner_text()
        assert "data/halls/test-auditorium.yml:2:5" in text  # the full-width colon
        assert "不能用中文全角冒号（：）" in text
        # Tabs opened now, at any address, show it too - none hangs or goes blank.
        other = context.new_page()
        other.goto(url + "events/", timeout=60_000)
        assert "数据有误" in other.locator("header h1").inner_text()

        project.write("data/halls/test-auditorium.yml", BAD_HALL.replace("kind：auditorium", "kind: auditorium"))
        _wait_for(tab, "main", "area_m2")
        assert "data/halls/test-auditorium.yml:3:10" in tab.locator("main").inner_text()
        assert "请填写阿拉伯数字" in tab.locator("main").inner_text()

        project.write("data/halls/test-auditorium.yml", GOOD_HALL)
        _wait_for(tab, "h1", "测试礼堂")
        assert tab.title().startswith("测试礼堂")
        _wait_for(other, "h1", "活动")
    finally:
        context.close()
    log = log_path.read_text(encoding="utf-8")
    # Quiet: no end-of-life box, no jieba lines, no sitemap 404s.
    assert "end of life" not in log
    assert "prefix dict" not in log and "Loading model" not in log
    assert "sitemap.xml" not in log
    assert not [u for u in failed if "sitemap" in u]


def test_a_data_edit_remakes_the_pages_as_they_are_opened(served, browser):
    """A data edit re-plans the site and makes each page again when it is opened; a new
    record (new pages) gets a whole build."""
    import urllib.request

    project, url, log_path = served
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(url + "halls/test-auditorium/")
        _wait_for(tab, "h1", "测试礼堂")
        before = log_path.read_text(encoding="utf-8").count("Building documentation")

        renamed = GOOD_HALL.replace("测试礼堂", "测试大礼堂").replace("Test Auditorium", "Test Great Hall")
        project.write("data/halls/test-auditorium.yml", renamed)
        # The open tab reloads onto the page made anew.
        _wait_for(tab, "h1", "测试大礼堂")
        log = log_path.read_text(encoding="utf-8")
        assert "data changed:" in log and "are made as they are opened" in log
        assert log.count("Building documentation") == before  # no whole build
        # Every other page and file is made again when asked for: the index, the English twin.
        tab.goto(url + "halls/")
        assert "测试大礼堂" in tab.locator("main").inner_text()
        tab.goto(url + "en/halls/test-auditorium/")
        assert tab.locator("h1").first.inner_text() == "Test Great Hall"

        # A new record brings new pages: a whole build makes them.
        project.write("data/halls/second-hall.yml", GOOD_HALL.replace("测试礼堂", "第二礼堂"))
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(url + "halls/second-hall/", timeout=60) as response:
                    if "第二礼堂" in response.read().decode("utf-8"):
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the new hall's page did not appear"
            time.sleep(0.3)
        assert log_path.read_text(encoding="utf-8").count("Building documentation") > before
    finally:
        # No tab left open to reload while the files are put back.
        context.close()
        (project.root / "data/halls/second-hall.yml").unlink(missing_ok=True)
        project.write("data/halls/test-auditorium.yml", GOOD_HALL)


def _make_project(root: Path):  # type: ignore[no-untyped-def]
    """The suite's tiny project (tests/conftest.py), loaded by path: other folders have a conftest too."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "_culture_root_conftest", Path(__file__).resolve().parents[1] / "conftest.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_project(root)
