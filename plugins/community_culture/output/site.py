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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from markupsafe import escape

from ..build import Build
from ..core import strings
from ..core.markup import MarkdownRenderer, sanitize, sanitize_document
from ..core.media import IMAGE_SUFFIXES, ImageError, WebImage, make_web_image
from ..core.problems import DataError, Problems
from ..core.staging import describe
from ..core.strings import translate
from ..model.site import Site
from ..pages.palette import palette_css, read_palette
from ..pages.plan import PageSpec, Plan, build_plan, plan_limits
from ..pages.render import Renderer
from ..pages.residents import chrome
from . import nav as navigation
from .links import broken_links
from .search import index_site
from .verify import verify_site

PACKAGE = Path(__file__).resolve().parent.parent
TEMPLATES = PACKAGE / "templates"
STYLESHEET = "assets/culture/culture.css"
PALETTE = "assets/culture/palette.css"
SCRIPT = "assets/culture/culture.js"
"""Elder mode and "today": loaded in <head> by the theme patch (main.html), a file, never inline."""
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


@dataclass(frozen=True)
class OutputFile:
    """A file of the site that is not a page."""

    path: str
    """Relative to the site root, e.g. ``events/all.ics``."""
    make: Callable[[], bytes] | None = None
    """Produces the content, once, when the file is written."""
    source: Path | None = None
    """A file copied as it is."""
    kind: str = "data"
    """``data`` (feeds, JSON), ``print`` (PDFs and the reprint list) or ``static`` (stylesheet, script)."""

    def content(self) -> bytes:
        if self.make is not None:
            return self.make()
        assert self.source is not None
        return self.source.read_bytes()


class MediaRefused(Exception):
    """An image that may not be published (a withheld person's photo)."""


class OutputError(Exception):
    """A file of the site cannot be made or written; the message says why and what to do."""


WITHHELD = object()
"""What :meth:`SiteOutput.source_file` answers for a file that must not be published."""


class SiteOutput:
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
        """The page's body HTML; ``page_html`` is a hand-written page's own content, as the engine rendered it."""
        return self.renderer.render(page.spec, page_html=page_html if page.hand_written else None)

    def hand_written_html(self, html: str) -> str:
        """A hand-written page's rendered content as published: sanitized unless the site trusts its HTML."""
        return html if self.settings.trusted_html else sanitize(html)

    def hand_written_document(self, text: str) -> str | None:
        """An ``.html`` file of the docs folder as published (None: as it is)."""
        return None if self.settings.trusted_html else sanitize_document(text)

    # Files

    def files(self, *, with_print: bool | None = None) -> list[OutputFile]:
        """Feeds, JSON, print files and the site's own stylesheet, palette and script."""
        with_print = self.settings.print_files if with_print is None else with_print
        out = []
        for asset in self.plan.assets:
            is_print = asset.path.endswith(".pdf") or asset.path.startswith("print/")
            if is_print and not with_print:
                # The reprint list (print/) is made from the PDFs, after them: without them, nothing to list.
                continue
            out.append(OutputFile(asset.path, make=asset.make, kind="print" if is_print else "data"))
        # The palette first, so that the stylesheet (and a site's own extra_css) can adjust it.
        out.append(OutputFile(PALETTE, make=self.palette_css.encode, kind="static"))
        out.append(OutputFile(STYLESHEET, source=PACKAGE / "assets" / "culture.css", kind="static"))
        out.append(OutputFile(SCRIPT, source=PACKAGE / "assets" / "culture.js", kind="static"))
        return out

    def write(self, item: OutputFile, site_dir: Path) -> Path:
        """Make ``item`` and write it into ``site_dir`` (a static file is left where it is)."""
        if item.source is not None:
            return item.source
        try:
            content = item.content()
        except DataError as exc:  # a print file failed preflight
            # The press prints every page at the first request, so the file asked for
            # is not necessarily the one at fault: the problems name each page's source.
            raise OutputError(f"the print files cannot be made; nothing was built.\n\n{exc}") from None
        except (ImportError, OSError) as exc:
            # A missing library (Pango, HarfBuzz) or a file-system fault while printing.
            reason = describe(exc, Path(item.path)) if isinstance(exc, OSError) else str(exc)
            raise OutputError(
                f"{item.path} cannot be made ({reason}); nothing was built. Print files need WeasyPrint with "
                "Pango and fonts-noto-cjk (see README), or set print_files: false（无法生成印刷文件）"
            ) from None
        target = site_dir / item.path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        except OSError as exc:
            raise OutputError(f"nothing was built: {describe(exc, target)}") from None
        return target

    def source_file(self, src_uri: str, path: Path) -> bytes | object | None:
        """How a file of the docs folder is published: its new content, :data:`WITHHELD`, or None (as it is).

        Images become web copies (resized, without metadata) and a withheld person's photo
        is not published at all; ``.html`` files are sanitized unless the site trusts its HTML.
        Raises :class:`OutputError` for an image that cannot be read.
        """
        if self.is_image(src_uri):
            try:
                return self.publish_image(src_uri, path).data
            except MediaRefused:
                return WITHHELD
            except ImageError as exc:
                raise OutputError(f"{src_uri}: not a readable image ({exc})") from None
        if src_uri.lower().endswith((".html", ".htm")):
            published = self.hand_written_document(path.read_text(encoding="utf-8", errors="replace"))
            return published.encode("utf-8") if published is not None else None
        return None

    def print_report(self) -> tuple[list[str], list[str]]:
        """The print warnings, and the lines that say what was typeset and what goes back to the shop."""
        press = self.site.press
        warnings = [problem.format() for problem in press.warnings]
        notes = []
        if press.stats.typeset or press.stats.cached:
            notes.append(str(press.stats))
        if press.files:
            changed = [entry["path"] for entry in press.manifest() if entry["changed_now"]]
            day = press.build_date.isoformat()
            if changed:
                notes.append(f"print files changed on {day} ({len(changed)}): " + ", ".join(changed))
            else:
                notes.append(f"no print file changed on {day}: nothing to reprint")
        return warnings, notes

    # Media

    @property
    def withheld(self) -> frozenset[str]:
        """Images (relative to the docs folder) that no engine may publish: photos of people not shown."""
        return frozenset(PurePosixPath(src).as_posix() for src in self.site.withheld_photos)

    def is_theme_data(self, src_uri: str) -> bool:
        """A file of a template folder that is read by the build and never published (interface words)."""
        return src_uri.startswith("strings/") and src_uri.endswith(".yml")

    def is_image(self, src_uri: str) -> bool:
        return src_uri.lower().endswith(IMAGE_SUFFIXES)

    def publish_image(self, src_uri: str, source: Path) -> WebImage:
        """The web copy of an image of the docs folder (resized, without metadata).

        Raises :class:`MediaRefused` for a withheld person's photo, and
        :class:`~community_culture.core.media.ImageError` for a file that is not a readable image.
        """
        if PurePosixPath(src_uri).as_posix() in self.withheld:
            raise MediaRefused(src_uri)
        cache = self.site.options.cache_dir / "media" if self.site.options.cache_dir else None
        image = make_web_image(source, self.settings.photo_max_width, cache)
        self.renderer.image_sizes[src_uri] = (image.width, image.height)
        return image

    # Navigation

    def navigation(self, default: Sequence[navigation.NavItem] | None = None) -> dict[str, list[navigation.NavItem]]:
        """The navigation of every language; ``default``: the site's own for the default language."""
        items = list(default) if default is not None else navigation.default_nav(self.urls, self.languages[1:])
        navs = {self.default_language: items}
        for lang in self.languages[1:]:
            navs[lang] = navigation.mirror(items, lang, self.urls)
        return navs

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
        return verify_site(site_dir, planned, words, published, base_path, self.renderer.links)

    def finish(self, site_dir: Path, base_path: str = "/", *, index_later: bool = False) -> list[str]:
        """Check the written site and index it for search; a warning for each problem found.

        ``index_later``: the preview shows the pages at once and indexes them in the
        background (a second of every save); a search just after a save may miss the edit.
        """
        warnings = [*broken_links(site_dir, self.renderer.links, base_path)]
        if self.settings.search and index_later:
            threading.Thread(target=_index_quietly, args=(site_dir,), name="search-index", daemon=True).start()
        elif self.settings.search:
            failure = index_site(site_dir)
            if failure:
                warnings.append(f"community-culture: search: {failure}")
        return warnings


def _index_quietly(site_dir: Path) -> None:
    """The preview's search index: a later save may clear the folder under it, which is no problem."""
    with contextlib.suppress(Exception):
        index_site(site_dir)


def problems_summary(problems: Problems, shown: int) -> Iterable[str]:
    """The warnings worth a line each in a build log, then how many more there are."""
    from ..core.wording import render

    for problem in problems.warnings[:shown]:
        yield render(problem)
    if len(problems.warnings) > shown:
        yield f"... and {len(problems.warnings) - shown} more warnings not shown"
