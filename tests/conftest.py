"""Shared fixtures: a tiny project written into tmp_path, built in-process, and parsed."""

from __future__ import annotations

import hashlib
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent

MKDOCS_YML = """\
site_name: 测试社区
site_url: https://example.org/
docs_dir: content
theme:
  name: material
  language: zh
  font: false
plugins:
  - search
  - community-culture:
      as_of: 2026-06-01
validation:
  nav:
    omitted_files: ignore
"""

COMMUNITY = """\
name: {zh: 测试社区, en: Test Community}
district: {zh: 东胜区, en: Dongsheng}
timezone: Asia/Shanghai
about: {zh: 这是测试社区。, en: A test community.}
"""

AUDITORIUM = """\
name: {zh: 测试礼堂, en: Test Auditorium}
kind: auditorium
area_m2: 210
seats: 100
facilities: [stage, lighting, sound]
functions: [ceremonies, cultural-activities, council-meetings, film-screenings]
opening_hours: "Mo-Fr 09:00-17:00"
"""


class Project:
    """A project folder with helpers to write files, check and build it."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, path: str, text: str | bytes) -> Path:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(textwrap.dedent(text), encoding="utf-8")
        return target

    def build(self, strict: bool = False) -> None:
        """Build as `mkdocs build` does (raises on failure)."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        config = load_config(str(self.root / "mkdocs.yml"), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()

    @property
    def site(self) -> Path:
        return self.root / "site"

    def html(self, url: str) -> BeautifulSoup:
        """The built page at ``url`` (e.g. ``halls/x/``), parsed."""
        path = self.site / url / "index.html" if url.endswith("/") or not url else self.site / url
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def tree_digest(self) -> str:
        """A hash of every file name and byte under site/."""
        h = hashlib.sha256()
        for path in sorted(self.site.rglob("*")):
            h.update(path.relative_to(self.site).as_posix().encode())
            if path.is_file():
                h.update(path.read_bytes())
        return h.hexdigest()


def make_project(root: Path) -> Project:
    """A minimal valid project: one community, one auditorium, one hand-written page."""
    p = Project(root)
    p.write("mkdocs.yml", MKDOCS_YML)
    p.write("data/community.yml", COMMUNITY)
    p.write("data/halls/test-auditorium.yml", AUDITORIUM)
    p.write("content/about.md", "# 关于\n\n测试页面。\n")
    return p


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled example project, copied and built once with `mkdocs build --strict`.

    The build's log is kept in ``build.log`` beside ``site/``.
    """
    import os
    import shutil
    import subprocess
    import sys

    root = tmp_path_factory.mktemp("example")
    for name in ("content", "data", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1780000000", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr
    (root / "build.log").write_text(result.stderr, encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A minimal valid project, fresh for each test."""
    return make_project(tmp_path)


@pytest.fixture
def check(project: Project) -> Callable[..., tuple[int, str]]:
    """Run `culture check` on the project and return (exit status, output)."""
    import contextlib
    import io

    from community_culture.cli import main

    def run(*args: str) -> tuple[int, str]:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = main(["check", "-f", str(project.root / "mkdocs.yml"), *args])
        return status, out.getvalue()

    return run


# ---- The browser suite (tests/browser/): one served example site, one Chromium. -------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def site_url(example_site: Path) -> Iterator[str]:
    """The example site, served on loopback."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from screenshots import serve  # the screenshot script's server, which serves the 404 page

    server, base = serve(example_site / "site")
    yield base
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    assert Path(CHROMIUM).exists(), "Chromium is needed: apt-get install chromium"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield b
        b.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core, installed from npm by the README's test command."""
    assert AXE.is_file(), "axe-core is needed: npm install --no-save axe-core@4"
    return AXE.read_text(encoding="utf-8")
