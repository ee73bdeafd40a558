"""The example site as residents use it, in Debian's Chromium: axe-core, reflow, elder
mode, search, a resident's way to the Double Ninth gathering, and the bytes a phone loads.

The browser's clock is set to Wednesday 14 October 2026, the week of the gathering; the
site was built on 28 May 2026 (SOURCE_DATE_EPOCH), so "today" and "this week" are the
work of culture.js, as they would be on a site rebuilt weekly.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request

CLOCK = dt.datetime(2026, 10, 14, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
EVENT = "events/2026-double-ninth-elders/"
PAGE_TYPES = [
    "",
    "halls/",
    "halls/jinxiu-auditorium/",
    "events/",
    "events/2026/",
    "events/2026/10/",
    EVENT,
    "events/category/festival/",
    "honors/",
    "honors/morality/",
    "exhibits/",
    "exhibits/customs/",
    "exhibits/customs/couplets/",
    "teams/",
    "teams/yangge/",
    "reports/",
    "reports/2026/",
    "reports/2026/h1/",
    "search/",
    "staff/",
    "about/",
    "no-such-page/",
]
BOTH_LANGUAGES = PAGE_TYPES + ["en/" + p for p in PAGE_TYPES if p not in ("no-such-page/",)]
REFLOW = [p for p in BOTH_LANGUAGES if p.startswith("en/") is False] + ["en/", "en/" + EVENT, "en/honors/talent/"]


def _context(browser: Browser, width: int, height: int, elder: bool, axe: str | None = None) -> BrowserContext:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    if elder:
        context.add_init_script("try { localStorage.setItem('cc-elder', '1') } catch (e) {}")
    if axe:
        # An init script runs outside the page's Content-Security-Policy, as a test tool should.
        context.add_init_script(axe)
    return context


def _open(context: BrowserContext, url: str, outside: list[str], base: str) -> Page:
    page = context.new_page()
    page.clock.set_fixed_time(CLOCK)
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) else None)
    page.goto(url, wait_until="load")
    return page


@pytest.fixture(scope="module", params=[(375, 812, False), (375, 812, True), (1280, 900, False), (1280, 900, True)])
def axe_context(
    request: pytest.FixtureRequest, browser: Browser, axe_source: str
) -> Iterator[tuple[BrowserContext, str]]:
    width, height, elder = request.param
    context = _context(browser, width, height, elder, axe_source)
    yield context, f"{width}{' elder' if elder else ''}"
    context.close()


def test_axe_finds_no_serious_violation(axe_context: tuple[BrowserContext, str], site_url: str) -> None:
    context, label = axe_context
    found: list[str] = []
    outside: list[str] = []
    for url in BOTH_LANGUAGES:
        page = _open(context, site_url + url, outside, site_url)
        if label.endswith("elder"):
            assert page.evaluate("document.documentElement.hasAttribute('data-cc-elder')"), url
        result = page.evaluate(
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        for v in result["violations"]:
            if v["impact"] in ("serious", "critical"):
                targets = [n["target"] for n in v["nodes"][:3]]
                found.append(f"{label} /{url}: {v['id']} ({v['impact']}, {len(v['nodes'])} nodes) {targets}")
        page.close()
    assert not found, "\n".join(found)
    assert outside == [], f"requests left the site: {outside}"


def _overflow(page: Page) -> int:
    return int(page.evaluate("document.scrollingElement.scrollWidth - document.documentElement.clientWidth"))


@pytest.mark.parametrize(
    "how",
    ["320px", "375px", "200% zoom", "24px default font", "375px elder"],
)
def test_no_page_scrolls_sideways(browser: Browser, site_url: str, how: str) -> None:
    width = {"320px": 320, "200% zoom": 640}.get(how, 375)
    # 200% zoom of a 1280×900 window lays the page out in 640×450 CSS pixels.
    context = _context(browser, width, 450 if how == "200% zoom" else 812, elder=how.endswith("elder"))
    wide: list[str] = []
    outside: list[str] = []
    for url in REFLOW:
        page = context.new_page()
        page.clock.set_fixed_time(CLOCK)
        if how == "24px default font":
            # The browser's own setting (chrome://settings/fonts), as an elderly reader sets it.
            page.context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": 24, "fixed": 20}})
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site_url) else None)
        page.goto(site_url + url, wait_until="load")
        if how == "24px default font":
            assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") >= 29, url
        extra = _overflow(page)
        if extra > 0:
            wide.append(f"/{url}: {extra}px too wide")
        page.close()
    context.close()
    assert not wide, f"at {how}:\n" + "\n".join(wide)
    assert outside == []


def test_elder_mode_is_large_and_remembered(browser: Browser, site_url: str) -> None:
    context = _context(browser, 375, 812, elder=False)
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    button = page.locator("button.cc-hbtn--elder")
    assert button.inner_text().strip() == "大字版" and button.get_attribute("aria-pressed") == "false"
    body = "parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)"
    before = page.evaluate(body)
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    after = page.evaluate(body)
    assert after >= 22 and after >= 1.3 * before - 0.5, (before, after)
    line = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.md-typeset p, .md-typeset li')).lineHeight)"
    )
    assert line >= 1.5 * after - 0.5
    # Across a navigation, and a reload.
    page.get_by_role("link", name="查看全部活动").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/events/")
    assert page.evaluate("document.documentElement.hasAttribute('data-cc-elder')")
    page.reload(wait_until="load")
    assert page.evaluate("document.documentElement.hasAttribute('data-cc-elder')")
    assert page.evaluate(body) >= 22
    # Its targets are at least 60 px tall.
    heights = page.eval_on_selector_all(
        ".md-typeset .md-button, .md-typeset .cc-occ__title, .cc-hbtn",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect().height)",
    )
    assert heights and min(heights) >= 59.5, heights
    # The English twin says it in English, and the choice holds there too.
    page.goto(site_url + "en/", wait_until="load")
    assert page.locator("button.cc-hbtn--elder").inner_text().strip() == "Large text"
    assert page.locator("button.cc-hbtn--elder").get_attribute("aria-pressed") == "true"
    context.close()


def test_without_javascript_the_build_date_view_shows(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    # SOURCE_DATE_EPOCH 1780000000 is 29 May 2026 in the community's time zone (UTC+8).
    assert "按网站更新日期 2026年5月29日" in page.locator("[data-cc-asof]").inner_text()
    assert page.locator("button.cc-hbtn--elder").is_hidden()
    assert page.locator("a.cc-hbtn--search").is_visible()
    context.close()


SEARCHES = [
    ("search/", "重阳", "/events/2026-double-ninth-elders/"),
    ("search/", "篮球", "/events/2026-labour-day-basketball/"),
    ("search/", "道德榜", "/honors/morality/"),
    ("search/", "文化礼堂", "/halls/jinxiu-auditorium/"),
    # The troupe first (its page is about 二人台 and no longer carries its activity lists);
    # the exhibit on the art form is found by its own words.
    ("search/", "二人台", "/teams/errentai/"),
    ("search/", "走西口", "/exhibits/customs/errentai/"),
    ("search/", "图书室", "/halls/jinxiu-library/"),
    ("search/", "孝老爱亲模范", "/honors/morality/"),
    ("search/", "王秀兰", "/honors/morality/"),
    ("en/search/", "basketball", "/en/events/2026-labour-day-basketball/"),
    ("en/search/", "library", "/en/halls/jinxiu-library/"),
    ("en/search/", "square", "/en/events/2026-square-dance-contest/"),
    ("en/search/", "lecture", "/en/halls/jinxiu-lecture-hall/"),
    ("en/search/", "opening hours", "/en/halls/"),
]


@pytest.fixture(scope="module")
def search_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize(("where", "query", "expected"), SEARCHES, ids=[q for _, q, _ in SEARCHES])
def test_search_finds_the_page_first(search_page: Page, site_url: str, where: str, query: str, expected: str) -> None:
    page = search_page
    page.goto(site_url + where, wait_until="load")
    box = page.locator(".pagefind-ui__search-input")
    # Pasted (or dictated) text searches without a key press.
    box.evaluate(
        "(el, q) => { el.value = q; el.dispatchEvent(new InputEvent('input', {inputType: 'insertFromPaste', data: q, bubbles: true})); }",
        query,
    )
    first = page.locator(".pagefind-ui__result-link").first
    first.wait_for(timeout=15000)
    assert first.get_attribute("href") == expected


def test_unpublished_people_are_in_no_index(example_site) -> None:  # type: ignore[no-untyped-def]
    import zlib

    blobs = b""
    for path in sorted((example_site / "site" / "pagefind").rglob("*.pf_*")):
        data = path.read_bytes()
        try:
            blobs += zlib.decompress(data, 16 + zlib.MAX_WBITS)
        except zlib.error:
            blobs += data
    assert "王秀兰".encode() in blobs  # the index is readable here, so the next check means something
    for name in ("郝金凤", "Hao Jinfeng"):
        assert name.encode() not in blobs, name


def test_a_residents_way_to_the_double_ninth_gathering(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812}, accept_downloads=True)
    page = context.new_page()
    page.clock.set_fixed_time(CLOCK)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site_url) else None)
    page.goto(site_url, wait_until="load")
    # On the first screen: this week's gathering, with its date, time and place.
    week = page.locator('[data-cc-group="week"]')
    link = week.get_by_role("link", name="重阳敬老联欢会")
    box = link.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 812
    item = week.locator("li").filter(has_text="重阳敬老联欢会").inner_text()
    assert "10月18日" in item and "09:00–11:30" in item and "锦绣社区文化礼堂" in item
    assert "今天是 2026年10月14日星期三" in page.locator("[data-cc-asof]").inner_text()
    assert page.locator("[data-cc-beyond]").is_hidden()
    link.click()
    page.wait_for_load_state("load")
    assert page.url == site_url + EVENT
    page.locator("button.cc-hbtn--elder").click()
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)") >= 22
    there = page.locator("section.cc-there")
    assert "交通街" in there.inner_text() or "地址" in there.inner_text()
    assert there.locator("a[href^='tel:']").count() == 1
    maps = there.locator("a.md-button[href*='map']")
    assert maps.count() >= 1 and maps.first.is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="加入我的日历").click()
    ics = download.value.path().read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in ics and "SUMMARY:重阳敬老联欢会" in ics
    assert page.get_by_role("link", name="返回活动日历").count() == 1
    assert outside == []
    context.close()


def test_past_the_activities_a_page_carries_it_says_so(browser: Browser, site_url: str) -> None:
    # The example was built on 29 May 2026 and carries half a year ahead, to 28 November.
    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.clock.set_fixed_time(dt.datetime(2026, 12, 10, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    page.goto(site_url, wait_until="load")
    beyond = page.locator("[data-cc-beyond]")
    assert beyond.is_visible() and "本页的活动只列到 2026年11月28日" in beyond.inner_text()
    assert page.locator("[data-cc-none]").is_hidden()  # it does not claim nothing is on
    beyond.get_by_role("link").click()
    page.wait_for_load_state("load")
    assert page.url == site_url + "events/2026/12/"
    # The calendar's front page alike, and no month before the reader's is left showing.
    page.goto(site_url + "events/", wait_until="load")
    assert page.locator("[data-cc-beyond]").is_visible()
    assert page.locator("section[data-cc-later]:visible").count() == 0
    context.close()


def test_keyboard_only_on_a_desktop(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.clock.set_fixed_time(CLOCK)
    page.goto(site_url, wait_until="load")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('cc-skip')")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "cc-main"
    for _ in range(40):
        page.keyboard.press("Tab")
        if EVENT in (page.evaluate("document.activeElement.getAttribute('href') || ''")):
            break
    else:
        pytest.fail("the gathering cannot be reached with the Tab key")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url + EVENT
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == "event.ics":
            break
    else:
        pytest.fail("the calendar file cannot be reached with the Tab key")
    context.close()


def test_the_drawer_opens_from_the_keyboard(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 900, "height": 800})
    page = context.new_page()
    page.goto(site_url + "halls/", wait_until="load")
    menu = page.locator("label.cc-menu")
    assert menu.get_attribute("aria-label") == "打开导航菜单"
    menu.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    page.wait_for_timeout(200)
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    context.close()


def test_first_load_bytes(browser: Browser, site_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The bytes a phone downloads: the home page, and the search page up to its first result."""
    figures = {}
    for name, url, query in (("home", "", None), ("search", "en/search/", "library"), ("search", "search/", "重阳")):
        context = browser.new_context(viewport={"width": 375, "height": 812})
        page = context.new_page()
        finished: list[Request] = []
        page.on("requestfinished", lambda r, finished=finished: finished.append(r))
        page.goto(site_url + url, wait_until="networkidle")
        if query:
            page.fill(".pagefind-ui__search-input", query)
            page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)
            page.wait_for_load_state("networkidle")
        total = sum(r.sizes()["responseBodySize"] for r in finished)
        figures[f"{name} {query or ''}".strip()] = (total, len(finished), sum(map(wire_size, finished)))
        context.close()
    with capsys.disabled():
        print()
        for key, (total, count, wire) in figures.items():
            print(f"first load, {key}: {total / 1024:.0f} KB in {count} requests, {wire / 1024:.0f} KB compressed")
    assert all(total > 0 for total, _, _ in figures.values())
    # What a phone downloads from a server that compresses text, as web servers do.
    assert all(wire <= 300 * 1024 for _, _, wire in figures.values()), figures


PRECOMPRESSED = re.compile(r"/pagefind/.*(\.pf_[a-z]+|\.pagefind)$")
"""Pagefind's index chunks and WebAssembly, which it writes compressed."""


def wire_size(request: Request) -> int:
    """The bytes of a response as a server that compresses text (gzip) sends them."""
    response = request.response()
    body = response.body() if response is not None else b""
    if PRECOMPRESSED.search(request.url.split("?")[0]) or not body:
        return len(body)
    return min(len(body), len(gzip.compress(body, 6)))


def test_the_year_page_opens_at_this_month(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.clock.set_fixed_time(CLOCK)
    page.goto(site_url + "events/2026/", wait_until="load")
    top = page.evaluate("document.getElementById('m10').getBoundingClientRect().top")
    assert page.evaluate("window.scrollY") > 2000 and -5 <= top <= 120, top
    # A month's page on a phone is its list by day, with times.
    page.goto(site_url + "events/2026/10/", wait_until="load")
    assert not page.locator("table.cc-month").is_visible()
    assert "09:00–11:30" in page.locator("h2#list + ul.cc-occs").inner_text()
    context.close()


_SPEECH = """
window.__spoken = []; window.__cancelled = 0;
const fake = {
  speaking: false,
  speak(u) { window.__spoken.push({text: u.text, lang: u.lang, rate: u.rate}); },
  cancel() { window.__cancelled += 1; },
  getVoices() { return []; },
};
Object.defineProperty(window, "speechSynthesis", {value: fake, configurable: true});
"""


@pytest.mark.parametrize("lang", ["", "en/"])
def test_read_aloud_reads_the_page_text_in_its_language(browser: Browser, site_url: str, lang: str) -> None:
    context = _context(browser, 375, 812, elder=True)
    context.add_init_script(_SPEECH)
    page = context.new_page()
    page.clock.set_fixed_time(CLOCK)
    page.goto(site_url + lang + EVENT, wait_until="load")
    button = page.locator("button.cc-read")
    expected = ("朗读", "停止朗读", "zh-CN") if not lang else ("Read aloud", "Stop reading", "en")
    assert button.is_visible() and button.inner_text().strip() == expected[0]
    # It floats over the page: nothing scrolls sideways, and it keeps a 44 px target.
    box = button.bounding_box()
    assert box is not None and box["height"] >= 44 and box["x"] + box["width"] <= 375
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    button.click()
    assert button.get_attribute("aria-pressed") == "true" and button.inner_text().strip() == expected[1]
    spoken = page.evaluate("window.__spoken")
    title = page.locator("article h1").first.inner_text().strip()
    assert spoken[0]["text"] == title and all(s["lang"] == expected[2] for s in spoken)
    assert len(spoken) > 5 and all(s["rate"] < 1 for s in spoken)
    # Only the page's text: not the menu, the header or the footer.
    texts = " ".join(s["text"] for s in spoken)
    assert ("工作人员页面" if not lang else "For staff") not in texts
    button.click()
    assert page.evaluate("window.__cancelled") >= 2 and button.get_attribute("aria-pressed") == "false"
    context.close()


def test_read_aloud_is_hidden_where_the_browser_cannot_speak(browser: Browser, site_url: str) -> None:
    context = _context(browser, 375, 812, elder=False)
    context.add_init_script('Object.defineProperty(window, "speechSynthesis", {value: undefined});')
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    assert page.locator("button.cc-read").is_hidden()
    context.close()
