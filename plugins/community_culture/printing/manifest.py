"""The reprint list: every print file of a build, and the build in which it last changed.

Staff take files to the print shop after an edit; they must know which ones changed.
Each file is listed with its product, size, page count and SHA-256, and the date of the
build in which its *content* last changed: the hash of everything that shapes it (the
same key the PDF cache uses), so a rebuild on another day, or from an empty cache, does
not make an unchanged panel look new. The previous build's list is kept in the cache
folder, whence the dates of unchanged files are carried over.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..core.cachefile import mark_used, read_verified, write_verified

STATE = "manifest-state.json"
"""The cache file holding the last build's list (``print/`` under the cache folder)."""


@dataclass(frozen=True)
class PrintFile:
    """One print file of the build."""

    path: str
    """Below the site root, e.g. ``exhibits/history/riverbank/panel.pdf``."""
    product: str
    """``panel``, ``panels``, ``board``, ``poster``, ``report``..."""
    label: str
    """What editors call it."""
    size: str
    """The trim size's name (``A1``, ``A2 landscape``, ``rollup-80x200``, ``600×900 mm``)."""
    width_mm: float
    height_mm: float
    pages: int
    sha256: str
    source: str
    """A hash of everything that shapes the file: unchanged while its content is."""
    name: str
    """A descriptive stem for the print bundle (``exhibit-history-01-riverbank``)."""


def dated(files: list[PrintFile], previous: dict[str, Any], build_date: dt.date) -> list[dict[str, Any]]:
    """The manifest entries: each file with the date of the build in which its content last changed."""
    entries = []
    for f in sorted(files, key=lambda f: f.path):
        before = previous.get(f.path) or {}
        same = before.get("source") == f.source and isinstance(before.get("changed"), str)
        entry = asdict(f)
        entry["changed"] = before["changed"] if same else build_date.isoformat()
        # By date, not by run: a second build of the same commit on the same day says the same.
        entry["changed_now"] = entry["changed"] == build_date.isoformat()
        entries.append(entry)
    return entries


def load_previous(cache_dir: Path | None) -> dict[str, Any]:
    """The last build's entries by path (empty without a cache, or when it cannot be read)."""
    if cache_dir is None:
        return {}
    raw = read_verified(cache_dir / STATE)
    if raw is None:
        return {}
    try:
        data = json.loads(raw)
        return {e["path"]: e for e in data["files"]}
    except (ValueError, KeyError, TypeError):
        return {}


def save_state(cache_dir: Path | None, entries: list[dict[str, Any]]) -> None:
    """Keep this build's entries for the next one."""
    if cache_dir is None:
        return
    target = cache_dir / STATE
    write_verified(target, json.dumps({"files": entries}, ensure_ascii=False, indent=1).encode())
    mark_used(target)  # kept when the build prunes the cache entries it did not use
