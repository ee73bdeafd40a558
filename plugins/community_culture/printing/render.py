"""Typesetting HTML into PDF/X with WeasyPrint, in this process.

WeasyPrint is imported only here, and only when the first PDF is made. One font
configuration serves the whole build: font lookups are what a CJK page spends most of
its time on, and they are the same for every page. Pages may load images only from the
print copies the press made (and ``data:`` URIs, for QR codes): nothing from the
network or the disk, and no original that still carries its metadata.

Every file is PDF/X (X-4 unless the site asks for X-1a) with the site's CMYK profile as
its output intent and as the meaning of ``device-cmyk()``, which is all the colour a
page holds (see :mod:`.inks`). WeasyPrint neither downsamples nor re-encodes images:
its own downsampling re-encodes a JPEG at quality 75, below what the source had.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model.print_settings import PrintSettings
from .inks import Inks
from .pdfx import finish

if TYPE_CHECKING:
    from weasyprint.document import Document

IMAGE_SCHEME = "print-image:"
"""How a page names a print copy: by its content hash, never by where the cache is, so
that the same page gives the same PDF (and cache key) wherever the project lives."""
_COPY_NAME = re.compile(r"[0-9a-f]{32}-[0-9a-f]{12}\.(?:jpg|png)")

RENDER_OPTIONS: dict[str, Any] = {
    "pdf_identifier": True,
}
"""What WeasyPrint is asked for besides the PDF/X flavour; part of every cache key."""


def weasyprint_version() -> str:
    """The installed WeasyPrint version (part of every cache key)."""
    from importlib.metadata import version

    return version("weasyprint")


class Typesetter:
    """Lays out and writes PDF/X files for one build."""

    def __init__(self, image_dir: Path, settings: PrintSettings, inks: Inks, stamp: dt.datetime) -> None:
        from weasyprint.css import ColorProfile
        from weasyprint.text.fonts import FontConfiguration

        self.image_dir = image_dir
        self.settings = settings
        self.inks = inks
        self.stamp = stamp.isoformat(timespec="seconds")
        self.fonts = FontConfiguration()
        # `device-cmyk()` is the output intent's CMYK: the profile is both.
        profile = ColorProfile(io.BytesIO(inks.data), inks.path.name, "relative-colorimetric", (*"cmyk",))
        self.profiles = {"device-cmyk": profile}

    def typeset(self, html: str) -> tuple[Document, list[str]]:
        """Lay out ``html``; returns the document and the URLs it was refused."""
        from weasyprint import HTML

        fetcher = _fetcher_class()(self.image_dir)
        document = HTML(string=html, url_fetcher=fetcher).render(
            font_config=self.fonts, color_profiles=dict(self.profiles), **RENDER_OPTIONS
        )
        return document, fetcher.refused

    def write(self, document: Document, seed: str) -> bytes:
        """The finished PDF/X file of a laid-out document; ``seed`` (its address) tags its font subsets."""
        # The build's date, not the clock's: the same page gives the same bytes all day.
        document.metadata.created = document.metadata.modified = self.stamp
        data = document.write_pdf(pdf_variant=self.settings.standard, **RENDER_OPTIONS)
        assert data is not None
        return finish(data, self.settings, self.inks.description, seed)


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
