"""Repeat rules in editors' words: ``{every: month, on: 2nd saturday}``, in English and Chinese."""

from __future__ import annotations

import datetime as dt

import pytest

from community_culture.calendar.words import rule_words, when_words
from community_culture.model.site import Options, load_site


def load(project, when: str):  # type: ignore[no-untyped-def]
    project.write(
        "data/events/2026.yml",
        f"events:\n  - id: e1\n    title: 活动\n    category: festival\n    hall: test-auditorium\n    when: {when}\n",
    )
    site, problems = load_site(Options(project.root, project.root / "data", project.root / "content"))
    return site, problems


def days_of(project, when: str) -> list[str]:  # type: ignore[no-untyped-def]
    site, problems = load(project, when)
    assert [p.format() for p in problems] == []
    return [a.isoformat() for a, _ in site.events["e1"].when.days]


SPAN = "start: 2026-01-01, until: 2026-03-31"  # 2026-01-01 is a Thursday


@pytest.mark.parametrize(
    "when,first_days",
    [
        # weekly: every Tuesday from the first one on or after start
        (f"{{every: week, on: tuesday, {SPAN}}}", ["2026-01-06", "2026-01-13", "2026-01-20"]),
        (f"{{every: weekly, on: Tue, {SPAN}}}", ["2026-01-06", "2026-01-13", "2026-01-20"]),
        (f"{{every: 每周, on: 周二, {SPAN}}}", ["2026-01-06", "2026-01-13", "2026-01-20"]),
        (f"{{every: 每周, on: 星期二, {SPAN}}}", ["2026-01-06", "2026-01-13", "2026-01-20"]),
        (f"{{every: 每周二, {SPAN}}}", ["2026-01-06", "2026-01-13", "2026-01-20"]),
        (f"{{every: week, on: [monday, thursday], {SPAN}}}", ["2026-01-01", "2026-01-05", "2026-01-08"]),
        (f"{{every: 每周, on: [周一, 周四], {SPAN}}}", ["2026-01-01", "2026-01-05", "2026-01-08"]),
        (f"{{every: 每周, on: 周一、周四, {SPAN}}}", ["2026-01-01", "2026-01-05", "2026-01-08"]),
        (f"{{every: 每周一、四, {SPAN}}}", ["2026-01-01", "2026-01-05", "2026-01-08"]),
        # without on: the weekday of start
        (f"{{every: week, {SPAN}}}", ["2026-01-01", "2026-01-08", "2026-01-15"]),
        # every day
        (f"{{every: day, {SPAN}}}", ["2026-01-01", "2026-01-02", "2026-01-03"]),
        (f"{{every: 每天, {SPAN}}}", ["2026-01-01", "2026-01-02", "2026-01-03"]),
        # monthly
        (f"{{every: month, on: 2nd saturday, {SPAN}}}", ["2026-01-10", "2026-02-14", "2026-03-14"]),
        (f"{{every: month, on: second Saturday, {SPAN}}}", ["2026-01-10", "2026-02-14", "2026-03-14"]),
        (f"{{every: 每月, on: 第二个周六, {SPAN}}}", ["2026-01-10", "2026-02-14", "2026-03-14"]),
        (f"{{every: 每月第二个周六, {SPAN}}}", ["2026-01-10", "2026-02-14", "2026-03-14"]),
        (f"{{every: 每月, on: 第2个星期六, {SPAN}}}", ["2026-01-10", "2026-02-14", "2026-03-14"]),
        (f"{{every: month, on: last sunday, {SPAN}}}", ["2026-01-25", "2026-02-22", "2026-03-29"]),
        (f"{{every: 每月, on: 最后一个周日, {SPAN}}}", ["2026-01-25", "2026-02-22", "2026-03-29"]),
        (f"{{every: month, on: day 15, {SPAN}}}", ["2026-01-15", "2026-02-15", "2026-03-15"]),
        (f"{{every: 每月, on: 15日, {SPAN}}}", ["2026-01-15", "2026-02-15", "2026-03-15"]),
        (f"{{every: 每月15号, {SPAN}}}", ["2026-01-15", "2026-02-15", "2026-03-15"]),
        (f"{{every: month, on: [1st tuesday, 3rd tuesday], {SPAN}}}", ["2026-01-06", "2026-01-20", "2026-02-03"]),
        (f"{{every: month, on: last day, {SPAN}}}", ["2026-01-31", "2026-02-28", "2026-03-31"]),
        (f"{{every: month, {SPAN}}}", ["2026-01-01", "2026-02-01", "2026-03-01"]),
        (f"{{every: 2 months, on: day 15, {SPAN}}}", ["2026-01-15", "2026-03-15"]),
        (f"{{every: 每两个月, on: 15日, {SPAN}}}", ["2026-01-15", "2026-03-15"]),
    ],
)
def test_every_form_resolves(project, when, first_days):
    assert days_of(project, when)[: len(first_days)] == first_days


@pytest.mark.parametrize(
    "when",
    [
        "{every: 2 weeks, on: tuesday, start: 2026-01-02, until: 2026-02-28}",
        "{every: fortnight, on: tuesday, start: 2026-01-02, until: 2026-02-28}",
        "{every: 每两周, on: 周二, start: 2026-01-02, until: 2026-02-28}",
        "{every: 隔周, on: 星期二, start: 2026-01-02, until: 2026-02-28}",
        "{every: 每两周周二, start: 2026-01-02, until: 2026-02-28}",
    ],
)
def test_a_fortnightly_rule_starts_on_the_first_matching_day_on_or_after_start(project, when):
    # 2026-01-02 is a Friday; the first Tuesday after it is 01-06, and the rule runs
    # from there (dateutil's own week counting would start on 01-13).
    assert days_of(project, when) == ["2026-01-06", "2026-01-20", "2026-02-03", "2026-02-17"]


def test_fortnightly_on_two_days_alternates_whole_weeks(project):
    when = "{every: 2 weeks, on: [monday, thursday], start: 2026-01-07, until: 2026-02-08}"
    assert days_of(project, when) == ["2026-01-08", "2026-01-19", "2026-01-22", "2026-02-02", "2026-02-05"]


@pytest.mark.parametrize(
    "when,days",
    [
        (
            "{every: quarter, on: 3rd saturday, start: 2026-03-01, until: 2026-12-31}",
            ["2026-03-21", "2026-06-20", "2026-09-19", "2026-12-19"],
        ),
        (
            "{every: 每季度, on: 第三个周六, start: 2026-03-01, until: 2026-12-31}",
            ["2026-03-21", "2026-06-20", "2026-09-19", "2026-12-19"],
        ),
        (
            "{every: quarter, on: day 15, start: 2026-02-01, until: 2026-12-31}",
            ["2026-02-15", "2026-05-15", "2026-08-15", "2026-11-15"],
        ),
        # start after the month's matching day: that quarter's occurrence is gone, the count stays on start's month
        (
            "{every: quarter, on: day 15, start: 2026-02-20, until: 2026-12-31}",
            ["2026-05-15", "2026-08-15", "2026-11-15"],
        ),
        (
            "{every: 3 months, on: 15日, start: 2026-02-01, until: 2026-12-31}",
            ["2026-02-15", "2026-05-15", "2026-08-15", "2026-11-15"],
        ),
    ],
)
def test_quarter_counts_from_the_start_month(project, when, days):
    assert days_of(project, when) == days


@pytest.mark.parametrize(
    "when,days",
    [
        (
            "{every: year, on: 2nd saturday, start: 2026-03-01, until: 2028-12-31}",
            ["2026-03-14", "2027-03-13", "2028-03-11"],
        ),
        (
            "{every: 每年, on: 最后一个周日, start: 2026-05-01, until: 2028-12-31}",
            ["2026-05-31", "2027-05-30", "2028-05-28"],
        ),
        ("{every: year, start: 2026-06-15, until: 2028-12-31}", ["2026-06-15", "2027-06-15", "2028-06-15"]),
    ],
)
def test_yearly_rules_keep_to_the_start_month(project, when, days):
    assert days_of(project, when) == days


def test_times_and_exceptions(project):
    site, problems = load(
        project,
        '{every: 每月, on: 第二个周六, start: 2026-01-01, until: 2026-04-30, time: "19:00-21:00", except: [2026-02-14]}',
    )
    assert list(problems) == []
    w = site.events["e1"].when
    assert w.shape == "every" and w.rrule == "FREQ=MONTHLY;BYDAY=2SA"
    assert [d for d, _ in w.days] == [dt.date(2026, 1, 10), dt.date(2026, 3, 14), dt.date(2026, 4, 11)]
    assert (w.start_time, w.end_time) == (dt.time(19), dt.time(21))


@pytest.mark.parametrize(
    "when,zh,en",
    [
        (
            "{every: 每月, on: 第二个周六",
            "每月第二个周六 19:00–21:00",
            "The second Saturday of every month 19:00–21:00",
        ),
        ("{every: 2 weeks, on: tuesday", "每两周周二 19:00–21:00", "Every other Tuesday 19:00–21:00"),
        ("{every: week, on: [tuesday, friday]", "每周二、五 19:00–21:00", "Every Tuesday and Friday 19:00–21:00"),
        (
            "{every: quarter, on: 3rd saturday",
            "每季度第三个周六 19:00–21:00",
            "The third Saturday of every quarter 19:00–21:00",
        ),
        (
            "{every: month, on: last sunday",
            "每月最后一个周日 19:00–21:00",
            "The last Sunday of every month 19:00–21:00",
        ),
        ("{every: month, on: 15日", "每月15日 19:00–21:00", "On the 15th of every month 19:00–21:00"),
        ("{every: 每季度, on: 15日", "每季度15日 19:00–21:00", "On the 15th of every quarter 19:00–21:00"),
        ("{every: 每天", "每天 19:00–21:00", "Every day 19:00–21:00"),
    ],
)
def test_rules_in_words(project, when, zh, en):
    site, problems = load(project, when + ', start: 2026-03-01, until: 2026-12-31, time: "19:00-21:00"}')
    assert list(problems) == []
    w = site.events["e1"].when
    assert (rule_words(w, "zh"), rule_words(w, "en")) == (zh, en)
    first, last = w.days[0][0], w.days[-1][1]
    assert when_words(w, first, last, "zh").startswith(zh + "（2026年")


def test_rrule_words_keep_the_interval():
    from community_culture.model.when import When

    w = When("rrule", ((dt.date(2026, 1, 15),) * 2,), "day", rrule="FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15")
    assert rule_words(w, "zh") == "每季度15日"  # not "every month"


@pytest.mark.parametrize(
    "when,expected,listed",
    [
        (
            "{every: fortnite, on: tuesday, start: 2026-01-01, until: 2026-12-31}",
            "data/events/2026.yml:6:19: events[0].when.every: could not read every: 'fortnite'",
            "2 weeks",
        ),
        (
            "{every: week, on: tusday, start: 2026-01-01, until: 2026-12-31}",
            "data/events/2026.yml:6:29: events[0].when.on: could not read on: 'tusday'",
            "2nd tuesday",
        ),
        (
            "{every: 每月, on: 第二个周八, start: 2026-01-01, until: 2026-12-31}",
            "data/events/2026.yml:6:27: events[0].when.on: could not read on: '第二个周八'",
            "第二个周二",
        ),
        (
            "{every: week, on: 2nd tuesday, start: 2026-01-01, until: 2026-12-31}",
            "data/events/2026.yml:6:29: events[0].when.on: a weekly rule takes weekdays",
            "every: month",
        ),
        (
            "{every: month, on: tuesday, start: 2026-01-01, until: 2026-12-31}",
            "data/events/2026.yml:6:30: events[0].when.on: which tuesday of the month?",
            "2nd tuesday",
        ),
        (
            "{every: day, on: monday, start: 2026-01-01, until: 2026-12-31}",
            "data/events/2026.yml:6:28: events[0].when.on: every: day takes no on:",
            "every: week",
        ),
        (
            "{every: month, on: 2nd saturday, start: 2026-01-01}",
            "data/events/2026.yml:6:11: events[0].when.until: a repeating event needs until:",
            "until: 2026-12-31",
        ),
        (
            "{every: month, on: day 31, start: 2026-01-01, until: 2025-12-31}",
            "data/events/2026.yml:6:64: events[0].when.until: until 2025-12-31 is before start 2026-01-01",
            "",
        ),
        (
            "{every: 100 weeks, start: 2026-01-01, until: 2026-12-31}",
            "data/events/2026.yml:6:19: events[0].when.every: every: '100 weeks' should repeat every 1 to 52",
            "",
        ),
        (
            "{every: week, rrule: FREQ=WEEKLY, start: 2026-01-01, until: 2026-12-31}",
            "data/events/2026.yml:6:11: events[0].when: could not tell which shape this is",
            "{every: month, on: 2nd saturday",
        ),
    ],
)
def test_errors_name_the_wrong_part_and_list_the_forms(project, when, expected, listed):
    _, problems = load(project, when)
    assert len(problems) == 1, [p.format() for p in problems]
    text = problems.report()
    assert text.splitlines()[0].startswith(expected), text
    assert listed in text
