"""Writing one build's site beside the engine, on the machine's second core.

While the engine lays out and writes the pages, :class:`Writing` has forked copies of the
build write the print files and the feeds and data files (``background.py``), a forked
copy render the generated pages' bodies from the last one backwards, and Pagefind read
each page as the engine writes it (``search.py``). The engine-neutral output
(``site.py``) decides what is written; this module decides only where and when, and
waits for each part where the next step needs it:

- the page bodies before the engine lays out the pages (:meth:`Writing.bodies_done`);
- the print files before the staff page shows the reprint list (:meth:`Writing.printed`);
- every side file before other plugins see the site (:meth:`Writing.files_written`);
- the search index while the written site is checked (:meth:`Writing.index`).

A copy that fails reports why; a build that fails stops them all (:meth:`Writing.abandon`).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path

from ..pages.plan import PageSpec
from ..pages.render import Renderer
from ..printing.press import Press
from .background import TYPESETTING_MIB, Forked, Streamed, run_apart, write_files
from .files import OutputFile
from .search import SearchIndex

NICE_APART = {"bodies": 5, "print": 5, "data": 10}
"""How much each forked copy gives way (see ``background.py``): the build's own process goes
first, then the bodies and print files it waits for before the pages are laid out, then
the feeds and data files, which are wanted only once every page is written."""

Made = tuple[int, str, list[tuple[str, str]]]
"""A body made apart: the page's place in the copy's list, its HTML and the links found in it."""


class Writing:
    """The parts of one build written beside the engine, and the waits for them."""

    def __init__(self, renderer: Renderer, press: Press, *, search: bool) -> None:
        self.renderer = renderer
        self.press = press
        self.search = search
        self._copies: dict[str, Forked[object]] = {}
        self._index: SearchIndex | None = None
        self._bodies: Streamed[Made] | None = None
        self._apart: dict[str, int] = {}
        """The pages a forked copy renders too (:meth:`render_apart`), by key, with their place in its list."""
        self._received: dict[int, tuple[str, list[tuple[str, str]]]] = {}

    # Side files and the search index

    def start(
        self,
        files: Sequence[OutputFile],
        site_dir: Path,
        write: Callable[[OutputFile, Path], Path],
        *,
        background: bool,
    ) -> list[tuple[str, Path, bool]]:
        """Write the side files into ``site_dir`` and start the search index.

        ``background``: the print files, and the feeds and data files, are written by
        forked copies of the build: :meth:`printed` waits for the first,
        :meth:`files_written` for both. Returns each file's path, where it is (or will
        be) on disk, and whether a copy writes it (the engine must not copy it then).
        Raises :class:`OutputError` for a file written here that could not be made.
        """
        apart = {"print": self.press.state, "data": _nothing} if background else {}
        if background:
            # The print files' copy shares the pages to typeset with a copy of its own,
            # made only when a page is not in the cache (the first build, a changed template)
            # and the machine has the memory for a second typesetting process.
            self.press.share(partial(run_apart, needs_mib=TYPESETTING_MIB), once_typesetting=True)
        written, self._copies = write_files(files, site_dir, write, apart, NICE_APART)
        self._index = SearchIndex(site_dir) if self.search else None
        return written

    @property
    def printing(self) -> bool:
        """Whether a forked copy is still making the print files."""
        return "print" in self._copies

    def page_written(self, path: str, html: str) -> None:
        """The engine wrote the page ``html`` at ``path`` below the site folder: hand it to the search index."""
        if self._index is not None:
            self._index.add(path, html)

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
            self.press.adopt(done)  # type: ignore[arg-type]

    def index(self, *, later: bool) -> Callable[[], list[str]]:
        """Have Pagefind write the index in a thread; returns what waits for it and gives its warnings.

        ``later``: the preview shows the pages at once and leaves the index to be written
        in the background (a search just after a save may miss the edit); the wait
        returns at once.
        """
        search, self._index = self._index, None
        if search is None:
            return list
        if later:
            threading.Thread(target=_index_quietly, args=(search,), name="search-index", daemon=True).start()
            return list
        failures: list[str] = []

        def index() -> None:
            failure = search.finish()
            if failure:
                failures.append(f"community-culture: search: {failure}")

        indexing = threading.Thread(target=index, name="search-index")
        indexing.start()

        def wait() -> list[str]:
            indexing.join()
            return failures

        return wait

    # Page bodies from both ends

    def render_apart(self, pages: Sequence[tuple[str, PageSpec]]) -> None:
        """Have a forked copy render the bodies of ``pages`` (key, page) from the last one backwards.

        The build renders them from the first one on, and takes each body the copy has
        already sent (:meth:`made_apart`, with the links found in it, for the check after
        the build): the two meet where their shares of the work are equal, whatever each
        page costs. A copy that fails leaves its pages to the build.
        """
        if len(pages) < 2:
            return

        def make() -> Iterator[Made]:
            for i in reversed(range(len(pages))):
                known = len(self.renderer.links)
                yield i, self.renderer.render(pages[i][1]), self.renderer.links[known:]

        self._bodies = Streamed.start(make, nice=NICE_APART["bodies"])
        if self._bodies is not None:
            self._apart = {key: i for i, (key, _) in enumerate(pages)}

    def made_apart(self, key: str) -> str | None:
        """The body of the page ``key`` if the copy has already sent it (its links join the build's)."""
        index = self._apart.get(key)
        if index is None:
            return None
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

    def abandon(self) -> None:
        """The build failed: stop the copies still writing files or rendering pages, and the search index."""
        copies, self._copies = self._copies, {}
        for copy in copies.values():
            copy.stop()
        self.bodies_done()
        search, self._index = self._index, None
        if search is not None:
            search.stop()


def _nothing() -> None:
    return None


def _index_quietly(search: SearchIndex) -> None:
    """The preview's search index: a later save may clear the folder under it, which is no problem."""
    with contextlib.suppress(Exception):
        search.finish()
