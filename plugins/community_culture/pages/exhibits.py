"""Exhibit pages and print files.

Pages, in every language: ``/exhibits/`` (grouped by the four sections),
``/exhibits/<id>/`` (the introduction and every panel) and ``/exhibits/<id>/<panel>/``
(one panel: the page its printed QR code leads to). Print files, one per address
whatever the language: ``/exhibits/<id>/<panel>/panel.pdf`` and
``/exhibits/<id>/panels.pdf`` (every panel, one per page). The PDFs are registered with
the build's press and made only when MkDocs asks for the files.
"""

from __future__ import annotations

from collections.abc import Callable

from ..build import Build
from ..core.strings import translate
from ..model.exhibit import SECTIONS, Exhibit
from ..printing.jobs import PrintJob
from .plan import Asset, PageSpec, Plan

PANEL_TEMPLATE = "print/panel.html"


def contribute(site: Build, plan: Plan) -> None:
    """Add the exhibit pages in every language and register every panel with the press."""
    default = site.default_language
    sections = group_by_section(site)
    for lang in site.options.languages:
        title = translate(lang, default, "exhibits")
        plan.pages.append(PageSpec("exhibits/", lang, "culture/exhibits.html", title, {"sections": sections}))
        for exhibit in site.exhibits.values():
            hall = site.halls.get(exhibit.hall) if exhibit.hall else None
            names = [panel.size.name for panel in exhibit.panels]
            plan.pages.append(
                PageSpec(
                    f"exhibits/{exhibit.id}/",
                    lang,
                    "culture/exhibit.html",
                    exhibit.title.get(lang, default),
                    {
                        "exhibit": exhibit,
                        "hall": hall,
                        "sheet_count": names.count(sheet_size(names)),
                        "sheet_size": sheet_size(names),
                    },
                )
            )
            for i, panel in enumerate(exhibit.panels):
                plan.pages.append(
                    PageSpec(
                        panel_page(exhibit.id, panel.id),
                        lang,
                        "culture/panel.html",
                        panel.title.get(lang, default),
                        {
                            "exhibit": exhibit,
                            "panel": panel,
                            "index": i + 1,
                            "previous": exhibit.panels[i - 1] if i else None,
                            "next": exhibit.panels[i + 1] if i + 1 < len(exhibit.panels) else None,
                            "hall": hall,
                        },
                    )
                )
    for exhibit in site.exhibits.values():
        jobs = print_jobs(site, exhibit)
        for job in jobs:
            plan.assets.append(Asset(job.key, _pdf(site, [job])))
        title = exhibit.title.get(default, default)
        path = f"exhibits/{exhibit.id}/panels.pdf"
        plan.assets.append(Asset(path, _pdf(site, sheet_jobs(jobs), title, path)))


def sheet_jobs(jobs: list[PrintJob]) -> list[PrintJob]:
    """The panels that ``panels.pdf`` holds: those of the exhibit's commonest size (the first
    panel's on a tie), because a print shop runs one file on one sheet size."""
    main = sheet_size([job.size.name for job in jobs])
    return [job for job in jobs if job.size.name == main]


def sheet_size(names: list[str]) -> str:
    """The commonest of ``names`` (the first on a tie): the size of an exhibit's ``panels.pdf``."""
    return max(names, key=lambda name: (names.count(name), -names.index(name)))


def print_jobs(site: Build, exhibit: Exhibit) -> list[PrintJob]:
    """Register one print job per panel of ``exhibit``, in hanging order."""
    jobs = []
    for i, panel in enumerate(exhibit.panels):
        # No "n of N": adding a panel must not change (and send back to the shop) every other one.
        context = {
            "exhibit": exhibit,
            "panel": panel,
            "index": i + 1,
            "languages": panel.languages,
            "community": site.community,
        }
        jobs.append(
            site.press.add(
                PrintJob(
                    key=panel_page(exhibit.id, panel.id) + "panel.pdf",
                    label=f"panel '{panel.id}' of exhibit '{exhibit.id}'",
                    size=panel.size,
                    template=PANEL_TEMPLATE,
                    lang=panel.languages[0],
                    context=context,
                    page=panel_page(exhibit.id, panel.id),
                    source=panel.source,
                    field=f"panels[{i}]",
                    product="panel",
                    name=f"exhibit-{exhibit.id}-{i + 1:02d}-{panel.id}",
                )
            )
        )
    return jobs


def panel_page(exhibit_id: str, panel_id: str) -> str:
    """A panel's address below the site root: the target of its QR code (never changes)."""
    return f"exhibits/{exhibit_id}/{panel_id}/"


def group_by_section(site: Build) -> list[tuple[str, list[Exhibit]]]:
    """Every section in the seed plans' order, with its exhibits by id (possibly none)."""
    return [(section, [e for e in site.exhibits.values() if e.section == section]) for section in SECTIONS]


def _pdf(site: Build, jobs: list[PrintJob], title: str | None = None, path: str | None = None) -> Callable[[], bytes]:
    # A closure per file: MkDocs asks for each file's bytes once, when it writes it.
    return lambda: site.press.pdf(jobs, title, path, "panels")
