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

import contextlib
import re
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
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
from .background import Forked, Streamed, write_files
from .files import (  # noqa: F401 - the output's file types, re-exported
    PACKAGE,
    WITHHELD,
    FilesAndMedia,
    MediaRefused,
    OutputError,
    OutputFile,
)
from .links import broken_links
from .search import SearchIndex
from .verify import verify_site

TEMPLATES = PACKAGE / "templates"
PAGE_TEMPLATE = "culture/page.html"
"""The page frame of every planned page (the theme's main template plus our head tags)."""
_LANG_PREFIX = re.compile(r"^([a-z]{2,3}(?:-[a-z0-9]+)?)/")
NICE_APART = {"bodies": 5, "print": 5, "data": 10}
"""How much each forked copy gives way (see ``background.py``): the build's own process goes
first, then the bodies and print files it waits for before the pages are laid out, then
the feeds and data files, which are wanted only once every page is written."""


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
        self._copies: dict[str, Forked[object]] = {}
        self._later: dict[str, str | None] = {}
        self._apart: dict[str, int] = {}
        """The generated pages a forked copy renders too (:meth:`render_apart`), with their place in its list."""
        self._bodies: Streamed[tuple[int, str, list[tuple[str, str]]]] | None = None
        self._received: dict[int, tuple[str, list[tuple[str, str]]]] = {}
        self._search: SearchIndex | None = None

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
        if page.spec.after_print and "print" in self._copies:
            self._later[page.src_uri] = page_html
            return ""
        if page.src_uri in self._apart and (made := self._made_apart(self._apart[page.src_uri])) is not None:
            return made
        return self.renderer.render(page.spec, page_html=page_html if page.hand_written else None)

    def render_apart(self) -> None:
        """Have a forked copy render the generated pages' bodies from the last one backwards.

        The build renders them from the first one on, and takes each body the copy has
        already sent (with the links found in it, for the check after the build): the
        two meet where their shares of the work are equal, whatever each page costs.
        Called once the pages' images are known (their sizes go into the bodies); a copy
        that fails leaves its pages to the build. :meth:`bodies_done` ends the copy.
        """
        pages = [p for p in self._pages if not p.hand_written and not p.spec.after_print]
        if len(pages) < 2:
            return

        def make() -> Iterator[tuple[int, str, list[tuple[str, str]]]]:
            for i in reversed(range(len(pages))):
                known = len(self.renderer.links)
                yield i, self.renderer.render(pages[i].spec), self.renderer.links[known:]

        self._bodies = Streamed.start(make, nice=NICE_APART["bodies"])
        if self._bodies is not None:
            self._apart = {p.src_uri: i for i, p in enumerate(pages)}

    def _made_apart(self, index: int) -> str | None:
        if self._bodies is not None:
            self._received.update((i, (body, links)) for i, body, links in self._bodies.take())
        made = self._received.pop(index, None)
        if made is None:
            return None
        body, links = made
        self.renderer.links.extend(links)
        return body

    def bodies_done(self) -> None:
        """Every page's body is made: end the copy rendering them."""
        bodies, self._bodies = self._bodies, None
        if bodies is not None:
            bodies.stop()
        self._apart, self._received = {}, {}

    def late_body(self, src_uri: str) -> str | None:
        """The body of a page :meth:`body` left empty, once the print files are made; None for any other page."""
        if src_uri not in self._later or "print" in self._copies:
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
        """Write the side files (:meth:`files`) into ``site_dir``.

        ``background``: the print files, and the feeds and data files, are written by
        forked copies of the build (see ``background.py``): :meth:`printed` waits for the
        first, :meth:`files_written` for both. The feeds' copy gives way to the pages.
        Returns each file's path, where it is (or will be) on disk, and whether a copy
        writes it (the engine must not copy it then). Raises :class:`OutputError`.
        """
        apart = {"print": self.site.press.state, "data": _nothing} if background else {}
        written, self._copies = write_files(self.files(), site_dir, self.write, apart, NICE_APART)
        self._search = SearchIndex(site_dir) if self.settings.search else None
        return written

    def page_written(self, path: str, html: str) -> None:
        """The engine wrote the page ``html`` at ``path`` below the site folder: hand it to the search index."""
        if self._search is not None:
            self._search.add(path, html)

    def printed(self) -> None:
        """Wait for the print files and take over the press's reprint list; :class:`OutputError` when one failed."""
        self._wait("print")

    def files_written(self) -> None:
        """Wait until every side file is on disk; :class:`OutputError` when one could not be made."""
        for kind in list(self._copies):
            self._wait(kind)

    def _wait(self, kind: str) -> None:
        copy = self._copies.get(kind)
        if copy is None:
            return
        try:
            done = copy.result()
        except BaseException:
            self.abandon()
            raise
        del self._copies[kind]
        if kind == "print":
            self.site.press.adopt(done)  # type: ignore[arg-type]

    def abandon(self) -> None:
        """The build failed: stop the copies still writing files or rendering pages, and the search index."""
        copies, self._copies = self._copies, {}
        for copy in copies.values():
            copy.stop()
        self.bodies_done()
        search, self._search = self._search, None
        if search is not None:
            search.stop()

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
        return verify_site(site_dir, planned, words, published, base_path, self.renderer.links, apart=True)

    def finish(
        self, site_dir: Path, base_path: str = "/", *, index_later: bool = False, verify: bool = False
    ) -> tuple[list[str], list[str]]:
        """Check the written site and index it for search: (warnings, reasons not to publish it).

        Pagefind, handed the pages as they were written (:meth:`page_written`), writes the
        index while the pre-publication check (``verify``, see :meth:`verify`) runs, so
        the two share the machine's cores. ``index_later``: the preview shows the pages at
        once and has the index written in the background; a search just after a save may
        miss the edit.
        """
        warnings = [*broken_links(site_dir, self.renderer.links, base_path)]
        search, self._search = self._search, None
        indexing: threading.Thread | None = None
        failures: list[str] = []
        if search is not None and index_later:
            threading.Thread(target=_index_quietly, args=(search,), name="search-index", daemon=True).start()
        elif search is not None:

            def index() -> None:
                failure = search.finish()
                if failure:
                    failures.append(f"community-culture: search: {failure}")

            indexing = threading.Thread(target=index, name="search-index")
            indexing.start()
        refused = self.verify(site_dir, base_path) if verify else []
        if indexing is not None:
            indexing.join()
        return warnings + failures, refused


def _nothing() -> None:
    return None


def _index_quietly(search: SearchIndex) -> None:
    """The preview's search index: a later save may clear the folder under it, which is no problem."""
    with contextlib.suppress(Exception):
        search.finish()


def problems_summary(problems: Problems, shown: int) -> Iterable[str]:
    """The warnings worth a line each in a build log, then how many more there are."""
    from ..core.wording import render

    for problem in problems.warnings[:shown]:
        yield render(problem)
    if len(problems.warnings) > shown:
        yield f"... and {len(problems.warnings) - shown} more warnings not shown"
