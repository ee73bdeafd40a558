"""Script and markup payloads in every text field of every content type, loaded in Chromium.

Nothing from data may run or become markup: no dialog opens, no element a payload
describes appears, titles show the payload as text (in the tab, the header, the
navigation and the search results), and the Content-Security-Policy blocks nothing
of the site's own while search still works.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page

from . import figures
from .hostile import PAYLOAD, PAYLOADS, write_hostile

# What a payload would make if it became markup.
INJECTED = "img[src='x'][onerror], svg[onload], [onerror], [onload], b:not(.md-typeset b)"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    project, fields = write_hostile(tmp_path_factory.mktemp("hostile"))
    project.build(strict=False)
    figures.tried(fields * len(PAYLOADS))
    return project.site, fields


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(hostile_site: tuple[Path, int]) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(hostile_site[0]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


# `browser` is the suite's one Chromium (tests/conftest.py): Playwright's sync API runs one
# session per thread, so every test folder shares it.


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def _watch(page: Page) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {"dialogs": [], "violations": [], "errors": []}

    def on_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        seen["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: seen["errors"].append(str(exc)))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => (window.__violations = window.__violations || []).push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    return seen


def test_no_payload_runs_or_becomes_markup(browser: Browser, served: str, hostile_site: tuple[Path, int]) -> None:
    site, _ = hostile_site
    pages = [p for p in _pages(site) if not p.startswith("assets/")]
    assert len(pages) >= 20, pages
    page = browser.new_page()
    seen = _watch(page)
    injected: list[str] = []
    for path in pages:
        page.goto(served + path, wait_until="load")
        found = page.eval_on_selector_all(INJECTED, "els => els.map(e => e.outerHTML.slice(0, 80))")
        scripts = page.eval_on_selector_all(
            "script:not([type$=json])", "els => els.filter(e => /alert/.test(e.textContent)).length"
        )
        if found or scripts:
            injected.append(f"{path}: {found} {scripts} script(s)")
        violations = page.evaluate("window.__violations || []")
        assert not violations, f"{path}: the policy blocked the site's own {violations}"
    page.close()
    figures.leaked(len(seen["dialogs"]) + len(injected))
    assert not seen["dialogs"], seen["dialogs"]
    assert not injected, injected
    assert not seen["errors"], seen["errors"]


def test_titles_read_as_text_everywhere(hostile_site: tuple[Path, int]) -> None:
    site, _ = hostile_site
    for url, lang_prefix in (("halls/evil-hall/index.html", "中"), ("en/halls/evil-hall/index.html", "En")):
        soup = BeautifulSoup((site / url).read_text(encoding="utf-8"), "html.parser")
        title = soup.title.get_text()
        assert f"{lang_prefix}场馆 {PAYLOAD}" in title, title
        header = soup.select_one(".md-header__topic:last-child .md-ellipsis").get_text(strip=True)
        assert header == f"{lang_prefix}场馆 {PAYLOAD}"
        nav = " ".join(a.get_text(" ", strip=True) for a in soup.select(".md-nav__link"))
        assert not soup.select(".md-nav b, .md-header b, title b, .md-nav img, .md-header img")
    en = BeautifulSoup((site / "en/index.html").read_text(encoding="utf-8"), "html.parser")
    assert f"En社区 {PAYLOAD}" in en.select_one(".md-header__topic .md-ellipsis").get_text(strip=True)
    del nav


def test_search_index_and_data_files_hold_text(hostile_site: tuple[Path, int]) -> None:
    site, _ = hostile_site
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    titles = [d["title"] for d in index["docs"]]
    assert any("场馆" in t for t in titles)
    for text in titles + [d["text"] for d in index["docs"]]:
        # Material shows these as HTML: every payload must be there as entities only.
        assert "<img" not in text and "<script" not in text and "<svg" not in text, text[:200]
    events = json.loads((site / "data/events.json").read_text(encoding="utf-8"))
    assert any(PAYLOAD in e["title"]["en"] for e in events)
    for path in site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for block in soup.select('script[type="application/ld+json"]'):
            assert "<" not in block.string
            json.loads(block.string)


def test_csp_is_shipped_and_search_still_works(browser: Browser, served: str, hostile_site: tuple[Path, int]) -> None:
    site, _ = hostile_site
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None
    policy = meta["content"]
    assert "script-src 'self' 'sha256-" in policy and "default-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    first_script = soup.find("script")
    assert meta.sourceline < first_script.sourceline
    page = browser.new_page()
    seen = _watch(page)
    page.goto(served + "en/", wait_until="load")
    # The index loads in a worker; typing again once it is ready runs the query.
    page.fill("input.md-search__input", "场馆")
    page.wait_for_timeout(1000)
    page.type("input.md-search__input", " ")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    text = page.inner_text(".md-search-result")
    assert "<img src=x onerror=alert(1)>" in text
    assert not page.query_selector(".md-search-result img, .md-search-result svg[onload]")
    assert page.evaluate("window.__violations || []") == []
    page.close()
    assert not seen["dialogs"]
