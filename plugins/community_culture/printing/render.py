"""Typesetting HTML into PDF with WeasyPrint, in this process.

WeasyPrint is imported only here, and only when the first PDF is made. One font
configuration serves the whole build: font lookups are what a CJK page spends most of
its time on, and they are the same for every page. Pages may load images only from the
print copies the press made (and ``data:`` URIs, for QR codes): nothing from the
network or the disk, and no original that still carries its metadata.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from weasyprint.document import Document

IMAGE_SCHEME = "print-image:"
"""How a page names a print copy: by its content hash, never by where the cache is, so
that the same page gives the same PDF (and cache key) wherever the project lives."""
_COPY_NAME = re.compile(r"[0-9a-f]{32}\.(?:jpg|png)")

RENDER_OPTIONS: dict[str, Any] = {
    # Anything sharper than 300 dpi at its printed size is scaled down to 300 dpi:
    # no press resolves more, and a roll-up of phone photos stays a sane size.
    "dpi": 300,
    "jpeg_quality": 92,
}
"""What WeasyPrint is asked for; part of every cache key."""


def weasyprint_version() -> str:
    """The installed WeasyPrint version (part of every cache key)."""
    from importlib.metadata import version

    return version("weasyprint")


class Typesetter:
    """Lays out and writes PDFs for one build."""

    def __init__(self, image_dir: Path) -> None:
        from weasyprint.text.fonts import FontConfiguration

        self.image_dir = image_dir
        self.fonts = FontConfiguration()

    def typeset(self, html: str) -> tuple[Document, list[str]]:
        """Lay out ``html``; returns the document and the URLs it was refused."""
        from weasyprint import HTML

        fetcher = _fetcher_class()(self.image_dir)
        document = HTML(string=html, url_fetcher=fetcher).render(font_config=self.fonts, **RENDER_OPTIONS)
        return document, fetcher.refused

    def write(self, document: Document) -> bytes:
        """The PDF of a laid-out document."""
        data = document.write_pdf(**RENDER_OPTIONS)
        assert data is not None
        return data


@functools.cache
def _fetcher_class() -> type:
    """A URL fetcher that serves ``data:`` URIs and print copies, and refuses the rest."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class _Fetcher(URLFetcher):  # type: ignore[misc]
        def __init__(self, folder: Path) -> None:
            super().__init__(allowed_protocols=("data",))
            self.folder = folder
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith(IMAGE_SCHEME):
                name = url[len(IMAGE_SCHEME) :]
                if _COPY_NAME.fullmatch(name) and (self.folder / name).is_file():
                    return URLFetcherResponse(url, (self.folder / name).read_bytes())
            elif url.startswith("data:"):
                return super().fetch(url, headers)
            self.refused.append(url)
            raise ValueError(f"not loaded when printing: {url}")

    return _Fetcher
