"""Section index pages whose content types have not been published yet.

The navigation always holds every section; a section without data shows a short
notice instead of a missing page, so links and printed addresses never break.
"""

from __future__ import annotations

from ..build import Build
from ..core.strings import translate
from .plan import PageSpec, Plan

PENDING = ("events", "honors", "exhibits", "teams")


def contribute(site: Build, plan: Plan) -> None:
    """Add an index page for each section that no other module has planned."""
    taken = {p.key for p in plan.pages}
    for section in PENDING:
        if f"{section}/" in taken:
            continue
        for lang in site.options.languages:
            title = translate(lang, site.default_language, section)
            plan.pages.append(PageSpec(f"{section}/", lang, "culture/section.html", title, {"section": section}))
