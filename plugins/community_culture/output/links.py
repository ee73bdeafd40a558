"""Links and anchors in Markdown from data, checked against the site as written.

MkDocs checks the links of hand-written pages; text from ``data/`` is rendered into
pages MkDocs does not read as Markdown, so its links are checked here, against the
files of the finished build: a page or file that is not there, or an anchor that no
element of the target page carries, is a warning (``--strict`` fails on it).
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..core.files import walk

_ID = re.compile(r"\sid=(?:\"([^\"]*)\"|'([^']*)')")


class SiteFiles:
    """The written site as links see it: the file an href leads to, and the ids a page carries."""

    def __init__(self, site_dir: Path, base_path: str = "/") -> None:
        self.site_dir = site_dir
        self.base_path = base_path
        self._ids: dict[Path, set[str]] = {}
        self._files: dict[str, Path | None] = {}

    def target(self, page: str, path: str) -> Path | None:
        """The file the link path ``path`` on the page at URL ``page`` leads to (None: nothing there)."""
        if not path:
            url = page
        elif path.startswith("/"):
            if self.base_path != "/" and path.startswith(self.base_path):
                path = "/" + path[len(self.base_path) :]
            url = path.lstrip("/")
        else:
            base = page if page.endswith("/") or not page else posixpath.dirname(page) + "/"
            url = _join(base, unquote(path) if "%" in path else path)
            if url == ".":
                url = ""
            if path.endswith("/") and url and not url.endswith("/"):
                url += "/"
        if url not in self._files:
            self._files[url] = file_of(self.site_dir, url)
        return self._files[url]

    def has_id(self, target: Path, fragment: str, text: str | None = None) -> bool:
        """Whether the page ``target`` (whose ``text`` may be given) has an element with the id ``fragment``."""
        if text is not None and target not in self._ids:
            # A page's link to itself: one search, not every id of a page no other link asks about.
            wanted = unquote(fragment)
            return f' id="{wanted}"' in text or _id_pattern(wanted).search(text) is not None
        if target not in self._ids:
            text = target.read_text(encoding="utf-8", errors="replace")
            self._ids[target] = {a or b for a, b in _ID.findall(text)}
        return unquote(fragment) in self._ids[target]


def _join(base: str, path: str) -> str:
    """``posixpath.normpath(posixpath.join(base, path))`` for a folder ``base`` ("" or ending in "/"),
    without the general case's work for the usual ``../../x/`` of a page's links."""
    rest = path
    while rest.startswith("../") and base:
        base = base[: base.rstrip("/").rfind("/") + 1]
        rest = rest[3:]
    if rest.startswith((".", "/")) or "/." in rest or "//" in rest:
        return posixpath.normpath(posixpath.join(base, rest))
    return base + rest


@functools.lru_cache(maxsize=256)
def _id_pattern(fragment: str) -> re.Pattern[str]:
    """Finds an element whose id is ``fragment`` (as :data:`_ID` would)."""
    quoted = re.escape(fragment)
    return re.compile(rf"\sid=(?:\"{quoted}\"|'{quoted}')")


def broken_links(site_dir: Path, links: Iterable[tuple[str, str]], base_path: str = "/") -> list[str]:
    """A message for each link (page URL, href) that leads nowhere in ``site_dir``."""
    site = SiteFiles(site_dir, base_path)
    problems: list[str] = []
    for page, href in sorted(set(links)):
        href = html.unescape(href)
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue  # another site, mailto:, tel:
        target = site.target(page, parts.path)
        where = f"/{page}" if page else "/"
        if target is None:
            problems.append(
                f"{where}: a link in text from data goes to '{href}', which is not a page or file of the site"
            )
        elif parts.fragment and target.suffix == ".html" and not site.has_id(target, parts.fragment):
            problems.append(
                f"{where}: a link in text from data goes to '{href}', but that page has no '#{parts.fragment}'"
            )
    return problems


def files_below(folder: Path, suffix: str = "") -> list[str]:
    """The files below ``folder`` whose names end in ``suffix``, as sorted paths relative to it
    (what ``sorted(folder.rglob("*" + suffix))`` lists, without a ``Path`` for each)."""
    return sorted((rel for rel, _ in walk(folder) if rel.endswith(suffix)), key=lambda path: path.split("/"))


def file_of(site_dir: Path, url: str) -> Path | None:
    """The file serving ``url`` (a folder's ``index.html``), or None."""
    if url.startswith("../") or url == "..":
        return None
    candidate = site_dir / url
    if url.endswith("/") or url == "" or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None
