"""The ``community-culture`` MkDocs plugin: wires MkDocs events to the core.

Every decision about data, pages and URLs is made by the core (``model``, ``pages``);
this module only hands MkDocs the planned pages and files, and keeps a failed build
from touching the published site.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..core import cachefile, collector
from ..core.csp import ScriptPolicy
from ..core.markup import MarkdownRenderer, sanitize, sanitize_document
from ..core.media import IMAGE_SUFFIXES, ImageError, make_web_image
from ..core.problems import MAX_SHOWN, DataError, Problems
from ..core.staging import BuildLocked, StagedOutput
from ..core.wording import render
from ..model.site import Options, Site, load_site
from ..pages.palette import palette_css, read_palette
from ..pages.plan import Asset, PageSpec, Plan, build_plan, plan_limits
from ..pages.render import Renderer
from ..pages.residents import chrome
from ..pages.strings import translate
from ..printing.settings import PrintSettings, read_settings
from . import gate, housekeeping
from . import nav as navigation
from .config import CultureConfig
from .links import broken_links
from .preview import problems_page, quiet_jieba, without_hreflang
from .search import index_site

log = get_plugin_logger(__name__)
PACKAGE = Path(__file__).resolve().parent.parent
STYLESHEET = "assets/culture/culture.css"
PALETTE = "assets/culture/palette.css"
SCRIPT = "assets/culture/culture.js"
"""Elder mode and "today": loaded in <head> by the theme patch (main.html), a file, never inline."""


class _WarningCounter(logging.Handler):
    """Counts warnings during a build, to keep a strict build that will abort from being published."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class CulturePlugin(BasePlugin[CultureConfig]):
    """Generates the community's pages, feeds and data files from ``data/``."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.strict_logging = gate.StrictLogging()
        self._reset()

    def _reset(self) -> None:
        self.site: Site | None = None
        self.plan = Plan()
        self.specs: dict[str, PageSpec] = {}
        """Planned pages by the src_uri of the file that carries them."""
        self.renderer: Renderer | None = None
        self.navs: dict[str, Navigation] = {}
        self.urls: set[str] = set()
        self.staged: StagedOutput | None = None
        self.counter: _WarningCounter | None = None
        self.alternate: Any = None
        self._site_name = ""
        self.broken: Problems | None = None
        """In preview, the problems that stop the data from building (the site shows them)."""
        self.policy: ScriptPolicy | None = None
        cachefile.USE.reset()

        self.palette_css = ""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        quiet_jieba()

    # Run first so that no other plugin sees a config we are about to reject.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # `mkdocs serve` reuses this object across rebuilds: start afresh each time.
        collector.unfreeze()
        self._reset()
        if not self.config.enabled:
            return config
        self.strict_logging.engage(config)
        gate.raise_link_checks(config)
        if not config.use_directory_urls:
            raise PluginError(
                "community-culture: `use_directory_urls` must stay true: the page addresses "
                "(/halls/<id>/) are printed as QR codes and must not change."
            )
        root = Path(config.config_file_path or ".").resolve().parent
        options = Options(
            root=root,
            data_dir=(root / self.config.data_dir).resolve(),
            content_dir=Path(config.docs_dir).resolve(),
            languages=tuple(self.config.languages),
            as_of=self._as_of(),
            site_url=config.site_url,
            honors_noindex=self.config.honors_noindex,
            cache_dir=housekeeping.cache_dir(root, self.config.cache_dir, log),
            template_dirs=(Path(config.theme.custom_dir),) if config.theme.custom_dir else (),
            print=self._print_settings(root),
            reminder_minutes=self.config.reminder_minutes,
        )
        staging = self.command == "build" and self.config.atomic and not self.dirty
        if staging:
            # Count warnings from here on: a strict build aborts on them after the
            # last event, and must then not have replaced the published site.
            self.counter = _WarningCounter()
            logging.getLogger("mkdocs").addHandler(self.counter)
        # The model holds no reference cycles: no collector passes while it and the plan
        # are made (core/collector.py), and none walks them again until the build ends.
        with collector.paused_gc():
            site, problems = load_site(options)
            plan = build_plan(site) if site is not None else Plan()
        for problem in problems.warnings[:MAX_SHOWN]:
            log.warning(render(problem))
        if len(problems.warnings) > MAX_SHOWN:
            log.warning(f"... and {len(problems.warnings) - MAX_SHOWN} more warnings not shown")
        for note in problems.notes:
            log.info(note)
        if problems.untranslated:
            log.info(
                f"{len(problems.untranslated)} texts lack a translation（{len(problems.untranslated)} 处文字缺少翻译）: "
                "culture check --translations lists them"
            )
        config.watch.append(str(options.data_dir))
        if site is None and self.command == "serve":
            # A failed build leaves `mkdocs serve` showing the old site and new tabs
            # waiting forever; build a site whose every address shows the problems.
            for problem in problems.errors:
                log.warning(render(problem))
            self.broken = problems
            return config
        if site is None or (self.config.strict and problems.warnings):
            raise PluginError(
                "community-culture: the data has problems; nothing was built.\n\n"
                + problems.report(warnings=self.config.strict, lang="zh")
            )
        palette, palette_problems = read_palette(self.config.palette)
        for message in palette_problems:
            log.warning(f"mkdocs.yml: community-culture: {message}")
        self.palette_css = palette_css(palette)
        self.site = site
        housekeeping.purge_withheld(site, options.cache_dir, self.config.photo_max_width)
        self.plan = plan
        too_big = plan_limits(self.plan)
        if too_big:
            raise PluginError("community-culture: nothing was built.\n" + "\n".join(too_big))
        self._setup_theme(config, options)
        if staging:
            fault = gate.output_fault(Path(config.site_dir))
            if fault is not None:
                self._detach_counter()
                raise PluginError(f"community-culture: nothing was built: {fault}")
            self.staged = StagedOutput(Path(config.site_dir))
            try:
                self.staged.lock(
                    self.config.lock_timeout,
                    waiting=lambda: log.info(f"another build is writing {config.site_dir}; waiting for it to finish"),
                )
            except BuildLocked as exc:
                self.staged = None
                self._detach_counter()
                raise PluginError(f"community-culture: {exc}") from None
            try:
                config.site_dir = str(self.staged.begin())
            except OSError as exc:
                self.staged.unlock()
                self.staged = None
                self._detach_counter()
                raise PluginError(
                    f"community-culture: nothing was built: {gate.describe(exc, Path(config.site_dir))}"
                ) from None
        collector.freeze()
        return config

    def _print_settings(self, root: Path) -> PrintSettings:
        try:
            return read_settings(dict(self.config.print), root)
        except ValueError as exc:
            raise PluginError(f"community-culture: {exc}") from None

    def _as_of(self) -> dt.date | None:
        if not self.config.as_of:
            return None
        if isinstance(self.config.as_of, dt.date):
            return self.config.as_of
        try:
            return dt.date.fromisoformat(str(self.config.as_of))
        except ValueError:
            raise PluginError(
                f"community-culture: as_of must be a date written YYYY-MM-DD, found '{self.config.as_of}'"
            ) from None

    def _setup_theme(self, config: MkDocsConfig, options: Options) -> None:
        dirs = config.theme.dirs
        # A site's overrides/ (custom_dir) stays first; our patch of Material's
        # language partial goes right after it, our page templates last of all.
        custom = config.theme.custom_dir
        at = 1 if custom and dirs and Path(dirs[0]) == Path(custom) else 0
        dirs.insert(at, str(PACKAGE / "templates" / "patches"))
        dirs.append(str(PACKAGE / "templates"))
        # The palette first, so that a site's own extra_css can still adjust it.
        for sheet in (PALETTE, STYLESHEET):
            if sheet not in config.extra_css:
                config.extra_css.append(sheet)
        self.alternate = config.extra.get("alternate")
        self._site_name = config.site_name
        # `mkdocs serve` injects a reload script that changes with every request, so no
        # hash can allow it: the local preview goes without the policy, published sites keep it.
        if self.config.content_security_policy and self.command != "serve":
            self.policy = ScriptPolicy(dirs)
        self.renderer = Renderer(
            self.site,  # type: ignore[arg-type]
            dirs,
            MarkdownRenderer(config.markdown_extensions, config.mdx_configs),
        )

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if self.broken is not None:
            # No page at all: every address falls through to the problems page.
            return Files([f for f in files if not f.is_documentation_page()])
        if self.site is None or self.renderer is None:
            return files
        # MkDocs copies every non-template file of the theme folders into the site;
        # ours hold print stylesheets and template patches, which are not for residents.
        templates = PACKAGE / "templates"
        for file in [f for f in files if f.abs_src_path and Path(f.abs_src_path).is_relative_to(templates)]:
            files.remove(file)
        default = self.site.default_language
        hand_written = {navigation.page_url(f): f for f in files.documentation_pages()}
        for spec in self.plan.pages:
            existing = hand_written.get(spec.url(default))
            if existing is not None:
                self.specs[existing.src_uri] = spec  # a hand-written page wins and gets the data
            else:
                self.specs[spec.src_uri(default)] = spec
                files.append(File.generated(config, spec.src_uri(default), content=""))
        # Print files take seconds each: `mkdocs serve` leaves them out unless asked.
        skip_pdfs = not self.config.print_files or (self.command == "serve" and not self.config.pdf_in_serve)
        site_dir = Path(config.site_dir)
        for asset in self.plan.assets:
            # The reprint list (print/) is made from the PDFs, after them: without them, nothing to list.
            if not (skip_pdfs and (asset.path.endswith(".pdf") or asset.path.startswith("print/"))):
                files.append(File.generated(config, asset.path, abs_src_path=self._write(asset, site_dir)))
        self._report_print()
        files.append(File.generated(config, STYLESHEET, abs_src_path=str(PACKAGE / "assets" / "culture.css")))
        files.append(File.generated(config, SCRIPT, abs_src_path=str(PACKAGE / "assets" / "culture.js")))
        files.append(File.generated(config, PALETTE, content=self.palette_css))
        # The photo of someone who is not published (no consent, withdrawn) is not
        # copied at all: its address would be guessable from the person's name.
        for src in self.site.withheld_photos:
            withheld = files.get_file_from_path(src)
            if withheld is not None:
                files.remove(withheld)
        self._publish_images(files, config)
        if not self.config.trusted_html:
            self._sanitize_html_files(files, config)
        self.urls = {navigation.page_url(f) for f in files.documentation_pages()}
        return files

    def _write(self, asset: Asset, site_dir: Path) -> str:
        """Make ``asset`` and write it straight into the (staging) site folder.

        Feeds, JSON and PDFs are written as they are made rather than held until
        MkDocs copies files: a file whose source is its own destination is left in
        place by MkDocs (``File.copy_file`` passes on ``SameFileError``).
        """
        try:
            content = asset.make()
        except DataError as exc:  # a print file failed preflight
            # The press prints every page at the first request, so the file asked for
            # is not necessarily the one at fault: the problems name each page's source.
            raise PluginError(
                f"community-culture: the print files cannot be made; nothing was built.\n\n{exc}"
            ) from None
        except (ImportError, OSError) as exc:
            # A missing library (Pango, HarfBuzz) or a file-system fault while printing.
            reason = gate.describe(exc, Path(asset.path)) if isinstance(exc, OSError) else str(exc)
            raise PluginError(
                f"community-culture: {asset.path} cannot be made ({reason}); nothing was built. "
                "Print files need WeasyPrint with Pango and fonts-noto-cjk (see README), "
                "or set print_files: false（无法生成印刷文件）"
            ) from None
        target = site_dir / asset.path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        except OSError as exc:
            raise PluginError(f"community-culture: nothing was built: {gate.describe(exc, target)}") from None
        return str(target)

    def _report_print(self) -> None:
        assert self.site is not None
        for problem in self.site.press.warnings:
            log.warning(problem.format())
        if self.site.press.stats.typeset or self.site.press.stats.cached:
            log.info(str(self.site.press.stats))
        if self.site.press.files:
            # Which files go back to the print shop: those whose content changed in this build.
            changed = [entry["path"] for entry in self.site.press.manifest() if entry["changed_now"]]
            day = self.site.press.build_date.isoformat()
            if changed:
                log.info(f"print files changed on {day} ({len(changed)}): " + ", ".join(changed))
            else:
                log.info(f"no print file changed on {day}: nothing to reprint")

    def _sanitize_html_files(self, files: Files, config: MkDocsConfig) -> None:
        """HTML files of content/ are published sanitized (scripts and handlers removed)."""
        content = Path(config.docs_dir).resolve()
        for file in list(files):
            src = file.abs_src_path
            if not src or file.generated_by or not file.src_uri.lower().endswith((".html", ".htm")):
                continue
            if not Path(src).resolve().is_relative_to(content):
                continue
            text = Path(src).read_text(encoding="utf-8", errors="replace")
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=sanitize_document(text)))

    def _publish_images(self, files: Files, config: MkDocsConfig) -> None:
        """Replace every image from content/ by a resized copy without metadata."""
        cache = self.site.options.cache_dir / "media" if self.site and self.site.options.cache_dir else None
        problems, sizes = [], {}
        for file in [f for f in files if f.src_uri.lower().endswith(IMAGE_SUFFIXES) and f.abs_src_path]:
            try:
                image = make_web_image(Path(str(file.abs_src_path)), self.config.photo_max_width, cache)
            except ImageError as exc:
                problems.append(f"content/{file.src_uri}: not a readable image ({exc})")
                continue
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=image.data))
            sizes[file.src_uri] = (image.width, image.height)
        if problems:
            raise PluginError("community-culture: images cannot be published:\n" + "\n".join(problems))
        assert self.renderer is not None
        self.renderer.image_sizes.update(sizes)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if self.site is None:
            return nav
        languages = self.site.options.languages
        for file in files.documentation_pages():
            if file.page is not None:
                file.page.parent = file.page.previous_page = file.page.next_page = None
        items = nav.items if config.nav else navigation.default_items(files, languages[1:])
        self.navs[languages[0]] = navigation.link_up(items)
        for lang in languages[1:]:
            self.navs[lang] = navigation.link_up(navigation.mirror(items, lang, files))
        return self.navs[languages[0]]

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            return markdown
        page.meta.setdefault("template", "culture/page.html")
        if page.file.generated_by:
            # The theme prints page titles as HTML (head, header, navigation, search):
            # a title from data is text, so it goes in escaped.
            page.meta["title"] = str(escape(spec.title))
        if spec.noindex:
            page.meta["robots"] = "noindex"
        if not spec.searchable:
            page.meta["search"] = {"exclude": True}
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.site is not None and not page.file.generated_by and not self.config.trusted_html:
            html = sanitize(html)
        spec = self.specs.get(page.file.src_uri)
        if spec is None or self.renderer is None:
            return html
        return self.renderer.render(spec, page_html=None if page.file.generated_by else html)

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self.site is None:
            return context
        lang, key = self._split(navigation.page_url(page.file))
        context["culture_lang"] = lang  # type: ignore[typeddict-unknown-key]
        self._add_chrome(context, lang)
        if lang in self.navs:
            context["nav"] = self.navs[lang]
        # Material builds the language selector and the hreflang links from
        # `extra.alternate`; pointing it at this page's twins keeps readers in place.
        config.site_name = (
            self._site_name
            if lang == self.site.default_language
            else str(escape(self.site.community.name.get(lang, self.site.default_language)))
        )
        config.extra["alternate"] = [
            {"name": translate(other, other, "language.name"), "lang": other, "link": self._twin(other, key)}
            for other in self.site.options.languages
        ]
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.command == "serve":
            # Material's script fetches <alternate>/sitemap.xml for every hreflang link,
            # which for our page-to-page twins does not exist: a 404 pair per page view.
            output = without_hreflang(output)
        return self.policy.apply(output) if self.policy is not None else output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str | None:
        if self.policy is not None and template_name.endswith(".html"):
            return self.policy.apply(output_content)
        return output_content

    def _add_chrome(self, context: Any, lang: str) -> None:
        """The header's and footer's words and links in ``lang``."""
        assert self.site is not None
        prefix = "" if lang == self.site.default_language else f"{lang}/"
        # The theme's templates do not escape: every word (the community's name among
        # them) goes in as escaped text.
        context["culture_ui"] = {key: Markup(escape(value)) for key, value in chrome(self.site, lang).items()}
        context["culture_links"] = {"search": prefix + "search/", "staff": prefix + "staff/"}

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        # The 404 page is served at any address: say it in every language, with the way home.
        if self.site is None or template_name != "404.html":
            return context
        default = self.site.default_language
        self._add_chrome(context, default)
        # Absolute: the 404 page is served at whatever address was asked for.
        root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        notfound = []
        for lang in self.site.options.languages:
            words = {"lang": lang, "home": root + ("" if lang == default else f"{lang}/")}
            for key, name in (("notfound", "notfound"), ("text", "notfound.text"), ("link", "notfound.home")):
                words[key] = translate(lang, default, name)
            notfound.append(words)
        context["culture_notfound"] = notfound  # type: ignore[typeddict-unknown-key]
        config.extra["alternate"] = [
            {"name": translate(other, other, "language.name"), "lang": other, "link": self._twin(other, "")}
            for other in self.site.options.languages
        ]
        return context

    def _split(self, url: str) -> tuple[str, str]:
        assert self.site is not None
        m = re.match(r"^([a-z]{2,3}(?:-[a-z0-9]+)?)/", url)
        if m and m.group(1) in self.site.options.languages[1:]:
            return m.group(1), url[m.end() :]
        return self.site.default_language, url

    def _twin(self, lang: str, key: str) -> str:
        assert self.site is not None
        prefix = "" if lang == self.site.default_language else f"{lang}/"
        url = prefix + key
        return (url if url in self.urls else prefix) or "./"

    # Run last: every other plugin (search, sitemap) writes into the staging folder first.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        collector.unfreeze()
        if self.broken is not None:
            page = problems_page(self.broken, config.site_name)
            Path(config.site_dir, "404.html").write_text(page, encoding="utf-8")
            return
        if self.site is None:
            return
        if self.config.search:
            failure = index_site(Path(config.site_dir))
            if failure:
                log.warning(f"community-culture: search: {failure}")
        if self.renderer is not None:
            base = urlsplit(config.site_url or "/").path or "/"
            for message in broken_links(Path(config.site_dir), self.renderer.links, base):
                log.warning(message)
        config.site_name = self._site_name
        if self.alternate is None:
            config.extra.pop("alternate", None)
        else:
            config.extra["alternate"] = self.alternate
        if self.staged is None:
            return
        warned = self.counter.count if self.counter is not None else 0
        self._detach_counter()
        if config.strict and warned:
            # MkDocs aborts a strict build with warnings right after this event.
            self.staged.abort()
        else:
            self.staged.commit()
            housekeeping.prune_cache(self.site.options.cache_dir, self.config.print_files, log)
        self.staged.unlock()
        config.site_dir = str(self.staged.target)

    def on_build_error(self, *, error: Exception) -> None:
        collector.unfreeze()
        self._detach_counter()
        if self.staged is not None:
            self.staged.abort()
            self.staged.unlock()

    def on_shutdown(self) -> None:
        self.strict_logging.release()
        if self.staged is not None:
            self.staged.unlock()

    def _detach_counter(self) -> None:
        if self.counter is not None:
            logging.getLogger("mkdocs").removeHandler(self.counter)
            self.counter = None
