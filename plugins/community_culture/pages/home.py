"""The home page: the community profile and the way into every section."""

from __future__ import annotations

from ..build import Build
from .events import this_week
from .plan import PageSpec, Plan

SECTIONS = ("halls", "events", "honors", "exhibits", "teams", "reports")


def contribute(site: Build, plan: Plan) -> None:
    """Add the home page in every language."""
    for lang in site.options.languages:
        title = site.community.name.get(lang, site.default_language)
        plan.pages.append(PageSpec("", lang, "culture/home.html", title, {"sections": SECTIONS, **this_week(site)}))
