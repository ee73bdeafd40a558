"""The whole site as any engine needs it: pages, files, media, navigation and problems.

:class:`SiteOutput` is where every decision about the published site is made, with no
engine in sight: which planned page a hand-written page carries (:meth:`attach`), each
page's metadata (template, title, robots, search, the site's name in its language and
its language twins), the page bodies (our own Jinja environment), the side files
(feeds, JSON, PDFs, the stylesheet, script and palette), which images may be published
and their web copies (a withheld person's photo is refused here, whatever engine asks),
the navigation of every language, and what is checked once the site is written (links
in data, the search index, the print report). An engine adapter only maps it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import escape

from ..build import Build
from ..core import strings
from ..core.markup import MarkdownRenderer, sanitize
from ..core.problems import Problems
from ..core.strings import translate
from ..model.site import Site
from ..pages.palette import palette_css, read_palette
from ..pages.plan import PageSpec, Plan, build_plan, plan_limits
from ..pages.render import Renderer
from ..pages.residents import chrome
from . import nav as navigation
from .files import (  # noqa: F401 - the output's file types, re-exported
    PACKAGE,
    WITHHELD,
    FilesAndMedia,
    MediaRefused,
    OutputError,
    OutputFile,
)
from .links import broken_links
from .verify import verify_site
from .writing import Writing

TEMPLATES = PACKAGE / "templates"
PAGE_TEMPLATE = "culture/page.html"
"""The page frame of every planned page (the theme's main template plus our head tags)."""
_LANG_PREFIX = re.compile(r"^([a-z]{2,3}(?:-[a-z0-9]+)?)/")


@dataclass(frozen=True)
class Settings:
    """How the site is published, independent of its data (the adapter reads them from the engine's config)."""

    site_name: str = ""
    """The site's name as configured; other languages use the community's name in that language."""
    palette: Mapping[str, object] = field(default_factory=dict)
    photo_max_width: int = 1600
    trusted_html: bool = False
    print_files: bool = True
    search: bool = True


@dataclass(frozen=True)
class OutputPage:
    """A planned page of the site, in one language."""

    spec: PageSpec
    url: str
    """Relative to the site root, ``""`` for the home page, e.g. ``en/halls/x/``."""
    src_uri: str
    """Where its source sits in a docs tree: the generated file's path, or the hand-written page that carries it."""
    hand_written: bool = False

    @property
    def lang(self) -> str:
        return self.spec.lang


class SiteOutput(FilesAndMedia):
    """The engine-neutral output of one build."""

    def __init__(
        self,
        site: Build,
        plan: Plan,
        settings: Settings,
        *,
        template_dirs: Sequence[str | Path] = (),
        markdown: MarkdownRenderer | None = None,
    ) -> None:
        self.site = site
        self.plan = plan
        self.settings = settings
        self.languages = site.options.languages
        self.default_language = site.default_language
        palette, palette_problems = read_palette(settings.palette)
        self.config_problems = [f"community-culture: {message}" for message in palette_problems]
        """Problems of the site's own settings (its palette), as messages."""
        self.palette_css = palette_css(palette)
        search_path = [str(d) for d in template_dirs] or [*map(str, site.options.template_dirs), str(TEMPLATES)]
        strings.use_template_dirs(search_path)
        self.renderer = Renderer(site, search_path, markdown)
        self.renderer.printed = settings.print_files
        self._pages = [
            OutputPage(spec, spec.url(self.default_language), spec.src_uri(self.default_language))
            for spec in plan.pages
        ]
        self._by_src: dict[str, OutputPage] = {}
        self._existing: dict[str, str] = {}
        self.urls: set[str] = {p.url for p in self._pages}
        """Every page URL of the site once :meth:`attach` has seen the hand-written pages."""
        self._later: dict[str, str | None] = {}
        self.writing = Writing(self.renderer, site.press, search=settings.search)
        """What is written beside the engine, and the waits for it (see ``writing.py``)."""

    @classmethod
    def make(cls, site: Site, settings: Settings, **kwargs: Any) -> tuple[SiteOutput | None, list[str]]:
        """The site's output, or None and why when the plan is too large to build."""
        build = Build.of(site)
        plan = build_plan(build)
        too_big = plan_limits(plan)
        if too_big:
            return None, too_big
        return cls(build, plan, settings, **kwargs), []

    # Pages

    def attach(self, existing: Mapping[str, str]) -> list[OutputPage]:
        """Reconcile the planned pages with the hand-written ones and return the pages to generate.

        ``existing`` maps the URL of each hand-written page to its source path. A
        hand-written page at a planned page's URL wins and carries that page's data.
        """
        generated: list[OutputPage] = []
        self._by_src = {}
        self._existing = dict(existing)
        for page in self._pages:
            src = existing.get(page.url)
            if src is not None:
                page = OutputPage(page.spec, page.url, src, hand_written=True)
            else:
                generated.append(page)
            self._by_src[page.src_uri] = page
        self._pages = list(self._by_src.values())
        self.urls = set(existing) | {p.url for p in self._pages}
        return generated

    @property
    def pages(self) -> list[OutputPage]:
        """Every planned page (after :meth:`attach`, with the hand-written ones that carry them)."""
        return list(self._pages)

    def hand_written_source(self, url: str) -> str | None:
        """The source path of the hand-written page at ``url``, if there is one."""
        return self._existing.get(url)

    def page(self, src_uri: str) -> OutputPage | None:
        """The planned page a source path carries, if any."""
        return self._by_src.get(src_uri)

    def split(self, url: str) -> tuple[str, str]:
        """A URL's language and its address below that language's root."""
        m = _LANG_PREFIX.match(url)
        if m and m.group(1) in self.languages[1:]:
            return m.group(1), url[m.end() :]
        return self.default_language, url

    def prefix(self, lang: str) -> str:
        return "" if lang == self.default_language else f"{lang}/"

    def twin(self, lang: str, key: str) -> str:
        """The page at ``key`` in ``lang``, else that language's home page (``./`` for the site root)."""
        url = self.prefix(lang) + key
        return (url if url in self.urls else self.prefix(lang)) or "./"

    def alternates(self, url: str) -> list[dict[str, str]]:
        """The language twins of the page at ``url``: name, language code and URL (from the site root)."""
        _, key = self.split(url)
        return [
            {"name": translate(other, other, "language.name"), "lang": other, "link": self.twin(other, key)}
            for other in self.languages
        ]

    def site_name(self, lang: str) -> str:
        """The site's name in ``lang`` as HTML-escaped text (the theme prints it unescaped)."""
        if lang == self.default_language and self.settings.site_name:
            return self.settings.site_name
        return str(escape(self.site.community.name.get(lang, self.default_language)))

    def meta(self, page: OutputPage) -> dict[str, Any]:
        """The page's metadata: its template, title, robots and search settings."""
        meta: dict[str, Any] = {"template": PAGE_TEMPLATE}
        if not page.hand_written:
            # The theme prints page titles as HTML (head, header, navigation, search):
            # a title from data is text, so it goes in escaped.
            meta["title"] = str(escape(page.spec.title))
        if page.spec.noindex:
            meta["robots"] = "noindex"
        if not page.spec.searchable:
            meta["search"] = {"exclude": True}
        return meta

    def frame(self, url: str) -> dict[str, Any]:
        """What the theme's frame of the page at ``url`` needs: its language, its site name, its
        language twins, and the header's and footer's words and links."""
        lang, _ = self.split(url)
        return {
            "lang": lang,
            "site_name": self.site_name(lang),
            "alternates": self.alternates(url),
            "ui": chrome(self.site, lang),
            "links": {"search": self.prefix(lang) + "search/", "staff": self.prefix(lang) + "staff/"},
        }

    def notfound(self, root: str) -> list[dict[str, str]]:
        """The 404 page's words in every language, with the way home (``root``: the site's path, e.g. ``/``)."""
        out = []
        for lang in self.languages:
            words = {"lang": lang, "home": root + self.prefix(lang)}
            for key, name in (("notfound", "notfound"), ("text", "notfound.text"), ("link", "notfound.home")):
                words[key] = translate(lang, self.default_language, name)
            out.append(words)
        return out

    def body(self, page: OutputPage, page_html: str | None = None) -> str:
        """The page's body HTML; ``page_html`` is a hand-written page's own content, as the engine rendered it.

        A page that shows what printing made (the staff page's reprint list) while the
        print files are still being made apart is empty here, and filled in by
        :meth:`late_body` once they are.
        """
        if page.spec.after_print and self.writing.printing:
            self._later[page.src_uri] = page_html
            return ""
        made = self.writing.made_apart(page.src_uri)
        if made is not None:
            return made
        return self.renderer.render(page.spec, page_html=page_html if page.hand_written else None)

    def render_apart(self) -> None:
        """Have a forked copy render the generated pages' bodies too, from the last one backwards
        (see :meth:`Writing.render_apart`); called once the pages' images are known (their
        sizes go into the bodies). ``writing.bodies_done()`` ends the copy."""
        pages = [p for p in self._pages if not p.hand_written and not p.spec.after_print]
        self.writing.render_apart([(p.src_uri, p.spec) for p in pages])

    def late_body(self, src_uri: str) -> str | None:
        """The body of a page :meth:`body` left empty, once the print files are made; None for any other page."""
        if src_uri not in self._later or self.writing.printing:
            return None
        page_html = self._later.pop(src_uri)
        page = self._by_src[src_uri]
        return self.renderer.render(page.spec, page_html=page_html if page.hand_written else None)

    def hand_written_html(self, html: str) -> str:
        """A hand-written page's rendered content as published: sanitized unless the site trusts its HTML."""
        return html if self.settings.trusted_html else sanitize(html)

    # Navigation

    def navigation(self, default: Sequence[navigation.NavItem] | None = None) -> dict[str, list[navigation.NavItem]]:
        """The navigation of every language; ``default``: the site's own for the default language."""
        items = list(default) if default is not None else navigation.default_nav(self.urls, self.languages[1:])
        navs = {self.default_language: items}
        for lang in self.languages[1:]:
            navs[lang] = navigation.mirror(items, lang, self.urls)
        return navs

    # Writing

    def start(self, site_dir: Path, *, background: bool) -> list[tuple[str, Path, bool]]:
        """Write the side files (:meth:`files`) into ``site_dir``, some by forked copies when
        ``background`` (see :meth:`Writing.start`). Raises :class:`OutputError`."""
        return self.writing.start(self.files(), site_dir, self.write, background=background)

    # After the site is written

    def verify(self, site_dir: Path, base_path: str = "/") -> list[str]:
        """Every reason not to publish the site written in ``site_dir`` (see ``verify.py``)."""
        published = {
            word
            for entries in self.site.honors.values()
            for entry in entries
            for word in (entry.id, *(text for _, text in entry.name.values))
        }
        planned = {page.url for page in self._pages}
        words = self.site.withheld_words
        cache = self.site.options.cache_dir
        checked = cache / "checked" if cache is not None else None
        return verify_site(
            site_dir, planned, words, published, base_path, self.renderer.links, apart=True, checked=checked
        )

    def finish(
        self, site_dir: Path, base_path: str = "/", *, index_later: bool = False, verify: bool = False
    ) -> tuple[list[str], list[str]]:
        """Check the written site and index it for search: (warnings, reasons not to publish it).

        Pagefind, handed the pages as they were written (:meth:`Writing.page_written`), writes the
        index while the pre-publication check (``verify``, see :meth:`verify`) runs, so
        the two share the machine's cores. ``index_later``: the preview shows the pages at
        once and has the index written in the background; a search just after a save may
        miss the edit.
        """
        warnings = [*broken_links(site_dir, self.renderer.links, base_path)]
        indexed = self.writing.index(later=index_later)
        refused = self.verify(site_dir, base_path) if verify else []
        return warnings + indexed(), refused


def problems_summary(problems: Problems, shown: int) -> Iterable[str]:
    """The warnings worth a line each in a build log, then how many more there are."""
    from ..core.wording import render

    for problem in problems.warnings[:shown]:
        yield render(problem)
    if len(problems.warnings) > shown:
        yield f"... and {len(problems.warnings) - shown} more warnings not shown"
