"""Pages and words around the content: the search page, the staff page, the header and footer.

Residents read the site; staff keep it. The staff page gathers what residents do not
need on their way (building-standard checklists, open data, print files), so the
pages residents read stay short. The header and footer words are here too, handed to
the theme's templates by the engine adapter through :func:`chrome`.
"""

from __future__ import annotations

from ..build import Build
from ..core.strings import translate
from ..model.hall import assess
from .plan import PageSpec, Plan
from .printlist import manifest

CHROME = (
    "skip",
    "menu",
    "menu.name",
    "search",
    "elder",
    "elder.name",
    "elder.on",
    "read",
    "read.stop",
    "read.name",
    "runs",
    "runs.phone",
    "staff",
    "notfound",
    "notfound.text",
    "notfound.home",
)
"""The header's and footer's words (``strings/<lang>.yml``) the theme's templates are given."""


def contribute(site: Build, plan: Plan) -> None:
    """Add the search page and the staff page in every language."""
    default = site.default_language
    assessments = {hall_id: assess(hall, site.standards) for hall_id, hall in site.halls.items()}
    for lang in site.options.languages:
        plan.pages.append(
            PageSpec("search/", lang, "culture/search.html", translate(lang, default, "search"), searchable=False)
        )
        plan.pages.append(
            PageSpec(
                "staff/",
                lang,
                "culture/staff.html",
                translate(lang, default, "staff"),
                {"assessments": assessments, "reprint": lambda: manifest(site)["files"] if site.press.files else []},
                noindex=True,
                searchable=False,
                after_print=True,
            )
        )


def chrome(site: Build, lang: str) -> dict[str, str]:
    """The words of the header and footer in ``lang``, for the theme's templates."""
    default = site.default_language
    words = {key: translate(lang, default, key) for key in CHROME}
    name, _ = site.community.name.resolve(lang, default)
    words["runs"] = translate(lang, default, "runs", name=name)
    words["phone"] = site.community.contact.phone if site.community.contact and site.community.contact.phone else ""
    words["lang"] = lang
    return words
