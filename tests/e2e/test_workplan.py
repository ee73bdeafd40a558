"""The work plan end to end: teams, activity records, the reports, their charts, JSON and PDF.

One small site is built once, as of 30 September 2026 (the second half under way),
and read the way residents and the office read it: HTML parsed, SVG figures compared
with the data tables, .ics read back with icalendar, the PDF turned into text, and
every output file searched for the name of a leader who did not consent.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import icalendar
import pikepdf
import pytest
from bs4 import BeautifulSoup
from conftest import MKDOCS_YML, Project, make_project
from test_honors import find_in_site

SECRET = "赵秘密"

TEAM = """\
name: {zh: 测试秧歌队, en: Test Yangge Troupe}
kind: yangge
speciality: {zh: 鄂尔多斯秧歌, en: Ordos yangge}
practice:
  - {when: {rrule: "FREQ=WEEKLY;BYDAY=TU", start: 2026-09-01, until: 2026-10-31, time: "19:30-21:00"}, hall: test-auditorium}
leader: {role: {zh: 队长, en: Team leader}, name: 赵秘密}
members: 20
join: {zh: 周二晚上来礼堂报名, en: Come on a Tuesday evening}
awards:
  - {year: 2025, title: {zh: 群星奖, en: Qunxing Award}}
"""

EVENTS = """\
events:
  - id: study
    title: {zh: 党员学习, en: Party study}
    category: party-education
    when: {rrule: "FREQ=MONTHLY;BYMONTHDAY=10", start: 2026-01-01, until: 2026-12-31, time: "15:00-17:00", except: [2026-02-10]}
    hall: test-auditorium
    records:
      - {date: 2026-01-10, attendance: 40, signed_in: 38, lecturer: {zh: 党支部书记, en: Branch secretary}}
      - {date: 2026-08-10, attendance: 30, signed_in: 30}
  - id: show
    title: {zh: 国庆演出, en: National Day show}
    category: performance
    when: {date: 2026-09-26, time: "19:00-21:00"}
    hall: test-auditorium
    teams: [yangge]
    records:
      - attendance: 150
        summary: {zh: 秧歌队开场。, en: The troupe opened the show.}
  - id: gala
    title: {zh: 年终汇演, en: Year-end gala}
    category: performance
    when: {date: 2026-12-12, time: "14:00"}
    hall: test-auditorium
    teams: [yangge]
  - id: rained-off
    title: {zh: 露天电影, en: Open-air film}
    category: film
    when: {date: 2026-08-08}
    venue: 广场
    status: cancelled
"""

PLAN = """\
targets:
  - id: study
    title: {zh: 集中学习, en: Study sessions}
    category: party-education
    min: {year: 10, quarter: 3}
  - id: people
    title: {zh: 参与人次, en: Attendance}
    metric: attendance
    min: {half: 100}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("workplan"))
    project.write("mkdocs.yml", MKDOCS_YML.replace("as_of: 2026-06-01", "as_of: 2026-09-30"))
    project.write("data/teams/yangge.yml", TEAM)
    project.write("data/events/2026.yml", EVENTS)
    project.write("data/plan/2026.yml", PLAN)
    project.build()
    return project


def test_reports_exist_for_both_halves_and_the_year_in_both_languages(built: Project) -> None:
    for url in ("reports/", "reports/2026/", "reports/2026/h1/", "reports/2026/h2/"):
        assert (built.site / url / "index.html").is_file(), url
        assert (built.site / "en" / url / "index.html").is_file(), url
    for url in ("reports/2026/", "reports/2026/h1/", "reports/2026/h2/"):
        assert (built.site / url / "report.pdf").read_bytes().startswith(b"%PDF"), url
    assert not (built.site / "reports/2027").exists()
    index = built.html("reports/")
    assert {a["href"] for a in index.select("main a[href*='2026']")} >= {"2026/", "2026/h1/", "2026/h2/"}


def test_a_report_in_progress_says_so_and_an_ended_one_does_not(built: Project) -> None:
    year = built.html("reports/2026/")
    banner = year.select_one(".cc-banner--progress")
    assert banner is not None and "2026年9月30日" in banner.get_text()
    assert built.html("reports/2026/h1/").select_one(".cc-banner--progress") is None
    assert "30 September 2026" in built.html("en/reports/2026/h2/").select_one(".cc-banner--progress").get_text()


def test_report_targets_figures_and_lists(built: Project) -> None:
    page = built.html("reports/2026/")
    figures = {dd["data-figure"]: dd.get_text(strip=True) for dd in page.select("dd[data-figure]")}
    # Held by 30 September: eight monthly studies (February excepted) and the show.
    assert figures["held"] == "9" and figures["attendance"] == "220" and figures["cancelled"] == "1"
    rows = {
        tr["data-period"]: [td.get_text(" ", strip=True) for td in tr.select("td")]
        for tr in page.select("#target-study tr[data-period]")
    }
    assert rows["2026"] == ["10", "8", "… 进行中"]
    assert rows["2026-Q1"] == ["3", "2", "✗ 未达标"]
    assert rows["2026-Q3"] == ["3", "3", "✓ 达标"]
    assert rows["2026-Q4"] == ["3", "0", "○ 未开始"]
    counted = page.select_one("#target-study .cc-counted")
    assert "党员学习" in counted.get_text() and counted.a["href"].endswith("events/study/")
    h2 = {tr["data-period"] for tr in built.html("reports/2026/h2/").select("#target-study tr[data-period]")}
    assert h2 == {"2026", "2026-Q3", "2026-Q4"}
    assert "×8" in counted.get_text()
    # The half-year report names what counted within its own days, though its year row counts all eight.
    assert "×3" in built.html("reports/2026/h2/").select_one("#target-study .cc-counted").get_text()
    held = [tr.select("td")[1].get_text(strip=True) for tr in page.select("table.cc-held tbody tr")]
    assert held.count("党员学习") == 8 and "国庆演出" in held and "年终汇演" not in held
    assert "露天电影" in page.select_one("#not-held + ul").get_text()
    teams = page.select_one(".cc-report-teams").get_text(" ", strip=True)
    assert "测试秧歌队" in teams and "1 场" in teams


def test_every_chart_is_accessible_svg_whose_numbers_equal_its_table(built: Project) -> None:
    page = built.html("en/reports/2026/")
    charts = page.select("figure.cc-chart")
    assert {c["id"] for c in charts} == {"chart-by-month", "chart-by-category", "chart-by-hall"}
    assert not page.select("article.cc-report script")
    for chart in charts:
        svg = chart.select_one("svg")
        assert svg["role"] == "img"
        title = svg.select_one("title")
        assert title is not None and title.get_text() and title["id"] in svg["aria-labelledby"]
        labels, values = svg.select(".cc-chart__label"), svg.select(".cc-chart__value")
        drawn = [(t.get_text(), int(v.get_text())) for t, v in zip(labels, values, strict=True)]
        table = [(tr.th.get_text(), int(tr.td.get_text())) for tr in chart.select("table tbody tr")]
        assert drawn == table and drawn
        widths = [float(r["width"]) for r in svg.select("rect")]
        top = max(v for _, v in drawn)
        for width, (_, value) in zip(widths, drawn, strict=True):
            assert abs(width - max(widths) * value / top) < 0.2  # bars are drawn to scale
        for label, value in drawn:
            assert f"{label} {value}" in svg.select_one("desc").get_text()
    months = dict((tr.th.get_text(), tr.td.get_text()) for tr in page.select("#chart-by-month tbody tr"))
    assert months == {
        "January": "1",
        "February": "0",
        "March": "1",
        "April": "1",
        "May": "1",
        "June": "1",
        "July": "1",
        "August": "1",
        "September": "2",
    }


def test_report_json_has_the_contract_shape(built: Project) -> None:
    data = json.loads((built.site / "data/report-2026.json").read_text(encoding="utf-8"))
    assert {"year", "as_of", "targets", "held", "attendance"} <= set(data)
    assert data["year"] == 2026 and data["as_of"] == "2026-09-30" and data["attendance"] == 220
    assert {"by_category", "by_month", "by_hall"} <= set(data["held"])
    assert data["held"]["by_category"] == {"party-education": 8, "performance": 1}
    assert data["held"]["by_hall"] == {"test-auditorium": 9}
    study = next(t for t in data["targets"] if t["id"] == "study")
    assert study["title"] == {"zh": "集中学习", "en": "Study sessions"}
    assert study["periods"][0] == {"period": "2026", "min": 10, "count": 8, "state": "in-progress", "events": ["study"]}
    people = next(t for t in data["targets"] if t["id"] == "people")
    assert [(p["period"], p["count"], p["state"]) for p in people["periods"]] == [
        ("2026-H1", 40, "missed"),
        ("2026-H2", 180, "met"),
    ]
    assert not (built.site / "en/data/report-2026.json").exists()


def test_report_pdf_text(built: Project) -> None:
    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(built.site / "reports/2026/report.pdf"), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    for expected in (
        "2026年度文化工作总结",
        "测试社区",
        "本期尚未结束",
        "集中学习",
        "2026年第1季度",
        "未达标",
        "国庆演出",
        "各月举办活动场次",
    ):
        assert expected in text, expected
    cover = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", str(built.site / "reports/2026/report.pdf"), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout.split()
    # The cover's key figures: held, attendance and signed in, as on the web page.
    assert cover[cover.index("签到人次") + 1 : cover.index("签到人次") + 4] == ["9", "220", "68"]
    with pikepdf.open(built.site / "reports/2026/h1/report.pdf") as pdf:
        trim = [float(v) for v in pdf.pages[0].obj["/TrimBox"]]
    assert round((trim[2] - trim[0]) / 72 * 25.4) == 210 and round((trim[3] - trim[1]) / 72 * 25.4) == 297  # A4


def test_team_page_feed_hall_and_event(built: Project) -> None:
    page = built.html("teams/yangge/")
    text = page.select_one("article.cc-team").get_text(" ", strip=True)
    for expected in (
        "测试秧歌队",
        "秧歌",
        "鄂尔多斯秧歌",
        "队长",
        "20 人",
        "每周二 19:30–21:00",
        "测试礼堂",
        "周二晚上来礼堂报名",
        "群星奖",
    ):
        assert expected in text, expected
    upcoming = [a["href"] for a in page.select("#performances ~ ul.cc-occs a")]
    assert "../../events/gala/" in upcoming
    assert page.select_one("a[href$='events.ics']")["href"].endswith("example.org/teams/yangge/events.ics")
    cal = icalendar.Calendar.from_ical((built.site / "teams/yangge/events.ics").read_bytes())
    events = cal.walk("VEVENT")
    practice = [e for e in events if str(e["url"]).endswith("/teams/yangge/")]
    shows = [e for e in events if "/events/" in str(e["url"])]
    assert len(practice) == 9 and len(shows) == 2  # Tuesdays of September and October; two shows
    assert str(practice[0]["summary"]) == "测试秧歌队排练"
    en = icalendar.Calendar.from_ical((built.site / "en/teams/yangge/events.ics").read_bytes())
    assert str(en.walk("VEVENT")[0]["summary"]) == "Test Yangge Troupe practice"
    index = built.html("en/teams/")
    assert index.select_one("main a[href='yangge/']").get_text() == "Test Yangge Troupe"
    hall = built.html("halls/test-auditorium/")
    assert hall.select_one("#teams + ul a")["href"] == "../../teams/yangge/"
    show = built.html("events/show/")
    assert show.select_one("a[href='../../teams/yangge/']").get_text() == "测试秧歌队"
    record = show.select_one("section.cc-records").get_text(" ", strip=True)
    assert "活动回顾" in record and "150 人" in record and "秧歌队开场" in record
    study = built.html("en/events/study/").select_one("section.cc-records").get_text(" ", strip=True)
    assert "Branch secretary" in study and "38" in study


def test_events_json_gains_teams_and_records(built: Project) -> None:
    rows = json.loads((built.site / "data/events.json").read_text(encoding="utf-8"))
    show = next(r for r in rows if r["id"] == "show")
    assert show["teams"] == ["yangge"]
    assert show["record"]["attendance"] == 150 and show["record"]["date"] == "2026-09-26"
    first = next(r for r in rows if r["id"] == "study" and r["occurrence"] == "2026-01-10")
    assert first["record"]["signed_in"] == 38 and first["record"]["lecturer"] == {
        "zh": "党支部书记",
        "en": "Branch secretary",
    }
    assert next(r for r in rows if r["id"] == "gala")["record"] is None
    for key in (
        "id",
        "occurrence",
        "url",
        "title",
        "category",
        "hall",
        "status",
        "start",
        "end",
        "all_day",
        "precision",
    ):
        assert key in show


def test_a_leader_without_consent_appears_nowhere(built: Project) -> None:
    assert find_in_site(built.site, (SECRET,)) == {}
    assert "队长" in built.html("teams/yangge/").select_one(".cc-facts").get_text()


def test_example_has_teams_plan_and_reports(example_site: Path) -> None:
    site = example_site / "site"
    for url in ("teams/", "teams/yangge/", "teams/errentai/", "teams/fitness-dance/", "reports/", "reports/2026/"):
        assert (site / url / "index.html").is_file(), url
        assert (site / "en" / url / "index.html").is_file(), url
    # The example is built as of 29 May 2026: the second half has not begun.
    assert (site / "reports/2026/h1/report.pdf").is_file() and not (site / "reports/2026/h2").exists()
    data = json.loads((site / "data/report-2026.json").read_text(encoding="utf-8"))
    civility = next(t for t in data["targets"] if t["id"] == "civility-school")
    february = next(p for p in civility["periods"] if p["period"] == "2026-02")
    assert february["state"] == "missed" and february["count"] == 0  # no class in Spring Festival week
    assert {t["id"] for t in data["targets"]} >= {
        "party-study",
        "legal-education",
        "august-culture-month",
        "books-added",
    }
    for lang, prefix, names in (("zh", "", ("文艺队伍", "工作报告")), ("en", "en/", ("Amateur teams", "Reports"))):
        home = (site / prefix / "index.html").read_text(encoding="utf-8")
        tabs = [a.get_text(strip=True) for a in BeautifulSoup(home, "html.parser").select("nav.md-tabs a")]
        for name in names:
            assert name in tabs, (lang, name, tabs)
