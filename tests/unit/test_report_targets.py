"""Target states per period, computed from small plans and calendars as of a build date."""

from __future__ import annotations

import datetime as dt

from community_culture.build import Build
from community_culture.model.site import Options, load_site
from community_culture.reports.summary import available, make_report, report_json
from community_culture.reports.targets import held_occurrences, periods_of

AS_OF = dt.date(2026, 6, 1)


def site_of(project, events: str, plan: str, as_of: dt.date = AS_OF):  # type: ignore[no-untyped-def]
    project.write("data/events/2026.yml", "events:\n" + events)
    project.write("data/plan/2026.yml", "targets:\n" + plan)
    site, problems = load_site(Options(project.root, project.root / "data", project.root / "content", as_of=as_of))
    assert site is not None, problems.report()
    return Build.of(site)


def ev(eid: str, when: str, category: str = "party-education", more: str = "") -> str:
    return f"  - id: {eid}\n    title: {eid}\n    category: {category}\n    hall: test-auditorium\n    when: {when}\n{more}"


def states(site, year: int = 2026) -> dict[str, dict[str, tuple]]:  # type: ignore[no-untyped-def]
    data = report_json(make_report(site, year, "year"), site)
    return {t["id"]: {p["period"]: (p["count"], p["min"], p["state"]) for p in t["periods"]} for t in data["targets"]}


def test_a_quarter_with_one_session_of_two_is_missed(project):
    events = ev("s1", "{date: 2026-02-04}") + ev("s2", "{date: 2026-04-01}") + ev("s3", "{date: 2026-05-06}")
    events += ev("s4", "{date: 2026-09-02}")
    site = site_of(
        project, events, "  - {id: study, title: 学习, category: party-education, min: {year: 8, quarter: 2}}\n"
    )
    got = states(site)["study"]
    assert got["2026-Q1"] == (1, 2, "missed")
    assert got["2026-Q2"] == (2, 2, "met")
    assert got["2026-Q3"] == (0, 2, "upcoming")  # the September session is still ahead
    assert got["2026"] == (3, 8, "in-progress")
    assert list(got) == ["2026", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]


def test_a_month_without_its_class_is_missed_and_excepted_cancelled_postponed_do_not_count(project):
    events = ev(
        "class",
        '{rrule: "FREQ=MONTHLY;BYMONTHDAY=10", start: 2026-01-01, until: 2026-12-31, except: [2026-03-10]}',
        "training",
    )
    events += ev("extra", "{date: 2026-04-20}", "training", "    status: cancelled\n")
    events += ev("later", "{date: 2026-05-20}", "training", "    status: postponed\n")
    site = site_of(project, events, "  - {id: monthly, title: 月课, category: training, min: {month: 1}}\n")
    got = states(site)["monthly"]
    assert got["2026-02"] == (1, 1, "met")
    assert got["2026-03"] == (0, 1, "missed")
    assert got["2026-04"] == (1, 1, "met")  # the cancelled extra class does not count
    assert got["2026-05"] == (1, 1, "met")
    assert got["2026-06"] == (0, 1, "in-progress")  # 10 June is after the build date
    assert got["2026-07"] == (0, 1, "upcoming")


def test_attendance_sums_records_of_held_occurrences_in_a_hall(project):
    events = ev(
        "talks",
        '{rrule: "FREQ=MONTHLY;BYMONTHDAY=5", start: 2026-01-01, until: 2026-12-31}',
        "training",
        "    records:\n      - {date: 2026-01-05, attendance: 40, signed_in: 35}\n"
        "      - {date: 2026-03-05, attendance: 55}\n",
    )
    events += ev("show", "{date: 2026-05-01}", "performance", "    records:\n      - attendance: 120\n")
    events += "  - id: outside\n    title: x\n    category: sports\n    venue: 公园\n    when: {date: 2026-05-02}\n"
    events += "    records:\n      - attendance: 1000\n"
    plan = "  - {id: people, title: 人次, metric: attendance, hall: test-auditorium, min: {year: 300, half: 200}}\n"
    site = site_of(project, events, plan)
    got = states(site)["people"]
    assert got["2026"] == (215, 300, "in-progress")
    assert got["2026-H1"] == (215, 200, "met")
    assert got["2026-H2"] == (0, 200, "upcoming")
    report = make_report(site, 2026, "h1")
    assert report.attendance == 1215 and report.signed_in == 35
    assert report.by_hall == {"test-auditorium": 6}
    assert report.elsewhere == 1
    assert report.by_month == {"2026-01": 1, "2026-02": 1, "2026-03": 1, "2026-04": 1, "2026-05": 3, "2026-06": 0}


def test_within_narrows_to_the_weeks_of_august(project):
    events = "".join(ev(f"p{d}", f"{{date: 2026-08-{d:02d}}}", "performance") for d in (1, 8, 12, 29)) + ev(
        "july", "{date: 2026-07-30}", "performance"
    )
    plan = (
        "  - id: august\n    title: 八月每周演出\n    category: performance\n"
        "    within: {start: 2026-08-01, end: 2026-08-31}\n    min: {week: 1}\n"
    )
    site = site_of(project, events, plan, as_of=dt.date(2026, 9, 30))
    got = states(site)["august"]
    # A week is August's when its Thursday is: 1-2 August belong to W31 (Thursday 30 July), 31 August to W36.
    assert list(got) == ["2026-W32", "2026-W33", "2026-W34", "2026-W35"]
    assert got["2026-W32"] == (1, 1, "met")
    assert got["2026-W33"] == (1, 1, "met")
    assert got["2026-W34"] == (0, 1, "missed")
    assert got["2026-W35"] == (1, 1, "met")
    assert [p.label for p in periods_of(2026, "week")][:2] == ["2026-W01", "2026-W02"]
    assert periods_of(2026, "week")[-1].label == "2026-W53"


def test_manual_figures_count_from_the_day_they_were_taken(project):
    plan = (
        "  - {id: books, title: 图书, manual: {value: 520, as_of: 2026-05-30}, min: {year: 500}}\n"
        "  - {id: visitors, title: 访客, manual: {value: 90, as_of: 2026-05-30}, min: {year: 100, half: 50}}\n"
    )
    site = site_of(project, ev("x", "{date: 2026-01-02}"), plan)
    got = states(site)
    assert got["books"] == {"2026": (520, 500, "met")}
    assert got["visitors"] == {
        "2026": (90, 100, "in-progress"),
        "2026-H1": (90, 50, "met"),
        "2026-H2": (0, 50, "upcoming"),
    }
    ended = site_of(project, ev("x", "{date: 2026-01-02}"), plan, as_of=dt.date(2027, 1, 10))
    assert states(ended)["visitors"]["2026"] == (90, 100, "missed")


def test_a_record_dates_a_fuzzy_occurrence_and_reports_exist_sensibly(project):
    events = ev(
        "late", "{month: 2026-04, part: late}", "sports", "    records:\n      - {date: 2026-04-25, attendance: 9}\n"
    )
    site = site_of(project, events, "  - {id: s, title: s, category: sports, min: {month: 1}}\n")
    (held,) = held_occurrences(site.calendar)
    assert held.day == dt.date(2026, 4, 25) and held.record.attendance == 9
    assert states(site)["s"]["2026-04"] == (1, 1, "met")
    assert available(2026, AS_OF, True) == ["year", "h1"]
    assert available(2026, dt.date(2026, 7, 1), True) == ["year", "h1", "h2"]
    assert available(2027, AS_OF, True) == ["year"]
    report = make_report(site, 2026, "year")
    assert report.in_progress and report.counted_to == AS_OF


def test_every_record_of_a_month_long_activity_counts_toward_attendance(project):
    events = ev(
        "exhibition",
        "{month: 2026-04}",
        "publicity",
        "    records:\n      - {date: 2026-04-20, attendance: 30}\n      - {date: 2026-04-05, attendance: 12}\n",
    )
    site = site_of(project, events, "  - {id: people, title: 人次, metric: attendance, min: {month: 40}}\n")
    (held,) = held_occurrences(site.calendar)
    assert held.day == dt.date(2026, 4, 5) and held.attendance == 42
    assert states(site)["people"]["2026-04"] == (42, 40, "met")
    assert make_report(site, 2026, "h1").attendance == 42
