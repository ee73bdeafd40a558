"""The example site in real Chromium at phone width: nothing overflows sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

PAGES = [
    "",
    "halls/",
    "halls/jinxiu-auditorium/",
    "events/",
    "events/2026/04/",
    "events/2026/08/",
    "events/2026-double-ninth-elders/",
    "en/events/2026/04/",
    "en/halls/jinxiu-lecture-hall/",
    "honors/",
    "honors/longevity/",
    "en/honors/talent/",
    "exhibits/",
    "exhibits/customs/",
    "exhibits/customs/couplets/",
    "en/exhibits/history/old-street/",
    "teams/",
    "teams/yangge/",
    "en/teams/errentai/",
    "reports/2026/",
    "en/reports/2026/h1/",
    "events/2026-lantern-riddles/",
]


@pytest.mark.parametrize("url", PAGES)
def test_page_fits_a_375px_phone(browser: Browser, site_url: str, url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 812}, device_scale_factor=2)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site_url) else None)
    page.goto(site_url + url, wait_until="load")
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 375, f"{url} is {width}px wide on a 375px phone"
    # On a phone a month is its list by day, with times; the grid is for wide screens.
    grid = page.query_selector("table.cc-month")
    if grid is not None:
        assert not grid.is_visible()
        assert page.locator("h2#list + ul.cc-occs li").count() > 0
    # Body text stays legible: at least 16 CSS pixels.
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    assert size >= 16
    assert outside == [], f"{url} loaded from outside the site: {outside}"
    page.close()
