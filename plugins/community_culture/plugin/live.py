"""The preview rebuilds what is looked at, not the whole site, after a data edit.

``mkdocs serve`` rebuilds every page on every save: at a thousand records that is
thousands of pages and feeds, ten seconds and more, for the one page the editor is
looking at. So when a save touched nothing but the data folder, and the site keeps
its pages, navigation and withheld people (an edited title, time, place or text),
the preview re-reads the data and re-plans the site (the core's work, about a
second at a thousand records), marks every page and file out of date, and lets the
browsers reload at once: each page or file is made again when it is asked for, the
page on screen first. Anything else - a new or removed record, a hand-written page,
``mkdocs.yml``, the theme, a change of consent, data with errors - gets MkDocs' whole
rebuild, as before. The search index keeps the last whole build's words.

This uses two functions of MkDocs' build that are not public API (``_populate_page``
and ``_build_page``); the engine tests build the example on the pinned MkDocs.
"""

from __future__ import annotations

import logging
import os
import posixpath
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.commands.build import _build_page, _populate_page

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    from ..output.files import OutputFile
    from ..output.site import SiteOutput

log = logging.getLogger("mkdocs.plugins.community_culture.live")
Reload = Callable[[], "SiteOutput | None"]
"""Re-reads the data and plans the site; None when only a whole build will do."""


class LivePreview:
    """Pages and files made again on request between whole builds of ``mkdocs serve``."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        """Held while anything is built: a whole build, or one page or file."""
        self._build: tuple[MkDocsConfig, Files, Navigation, Environment] | None = None
        self._data_dir: Path | None = None
        self._watched: dict[str, tuple[int, int]] = {}
        self._pages: dict[str, Page] = {}
        self._files: dict[str, OutputFile] = {}
        self._output: SiteOutput | None = None

    # -- after each whole build ------------------------------------------------------------
    def built(self, build: tuple[MkDocsConfig, Files, Navigation, Environment], output: SiteOutput) -> None:
        """Remember the MkDocs objects of the whole build just made, and what it was made from."""
        self._build = build
        self._output = output
        self._data_dir = output.site.options.data_dir.resolve()
        self._pages, self._files = {}, {}
        self._watched = self._snapshot(build[0])

    def forget(self) -> None:
        """The last build showed problems or failed: the next save gets a whole build."""
        self._build = self._output = None
        self._pages, self._files = {}, {}

    # -- on a save -----------------------------------------------------------------------
    def builder(self, whole: Callable[[], None], reload: Reload) -> Callable[[], None]:
        """The server's builder: a re-plan when only data changed, else ``whole``."""

        def build() -> None:
            with self.lock:
                why = self._why_whole()
                output = reload() if not why else None
                if not why and (output is None or self._output is None or not self._same_shape(self._output, output)):
                    why = "the data has problems, or records came or went"
                if why:
                    log.debug(f"a whole build: {why}")
                    whole()
                    return
                assert self._build is not None and output is not None
                files = self._build[1]
                self._output = output
                self._pages = {
                    _site_path(file.dest_uri): file.page
                    for file in files.documentation_pages()
                    if file.page is not None
                }
                self._files = {item.path: item for item in output.files()}
                log.info(
                    f"data changed: {len(self._pages)} pages and {len(self._files)} files are made as they are opened"
                )

        return build

    def _why_whole(self) -> str:
        if self._build is None or self._output is None:
            return "the last build showed problems"
        now = self._snapshot(self._build[0])
        changed = sorted(set(now.items()) ^ set(self._watched.items()))
        return f"{changed[0][0]} changed" if changed else ""

    # -- on a request -----------------------------------------------------------------------
    def serving(self, server: LiveReloadServer) -> Callable[..., Any]:
        """Wraps the server's request handler: an out-of-date page or file is made first."""
        serve = server._serve_request

        def serve_request(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes] | None:
            path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "ignore")
            if (path + "/").startswith(server.mount_path):
                wanted = path[len(server.mount_path) :]
                if wanted.endswith("/") or not wanted:
                    wanted += "index.html"
                self.make(posixpath.normpath("/" + wanted).lstrip("/"))
            return serve(environ, start_response)

        return serve_request

    def make(self, path: str) -> bool:
        """Make the page or file at ``path`` (below the site root) if it is out of date."""
        if path not in self._pages and path not in self._files:
            return False
        with self.lock:
            if self._build is None:
                return False
            config, files, nav, env = self._build
            page = self._pages.pop(path, None)
            if page is not None:
                _populate_page(page, config, files)
                doc_files = files.documentation_pages()
                _build_page(page, config, doc_files, nav, env)
                return True
            item = self._files.pop(path, None)
            if item is not None and self._output is not None:
                self._output.write(item, Path(config.site_dir))
                return True
        return False

    # -- helpers ---------------------------------------------------------------------------
    @staticmethod
    def _same_shape(old: SiteOutput, new: SiteOutput) -> bool:
        """Whether ``new`` has the same pages, navigation and withheld people as ``old``."""
        return (
            [p.url for p in old.pages] == [p.url for p in new.pages]
            and old.navigation() == new.navigation()
            and old.site.withheld_words == new.site.withheld_words
            and {f.path for f in old.files()} == {f.path for f in new.files()}
        )

    def _snapshot(self, config: MkDocsConfig) -> dict[str, tuple[int, int]]:
        """Size and time of every watched file that is not data: the pages, the site's theme
        overrides, mkdocs.yml and what else the site watches."""
        roots = [config.docs_dir, config.theme.custom_dir, config.config_file_path]
        roots += [p for p in config.watch if Path(p).resolve() != self._data_dir]
        seen: dict[str, tuple[int, int]] = {}
        for root in filter(None, roots):
            for path in _walk(Path(root)):
                stat = path.stat()
                seen[str(path)] = (stat.st_mtime_ns, stat.st_size)
        return seen


def _walk(root: Path) -> Iterable[Path]:
    if root.is_file():
        yield root
        return
    for folder, _, names in os.walk(root):
        for name in names:
            yield Path(folder, name)


def _site_path(dest_uri: str) -> str:
    return dest_uri.replace(os.sep, "/")
