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

from ..model.exhibit import SECTIONS, Exhibit
from ..model.site import Site
from ..printing.press import PrintJob
from .plan import Asset, PageSpec, Plan
from .strings import translate

PANEL_TEMPLATE = "print/panel.html"

STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "exhibits.intro": "社区文化礼堂展陈室的展览，分社区基本情况、乡风民俗、崇德尚贤、美好家园四个板块。",
        "exhibits.section.overview": "社区基本情况",
        "exhibits.section.customs": "乡风民俗",
        "exhibits.section.virtue": "崇德尚贤",
        "exhibits.section.homeland": "美好家园",
        "exhibits.section.overview.about": "社区的历史沿革、文化遗存、历史传说和各个时期的变化。",
        "exhibits.section.customs.about": "节庆习俗、民间文艺和代代相传的手艺。",
        "exhibits.section.virtue.about": "先贤故事和身边的好人好事。",
        "exhibits.section.homeland.about": "社区建设、生态环境和居民的美好生活。",
        "exhibits.none": "这个板块暂时还没有展陈。",
        "exhibits.panels": "展板",
        "exhibits.panels.count": "{count} 块展板",
        "exhibits.panels.one": "1 块展板",
        "exhibits.hall": "展出地点",
        "exhibits.in_hall": "本场馆的展陈",
        "exhibits.panel.of": "第 {index} 块，共 {count} 块",
        "exhibits.previous": "上一块",
        "exhibits.next": "下一块",
        "exhibits.back": "返回《{title}》",
        "exhibits.back.index": "返回全部展陈",
        "exhibits.print": "印刷文件",
        "exhibits.print.intro": "PDF 文件含 3 毫米出血和裁切线，字体已嵌入，可直接交印刷厂。",
        "exhibits.print.panel": "本展板 PDF",
        "exhibits.print.all": "全部 {size} 展板合为一个 PDF（{count} 页）",
        "exhibits.print.all.one": "全部展板 PDF（1 页）",
        "exhibits.size": "{width} × {height} 毫米",
        "exhibits.size.portrait": "竖版",
        "exhibits.size.landscape": "横版",
        "exhibits.size.rollup": "易拉宝",
        "exhibits.size.custom": "自定义尺寸",
        "exhibits.scan": "扫码在手机上阅读本展板",
    },
    "en": {
        "exhibits.intro": "The exhibits of the community's cultural auditorium, in four sections: the community, "
        "local customs, people of virtue and our homeland.",
        "exhibits.section.overview": "The community",
        "exhibits.section.customs": "Local customs",
        "exhibits.section.virtue": "People of virtue",
        "exhibits.section.homeland": "Our homeland",
        "exhibits.section.overview.about": "The community's history, heritage, legends and how it changed over time.",
        "exhibits.section.customs.about": "Festivals, folk arts and crafts handed down the generations.",
        "exhibits.section.virtue.about": "Stories of worthy forebears and of good neighbours today.",
        "exhibits.section.homeland.about": "Building the community, its surroundings and its residents' lives.",
        "exhibits.none": "No exhibit in this section yet.",
        "exhibits.panels": "Panels",
        "exhibits.panels.count": "{count} panels",
        "exhibits.panels.one": "1 panel",
        "exhibits.hall": "On show at",
        "exhibits.in_hall": "Exhibits here",
        "exhibits.panel.of": "Panel {index} of {count}",
        "exhibits.previous": "Previous panel",
        "exhibits.next": "Next panel",
        "exhibits.back": "Back to “{title}”",
        "exhibits.back.index": "All exhibits",
        "exhibits.print": "Print files",
        "exhibits.print.intro": "The PDFs have 3 mm bleed, crop marks and embedded fonts, ready for the print shop.",
        "exhibits.print.panel": "This panel as PDF",
        "exhibits.print.all": "All {size} panels in one PDF ({count} pages)",
        "exhibits.print.all.one": "All panels as PDF (1 page)",
        "exhibits.size": "{width} × {height} mm",
        "exhibits.size.portrait": "portrait",
        "exhibits.size.landscape": "landscape",
        "exhibits.size.rollup": "Roll-up banner",
        "exhibits.size.custom": "Custom size",
        "exhibits.scan": "Scan to read this panel on your phone",
    },
}


def contribute(site: Site, plan: Plan) -> None:
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


def print_jobs(site: Site, exhibit: Exhibit) -> list[PrintJob]:
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


def group_by_section(site: Site) -> list[tuple[str, list[Exhibit]]]:
    """Every section in the seed plans' order, with its exhibits by id (possibly none)."""
    return [(section, [e for e in site.exhibits.values() if e.section == section]) for section in SECTIONS]


def _pdf(site: Site, jobs: list[PrintJob], title: str | None = None, path: str | None = None) -> Callable[[], bytes]:
    # A closure per file: MkDocs asks for each file's bytes once, when it writes it.
    return lambda: site.press.pdf(jobs, title, path, "panels")
