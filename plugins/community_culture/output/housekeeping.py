"""The build cache's place and upkeep: where it lives, what is purged, what is pruned."""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from ..core import cachefile
from ..core.files import writable
from ..core.media import cache_path
from ..model.site import Site
from ..printing.images import copies_of


def cache_dir(root: Path, configured: str, log: logging.Logger | logging.LoggerAdapter) -> Path:
    """The configured cache folder, or a user cache folder when it cannot be written."""
    given = Path(os.path.expanduser(configured))
    path = (given if given.is_absolute() else root / given).resolve()
    if not writable(path):
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        fallback = base / "community-culture" / hashlib.sha256(str(root).encode()).hexdigest()[:12]
        log.info(f"{path} cannot be written; the build cache is kept in {fallback}")
        path = fallback
    cachefile.USE.reset()
    return path


def purge_withheld(site: Site, cache: Path | None, max_width: int) -> None:
    """Copies of photos of people who are not published leave the cache now, whatever the build does."""
    if cache is None:
        return
    for src in site.withheld_photos:
        original = site.options.content_dir / src
        try:
            raw = original.read_bytes()
        except OSError:
            continue
        cachefile.purge(cache_path(raw, original.suffix, max_width, cache / "media"))
        for copy in copies_of(raw, cache / "print-images"):
            cachefile.purge(copy)


def prune_cache(cache: Path | None, with_print: bool, log: logging.Logger | logging.LoggerAdapter) -> None:
    """After a published build: report damaged entries, drop the ones this build did not use."""
    if cache is None:
        return
    use = cachefile.USE
    if use.repaired:
        names = ", ".join(sorted({p.name for p in use.repaired}))
        log.info(f"{len(use.repaired)} damaged cache entries were found and made again: {names}")
    folders = ["media"] + (["print", "print-images"] if with_print else [])
    removed = sum(cachefile.prune(cache / name) for name in folders)
    if removed:
        log.info(f"{removed} cache entries no build uses any more were removed")
