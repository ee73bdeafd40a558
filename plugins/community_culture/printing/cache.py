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
from dataclasses import dataclass
from pathlib import Path

from ..core.cachefile import mark_used, read_verified, write_verified
from ..core.files import writable
from ..core.problems import Position, Problem, Problems
from .jobs import PrintError


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
    """A folder of ``<key>.pdf`` files with a ``<key>.json`` of warnings beside each.

    It also keeps the PDFs a build makes until its files ask for them (:meth:`keep`,
    :meth:`made`): in the folder, read back when asked for, so that a build does not hold
    every print file in memory; in memory only when there is no folder to keep them in.
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._memory: dict[str, bytes] = {}
        """PDFs made in this build that could not be kept in the folder."""

    def get(self, key: str) -> Cached | None:
        """The PDF kept under ``key``, or None."""
        if self.folder is None:
            return None
        pdf, meta = self.folder / f"{key}.pdf", self.folder / f"{key}.json"
        if not pdf.is_file():
            return None
        # Both files must be the bytes that were written, and the PDF must look whole:
        # a truncated entry would be published as a broken print file.
        data, note = read_verified(pdf), read_verified(meta)
        try:
            if data is None or note is None or not _looks_whole(data):
                raise ValueError("damaged")
            warnings = json.loads(note)["warnings"]
            cached = Cached(data, tuple((w[0], w[1]) for w in warnings))
        except (ValueError, KeyError, IndexError, TypeError):
            # A missing, half-written or damaged entry is simply made again.
            for path in (pdf, meta):
                path.unlink(missing_ok=True)
            return None
        mark_used(pdf)
        mark_used(meta)
        return cached

    def writable(self) -> bool:
        """Whether PDFs made now can be kept in the folder."""
        return self.folder is not None and writable(self.folder)

    def has(self, key: str) -> bool:
        """Whether the folder holds a PDF under ``key`` (it is checked when read)."""
        return self.folder is not None and (self.folder / f"{key}.pdf").is_file()

    def put(self, key: str, entry: Cached) -> None:
        """Keep ``entry`` under ``key`` (written atomically: the PDF first, its note last)."""
        if self.folder is None:
            return
        meta = json.dumps({"warnings": [list(w) for w in entry.warnings]}, ensure_ascii=False)
        write_verified(self.folder / f"{key}.pdf", entry.pdf)
        write_verified(self.folder / f"{key}.json", meta.encode())

    def keep(self, key: str, entry: Cached) -> None:
        """Keep a PDF made in this build until it is asked for (:meth:`made`)."""
        if self.folder is not None:
            self.put(key, entry)
            if (self.folder / f"{key}.pdf").is_file():
                return
        # No cache folder, or one that cannot be written (read-only, full): keep it here.
        self._memory[key] = entry.pdf

    def made(self, key: str) -> bytes:
        """The bytes of a PDF :meth:`keep` kept; :class:`PrintError` if the folder lost it meanwhile."""
        if key in self._memory:
            return self._memory[key]
        cached = self.get(key)
        if cached is None:  # written in this build; gone only if something else emptied the folder meanwhile
            problems = Problems()
            problems.add(
                Problem(
                    Position(str(self.folder)),
                    "",
                    "a print file made in this build is missing from the cache folder: build again",
                    "构建过程中印刷缓存文件丢失，请重新构建",
                )
            )
            raise PrintError(problems)
        return cached.pdf


def _looks_whole(pdf: bytes) -> bool:
    """A PDF starts with its header and ends with an end-of-file marker."""
    return pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-1024:]
