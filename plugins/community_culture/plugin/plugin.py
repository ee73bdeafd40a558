"""The ``community-culture`` MkDocs plugin: maps the core's :class:`SiteOutput` onto MkDocs.

Every decision about data, pages, URLs, media and navigation is made by the core
(``output/``); this module hands MkDocs the generated pages and files, the page
metadata and the navigation, and keeps a failed build from touching the published site.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..core import cachefile, collector
from ..core.csp import ScriptPolicy
from ..core.markup import MarkdownRenderer
from ..core.problems import MAX_SHOWN, Problems
from ..core.templates import template_cache
from ..core.wording import render
from ..model.site import Site, load_site
from ..output import housekeeping
from ..output.options import OptionsError, SiteConfig, read_options
from ..output.site import TEMPLATES, OutputError, Settings, SiteOutput, problems_summary
from . import gate
from . import nav as navigation
from .config import CultureConfig
from .frame import add_frame
from .generated import WrittenApart, without_markdown
from .live import LivePreview
from .preview import problems_page, quiet_jieba, without_hreflang

log = get_plugin_logger(__name__)
PRINT_IN_PREVIEW = "CULTURE_PRINT_IN_PREVIEW"
"""Set to 1 by ``culture serve --print``: the preview makes the print files too."""


class CulturePlugin(BasePlugin[CultureConfig]):
    """Generates the community's pages, feeds and data files from ``data/``."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        self.strict_logging = gate.StrictLogging()
        self.live = LivePreview()
        """In preview: after a data edit, pages are made again as they are opened."""
        self._reset()

    def _reset(self) -> None:
        self.output: SiteOutput | None = None
        self.navs: dict[str, Navigation] = {}
        self.publication: gate.Publication | None = None
        self.broken: Problems | None = None
        """In preview, the problems that stop the data from building (the site shows them)."""
        self.policy: ScriptPolicy | None = None
        self._reload: Callable[[], SiteOutput | None] | None = None
        self._existing: dict[str, str] = {}
        """The hand-written pages by URL, as the last whole build found them."""
        cachefile.USE.reset()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty

    # Run first so that no other plugin sees a config we are about to reject.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # `mkdocs serve` reuses this object across rebuilds: start afresh each time.
        collector.unfreeze()
        self._reset()
        if any(name.endswith("search") for name in config.plugins):
            quiet_jieba()  # only the theme's search loads jieba (the site's own search is Pagefind)
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
        site_config = SiteConfig(
            root=root,
            plugin={**self.config, "print": dict(self.config.print)},
            docs_dir=config.docs_dir,
            site_url=config.site_url,
            site_name=config.site_name,
            custom_dir=config.theme.custom_dir,
        )
        try:
            options = read_options(site_config, logger=log)
        except OptionsError as exc:
            raise PluginError(f"community-culture: {exc}") from None
        staging = self.command == "build" and self.config.atomic and not self.dirty
        if staging:
            try:
                self.publication = gate.Publication(Path(config.site_dir), self.config.lock_timeout, log)
            except gate.PublishError as exc:
                raise PluginError(f"community-culture: {exc}") from None
        # A site's overrides/ (custom_dir) stays first; our patch of Material's
        # partials goes right after it, our page templates last of all.
        dirs = config.theme.dirs
        at = 1 if config.theme.custom_dir and dirs and Path(dirs[0]) == Path(config.theme.custom_dir) else 0
        dirs.insert(at, str(TEMPLATES / "patches"))
        dirs.append(str(TEMPLATES))
        # The model holds no reference cycles: no collector passes while it and the plan
        # are made (core/collector.py), and none walks them again until the build ends.
        settings, theme = self._settings(config), self._theme(config)

        def load() -> tuple[Site | None, SiteOutput | None, Problems, list[str]]:
            with collector.paused_gc():
                site, problems = load_site(options)
                output, too_big = SiteOutput.make(site, settings, **theme) if site else (None, [])
            for line in problems_summary(problems, MAX_SHOWN):
                log.warning(line)
            for note in problems.notes:
                log.info(note)
            if problems.untranslated:
                n = len(problems.untranslated)
                log.info(f"{n} texts lack a translation（{n} 处文字缺少翻译）: culture check --translations lists them")
            return site, output, problems, too_big

        def reload() -> SiteOutput | None:
            _, output, problems, _ = load()
            if output is None or problems.errors:
                return None  # the whole build shows the problems
            output.attach(self._existing)
            self.output = output
            return output

        self._reload = reload
        site, output, problems, too_big = load()
        config.watch.append(str(options.data_dir))
        if site is None and self.command == "serve":
            # A failed build leaves `mkdocs serve` showing the old site and new tabs
            # waiting forever; build a site whose every address shows the problems.
            for problem in problems.errors:
                log.warning(render(problem))
            self.broken = problems
            return config
        if site is None or (self.config.strict and problems.warnings) or output is None:
            self._abort()
            if too_big:
                raise PluginError("community-culture: nothing was built.\n" + "\n".join(too_big))
            raise PluginError(
                "community-culture: the data has problems; nothing was built.\n\n"
                + problems.report(warnings=self.config.strict, lang="zh")
            )
        for message in output.config_problems:
            log.warning(f"mkdocs.yml: {message}")
        self.output = output
        housekeeping.purge_withheld(site, options.cache_dir, self.config.photo_max_width)
        dirs = config.theme.dirs
        # The palette first, so that a site's own extra_css can still adjust it.
        for file in output.files(with_print=False):
            if file.path.endswith(".css") and file.path not in config.extra_css:
                config.extra_css.append(file.path)
        # `mkdocs serve` injects a reload script that changes with every request, so no
        # hash can allow it: the local preview goes without the policy, published sites keep it.
        if self.config.content_security_policy and self.command != "serve":
            self.policy = ScriptPolicy(dirs)
        if self.publication is not None:
            config.site_dir = str(self.publication.building)
        collector.freeze()
        return config

    def _settings(self, config: MkDocsConfig) -> Settings:
        return Settings(
            site_name=config.site_name,
            palette=self.config.palette,
            photo_max_width=self.config.photo_max_width,
            trusted_html=self.config.trusted_html,
            # Print files take seconds each: `mkdocs serve` leaves them out unless asked.
            # `culture serve --print` asks for them (typeset through the cache: only what changed).
            print_files=self.config.print_files
            and (self.command != "serve" or self.config.pdf_in_serve or os.environ.get(PRINT_IN_PREVIEW) == "1"),
            search=self.config.search,
        )

    def _theme(self, config: MkDocsConfig) -> dict[str, Any]:
        return {
            "template_dirs": list(config.theme.dirs),
            "markdown": MarkdownRenderer(config.markdown_extensions, config.mdx_configs),
        }

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if self.broken is not None:
            # No page at all: every address falls through to the problems page.
            return Files([f for f in files if not f.is_documentation_page()])
        output = self.output
        if output is None:
            return files
        # MkDocs copies every non-template file of the theme folders into the site;
        # ours hold print stylesheets and template patches, which are not for residents.
        # A site's interface words (overrides/strings/*.yml) are read by the core, not published.
        docs = Path(config.docs_dir)
        for file in [f for f in files if f.abs_src_path and not Path(f.abs_src_path).is_relative_to(docs)]:
            if Path(str(file.abs_src_path)).is_relative_to(TEMPLATES) or output.is_theme_data(file.src_uri):
                files.remove(file)
        existing = self._existing = {navigation.page_url(f): f.src_uri for f in files.documentation_pages()}
        for page in output.attach(existing):
            files.append(File.generated(config, page.src_uri, content=""))
        try:
            # Not in the preview, whose server runs threads: a fork copies only the build's.
            background = self.command != "serve"
            for path, target, apart in output.start(Path(config.site_dir), background=background):
                files.append((WrittenApart if apart else File).generated(config, path, abs_src_path=str(target)))
            for file in [f for f in files if f.abs_src_path and not f.generated_by and not f.is_documentation_page()]:
                source = Path(str(file.abs_src_path))
                # Every image (the theme's too) is published as a copy without metadata.
                mine = source.is_relative_to(docs) or output.is_image(file.src_uri)
                published = output.source_file(file.src_uri, source) if mine else None
                if published is not None:
                    files.remove(file)
                if isinstance(published, bytes):  # a withheld person's photo is not copied at all
                    files.append(File.generated(config, file.src_uri, content=published))
            if background:
                output.render_apart()  # now that the images' sizes are known
        except OutputError as exc:
            raise PluginError(f"community-culture: {exc}") from None
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        if self.output is not None:
            self.output.writing.bodies_done()
            try:
                self.output.writing.printed()  # the staff page shows what printing made
            except OutputError as exc:
                raise PluginError(f"community-culture: {exc}") from None
            warnings, notes = self.output.print_report()
            for line in warnings:
                log.warning(line)
            for line in notes:
                log.info(line)
            env.bytecode_cache = template_cache(self.output.site.options.cache_dir)
            if self.command == "serve" and self.navs:
                self.live.built((config, files, self.navs[self.output.default_language], env), self.output)
        return env

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        if self.config.enabled:
            server.builder = self.live.builder(builder, lambda: self._reload() if self._reload else None)
            server._serve_request = self.live.serving(server)  # type: ignore[method-assign]
        return server

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if self.output is None:
            return nav
        for file in files.documentation_pages():
            page = file.page
            if page is not None:
                page.parent = page.previous_page = page.next_page = None
                planned = self.output.page(file.src_uri)
                if planned is not None and not planned.hand_written:
                    page.render = without_markdown(page)  # type: ignore[method-assign, assignment]
        trees = self.output.navigation(navigation.to_tree(nav.items) if config.nav else None)
        self.navs = {lang: navigation.from_tree(tree, files) for lang, tree in trees.items()}
        return self.navs[self.output.default_language]

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        planned = self.output.page(page.file.src_uri) if self.output else None
        if planned is not None:
            meta = self.output.meta(planned)  # type: ignore[union-attr]
            page.meta.setdefault("template", meta.pop("template"))
            page.meta.update(meta)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.output is None:
            return html
        planned = self.output.page(page.file.src_uri)
        if not page.file.generated_by:
            html = self.output.hand_written_html(html)
        return self.output.body(planned, page_html=html) if planned is not None else html

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self.output is None:
            return context
        late = self.output.late_body(page.file.src_uri)
        if late is not None:  # it shows what printing made, which is made now (see SiteOutput.body)
            page.content = late
        frame = self.output.frame(navigation.page_url(page.file))
        add_frame(context, frame, config)
        if frame["lang"] in self.navs:
            context["nav"] = self.navs[frame["lang"]]
        return context

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        # The 404 page is served at any address: say it in every language, with the way home.
        if self.output is None or template_name != "404.html":
            return context
        add_frame(context, self.output.frame(""), config)
        # Absolute: the 404 page is served at whatever address was asked for.
        root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        context["culture_notfound"] = self.output.notfound(root)  # type: ignore[typeddict-unknown-key]
        return context

    # Last: the policy's hashes and the search index see the page as it is written.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.command == "serve":
            # Material's script fetches <alternate>/sitemap.xml for every hreflang link,
            # which for our page-to-page twins does not exist: a 404 pair per page view.
            output = without_hreflang(output)
        output = self.policy.apply(output) if self.policy is not None else output
        if self.output is not None:
            self.output.writing.page_written(page.file.dest_uri, output)
            planned = self.output.page(page.file.src_uri)
            if planned is not None and not planned.hand_written:
                # Written: a generated page's body is not read again (MkDocs keeps every page to the end).
                page.content = None
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str | None:
        if self.policy is not None and template_name.endswith(".html"):
            return self.policy.apply(output_content)
        return output_content

    # First: every other plugin sees the side files whole.
    @event_priority(100)
    def _files_written(self, *, config: MkDocsConfig) -> None:
        try:
            if self.output is not None:
                self.output.writing.files_written()
        except OutputError as exc:
            raise PluginError(f"community-culture: {exc}") from None

    # Last: every other plugin (sitemap, ...) writes into the staging folder first.
    @event_priority(-100)
    def _publish(self, *, config: MkDocsConfig) -> None:
        collector.unfreeze()
        if self.broken is not None:
            self.live.forget()
            page = problems_page(self.broken, config.site_name)
            Path(config.site_dir, "404.html").write_text(page, encoding="utf-8")
            return
        if self.output is None:
            return
        base = urlsplit(config.site_url or "/").path or "/"
        warnings, refused = self.output.finish(
            Path(config.site_dir), base, index_later=self.command == "serve", verify=self.publication is not None
        )
        for message in warnings:
            log.warning(message)
        if self.publication is None:
            return
        if refused:
            self._abort()
            shown = "\n".join(refused[:MAX_SHOWN]) + (
                f"\n... and {len(refused) - MAX_SHOWN} more" if len(refused) > MAX_SHOWN else ""
            )
            raise PluginError(
                f"community-culture: the built site failed its last check; the published site is unchanged（网站未更新）:\n{shown}"
            )
        if self.publication.finish(bool(config.strict)):
            housekeeping.prune_cache(self.output.site.options.cache_dir, self.config.print_files, log)
        config.site_dir = str(self.publication.target)

    on_post_build = CombinedEvent(_files_written, _publish)

    def on_build_error(self, *, error: Exception) -> None:
        collector.unfreeze()
        if self.output is not None:
            self.output.writing.abandon()  # the files being written apart are not wanted
        self.live.forget()
        self._abort()

    def on_shutdown(self) -> None:
        self.strict_logging.release()
        if self.publication is not None:
            self.publication.unlock()
        # The command ends here: its last collection need not walk every object the build
        # made (about 0.1 s at 2,000 pages). A next build in this process gives them back (on_config).
        collector.freeze()

    def _abort(self) -> None:
        if self.publication is not None:
            self.publication.abort()
            self.publication = None
