"""``report.pdf`` beside each report page: the A4 document a community hands to the subdistrict office.

Cover and summary figures, the targets table, the charts (the same inline SVG as the
web page) and the list of activities held, in the site's default language. The
report is registered with the build's press like every other print product, and runs
on over as many pages as it needs.
"""

from __future__ import annotations

from ..build import Build
from ..core.strings import translate
from ..model.sizes import named_size
from ..printing.jobs import PrintJob
from ..reports.summary import Report
from .plan import Asset, Plan
from .reports import charts, period_labels

REPORT_SIZE = named_size("A4")
"""The office's paper."""


def add_print(site: Build, plan: Plan, report: Report) -> None:
    """Register the report's PDF with the press and plan its file."""
    lang = site.default_language
    title = translate(lang, lang, f"report.{report.kind}", year=report.year)
    job = site.press.add(
        PrintJob(
            key=f"{report.key}report.pdf",
            label=f"report {report.key}",
            size=REPORT_SIZE,
            template="print/report.html",
            lang=lang,
            # Made when the report is typeset (a warm build or a check typesets none).
            context=lambda: {
                "report": report,
                "title": title,
                "charts": charts(site, report, lang),
                "periods": period_labels(report, lang),
                "site": site,
                "community": site.community,
                "languages": site.options.languages,
            },
            page=report.key,
            flow=True,
        )
    )
    plan.assets.append(Asset(job.key, lambda: site.press.pdf([job], title)))
