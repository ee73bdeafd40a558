"""Report pages: ``/reports/``, ``/reports/<yyyy>/`` (年终总结), ``/reports/<yyyy>/h1|h2/`` (半年小结).

Also ``/data/report-<yyyy>.json`` for district portals, and ``report.pdf`` beside each
report page (see :mod:`.report_print`). Reports exist for every year with a plan or
with activities held; a half-year report once its half has begun.
"""

from __future__ import annotations

import json
from typing import Any

from ..calendar.words import MONTHS_EN, day_words, month_name
from ..model.site import Site
from ..reports.charts import Chart, bar_chart
from ..reports.summary import Report, available, make_report, report_json, report_years
from ..reports.targets import Period
from .plan import Asset, PageSpec, Plan
from .strings import translate

STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "reports": "工作报告",
        "explore.reports": "对照年度工作计划的半年小结和年终总结",
        "reports.intro": "按照社区文化工作计划，由网站数据自动汇总的半年小结和年终总结，可打印报送街道。",
        "reports.none": "还没有可汇总的年度。",
        "report.year": "{year}年度文化工作总结",
        "report.h1": "{year}年上半年文化工作小结",
        "report.h2": "{year}年下半年文化工作小结",
        "report.short.year": "年终总结",
        "report.short.h1": "上半年小结",
        "report.short.h2": "下半年小结",
        "report.covers": "统计期间：{first}至{last}",
        "report.in_progress": "本期尚未结束：统计截至 {date}，数字还会变化。",
        "report.as_of": "统计截至 {date}",
        "report.pdf": "打印报告（PDF，A4）",
        "report.data": "报告开放数据（JSON）",
        "report.summary": "主要数字",
        "report.held": "举办活动",
        "report.held.value": "{count} 场次",
        "report.attendance": "参与人次",
        "report.signed_in": "签到人次",
        "report.recorded": "有记录的活动",
        "report.cancelled": "取消",
        "report.postponed": "延期",
        "report.targets": "年度目标完成情况",
        "report.targets.none": "本年度没有登记工作计划目标（data/plan/{year}.yml）。",
        "report.targets.summary": "达标 {met} 项，未达标 {missed} 项，进行中 {progress} 项，未开始 {upcoming} 项",
        "report.target": "目标",
        "report.period": "周期",
        "report.min": "要求",
        "report.count": "完成",
        "report.state": "状态",
        "report.counted": "计入的活动",
        "report.manual": "人工填报（{date}）",
        "state.met": "达标",
        "state.missed": "未达标",
        "state.in-progress": "进行中",
        "state.upcoming": "未开始",
        "report.charts": "活动统计",
        "report.by_month": "各月举办活动场次",
        "report.by_category": "各类活动场次",
        "report.by_hall": "各场馆举办活动场次",
        "report.month": "月份",
        "report.category": "类别",
        "report.hall": "场馆",
        "report.activities": "场次",
        "report.elsewhere": "另有 {count} 场在其他地点举办。",
        "report.list": "举办的活动",
        "report.list.none": "本期还没有举办的活动。",
        "report.date": "日期",
        "report.activity": "活动",
        "report.place": "地点",
        "report.people": "人次",
        "report.not_held": "取消和延期的活动",
        "report.halls": "场馆建设达标情况",
        "report.halls.summary": "{met} 处达标，{unmet} 处未达标",
        "report.honors": "本年度荣誉榜新上榜",
        "report.teams": "文艺队伍演出",
        "report.teams.count": "{count} 场",
        "period.year": "{year}年全年",
        "period.half": "{year}年{half}",
        "period.H1": "上半年",
        "period.H2": "下半年",
        "period.quarter": "{year}年第{q}季度",
        "period.week": "第{week}周（{first}至{last}）",
        "records": "活动回顾",
        "records.attendance": "参加人数",
        "records.signed_in": "签到人数",
        "records.lecturer": "主讲",
        "records.people": "{count} 人",
    },
    "en": {
        "reports": "Reports",
        "explore.reports": "Half-year and year-end reports against the work plan",
        "reports.intro": "Half-year and year-end reports on the community's culture work plan, "
        "compiled from the site's own data, ready to print for the subdistrict office.",
        "reports.none": "There is no year to report on yet.",
        "report.year": "Culture work in {year}: year-end report",
        "report.h1": "Culture work, first half of {year}",
        "report.h2": "Culture work, second half of {year}",
        "report.short.year": "Year-end report",
        "report.short.h1": "First half",
        "report.short.h2": "Second half",
        "report.covers": "Covers {first} to {last}",
        "report.in_progress": "This period is not over: counted up to {date}; the figures will still change.",
        "report.as_of": "Counted up to {date}",
        "report.pdf": "Print the report (PDF, A4)",
        "report.data": "Report open data (JSON)",
        "report.summary": "Key figures",
        "report.held": "Activities held",
        "report.held.value": "{count}",
        "report.attendance": "Attendance",
        "report.signed_in": "Signed in",
        "report.recorded": "Activities with a record",
        "report.cancelled": "Cancelled",
        "report.postponed": "Postponed",
        "report.targets": "The plan's targets",
        "report.targets.none": "No work-plan targets are set for this year (data/plan/{year}.yml).",
        "report.targets.summary": "{met} met, {missed} missed, {progress} in progress, {upcoming} not started",
        "report.target": "Target",
        "report.period": "Period",
        "report.min": "Required",
        "report.count": "Done",
        "report.state": "State",
        "report.counted": "Counted activities",
        "report.manual": "Entered by hand ({date})",
        "state.met": "Met",
        "state.missed": "Missed",
        "state.in-progress": "In progress",
        "state.upcoming": "Not started",
        "report.charts": "Activities in figures",
        "report.by_month": "Activities held per month",
        "report.by_category": "Activities held by kind",
        "report.by_hall": "Activities held per venue",
        "report.month": "Month",
        "report.category": "Kind",
        "report.hall": "Venue",
        "report.activities": "Activities",
        "report.elsewhere": "{count} more were held at other places.",
        "report.list": "Activities held",
        "report.list.none": "Nothing has been held in this period yet.",
        "report.date": "Date",
        "report.activity": "Activity",
        "report.place": "Place",
        "report.people": "People",
        "report.not_held": "Cancelled and postponed",
        "report.halls": "Venues against their building standard",
        "report.halls.summary": "{met} meet it, {unmet} fall short",
        "report.honors": "New on the honour boards this year",
        "report.teams": "Teams on stage",
        "report.teams.count": "{count} performances",
        "period.year": "the whole of {year}",
        "period.half": "{half} {year}",
        "period.H1": "First half",
        "period.H2": "Second half",
        "period.quarter": "Q{q} {year}",
        "period.week": "Week {week} ({first} – {last})",
        "records": "Looking back",
        "records.attendance": "Attendance",
        "records.signed_in": "Signed in",
        "records.lecturer": "Speaker",
        "records.people": "{count}",
    },
}


def contribute(site: Site, plan: Plan) -> None:
    """Add the reports index, every report page in every language, the JSON and the print files."""
    from .report_print import add_print

    default = site.default_language
    as_of = site.options.build_date()
    reports: list[Report] = []
    for year in report_years(site):
        for kind in available(year, as_of, year in site.plans):
            reports.append(make_report(site, year, kind))
    for lang in site.options.languages:
        plan.pages.append(
            PageSpec(
                "reports/", lang, "culture/reports.html", translate(lang, default, "reports"), {"reports": reports}
            )
        )
        for report in reports:
            title = translate(lang, default, f"report.{report.kind}", year=report.year)
            context = {"report": report, "charts": charts(site, report, lang), "periods": period_labels(report, lang)}
            plan.pages.append(
                # Reports are the office's documents: the site search leads residents to the
                # activity, venue and honour pages they summarise, not to them.
                PageSpec(
                    report.key,
                    lang,
                    "culture/report.html",
                    title,
                    context,
                    site.options.honors_noindex,
                    searchable=False,
                )
            )
    for report in reports:
        if report.kind == "year":
            plan.assets.append(Asset(f"data/report-{report.year}.json", _json(site, report)))
        add_print(site, plan, report)


def _json(site: Site, report: Report) -> Any:
    return lambda: (json.dumps(report_json(report, site), ensure_ascii=False, indent=1) + "\n").encode()


def charts(site: Site, report: Report, lang: str) -> list[Chart]:
    """The report's charts in ``lang``: per month, per category, per hall."""
    default = site.default_language

    def t(key: str) -> str:
        return translate(lang, default, key)

    sep = t("sep")
    out = []
    if report.by_month:
        rows = [(month_name(int(m[:4]), int(m[5:]), lang, with_year=False), n) for m, n in report.by_month.items()]
        out.append(
            bar_chart("chart-by-month", t("report.by_month"), rows, t("report.month"), t("report.activities"), sep)
        )
    if report.by_category:
        rows = [(site.taxonomies.label("categories", c, lang, default), n) for c, n in report.by_category.items()]
        out.append(
            bar_chart(
                "chart-by-category", t("report.by_category"), rows, t("report.category"), t("report.activities"), sep
            )
        )
    if report.by_hall:
        rows = [(site.halls[h].name.get(lang, default), n) for h, n in report.by_hall.items()]
        out.append(bar_chart("chart-by-hall", t("report.by_hall"), rows, t("report.hall"), t("report.activities"), sep))
    return out


def period_labels(report: Report, lang: str) -> dict[str, str]:
    """Every target period of the report in words, by its label (``2026-Q3`` → ``2026年第3季度``)."""
    return {p.period.label: period_words(p.period, lang) for t in report.targets for p in t.periods}


def period_words(period: Period, lang: str) -> str:
    """A period in words: ``2026年第3季度`` / ``Q3 2026``, ``8月`` / ``August 2026``, a week with its days."""
    year = period.first.year if period.kind != "week" else int(period.label[:4])
    zh = lang.split("-")[0] == "zh"

    def t(key: str, **values: object) -> str:
        return translate(lang, "zh" if zh else "en", key, **values)

    if period.kind == "year":
        return t("period.year", year=year)
    if period.kind == "half":
        return t("period.half", year=year, half=t(f"period.{period.label[-2:]}"))
    if period.kind == "quarter":
        return t("period.quarter", year=year, q=period.label[-1])
    if period.kind == "month":
        return month_name(period.first.year, period.first.month, lang)
    first, last = (day_words(d, lang, weekday=False, year=False) for d in (period.first, period.last))
    if not zh:
        first, last = (
            f"{period.first.day} {MONTHS_EN[period.first.month - 1][:3]}",
            f"{period.last.day} {MONTHS_EN[period.last.month - 1][:3]}",
        )
    return t("period.week", week=int(period.label[-2:]), first=first, last=last)
