"""Markdown from data files, rendered with the site's extensions and then sanitized.

Editors paste text from anywhere; a ``<script>``, an ``onclick`` or a
``javascript:`` link in a data file must never reach a resident's phone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import markdown
import nh3

_TAGS = set(nh3.ALLOWED_TAGS) | {
    "figure",
    "figcaption",
    "details",
    "summary",
    "mark",
    "ins",
    "del",
    "sub",
    "sup",
    "small",
    "span",
    "div",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "img",
    "hr",
    "br",
    "dl",
    "dt",
    "dd",
    "abbr",
}
_COMMON = {"class", "id", "lang", "title", "dir"}
_ATTRIBUTES: dict[str, set[str]] = {
    "*": _COMMON,
    "a": _COMMON | {"href", "hreflang"},
    "img": _COMMON | {"src", "alt", "width", "height", "loading"},
    "td": _COMMON | {"colspan", "rowspan", "align"},
    "th": _COMMON | {"colspan", "rowspan", "align", "scope"},
    "ol": _COMMON | {"start"},
}
_SCHEMES = {"http", "https", "mailto", "tel"}
_CJK = "\u2018-\u201f\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef"
# A line break between two Chinese characters (emphasis marks aside).
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t]*\n[ \t]*(?=[*_]*[{_CJK}])")


def join_cjk_lines(text: str) -> str:
    """Drop the line breaks editors put inside Chinese paragraphs.

    Markdown turns a line break into a space; between two Chinese characters that
    space is a visible gap (and lets nothing justify), where the editor meant none.
    """
    return _CJK_BREAK.sub("", text)


_EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//|\\\\)", re.IGNORECASE)
_IMAGE_SRC = re.compile(r"<img\b[^>]*?\ssrc\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.IGNORECASE)


def _keep_attribute(tag: str, attr: str, value: str) -> str | None:
    """Drop what lets text take over the page's own elements and scripts (DOM clobbering).

    The theme finds its configuration, search box and drawers by ids that start with an
    underscore (``__config``, ``__search``) and by ``md-`` classes: data may use neither.
    Images load from the site only.
    """
    if attr == "id":
        # `_1`, `_2`: the anchors Markdown gives headings with no Latin letters (Chinese ones).
        if re.fullmatch(r"_\d+", value):
            return value
        return None if value.startswith("_") or value.lower().startswith("md") else value
    if attr == "class":
        kept = [c for c in value.split() if not c.startswith(("md-", "_"))]
        return " ".join(kept) or None
    if tag == "img" and attr == "src" and _EXTERNAL.match(value):
        return None
    return value


def sanitize(html: str) -> str:
    """Remove scripts, event handlers, styles, unsafe URLs, clobbering ids and external images from ``html``."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel="noopener noreferrer",
        attribute_filter=_keep_attribute,
    )


def external_images(html: str) -> list[str]:
    """The addresses of images in ``html`` that would load from another site."""
    found = []
    for m in _IMAGE_SRC.finditer(html):
        src = next(g for g in m.groups() if g is not None)
        if _EXTERNAL.match(src):
            found.append(src)
    return found


def sanitize_document(html: str) -> str:
    """A hand-written HTML file's content, sanitized, as a small page of its own."""
    title = re.search(r"<title[^>]*>(.*?)</title>", html, re.IGNORECASE | re.DOTALL)
    body = re.search(r"<body[^>]*>(.*)</body>", html, re.IGNORECASE | re.DOTALL)
    clean = sanitize(body.group(1) if body else html)
    name = nh3.clean_text(nh3.clean(title.group(1), tags=set())) if title else ""
    return (
        '<!doctype html>\n<html><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'none'; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'\">"
        f"<title>{name}</title></head>\n<body>\n{clean}\n</body></html>\n"
    )


class MarkdownRenderer:
    """Renders Markdown fields with one reusable converter (building one per field is slow)."""

    def __init__(
        self,
        extensions: Sequence[Any] = ("tables", "attr_list", "md_in_html"),
        configs: Mapping[str, Any] | None = None,
    ) -> None:
        # Extensions that rewrite the whole page (table of contents anchors) are
        # harmless on fragments, so the site's list is taken as it is.
        self._md = markdown.Markdown(extensions=list(extensions), extension_configs=dict(configs or {}))

    def render(self, text: str) -> str:
        """Markdown to safe HTML."""
        return sanitize(self.convert(text))

    def convert(self, text: str) -> str:
        """Markdown to HTML as written, before sanitizing (for checks of what an editor wrote)."""
        self._md.reset()
        return self._md.convert(join_cjk_lines(text))
