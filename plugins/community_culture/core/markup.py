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


def sanitize(html: str) -> str:
    """Remove scripts, event handlers, styles and unsafe URLs from ``html``."""
    return nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES, link_rel="noopener noreferrer")


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
        self._md.reset()
        return sanitize(self._md.convert(join_cjk_lines(text)))
