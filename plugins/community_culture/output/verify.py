"""The last look at a built site before it replaces the published one.

A build is swapped in only when the folder it wrote holds every planned page, every
link and image of every page leads to a file of the site (and every ``#anchor`` to an
element of its page), and no word that names an unpublished person (their id, name or
photo file) appears in any page, feed or data file. Messages name the file, never the
person.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import html
import json
import re
from collections.abc import Collection, Iterable
from functools import partial
from pathlib import Path
from urllib.parse import SplitResult, unquote, urlsplit

from ..core import cachefile
from .background import Forked
from .links import SiteFiles, file_of, files_below

_LINK = re.compile(r"<(?:a|img)\b[^>]*?\s(?:href|src)=\"([^\"]*)\"")
_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
_TEXT_FILES = (".html", ".json", ".ics", ".xml", ".txt", ".js")
_ASCII_WORD = re.compile(r"^[\x21-\x7e]+$")
SCAN_VERSION = "1"
"""Changes whenever the scan finds differently: the clean digests of earlier scans no longer count."""
LEAK_COPIES = 2
"""Forked copies the scan for unpublished people is shared among (see :func:`verify_site`)."""


def verify_site(
    site_dir: Path,
    planned: Iterable[str],
    withheld_words: Iterable[str],
    published_words: Iterable[str] = (),
    base_path: str = "/",
    known: Iterable[tuple[str, str]] = (),
    apart: bool = False,
    checked: Path | None = None,
) -> list[str]:
    """Every reason not to publish ``site_dir`` (empty: publish it).

    ``planned``: the URLs of the pages the data makes; a missing one, or a link of one
    that leads nowhere, stops the publication. Of a hand-written page, only the theme's
    frame is checked here (the engine checks the links its author wrote). ``known``:
    (page, href) of links in text from data, which the build reports as warnings.
    ``apart``: scan for unpublished people in forked copies (:mod:`.background`).
    ``checked``: a cache folder remembering which file contents were found naming none of
    the unpublished people, so that an unchanged file is not scanned again next build.
    """
    pages = set(planned)
    words, published = list(withheld_words), list(published_words)
    # The leak scan reads every file again, and it is the longer of the two (a site's
    # feeds and pages are hundreds of megabytes at a district's size): two forked copies
    # share it, on the machine's cores, while this process follows the links.
    files = files_below(site_dir)
    listed = _clean_list(checked, words, published) if checked is not None and words else None
    clean = _read_clean(listed) if listed is not None else frozenset()
    shares = [files[i::LEAK_COPIES] for i in range(LEAK_COPIES)] if apart and words else [files]
    copies = [
        Forked.start(partial(_leaks, site_dir, words, published, share, clean)) if apart else None for share in shares
    ]
    errors = [f"/{url}: the page is missing from the build" for url in sorted(pages) if file_of(site_dir, url) is None]
    errors += _broken(site_dir, [f for f in files if f.endswith(".html")], base_path, pages, set(known))
    found: list[str] = []
    found_clean: list[str] = []
    for share, copy in zip(shares, copies, strict=True):
        problems, share_clean = copy.result() if copy is not None else _leaks(site_dir, words, published, share, clean)
        found += problems
        found_clean += share_clean
    if listed is not None:
        _keep_clean(listed, found_clean)
    order = {f"/{rel}": i for i, rel in enumerate(files)}
    return errors + sorted(found, key=lambda message: order.get(message.split(":", 1)[0], -1))


def _broken(
    site_dir: Path, pages: Iterable[str], base_path: str, planned: set[str], known: set[tuple[str, str]]
) -> list[str]:
    """Links of the HTML files ``pages`` (below ``site_dir``) that lead nowhere."""
    site = SiteFiles(site_dir, base_path)
    problems = []
    parsed: dict[str, SplitResult] = {}
    """Each link's parts, worked out once: the pages of a site repeat most of their links."""
    for page in pages:
        if page.startswith(("pagefind/", "assets/")):
            continue
        path = site_dir / page
        page_url = page.removesuffix("index.html")
        text = path.read_text(encoding="utf-8", errors="replace")
        frame = text if page_url in planned or page == "404.html" else _ARTICLE.sub("", text)
        for href in sorted(set(_LINK.findall(frame))):
            if (page_url, href) in known or (page_url, html.unescape(href)) in known:
                continue
            parts = parsed.get(href) or parsed.setdefault(href, urlsplit(html.unescape(href)))
            if parts.scheme or parts.netloc or href.startswith("//"):
                continue  # another site, mailto:, tel:, webcal:, data:
            target = path if not parts.path else site.target(page_url, parts.path)
            if target is None:
                problems.append(f"/{page}: the link '{href}' leads to no page or file of the site")
            elif (
                parts.fragment
                and target.name.endswith(".html")
                and page != "404.html"
                and not site.has_id(target, parts.fragment, text if target is path else None)
            ):
                problems.append(f"/{page}: the link '{href}' leads to a page without '#{unquote(parts.fragment)}'")
    return problems


def _leaks(
    site_dir: Path,
    withheld_words: Iterable[str],
    published_words: Iterable[str],
    files: Iterable[str],
    clean: Collection[str] = frozenset(),
) -> tuple[list[str], list[str]]:
    """Of ``files`` (below ``site_dir``), those holding a word that names an unpublished person
    (the word itself is never shown), and the digests of the files read that name no one.

    ``clean``: digests of file contents an earlier scan for the same words found naming no
    one; a file with those bytes is not scanned again (its name still is).
    """
    published = set(published_words)
    # A word a published person also carries (a shared name) cannot tell one from the other.
    words = sorted({w for w in withheld_words if w not in published})
    if not words:
        return [], []
    # Ids and file names count as whole tokens (`zhao` is not found in `zhaojiacun`); names anywhere.
    ascii_words = [w for w in words if _ASCII_WORD.match(w)]
    other = [w for w in words if not _ASCII_WORD.match(w)]
    patterns = []
    if ascii_words:
        joined = "|".join(re.escape(w) for w in ascii_words)
        patterns.append(re.compile(rf"(?<![A-Za-z0-9_.-])(?:{joined})(?![A-Za-z0-9_-])", re.I))
    if other:
        patterns.append(re.compile("|".join(re.escape(w) for w in other)))
    # A plain search of the file's bytes for each word first (UTF-8 finds a word as its
    # text would; bytes.lower() changes ASCII letters only, as the ASCII words need): the
    # file is decoded and the patterns run only where one occurs.
    ascii_bytes = [w.lower().encode() for w in ascii_words]
    other_bytes = [w.encode() for w in other]

    def might_name(data: bytes) -> bool:
        low = data.lower() if ascii_bytes else data
        return any(w in low for w in ascii_bytes) or any(w in data for w in other_bytes)

    def matches(text: str) -> bool:
        return any(p.search(text) for p in patterns)

    def names(text: str) -> bool:
        return might_name(text.encode("utf-8", "replace")) and matches(text)

    problems: list[str] = []
    found_clean: list[str] = []
    for rel in files:
        if rel.startswith(("pagefind/", "assets/javascripts/", "assets/stylesheets/")):
            continue
        path = site_dir / rel
        name = path.name.lower()
        if names(rel):
            problems.append(f"/{rel}: the file's name names a person who is not published")
            continue
        if not name.endswith((".gz", *_TEXT_FILES)):
            continue
        data = path.read_bytes()
        digest = content_digest(data)
        if digest in clean:
            found_clean.append(digest)
            continue
        if name.endswith(".gz"):
            data = gzip.decompress(data)
        if name.endswith(".ics"):
            data = data.replace(b"\r\n ", b"").replace(b"\\,", b",")  # lines folded at 75 octets
        elif name.endswith(".json") and b"\\u" in data:
            with contextlib.suppress(ValueError):
                data = json.dumps(json.loads(data), ensure_ascii=False).encode()
        found = might_name(data) and matches(data.decode("utf-8", "replace"))
        # A character reference (&#29579;) can spell a name: read those files unescaped too.
        if found or (b"&#" in data and names(html.unescape(data.decode("utf-8", "replace")))):
            problems.append(f"/{rel}: names a person who is not published（含有未公开人员的信息）")
        else:
            found_clean.append(digest)
    return problems, found_clean


def content_digest(data: bytes) -> str:
    """A file's bytes as the scan for unpublished people remembers them."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _clean_list(folder: Path, words: Iterable[str], published: Iterable[str]) -> Path:
    """Where the digests of contents found naming none of ``words`` are kept (one file per set of words)."""
    key = hashlib.sha256(
        "\0".join([SCAN_VERSION, *sorted(set(words)), "\1", *sorted(set(published))]).encode()
    ).hexdigest()
    return folder / f"{key[:32]}.clean"


def _read_clean(path: Path) -> frozenset[str]:
    data = cachefile.read_verified(path)
    return frozenset(data.decode("ascii", "replace").split()) if data else frozenset()


def _keep_clean(path: Path, digests: Iterable[str]) -> None:
    """Keep this build's clean digests (and only them: the list never outgrows the site)."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("*.clean"):
            if old != path:
                cachefile.purge(old)
        cachefile.write_verified(path, "\n".join(sorted(set(digests))).encode("ascii"))
