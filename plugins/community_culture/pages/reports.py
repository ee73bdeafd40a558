"""Report pages: ``/reports/``, ``/reports/<yyyy>/`` (年终总结), ``/reports/<yyyy>/h1|h2/`` (半年小结).

Also ``/data/report-<yyyy>.json`` for district portals, and ``report.pdf`` beside each
report page (see :mod:`.report_print`). Reports exist for every year with a plan or
with activities held; a half-year report once its half has begun.
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from ..build import Build
from ..calendar.words import MONTHS_EN, day_words, month_name
from ..core.strings import translate
from ..reports.charts import Chart, bar_chart
from ..reports.summary import Report, available, make_report, report_json, report_years
from ..reports.targets import Period
from .plan import Asset, Lazy, PageSpec, Plan


def contribute(site: Build, plan: Plan) -> None:
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
            context = {
                "report": report,
                "charts": Lazy(partial(charts, site, report, lang)),
                "periods": period_labels(report, lang),
            }
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


def _json(site: Build, report: Report) -> Any:
    return lambda: (json.dumps(report_json(report, site), ensure_ascii=False, indent=1) + "\n").encode()


def charts(site: Build, report: Report, lang: str) -> list[Chart]:
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
