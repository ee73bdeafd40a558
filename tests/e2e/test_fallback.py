"""A text with no version in the page's language is shown in the one it has, marked as such."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import make_project

EVENTS = """events:
  - id: only-chinese
    title: {zh: "书法<b>班</b> & 展"}
    category: training
    when: {date: 2026-07-08, time: "9:00-11:00"}
    hall: test-auditorium
  - id: both
    title: {zh: 读书会, en: Reading club}
    category: reading
    when: {date: 2026-07-09}
    venue: {zh: 社区广场}
"""


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BeautifulSoup]:
    from community_culture.model.site import load_site
    from community_culture.output.options import read_config_file, read_options
    from community_culture.output.site import Settings, SiteOutput

    project = make_project(tmp_path_factory.mktemp("fallback"))
    project.write("data/events/2026.yml", EVENTS)
    config = read_config_file(project.root / "mkdocs.yml")
    site, problems = load_site(read_options(config))
    assert site is not None and not problems.errors, problems.report()
    made, _ = SiteOutput.make(site, Settings(site_name=config.site_name, search=False))
    assert made is not None
    made.attach({})
    pages = {(p.lang, p.url): p for p in made.pages}
    return {
        lang: BeautifulSoup(made.body(pages[lang, url]), "html.parser")
        for lang, url in (("en", "en/events/2026/07/"), ("zh", "events/2026/07/"))
    }


def test_a_title_without_english_is_shown_in_chinese_marked_and_escaped(month):
    items = {li.select_one(".cc-occ__title")["href"]: li for li in month["en"].select("#list ~ ul li.cc-occ")}
    item = next(li for href, li in items.items() if "only-chinese" in href)
    title = item.select_one(".cc-occ__title")
    shown = title.select_one("span.cc-fallback")
    assert shown["lang"] == "zh" and shown.get_text() == "书法<b>班</b> & 展"  # the editor's text, as text
    assert title.find("b") is None
    assert title.select_one("small.cc-fallback-note").get_text() == "(not yet translated; shown in Chinese)"
    # The place: a hall whose name has English is not marked; a venue in Chinese only is.
    assert item.select_one(".cc-occ__place a").find("span", class_="cc-fallback") is None
    both = next(li for href, li in items.items() if "both" in href)
    assert both.select_one(".cc-occ__title").get_text() == "Reading club"
    place = both.select_one(".cc-occ__place span.cc-fallback")
    assert place["lang"] == "zh" and place.get_text() == "社区广场"


def test_in_the_default_language_nothing_is_marked(month):
    assert month["zh"].select(".cc-fallback, .cc-fallback-note") == []
    assert "书法<b>班</b> & 展" in month["zh"].get_text()
