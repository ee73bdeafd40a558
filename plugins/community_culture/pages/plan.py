"""The site plan: which pages and files exist, at which URL, made from which template.

The plan knows nothing of MkDocs. Each content type contributes its pages through
its own module under ``pages/``; the MkDocs plugin turns the specs into generated
files, and another engine could do the same.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..build import Build


class Lazy:
    """A page's context value made only when the page is rendered (``culture check``
    renders no page, and the preview only the pages it shows)."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


@dataclass(frozen=True)
class PageSpec:
    """One page in one language."""

    key: str
    """The page's address below its language root, e.g. ``halls/jinxiu-auditorium/``; ``""`` is the home page."""
    lang: str
    template: str
    """The content template, e.g. ``culture/hall.html``."""
    title: str
    context: Mapping[str, Any] = field(default_factory=dict)
    """What the template is given besides the site and the language."""
    noindex: bool = False
    """Ask search engines not to index the page (and keep it out of the sitemap)."""
    searchable: bool = True
    """Whether the site's own search indexes the page."""
    after_print: bool = False
    """Shows what printing made (the reprint list): rendered once the print files are."""

    def prefix(self, default_lang: str) -> str:
        """The language root: ``""`` for the default language, else ``"en/"``."""
        return "" if self.lang == default_lang else f"{self.lang}/"

    def url(self, default_lang: str) -> str:
        """The page's URL relative to the site root, e.g. ``en/halls/x/``."""
        return self.prefix(default_lang) + self.key

    def src_uri(self, default_lang: str) -> str:
        """The Markdown source path that yields :meth:`url` with directory URLs."""
        return f"{self.url(default_lang)}index.md"


@dataclass(frozen=True)
class Asset:
    """A file that is not a page: JSON data, a calendar feed, a PDF."""

    path: str
    """Path relative to the site root, e.g. ``data/halls.json``."""
    make: Callable[[], bytes]
    """Produces the content; called once, when the file is written."""


@dataclass
class Plan:
    """Every generated page and file of a site."""

    pages: list[PageSpec] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)

    def by_url(self, default_lang: str) -> dict[str, PageSpec]:
        """The pages by their URL."""
        return {p.url(default_lang): p for p in self.pages}


CONTRIBUTORS: tuple[str, ...] = (
    "home",
    "halls",
    "events",
    "honors",
    "exhibits",
    "teams",
    "reports",
    "posters",
    "residents",
    "printlist",
    "sections",
)
"""Page modules under ``pages/`` that add pages and files, in order; ``sections`` last,
as it fills in an index for every section no other module has planned."""


def build_plan(site: Build) -> Plan:
    """Ask every content type for its pages and files, in a fixed order."""
    plan = Plan()
    for name in CONTRIBUTORS:
        importlib.import_module(f"{__package__}.{name}").contribute(site, plan)
    return plan


MAX_PAGES = 60000
"""More planned pages than this is a slip in the data (a span of decades), not a community site:
a district's 10,000 events in two languages plan about 20,000."""
MAX_PRINT_FILES = 1000
"""Each print file takes seconds to typeset; more than this would take hours."""


def plan_limits(plan: Plan) -> list[str]:
    """Messages for a plan too large to build (empty when it is fine)."""
    problems = []
    prints = sum(1 for a in plan.assets if a.path.endswith(".pdf"))
    if len(plan.pages) > MAX_PAGES:
        problems.append(
            f"the data plans {len(plan.pages)} pages, more than {MAX_PAGES}; look for a date or span "
            "far in the past or future（页面数量过多，请检查日期和时间跨度）"
        )
    if prints > MAX_PRINT_FILES:
        problems.append(
            f"the data plans {prints} print files, more than {MAX_PRINT_FILES}; look for a date or span "
            "far in the past or future（印刷文件过多，请检查日期和时间跨度）"
        )
    return problems
