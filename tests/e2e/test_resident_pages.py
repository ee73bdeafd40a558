"""What residents get around the content, end to end: palette, header, footer, 404, this
week, getting there, feeds, the staff page and the search index."""

from __future__ import annotations

import icalendar
import pytest

from community_culture.pages.palette import Palette, contrast, read_palette

HALL = """\
name: {zh: 测试礼堂, en: Test Auditorium}
kind: auditorium
address: {zh: 测试路1号, en: 1 Test Road}
location: {lat: 39.608, lon: 109.781}
area_m2: 210
facilities: [stage, lighting, sound]
functions: [ceremonies, cultural-activities, council-meetings, film-screenings]
contact: {person: {zh: 王老师, en: Ms Wang}, phone: "0477-8561234"}
"""

EVENTS = """\
events:
  - id: spring-gala
    title: {zh: 春节联欢会, en: Spring gala}
    category: festival
    when: {date: 2026-02-14, time: "15:00-17:00"}
    hall: test-auditorium
  - id: reading-day
    title: {zh: 读书日, en: Reading day}
    category: reading
    when: {date: 2026-06-01, time: "09:00-11:00"}
    hall: test-auditorium
  - id: film-night
    title: {zh: 电影放映, en: Film night}
    category: film
    when: {date: 2026-06-05, time: "19:00-21:00"}
    hall: test-auditorium
"""

YML = """\
site_name: 测试社区
site_url: https://example.org/
docs_dir: content
theme: {name: material, language: zh, font: false}
plugins:
  - community-culture:
      as_of: 2026-06-01
      reminder_minutes: 120
      palette: {primary: "#ef5552", link: "#ef5552"}
validation: {nav: {omitted_files: ignore}}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from conftest import make_project

    project = make_project(tmp_path_factory.mktemp("residents"))
    project.write("mkdocs.yml", YML)
    project.write("data/halls/test-auditorium.yml", HALL)
    project.write("data/events/2026.yml", EVENTS)
    import logging

    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record.getMessage())

    handler = Keep(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        project.build()
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    project.warnings = records
    return project


def test_default_palette_meets_wcag_aa() -> None:
    palette, problems = read_palette({})
    assert problems == []
    assert contrast(palette.on_primary, palette.primary) >= 4.5
    assert contrast(palette.link, palette.background) >= 4.5
    assert round(contrast("#ffffff", "#000000"), 1) == 21.0
    assert round(contrast("#ef5552", "#ffffff"), 2) == 3.45  # Material's red, the old default
    assert Palette().primary != "#ef5552"


def test_bad_palette_values_are_named() -> None:
    _, problems = read_palette({"primry": "#000000", "text": "red"})
    assert any("unknown colour 'primry'" in p for p in problems)
    assert any("text: expected a colour written #rrggbb, found 'red'" in p for p in problems)


def test_a_site_with_faint_colours_is_warned(built) -> None:  # type: ignore[no-untyped-def]
    faint = [w for w in built.warnings if "contrast of 3.45:1" in w]
    assert len(faint) == 2 and "4.5:1" in faint[0] and "对比度不足" in faint[0]
    css = (built.site / "assets/culture/palette.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #ef5552;" in css
    head = built.html("")
    assert [link["href"] for link in head.select("link[rel=stylesheet]") if "culture/" in link["href"]] == [
        "assets/culture/palette.css",
        "assets/culture/culture.css",
    ]


def test_every_page_has_a_skip_link_words_and_no_generator(built) -> None:  # type: ignore[no-untyped-def]
    for url in ("", "halls/test-auditorium/", "en/events/", "about/", "staff/"):
        page = built.html(url)
        skip = page.select_one("header a.cc-skip")
        assert skip["href"] == "#cc-main" and page.select_one("#cc-main") is not None, url
        assert page.select_one("label.cc-menu")["aria-label"], url
        assert "Material for MkDocs" not in page.get_text(), url
    zh, en = built.html(""), built.html("en/")
    # "EN" on a small phone's screen; the link's name is "English" everywhere.
    assert zh.select_one("a.cc-hbtn--lang .cc-long").get_text(strip=True) == "English"
    assert zh.select_one("a.cc-hbtn--lang .cc-short")["aria-hidden"] == "true"
    assert zh.select_one("a.cc-hbtn--lang")["lang"] == "en"
    assert zh.select_one("button.cc-hbtn--elder").get_text(strip=True) == "大字版"
    assert en.select_one("button.cc-hbtn--elder").get_text(strip=True) == "Large text"
    assert zh.select_one("a.cc-hbtn--search")["href"] == "search/"
    assert zh.select_one("script[src='assets/culture/culture.js']") is not None
    # Our script is a file (a Content-Security-Policy need not allow it inline).
    assert not [s for s in zh.select("script:not([src])") if "cc-" in (s.string or "")]
    footer = zh.select_one(".md-copyright").get_text(" ", strip=True)
    assert "本站由测试社区维护" in footer


def test_the_404_page_speaks_both_languages(built) -> None:  # type: ignore[no-untyped-def]
    page = built.html("404.html")
    sections = page.select("section.cc-notfound")
    assert [s["lang"] for s in sections] == ["zh", "en"]
    assert sections[0].h1.get_text(strip=True) == "找不到这个页面"
    assert sections[1].a["href"] == "/en/" and sections[0].a["href"] == "/"


def test_home_shows_this_week_first(built) -> None:  # type: ignore[no-untyped-def]
    home = built.html("")
    today = home.select('[data-cc-group="today"] li')
    week = home.select('[data-cc-group="week"] li')
    assert [li.select_one(".cc-occ__title").get_text(strip=True) for li in today] == ["读书日"]
    assert [li.select_one(".cc-occ__title").get_text(strip=True) for li in week] == ["电影放映"]
    assert week[0]["data-cc-first"] == "2026-06-05" and week[0]["data-cc-last"] == "2026-06-05"
    text = week[0].get_text(" ", strip=True)
    assert "19:00–21:00" in text and "测试礼堂" in text
    assert week[0].select_one(".cc-nw").get_text() == "19:00–21:00"  # a time range never breaks
    # The first heading after the title is today's: it comes before the tiles.
    assert str(home).index('data-cc-group="today"') < str(home).index("cc-tiles")


def test_an_event_page_says_how_to_get_there(built) -> None:  # type: ignore[no-untyped-def]
    page = built.html("events/reading-day/")
    there = page.select_one("section.cc-there")
    assert "测试路1号" in there.get_text()
    tel = there.select_one("a[href^='tel:']")
    assert tel["href"] == "tel:04778561234" and "0477-8561234" in tel.get_text()
    assert "王老师 " in there.get_text()
    assert there.select_one("a[href^='https://uri.amap.com/marker']") is not None
    assert page.select_one("a[href='event.ics']") is not None
    assert page.select_one("p.cc-back a")["href"] == "../"


def test_a_held_event_offers_no_calendar_file(built) -> None:  # type: ignore[no-untyped-def]
    page = built.html("events/spring-gala/")
    assert "这项活动已经举办" in page.select_one(".cc-banner--held").get_text()
    assert page.select_one("a[href='event.ics']") is None


def test_feeds_offer_webcal_and_carry_a_reminder(built) -> None:  # type: ignore[no-untyped-def]
    events = built.html("events/")
    links = [a["href"] for a in events.select(".cc-subscribe a")]
    assert links == ["webcal://example.org/events.ics", "../events.ics"]
    cal = icalendar.Calendar.from_ical((built.site / "events/reading-day/event.ics").read_bytes())
    alarms = [c for c in cal.walk("VALARM")]
    assert len(alarms) == 1 and alarms[0]["action"] == "DISPLAY"
    assert alarms[0].decoded("trigger").total_seconds() == -7200


def test_category_titles_do_not_repeat_words(built) -> None:  # type: ignore[no-untyped-def]
    assert built.html("events/category/festival/").title.get_text().startswith("节庆活动 - ")
    assert built.html("events/category/reading/").title.get_text().startswith("读书活动 - ")


def test_staff_material_is_out_of_residents_way(built) -> None:  # type: ignore[no-untyped-def]
    hall = built.html("halls/test-auditorium/")
    assert hall.select_one("details#standard table.cc-checklist") is not None
    assert hall.select_one("details#standard").has_attr("open") is False
    assert built.html("halls/").select_one("a[href$='halls.json']") is None
    staff = built.html("staff/")
    assert staff.select_one("meta[name=robots]")["content"] == "noindex"
    assert staff.select_one("[data-pagefind-body]") is None
    assert hall.select_one("[data-pagefind-body]") is not None


def test_pagefind_indexes_the_site(built) -> None:  # type: ignore[no-untyped-def]
    import json

    entry = json.loads((built.site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert sorted(entry["languages"]) == ["en", "zh"]
    assert (built.site / "pagefind/pagefind-ui.js").is_file()
    search = built.html("search/")
    assert search.select_one("script[src='../pagefind/pagefind-ui.js']") is not None
    assert search.select_one("#cc-search[data-cc-search]") is not None


def _fragments(site) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """What Pagefind shows and searches of each page: url -> the page's indexed words."""
    import gzip
    import json

    pages = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        fragment = json.loads(data)
        pages[fragment["url"]] = fragment["content"].replace("\u200b", "")  # Pagefind's word breaks
    return pages


def test_an_activity_is_found_on_its_own_page(built) -> None:  # type: ignore[no-untyped-def]
    # Lists of activities (the month grid and list, the week on the home page, a hall's
    # coming activities), an activity's dates and its way there are not indexed: a search
    # for an activity lists the activity, not every page that lists it.
    pages = _fragments(built.site)
    assert "春节联欢会" in pages["/events/spring-gala/"]
    assert "Reading day" in pages["/en/events/reading-day/"]
    listing = (
        "/",
        "/events/",
        "/events/2026/",
        "/events/2026/06/",
        "/events/category/film/",
        "/halls/test-auditorium/",
    )
    for url in listing:
        assert url in pages, url  # the page itself is still found by its own words
        for title in ("春节联欢会", "读书日"):  # (电影放映 is also a category's name)
            assert title not in pages[url], (url, title)
    assert "六月" in pages["/events/2026/06/"] or "6月" in pages["/events/2026/06/"]
    gala = pages["/events/spring-gala/"]
    assert "测试路1号" not in gala and "0477-8561234" not in gala  # the hall's, found on the hall's page
    assert "测试路1号" in pages["/halls/test-auditorium/"]
    month = built.html("events/2026/06/")
    assert all(li.has_attr("data-pagefind-ignore") for li in month.select("li.cc-occ"))
    assert month.select_one(".cc-month-wrap").has_attr("data-pagefind-ignore")
