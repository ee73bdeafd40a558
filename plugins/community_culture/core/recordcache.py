"""A cache of validated records per data file that cannot lie.

Reading a district's 10,000 events is mostly checking them: every field of every
event is validated, every lunar date worked out, every message written. An edit
touches one file, so the others' records are kept, already checked, with the
warnings their reading gave: an entry holds a file's records (pickled) and the
problems reported while reading it, under the SHA-256 of

- the file's text and the path it is shown under (positions name it),
- the reader's code (every module of ``core/`` and of the model, given by the
  caller) and the versions of Python and the libraries a reader calls,
- whatever else the reader consults, given by the caller (the site's languages,
  its vocabularies, the content folder).

The images a file names are checked on disk again on every use: an entry whose
image has gone is a miss. A file whose reading gave an error, or named an image
that does not exist (the message then suggests a neighbour's name), is never
kept: its messages are made afresh every time. Entries are kept as every cache
entry is (:mod:`.cachefile`): written atomically with their own SHA-256, so a
damaged one is a miss.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from . import cachefile
from .parsecache import loader_key
from .problems import Problem, Untranslated

FORMAT = 1
"""Bumped when the layout of an entry changes."""

_LIBRARIES = ("PyYAML", "lunar_python", "python-dateutil", "Markdown", "pypinyin")
"""What the readers call besides Python (dates, lunar dates, Markdown, slugs)."""

T = TypeVar("T")


@cache
def _libraries() -> bytes:
    versions = [sys.version]
    for name in _LIBRARIES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} -")
    return "; ".join(versions).encode()


@dataclass
class ImageLog:
    """The images a reader checked while reading one file: path in content/ → found."""

    seen: dict[str, bool] = field(default_factory=dict)


class RecordCache:
    """Validated records per data file, in one folder."""

    def __init__(self, folder: Path, code: bytes) -> None:
        """``code``: a digest of the readers' own modules (outside ``core/``)."""
        self.folder = folder
        self.code = code
        self.used: set[Path] = set()
        """Entries read or written in this run."""

    def key(self, text: str, display: str, reader: str, consulted: str) -> str:
        """The entry name for ``text`` read as ``display`` by ``reader`` with ``consulted``."""
        h = hashlib.sha256(f"format {FORMAT}\0".encode() + loader_key() + self.code + _libraries())
        for part in (reader, display, consulted):
            h.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        h.update(b"\0" + text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def get(self, key: str, content_dir: Path | None) -> tuple[Any, list[Problem], list[Untranslated]] | None:
        """The records and problems kept under ``key``, or None (not kept, damaged, an image gone)."""
        data = cachefile.read_verified(self._path(key))
        if data is None:
            return None
        try:
            images, records, problems, untranslated = pickle.loads(data)
        except Exception:  # an entry of another layout: any unpickling failure is a miss
            return None
        if content_dir is not None and not all((content_dir / path).is_file() for path in images):
            return None
        self.used.add(self._path(key).resolve())
        return records, problems, untranslated

    def put(
        self, key: str, images: ImageLog, records: Any, problems: list[Problem], untranslated: list[Untranslated]
    ) -> None:
        """Keep a file's records (:func:`.cachefile.write_verified`: atomically, with their hash)."""
        try:
            data = pickle.dumps((sorted(images.seen), records, problems, untranslated), pickle.HIGHEST_PROTOCOL)
        except Exception:  # records that cannot be pickled are simply not kept
            return
        cachefile.write_verified(self._path(key), data)
        self.used.add(self._path(key).resolve())

    def prune(self) -> None:
        """Remove the entries this run did not use (files edited or deleted since)."""
        cachefile.prune(self.folder, keep=self.used)

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.records"


def read_cached(
    cache: RecordCache | None,
    problems: Any,
    content_dir: Path | None,
    text: str,
    display: str,
    reader: str,
    consulted: str,
    read: Callable[[ImageLog], T],
) -> T:
    """``read(images)``'s result for a file, from ``cache`` when the same file was read before.

    Args:
        cache: Where records are kept; None reads every time.
        problems: The run's :class:`~.problems.Problems`: a kept file's warnings are added to it.
        content_dir: Where the images a file names are checked again.
        text: The file's text (the key; its lines are quoted by problems found later).
        display: The path the file is shown under.
        reader: Which reading this is (e.g. ``events``).
        consulted: Everything else the reading depends on, written out (vocabularies, languages).
        read: Reads the file, recording every image it checks in the log it is given.
    """
    log = ImageLog()
    if cache is None:
        return read(log)
    key = cache.key(text, display, reader, consulted)
    hit = cache.get(key, content_dir)
    if hit is not None:
        records, found, untranslated = hit
        problems.items.extend(found)
        problems.untranslated.extend(untranslated)
        return records  # type: ignore[no-any-return]
    first, first_untranslated = len(problems.items), len(problems.untranslated)
    records = read(log)
    found = problems.items[first:]
    if all(p.severity != "error" for p in found) and all(log.seen.values()):
        cache.put(key, log, records, found, problems.untranslated[first_untranslated:])
    return records
