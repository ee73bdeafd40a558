"""Reading events: every `when` shape, and every way of writing one wrong."""

from __future__ import annotations

import datetime as dt

import pytest

from community_culture.model.site import Options, load_site


def load(project, body: str, extra: str = ""):  # type: ignore[no-untyped-def]
    project.write("data/events/2026.yml", "events:\n" + body + extra)
    site, problems = load_site(Options(project.root, project.root / "data", project.root / "content"))
    return site, [p.format().splitlines()[0] for p in problems]


def event(when: str, eid: str = "e1", more: str = "") -> str:
    return (
        f"  - id: {eid}\n    title: 活动\n    category: festival\n    hall: test-auditorium\n    when: {when}\n{more}"
    )


@pytest.mark.parametrize(
    "when,days,precision",
    [
        ('{date: 2026-05-01, time: "14:00-17:00"}', [("2026-05-01", "2026-05-01")], "day"),
        ("{start: 2026-07-20, end: 2026-08-31}", [("2026-07-20", "2026-08-31")], "day"),
        ("{month: 2026-04, part: late}", [("2026-04-21", "2026-04-30")], "part-of-month"),
        ("{month: 2026-02, part: late}", [("2026-02-21", "2026-02-28")], "part-of-month"),
        ("{month: 2024-02}", [("2024-02-01", "2024-02-29")], "month"),
        ("{from: 2026-01, to: 2026-12}", [("2026-01-01", "2026-12-31")], "months"),
        ("{festival: mid-autumn, year: 2026}", [("2026-09-25", "2026-09-25")], "day"),
        ('{lunar: "9-9", year: 2026}', [("2026-10-18", "2026-10-18")], "day"),
        (
            '{rrule: "FREQ=MONTHLY;INTERVAL=3;BYDAY=3SA", start: 2026-03-01, until: 2026-12-31}',
            [("2026-03-21",) * 2, ("2026-06-20",) * 2, ("2026-09-19",) * 2, ("2026-12-19",) * 2],
            "day",
        ),
    ],
)
def test_every_shape_resolves(project, when, days, precision):
    site, problems = load(project, event(when))
    assert problems == []
    w = site.events["e1"].when
    assert [(a.isoformat(), b.isoformat()) for a, b in w.days] == days
    assert w.precision == precision


def test_times_and_exceptions(project):
    site, problems = load(
        project,
        event(
            '{rrule: "FREQ=MONTHLY;BYDAY=3TH", start: 2026-01-01, until: 2026-03-31, time: "19:00-20:30", '
            "except: [2026-02-19]}"
        ),
    )
    assert problems == []
    w = site.events["e1"].when
    assert [d for d, _ in w.days] == [dt.date(2026, 1, 15), dt.date(2026, 3, 19)]
    assert (w.start_time, w.end_time) == (dt.time(19), dt.time(20, 30)) and w.excluded == (dt.date(2026, 2, 19),)


@pytest.mark.parametrize(
    "when,expected",
    [
        (
            "{date: 2026-05-01, festival: labour-day, year: 2026}",
            "data/events/2026.yml:6:11: events[0].when: could not tell which shape this is (keys: date, festival, year); use exactly one of:",
        ),
        (
            "{day: 2026-05-01}",
            "data/events/2026.yml:6:11: events[0].when: could not tell which shape this is (keys: day); use exactly one of:",
        ),
        ("2026-05-01", "data/events/2026.yml:6:11: events[0].when: expected one of these shapes, found '2026-05-01':"),
        (
            '{date: 2026-05-01, time: "2pm"}',
            'data/events/2026.yml:6:36: events[0].when.time: expected a time on the 24-hour clock like "19:00" or "19:00-21:00", found \'2pm\'',
        ),
        (
            '{date: 2026-05-01, time: "17:00-14:00"}',
            "data/events/2026.yml:6:36: events[0].when.time: the end 14:00 is not after the start",
        ),
        ("{date: 2026-02-29}", "data/events/2026.yml:6:18: events[0].when.date: '2026-02-29' is not a real date"),
        (
            "{start: 2026-08-31, end: 2026-07-20}",
            "data/events/2026.yml:6:36: events[0].when.end: the end 2026-07-20 is before the start 2026-08-31",
        ),
        (
            "{month: 2026-13}",
            "data/events/2026.yml:6:19: events[0].when.month: expected a month written YYYY-MM, found '2026-13'",
        ),
        (
            "{month: 2026-04, part: end}",
            "data/events/2026.yml:6:34: events[0].when.part: unknown part of the month (early 上旬, mid 中旬, late 下旬) 'end'",
        ),
        (
            "{festival: mid-autum, year: 2026}",
            "data/events/2026.yml:6:22: events[0].when.festival: unknown festival 'mid-autum'; did you mean 'mid-autumn'?",
        ),
        ("{festival: mid-autumn}", "data/events/2026.yml:6:11: events[0].when.year: is required but missing"),
        ('{lunar: "12-30", year: 2026}', "data/events/2026.yml:6:11: events[0].when: "),
        (
            '{lunar: "九月初九", year: 2026}',
            'data/events/2026.yml:6:19: events[0].when.lunar: expected a lunar month and day like "9-9"',
        ),
        (
            '{rrule: "FREQ=FORTNIGHTLY", start: 2026-01-01, until: 2026-12-31}',
            "data/events/2026.yml:6:11: events[0].when: ",
        ),
        ('{rrule: "FREQ=WEEKLY", start: 2026-01-01}', "data/events/2026.yml:6:11: events[0].when: "),
        (
            "{festival: laba, year: 2150}",
            "data/events/2026.yml:6:34: events[0].when.year: must be at most 2099, found 2150",
        ),
    ],
)
def test_bad_when_is_reported_with_position(project, when, expected):
    _, problems = load(project, event(when))
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected), problems[0]


def test_bad_when_lists_the_accepted_shapes(project):
    load(project, event("{day: 2026-05-01}"))
    _, problems = load_site(Options(project.root, project.root / "data", project.root / "content"))
    text = problems.report()
    for shape in ("{month: 2026-04, part: late}", '{lunar: "9-9", year: 2026}', "{rrule: "):
        assert shape in text


def test_nonexistent_lunar_day_is_explained(project):
    _, problems = load(project, event('{lunar: "12-30", year: 2026}'))
    assert "does not exist" in problems[0] or "没有" in problems[0] or "no day 30" in problems[0]


def test_unknown_hall_duplicate_and_reserved_ids(project):
    body = (
        event("{date: 2026-05-01}", "e1").replace("hall: test-auditorium", "hall: test-auditorum")
        + event("{date: 2026-05-02}", "e1")
        + event("{date: 2026-05-03}", "2026")
        + event("{date: 2026-05-04}", "category")
    )
    _, problems = load(project, body)
    assert problems == [
        "data/events/2026.yml:5:11: events[e1].hall: unknown hall 'test-auditorum'; did you mean 'test-auditorium'? "
        "(halls: test-auditorium); or write the place as venue: text",
        "data/events/2026.yml:7:5: events[e1].id: the id 'e1' is already used by the event at data/events/2026.yml:2",
        "data/events/2026.yml:12:9: events[2].id: the id '2026' is reserved for the calendar's own pages; add words, e.g. '2026-gala'",
        "data/events/2026.yml:17:9: events[3].id: the id 'category' is reserved for the calendar's own pages; add words, e.g. '2026-gala'",
    ]


def test_except_outside_the_dates_warns(project):
    _, problems = load(project, event("{date: 2026-05-01, except: [2026-06-01]}"))
    assert problems == [
        "data/events/2026.yml:6:11: warning: events[0].when.except: 2026-06-01 is outside the event's dates"
    ]


def test_unknown_category_and_status(project):
    body = event("{date: 2026-05-01}", more="    status: canceled\n").replace(
        "category: festival", "category: festivals"
    )
    _, problems = load(project, body)
    assert problems[0].startswith(
        "data/events/2026.yml:4:15: events[0].category: unknown category 'festivals'; did you mean 'festival'?"
    )
    assert problems[1].startswith(
        "data/events/2026.yml:7:13: events[0].status: unknown status 'canceled'; did you mean 'cancelled'?"
    )


def test_missing_events_list(project):
    project.write("data/events/2026.yml", "- id: x\n")
    _, problems = load_site(Options(project.root, project.root / "data", project.root / "content"))
    assert [p.format().splitlines()[0] for p in problems] == [
        "data/events/2026.yml:1:1: expected a file with an 'events:' list written as 'key: value' lines, found a list"
    ]
