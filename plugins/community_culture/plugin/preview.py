"""The preview (``mkdocs serve``) tells the truth when a save is bad.

MkDocs' development server keeps showing the last good site when a build fails, and a
page opened afterwards waits for a build that never comes. So in preview, bad data does
not fail the build: the site is built empty, and its 404 page - which ``mkdocs serve``
answers for every address that has no file - lists the problems, in Chinese first with
file, line and hint. Every open tab reloads onto it when the build finishes; the page
polls the server's own reload endpoint and turns back into the site on the next good
save.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..core.problems import Problem, Problems, printable
from ..core.wording import field_words

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "preview"


def problems_page(problems: Problems, site_name: str) -> str:
    """The HTML page that stands in for the whole site while its data is broken."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))
    shown = problems.errors + problems.warnings
    return env.get_template("problems.html").render(
        site_name=site_name,
        errors=len(problems.errors),
        warnings=len(problems.warnings),
        problems=[_item(p) for p in shown[:200]],
    )


def _item(p: Problem) -> dict[str, str]:
    where = p.pos.path + (f":{p.pos.line}" if p.pos.line else "") + (f":{p.pos.col}" if p.pos.col else "")
    source = ""
    if p.source_line is not None and p.pos.line and not p.private:
        from ..core.problems import _is_wide

        text = printable(p.source_line.rstrip("\r\n"))
        pad = "".join(ch if ch == "\t" else ("  " if _is_wide(ch) else " ") for ch in text[: max(p.pos.col - 1, 0)])
        source = f"{p.pos.line:>4} | {text}\n     | {pad}^" if p.pos.col else f"{p.pos.line:>4} | {text}"
    label = "提醒 · " if p.severity == "warning" else ""
    return {
        "severity": p.severity,
        "where": where,
        "field": " · ".join(filter(None, (field_words(p.field, "zh"), field_words(p.field, "en")))),
        "hint": label + printable(p.hint or p.message),
        "source": source,
        "message": printable(p.message) if p.hint else "",
    }


_HREFLANG_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def without_hreflang(html: str) -> str:
    """A page without its hreflang links, for the preview only.

    Material's script fetches ``<alternate>/sitemap.xml`` for every such link, which for
    our page-to-page language twins does not exist: two 404s per page view in preview.
    """
    return _HREFLANG_LINK.sub("", html)


def quiet_jieba() -> None:
    """Keep jieba's dictionary-loading lines (Material's Chinese search) out of the build report."""
    try:
        import jieba  # type: ignore[import-untyped, unused-ignore]
    except ImportError:  # pragma: no cover - search without Chinese segmentation
        return
    jieba.setLogLevel(logging.WARNING)
