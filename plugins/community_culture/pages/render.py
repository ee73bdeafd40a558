"""Renders the body of a planned page from its template (autoescaped Jinja).

The templates live on a search path that the engine provides: a site's
``overrides/`` first, our defaults last, so a site can replace one block of one
template. Python hands the templates data and small helpers; it builds no HTML.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup

from ..build import Build
from ..calendar.words import Words
from ..core.markup import MarkdownRenderer
from ..core.strings import translate
from ..core.templates import template_cache
from ..core.text import LText
from .plan import Lazy, PageSpec

TIME_RANGE = re.compile(r"\d{1,2}:\d{2}(?:–\d{1,2}:\d{2})?")


_HREF = re.compile(r"<(?:a\b[^>]*?\shref|img\b[^>]*?\ssrc)=\"([^\"]*)\"")


@dataclass(frozen=True)
class Localized:
    """A localized value chosen for one page: its text and whether it fell back."""

    text: str
    lang: str
    fallback: bool


@dataclass(frozen=True)
class ImageRef:
    """A published image as a template sees it."""

    url: str
    width: int | None = None
    height: int | None = None


class Helpers:
    """What templates call as ``culture.*``: translation, links, labels, Markdown."""

    def __init__(self, renderer: Renderer, spec: PageSpec) -> None:
        self.site = renderer.site
        self.spec = spec
        self.lang = spec.lang
        self.default_lang = renderer.site.default_language
        self.languages = renderer.site.options.languages
        self._renderer = renderer
        self._here = spec.url(self.default_lang)

    def t(self, key: str, **values: object) -> str:
        """An interface string in the page's language."""
        return translate(self.lang, self.default_lang, key, **values)

    def text(self, value: LText | None) -> Localized | None:
        """A localized field in the page's language, noting a fallback."""
        if value is None:
            return None
        text, lang = value.resolve(self.lang, self.default_lang)
        return Localized(text, lang, lang != self.lang)

    def lt(self, value: Localized | None) -> Markup:
        """A localized text as a page shows it (the ``lt`` macro): escaped, and marked with its
        language and a note when it is not in the page's language."""
        if not value:
            return Markup("")
        if value.fallback:
            return Markup(
                '<span lang="{}" class="cc-fallback">{}</span> <small class="cc-fallback-note">{}</small>'
            ).format(value.lang, value.text, self.t("fallback"))
        return Markup.escape(value.text)

    def md(self, value: LText | None) -> Localized | None:
        """A localized Markdown field, rendered and sanitized."""
        chosen = self.text(value)
        if chosen is None:
            return None
        html = self._renderer.markdown.render(chosen.text)
        # Links written in data are checked against the built site once it is written.
        self._renderer.links.extend((self._here, href) for href in _HREF.findall(html))
        return Localized(Markup(html), chosen.lang, chosen.fallback)

    def label(self, group: str, term: str) -> str:
        """A vocabulary label (hall kind, facility, ...) in the page's language."""
        return self.site.taxonomies.label(group, term, self.lang, self.default_lang)

    def link(self, key: str) -> str:
        """A relative link from this page to another page of the same language."""
        return self._relative(PageSpec(key, self.lang, "", "").url(self.default_lang))

    def asset(self, path: str) -> str:
        """A relative link from this page to a file at ``path`` below the site root."""
        return self._relative(path)

    def image(self, src: str) -> ImageRef:
        """A published image (``src`` relative to ``content/``) with its size when known."""
        size = self._renderer.image_sizes.get(src)
        url = self._relative(src)
        return ImageRef(url, *size) if size else ImageRef(url)

    @property
    def words(self) -> Words:
        """Dates, times and recurrence in words, in the page's language."""
        return Words(self.lang)

    @property
    def printed(self) -> bool:
        """Whether this build makes the print files (pages link to them only then)."""
        return self._renderer.printed

    def spelled(self, text: str) -> str:
        """A name's Chinese characters one by one (``王 秀 兰``), for the search index only.

        The index keeps a Chinese name whole (王秀兰), while a browser splits a search for
        it into characters (王 / 秀 / 兰): with the characters in the index too, a search
        for the name finds its page. Empty for a name that is not Chinese.
        """
        chars = [c for c in text if "\u3400" <= c <= "\u9fff"]
        return " ".join(chars) if len(chars) > 1 else ""

    def number(self, value: float | None) -> str:
        """A figure without a needless ``.0``."""
        if value is None:
            return ""
        return str(int(value)) if float(value).is_integer() else f"{value:g}"

    def nowrap(self, text: str) -> Markup:
        """``text`` escaped, with each time range (``15:00–17:00``) kept on one line."""
        return Markup(TIME_RANGE.sub(r'<span class="cc-nw">\g<0></span>', str(Markup.escape(text))))

    def webcal(self, path: str) -> str | None:
        """The ``webcal://`` address of a feed at ``path`` (phones subscribe to it), if the site has a URL."""
        base = self.site.options.site_url
        if not base or not base.startswith(("https://", "http://")):
            return None
        return "webcal://" + base.split("://", 1)[1].rstrip("/") + "/" + path

    def _relative(self, target: str) -> str:
        return relative(target, self._here)


@functools.lru_cache(maxsize=65536)
def relative(target: str, here: str) -> str:
    """The link from the page at URL ``here`` to ``target`` (both below the site root).

    Memoised: a site's pages link to the same few hundred places over and over.
    """
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    rel = posixpath.relpath("/" + target, "/" + base)
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel


class Renderer:
    """Renders page bodies for one build."""

    def __init__(
        self,
        site: Build,
        search_path: Sequence[str],
        markdown: MarkdownRenderer | None = None,
        image_sizes: Mapping[str, tuple[int, int]] | None = None,
    ) -> None:
        self.site = site
        self.markdown = markdown or MarkdownRenderer()
        self.image_sizes = dict(image_sizes or {})
        self.links: list[tuple[str, str]] = []
        """(page URL, href) of every link and image in Markdown from data, as rendered."""
        self.printed = True
        """Whether the build makes the print files (set by the site output from its settings)."""
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(list(search_path)),
            bytecode_cache=template_cache(site.options.cache_dir),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )

    def render(self, spec: PageSpec, page_html: str | None = None, extra: Mapping[str, Any] | None = None) -> str:
        """The HTML body of ``spec``; ``page_html`` is a hand-written page's own content."""
        template = self.env.get_template(spec.template)
        context = {key: value.make() if isinstance(value, Lazy) else value for key, value in spec.context.items()}
        return template.render(
            **context,
            **(extra or {}),
            culture=Helpers(self, spec),
            site=self.site,
            page_html=Markup(page_html) if page_html else None,
        )
