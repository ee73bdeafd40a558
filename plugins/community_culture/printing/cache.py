"""PDFs of earlier builds, found by a hash of everything that shapes them.

The key covers the rendered HTML (which holds the template, the stylesheet, the text,
the page size, the QR code's address and, through their file names, the hash of every
image), the renderer's options and the versions of this package and of WeasyPrint. A
key that is found means the same PDF would come out again, so it is not made again.
Only PDFs that passed preflight are kept, with their warnings, so a build from the cache
reports exactly what a fresh one would.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Cached:
    """A PDF and the preflight warnings it was made with."""

    pdf: bytes
    warnings: tuple[tuple[str, str], ...] = ()
    """(message, hint) pairs."""


def fingerprint(*parts: str | bytes) -> str:
    """A hash of ``parts``, each length-prefixed so that no two splits collide."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


class PdfCache:
    """A folder of ``<key>.pdf`` files with a ``<key>.json`` of warnings beside each."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def get(self, key: str) -> Cached | None:
        """The PDF kept under ``key``, or None."""
        if self.folder is None:
            return None
        pdf, meta = self.folder / f"{key}.pdf", self.folder / f"{key}.json"
        try:
            warnings = json.loads(meta.read_text(encoding="utf-8"))["warnings"]
            return Cached(pdf.read_bytes(), tuple((w[0], w[1]) for w in warnings))
        except (OSError, ValueError, KeyError, IndexError, TypeError):
            # A missing or half-written entry is simply made again.
            return None

    def put(self, key: str, entry: Cached) -> None:
        """Keep ``entry`` under ``key`` (written atomically: the PDF first, its note last)."""
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        meta = json.dumps({"warnings": [list(w) for w in entry.warnings]}, ensure_ascii=False)
        for suffix, data in ((".pdf", entry.pdf), (".json", meta.encode())):
            target = self.folder / f"{key}{suffix}"
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            tmp.write_bytes(data)
            tmp.replace(target)
