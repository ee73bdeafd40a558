"""Reading teams, activity records and the year's plan: good files, and every slip named at its line."""

from __future__ import annotations

import datetime as dt

from community_culture.model.site import Options, load_site

AS_OF = dt.date(2026, 6, 1)

TEAM = """\
name: {zh: 锦绣秧歌队, en: Jinxiu Yangge Troupe}
kind: yangge
speciality: {zh: 鄂尔多斯秧歌, en: Ordos yangge}
practice:
  - {when: {every: week, on: [tuesday, friday], start: 2026-01-01, until: 2026-12-31, time: "19:30-21:00"}, hall: test-auditorium}
  - {when: {date: 2026-07-01}, venue: 公园}
leader: {role: {zh: 队长, en: Team leader}, name: 王桂兰, consent: true}
members: 32
join: {zh: 每周二晚来报名, en: Come on a Tuesday evening}
awards:
  - {year: 2025, title: {zh: 群星奖, en: Qunxing Award}}
"""

EVENTS = """\
events:
  - id: yangge-show
    title: 秧歌表演
    category: performance
    when: {date: 2026-05-01, time: "09:00"}
    hall: test-auditorium
    status: done
    teams: [yangge]
    records:
      - attendance: 120
        lecturer: {zh: 李老师, en: Ms Li}
        summary: 演出顺利。
  - id: class
    title: 月课
    category: training
    when: {rrule: "FREQ=MONTHLY;BYMONTHDAY=10", start: 2026-01-01, until: 2026-12-31}
    hall: test-auditorium
    records:
      - {date: 2026-03-10, attendance: 30, signed_in: 28}
"""

PLAN = """\
targets:
  - id: study
    title: 学习
    category: training
    min: {year: 8, quarter: 2}
  - id: class
    title: 月课
    event: class
    min: {month: 1}
  - id: people
    title: 人次
    metric: attendance
    hall: test-auditorium
    min: {year: 300}
  - id: books
    title: 图书
    manual: {value: 520, as_of: 2026-05-30}
    min: {year: 500}
  - id: august
    title: 八月每周演出
    category: performance
    within: {start: 2026-08-01, end: 2026-08-31}
    min: {week: 1}
"""


def load(project):  # type: ignore[no-untyped-def]
    site, problems = load_site(Options(project.root, project.root / "data", project.root / "content", as_of=AS_OF))
    return site, [p.format().splitlines()[0] for p in problems]


def write_all(project, team: str = TEAM, events: str = EVENTS, plan: str = PLAN) -> None:  # type: ignore[no-untyped-def]
    project.write("data/teams/yangge.yml", team)
    project.write("data/events/2026.yml", events)
    project.write("data/plan/2026.yml", plan)


def test_teams_records_and_plan_are_read(project):
    write_all(project)
    site, problems = load(project)
    assert problems == []
    team = site.teams["yangge"]
    assert team.kind == "yangge" and team.members == 32
    assert team.leader.name.get("zh", "zh") == "王桂兰"
    assert [p.hall for p in team.practice] == ["test-auditorium", None]
    assert team.practice[0].when.days[0][0] == dt.date(2026, 1, 2)
    show = site.events["yangge-show"]
    assert show.teams == ("yangge",)
    assert show.records[0].attendance == 120 and show.records[0].date is None
    assert site.events["class"].records[0].signed_in == 28
    plan = site.plans[2026]
    assert [t.id for t in plan.targets] == ["study", "class", "people", "books", "august"]
    assert plan.targets[0].minimum == (("year", 8), ("quarter", 2))
    assert plan.targets[3].manual.value == 520
    assert plan.targets[4].within == (dt.date(2026, 8, 1), dt.date(2026, 8, 31))


def test_leader_name_without_consent_is_dropped_with_a_warning(project):
    write_all(project, team=TEAM.replace(", consent: true", ""))
    site, problems = load(project)
    assert site is not None
    assert site.teams["yangge"].leader.name is None
    assert site.teams["yangge"].leader.role is not None
    assert any("data/teams/yangge.yml:7:" in p and "warning" in p and "consent" in p for p in problems)
    _, problems_full = load_site(Options(project.root, project.root / "data", project.root / "content", as_of=AS_OF))
    assert "王桂兰" not in problems_full.report()  # the log never shows the name either


def test_phone_and_address_in_a_team_are_errors(project):
    write_all(project, team=TEAM.replace("每周二晚来报名", "电话13912345678，住3号楼2单元"))
    site, problems = load(project)
    assert site is None
    assert any(p.startswith("data/teams/yangge.yml:9:12: join.zh") and "phone" in p for p in problems)
    assert any("home address" in p for p in problems)


def test_unknown_team_hall_and_kind(project):
    write_all(project, team=TEAM.replace("kind: yangge", "kind: yanggee"))
    site, problems = load(project)
    assert site is None
    assert any("yangge.yml:2:7: kind: unknown team kind 'yanggee'; did you mean 'yangge'" in p for p in problems)
    bad = TEAM.replace("hall: test-auditorium", "hall: test-auditorum")
    write_all(project, team=bad, events=EVENTS.replace("teams: [yangge]", "teams: [yangge, chorus]"))
    site, problems = load(project)
    assert any("practice[0].hall: unknown hall 'test-auditorum'; did you mean 'test-auditorium'" in p for p in problems)
    assert any("data/events/2026.yml:8:" in p and "unknown team 'chorus'" in p for p in problems)


def test_record_dates_must_be_past_occurrences(project):
    events = EVENTS.replace("{date: 2026-03-10,", "{date: 2026-03-11,") + (
        "      - {date: 2026-07-10, attendance: 5}\n"
        "  - id: off\n    title: 取消\n    category: film\n    when: {date: 2026-04-01}\n"
        "    hall: test-auditorium\n    status: cancelled\n    records:\n      - attendance: 3\n"
        "  - id: span\n    title: 展览\n    category: publicity\n    when: {month: 2026-04}\n"
        "    hall: test-auditorium\n    records:\n      - attendance: 3\n"
    )
    write_all(project, events=events)
    site, problems = load(project)
    assert site is None
    assert any(":19:16:" in p and "2026-03-11 is not a date of this event" in p for p in problems)
    assert any(":20:16:" in p and "2026-07-10 is in the future" in p for p in problems)
    assert any("records[0]: the event is cancelled" in p for p in problems)
    assert any("events[span].records[0].date: the event has more than one day" in p for p in problems)


def test_plan_slips(project):
    plan = (
        "targets:\n"
        "  - {id: a, title: A, category: training, event: class, min: {year: 1}}\n"
        "  - {id: b, title: B, category: trainin, min: {yaer: 2}}\n"
        "  - {id: c, title: C, event: nope, hall: nowhere, min: {month: 1}}\n"
        "  - {id: d, title: D, manual: {value: 5, as_of: 2025-12-01}, min: {year: 1}}\n"
        "  - {id: e, title: E, metric: visitors, within: {start: 2026-09-01, end: 2026-08-01}, min: {week: 0}}\n"
    )
    write_all(project, plan=plan)
    site, problems = load(project)
    assert site is None
    text = "\n".join(problems)
    assert (
        "2026.yml:2:43: targets[0].event: a target counts exactly one of category:, event:, metric: or manual:" in text
    )
    assert "unknown category 'trainin'; did you mean 'training'" in text
    assert "min.yaer: unknown period 'yaer'; did you mean 'year'" in text
    assert "targets[c].event: unknown event 'nope'" in text
    assert "targets[c].hall: unknown hall 'nowhere'" in text
    assert "the figure is of 2025-12-01, not of 2026" in text
    assert "unknown metric 'visitors'" in text
    assert "the end 2026-08-01 is before the start 2026-09-01" in text
    assert "min.week: must be at least 1" in text


def test_plan_file_must_be_named_by_year(project):
    write_all(project)
    project.write("data/plan/plan.yml", PLAN)
    site, problems = load(project)
    assert site is None
    assert any(p.startswith("data/plan/plan.yml: name the file after its year") for p in problems)


def test_phone_numbers_in_a_record_are_errors(project):
    events = EVENTS.replace("summary: 演出顺利。", "summary: 演出顺利，联系电话 13812345678。")
    write_all(project, events=events)
    site, problems = load(project)
    assert site is None
    assert any(
        p.startswith("data/events/2026.yml:12:18: events[0].records[0].summary: looks like a phone number")
        for p in problems
    )
