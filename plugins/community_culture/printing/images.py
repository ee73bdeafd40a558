"""Print copies of images: the original's every pixel, none of its metadata.

The web gets a resized copy (:mod:`..core.media`); print needs the original's full
resolution, but never what a phone wrote into the file (GPS position, owner, device).
A copy is a fresh encoding of the pixels (upright, with the colour profile kept, since
that is colour, not metadata), named by a hash of the original so that a cached PDF
is found again exactly when the original is unchanged.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
from pathlib import Path

from PIL import Image, ImageOps

from ..core.cachefile import read_verified, write_verified
from ..core.media import ImageError

_VERSION = b"print-image-1"
JPEG_QUALITY = 95
"""Near-lossless: a print copy is re-encoded once, from the original."""


def print_copy(source: Path, folder: Path) -> Path:
    """A copy of ``source`` in ``folder`` holding its pixels and colour profile only.

    Copies are kept by the hash of the original, so a rebuild re-encodes nothing.

    Raises:
        ImageError: when the file is not a readable image.
    """
    raw = source.read_bytes()
    jpeg = source.suffix.lower() in (".jpg", ".jpeg")
    target = copy_path(raw, jpeg, folder)
    # A copy is used only when its bytes are the ones written (a truncated copy would
    # print as a grey band).
    if target.is_file() and read_verified(target) is not None:
        return target
    try:
        with Image.open(io.BytesIO(raw)) as original:
            original.load()
            icc = original.info.get("icc_profile")
            image = ImageOps.exif_transpose(original) or original
            data = _encode(image, jpeg, icc)
    except (OSError, ValueError, KeyError, Image.DecompressionBombError) as exc:
        raise ImageError(str(exc)) from exc
    write_verified(target, data)
    if not target.is_file():  # the cache folder cannot be written: typeset from a scratch copy
        folder = Path(tempfile.mkdtemp(prefix="culture-print-image-"))
        target = folder / target.name
        target.write_bytes(data)
    return target


def copy_path(raw: bytes, jpeg: bool, folder: Path) -> Path:
    """Where the print copy of an image with bytes ``raw`` is kept."""
    return folder / (hashlib.sha256(_VERSION + raw).hexdigest()[:32] + (".jpg" if jpeg else ".png"))


def _encode(image: Image.Image, jpeg: bool, icc: bytes | None) -> bytes:
    # A copy with an empty `info`: Pillow writes back EXIF, XMP and comments found there.
    clean = image.copy()
    clean.info = {}
    extra = {"icc_profile": icc} if icc else {}
    out = io.BytesIO()
    if jpeg:
        if clean.mode not in ("RGB", "L", "CMYK"):
            clean = clean.convert("RGB")
        # 4:4:4 keeps the edges of printed type and line art in photos sharp.
        clean.save(out, "JPEG", quality=JPEG_QUALITY, subsampling=0, **extra)
    else:
        if clean.mode not in ("RGB", "RGBA", "L", "LA"):
            clean = clean.convert("RGBA" if "transparency" in image.info or "A" in clean.mode else "RGB")
        clean.save(out, "PNG", **extra)
    return out.getvalue()
