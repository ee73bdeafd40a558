"""Links and anchors in Markdown from data, checked against the site as written.

MkDocs checks the links of hand-written pages; text from ``data/`` is rendered into
pages MkDocs does not read as Markdown, so its links are checked here, against the
files of the finished build: a page or file that is not there, or an anchor that no
element of the target page carries, is a warning (``--strict`` fails on it).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

_ID = re.compile(r"\sid=(?:\"([^\"]*)\"|'([^']*)')")


def broken_links(site_dir: Path, links: Iterable[tuple[str, str]], base_path: str = "/") -> list[str]:
    """A message for each link (page URL, href) that leads nowhere in ``site_dir``."""
    ids: dict[Path, set[str]] = {}
    problems: list[str] = []
    for page, href in sorted(set(links)):
        href = html.unescape(href)
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue  # another site, mailto:, tel:
        if not parts.path:
            target_url = page
        elif parts.path.startswith("/"):
            path = parts.path
            if base_path != "/" and path.startswith(base_path):
                path = "/" + path[len(base_path) :]
            target_url = path.lstrip("/")
        else:
            base = page if page.endswith("/") or not page else posixpath.dirname(page) + "/"
            target_url = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
            if parts.path.endswith("/") and not target_url.endswith("/"):
                target_url += "/"
            if target_url == ".":
                target_url = ""
        target = _file_of(site_dir, target_url)
        where = f"/{page}" if page else "/"
        if target is None:
            problems.append(
                f"{where}: a link in text from data goes to '{href}', which is not a page or file of the site"
            )
            continue
        if parts.fragment and target.suffix == ".html":
            if target not in ids:
                text = target.read_text(encoding="utf-8", errors="replace")
                ids[target] = {a or b for a, b in _ID.findall(text)}
            if unquote(parts.fragment) not in ids[target]:
                problems.append(
                    f"{where}: a link in text from data goes to '{href}', but that page has no '#{parts.fragment}'"
                )
    return problems


def _file_of(site_dir: Path, url: str) -> Path | None:
    if url.startswith("../") or url == "..":
        return None
    candidate = site_dir / url
    if url.endswith("/") or url == "" or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None
