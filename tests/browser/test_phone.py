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
]


@pytest.mark.parametrize("url", PAGES)
def test_page_fits_a_375px_phone(browser: Browser, site_url: str, url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 812}, device_scale_factor=2)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site_url) else None)
    page.goto(site_url + url, wait_until="load")
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 375, f"{url} is {width}px wide on a 375px phone"
    grid = page.query_selector("table.cc-month")
    if grid is not None:
        box = grid.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
    # Body text stays legible: at least 16 CSS pixels.
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    assert size >= 16
    assert outside == [], f"{url} loaded from outside the site: {outside}"
    page.close()
