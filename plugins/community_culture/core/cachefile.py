"""Cache entries that cannot lie: each file is kept with the SHA-256 of its bytes.

A truncated, overwritten or half-written entry would otherwise be published as it is
(a broken PDF, a grey photo). Every read compares the bytes with their recorded hash;
a bad entry is removed, counted, and made again by the caller. Entries a build did
not use are pruned at its end, which also removes the print files and photo copies of
people who have since withdrawn.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

DIGEST_SUFFIX = ".sha256"


@dataclass
class CacheUse:
    """What one build did with its caches."""

    used: set[Path] = field(default_factory=set)
    repaired: list[Path] = field(default_factory=list)
    """Entries found damaged (and made again)."""
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        """Start counting afresh (a new build)."""
        with self._lock:
            self.used.clear()
            self.repaired.clear()

    def merge(self, used: set[Path], repaired: list[Path]) -> None:
        """Count what another process of the same build used and repaired."""
        with self._lock:
            self.used.update(used)
            self.repaired.extend(repaired)


USE = CacheUse()
"""The current build's record; the site engine resets it when a build starts."""


def read_verified(path: Path) -> bytes | None:
    """The bytes of entry ``path`` if they match their recorded hash; None (and the entry gone) otherwise."""
    try:
        data = path.read_bytes()
    except OSError:
        _discard(path)
        return None
    try:
        recorded = path.with_name(path.name + DIGEST_SUFFIX).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        recorded = ""
    if recorded != hashlib.sha256(data).hexdigest():
        with USE._lock:
            USE.repaired.append(path)
        _discard(path)
        return None
    mark_used(path)
    return data


def write_verified(path: Path, data: bytes) -> None:
    """Keep ``data`` as entry ``path`` with its hash; each written atomically, the hash first.

    Two processes of a build may make the same entry at once (the same photo on two print
    pages): they write the same bytes, and with the hash in place first, neither can
    find the other's entry without its hash and remove it while it is being used. A
    write cut off between the two leaves a hash without its entry, or an old entry
    with a new hash: either is made again. A cache that cannot be written (read-only,
    full disk) is skipped: it saves time, it is never needed for a correct build.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for target, content in ((path.with_name(path.name + DIGEST_SUFFIX), _digest(data)), (path, data)):
            tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_bytes(content)
            tmp.replace(target)
    except OSError:
        _discard(path)
        return
    mark_used(path)


def mark_used(path: Path) -> None:
    """Record that this build used entry ``path`` (kept by :func:`prune`)."""
    with USE._lock:
        USE.used.add(path.resolve())


def prune(folder: Path, keep: set[Path] | None = None) -> int:
    """Remove every entry of ``folder`` that this build did not use; return how many."""
    keep = USE.used if keep is None else keep
    if not folder.is_dir():
        return 0
    removed = 0
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        entry = path.with_name(path.name[: -len(DIGEST_SUFFIX)]) if path.name.endswith(DIGEST_SUFFIX) else path
        if entry.resolve() in keep:
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 0 if path.name.endswith(DIGEST_SUFFIX) else 1
    return removed


def purge(path: Path) -> None:
    """Remove entry ``path`` and its hash now (e.g. the photo copy of someone withdrawn)."""
    _discard(path)


def _discard(path: Path) -> None:
    for target in (path, path.with_name(path.name + DIGEST_SUFFIX)):
        with contextlib.suppress(OSError):
            target.unlink()


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).hexdigest().encode("ascii")
