"""Print copies of images: the original's every pixel in the print shop's CMYK, none of its metadata.

The web gets a resized copy (:mod:`..core.media`); print needs the original's full
resolution, but never what a phone wrote into the file (GPS position, owner, device).
A copy is a fresh encoding of the pixels, upright, converted from their own colour
profile (sRGB when they carry none) into the output profile, so that the PDF holds no
RGB and the shop's RIP converts nothing. A JPEG stays a JPEG, encoded at no lower a
quality than the original's (nothing is ever compressed twice below the source). Other
images (PNG line art, scans) become JPEGs at quality 100 without chroma subsampling:
WeasyPrint embeds only JPEG and PNG, and PNG holds no CMYK. Copies are named by a hash of the original and of the
profile, so that a cached PDF is found again exactly when neither changed.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
from pathlib import Path

from PIL import Image, ImageOps

from ..core.cachefile import read_verified, write_verified
from ..core.media import ImageError
from .inks import Inks

_VERSION = b"print-image-2"
JPEG_QUALITY = 95
"""Near-lossless: a print copy is encoded once, from the original, at least this well."""
# libjpeg's base luminance table (ITU T.81 Annex K), to estimate an original's quality.
_LUMINANCE = (
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
    14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
)  # fmt: skip


def print_copy(source: Path, folder: Path, inks: Inks | None = None) -> Path:
    """A copy of ``source`` in ``folder`` holding its pixels only, in the CMYK of ``inks``.

    Copies are kept by the hash of the original (and the profile), so a rebuild re-encodes nothing.

    Raises:
        ImageError: when the file is not a readable image.
    """
    raw = source.read_bytes()
    jpeg = source.suffix.lower() in (".jpg", ".jpeg") or inks is not None
    target = copy_path(raw, jpeg, folder, inks)
    # A copy is used only when its bytes are the ones written (a truncated copy would
    # print as a grey band).
    if target.is_file() and read_verified(target) is not None:
        return target
    try:
        with Image.open(io.BytesIO(raw)) as original:
            original.load()
            if original.format == "JPEG":
                quality = max(JPEG_QUALITY, source_quality(original))
            else:
                quality = 100 if jpeg else 0
            icc = original.info.get("icc_profile")
            image = ImageOps.exif_transpose(original) or original
            if icc and "icc_profile" not in image.info:
                image.info["icc_profile"] = icc
            data = _encode(image, quality, inks)
    except (OSError, ValueError, KeyError, Image.DecompressionBombError) as exc:
        raise ImageError(str(exc)) from exc
    write_verified(target, data)
    if not target.is_file():  # the cache folder cannot be written: typeset from a scratch copy
        folder = Path(tempfile.mkdtemp(prefix="culture-print-image-"))
        target = folder / target.name
        target.write_bytes(data)
    return target


def copy_path(raw: bytes, jpeg: bool, folder: Path, inks: Inks | None = None) -> Path:
    """Where the print copy of an image with bytes ``raw`` is kept, for ``inks`` (None: RGB)."""
    return folder / f"{_source_key(raw)}-{_inks_key(inks)}{'.jpg' if jpeg else '.png'}"


def copies_of(raw: bytes, folder: Path) -> list[Path]:
    """Every print copy of an image with bytes ``raw``, whatever profile it was made for."""
    return sorted(p for p in folder.glob(f"{_source_key(raw)}-*") if not p.name.endswith(".sha256"))


def _source_key(raw: bytes) -> str:
    return hashlib.sha256(_VERSION + raw).hexdigest()[:32]


def _inks_key(inks: Inks | None) -> str:
    return hashlib.sha256(inks.digest.encode() if inks else b"rgb").hexdigest()[:12]


def source_quality(image: Image.Image) -> int:
    """The quality a JPEG was saved at, estimated from its luminance table as libjpeg scales it (0 if unknown)."""
    tables = getattr(image, "quantization", None) or {}
    table = tables.get(0)
    if not table or len(table) != 64:
        return 0
    # The stored table is in zigzag order in some Pillow versions and natural in others:
    # the mean ratio is the same either way.
    scale = sum(q * 100 / base for q, base in zip(sorted(table), sorted(_LUMINANCE), strict=True)) / 64
    quality = (200 - scale) / 2 if scale <= 100 else 5000 / scale
    return max(1, min(100, round(quality)))


def _encode(image: Image.Image, quality: int, inks: Inks | None) -> bytes:
    if inks is not None:
        clean = inks.image(image)
    else:
        clean = image.copy()
        if clean.mode not in ("RGB", "RGBA", "L", "LA", "CMYK"):
            clean = clean.convert("RGBA" if "transparency" in image.info else "RGB")
    # A copy with an empty `info`: Pillow writes back EXIF, XMP and comments found there.
    clean.info = {}
    out = io.BytesIO()
    if quality:
        if clean.mode not in ("RGB", "L", "CMYK"):
            clean = clean.convert("RGB")
        # 4:4:4 keeps the edges of printed type and line art in photos sharp.
        clean.save(out, "JPEG", quality=min(quality, 100), subsampling=0)
    else:
        clean.save(out, "PNG")
    return out.getvalue()
