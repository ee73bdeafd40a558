"""Repeat rules in editors' words, built: the event page's words, the month grid and the feed."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

EVENTS = """\
events:
  - id: fortnight-lecture
    title: {zh: 双周讲座, en: Fortnightly lecture}
    category: training
    when: {every: 每两周, on: 周二, start: 2026-05-01, until: 2026-06-30, time: "19:00-20:30"}
    hall: test-auditorium
  - id: film-night
    title: {zh: 电影放映, en: Film night}
    category: film
    when: {every: month, on: 2nd saturday, start: 2026-05-01, until: 2026-08-31, time: "19:00-21:00", except: [2026-07-11]}
    hall: test-auditorium
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    project = _make_project(tmp_path_factory.mktemp("every"))
    project.write("data/events/2026.yml", EVENTS)
    project.build()
    return project


def facts(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return dict(
        zip(
            [d.get_text(strip=True) for d in page.select("dl.cc-facts dt")],
            [d.get_text(" ", strip=True) for d in page.select("dl.cc-facts dd")],
            strict=True,
        )
    )


def test_event_pages_say_the_rule_in_words(built):
    zh = facts(built.html("events/fortnight-lecture/"))
    assert zh["时间"].replace(" （", "（") == "每两周周二 19:00–20:30（2026年5月5日至6月30日）"
    en = built.html("en/events/fortnight-lecture/")
    assert "Every other Tuesday 19:00–20:30 (5 May – 30 June 2026)" in en.get_text(" ", strip=True)
    dates = [li.get_text(" ", strip=True) for li in en.select("ol.cc-dates li")]
    # 2026-05-01 is a Friday: the first Tuesday on or after it, then every other week.
    assert [d.split(" 19:00")[0] for d in dates] == [
        "Tuesday 5 May 2026",
        "Tuesday 19 May 2026",
        "Tuesday 2 June 2026",
        "Tuesday 16 June 2026",
        "Tuesday 30 June 2026",
    ]
    film = facts(built.html("events/film-night/"))
    assert film["时间"].replace(" （", "（") == "每月第二个周六 19:00–21:00（2026年5月9日至8月8日）"
    assert "The second Saturday of every month 19:00–21:00" in built.html("en/events/film-night/").get_text(
        " ", strip=True
    )


def test_month_grid_puts_each_occurrence_on_its_day(built):
    page = built.html("events/2026/05/")
    chips = {}
    for nums in page.select("tr.cc-month__nums"):
        cells = nums.find_next_sibling("tr", class_="cc-month__days").select("td")
        for num, cell in zip(nums.select("td"), cells, strict=True):
            if "cc-out" not in (num.get("class") or []):
                chips[num.get_text(strip=True)] = [a.get_text(" ", strip=True) for a in cell.select("a.cc-chip")]
    assert chips["5"] == ["19:00 双周讲座"] and chips["19"] == ["19:00 双周讲座"]
    assert chips["12"] == [] and chips["26"] == []
    assert chips["9"] == ["19:00 电影放映"]


def test_feed_carries_every_occurrence(built):
    cal = icalendar.Calendar.from_ical((built.site / "events/fortnight-lecture/event.ics").read_bytes())
    starts = sorted(e.decoded("DTSTART").isoformat() for e in cal.walk("VEVENT"))
    assert starts == [
        "2026-05-05T19:00:00+08:00",
        "2026-05-19T19:00:00+08:00",
        "2026-06-02T19:00:00+08:00",
        "2026-06-16T19:00:00+08:00",
        "2026-06-30T19:00:00+08:00",
    ]
    film = icalendar.Calendar.from_ical((built.site / "events/film-night/event.ics").read_bytes())
    assert "2026-07-11" not in str([e.decoded("DTSTART") for e in film.walk("VEVENT")])
    assert len(film.walk("VEVENT")) == 3


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
