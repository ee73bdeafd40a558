"""Web copies of images: resized for phones and stripped of EXIF, GPS, comments and XMP.

Residents' photos are taken on phones that write the place they were taken into
the file. Every published image is a fresh copy holding pixels only. Copies are
cached by a hash of the original and the settings, so a rebuild re-encodes nothing
that has not changed.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from .cachefile import read_verified, write_verified

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")
_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF"}
_VERSION = b"web-image-1"


@dataclass(frozen=True)
class WebImage:
    """A published copy of an image."""

    data: bytes
    width: int
    height: int


class ImageError(Exception):
    """The image cannot be read (truncated, not an image, unsupported)."""


def make_web_image(source: Path, max_width: int, cache_dir: Path | None = None) -> WebImage:
    """A copy of ``source`` at most ``max_width`` pixels wide, holding no metadata.

    Args:
        source: The original image.
        max_width: Wider images are scaled down, keeping their proportions.
        cache_dir: Where copies are kept between builds; None disables the cache.

    Raises:
        ImageError: when the file is not a readable image.
    """
    raw = source.read_bytes()
    suffix = source.suffix.lower()
    cached = cache_path(raw, suffix, max_width, cache_dir) if cache_dir else None
    data = read_verified(cached) if cached is not None and cached.is_file() else None
    if data is not None:
        try:
            with Image.open(io.BytesIO(data)) as im:
                return WebImage(data, im.width, im.height)
        except (OSError, ValueError):  # pragma: no cover - the hash matched what was written
            pass
    try:
        with Image.open(io.BytesIO(raw)) as original:
            original.load()
            image = ImageOps.exif_transpose(original) or original
            if image.width > max_width:
                height = round(image.height * max_width / image.width)
                image = image.resize((max_width, height), Image.Resampling.LANCZOS)
            data = _encode(image, _FORMATS[suffix])
            width, height = image.width, image.height
    except (OSError, ValueError, KeyError, Image.DecompressionBombError) as exc:
        raise ImageError(str(exc)) from exc
    if cached is not None:
        write_verified(cached, data)
    return WebImage(data, width, height)


def cache_path(raw: bytes, suffix: str, max_width: int, cache_dir: Path) -> Path:
    """Where the web copy of an image with bytes ``raw`` is kept."""
    key = hashlib.sha256(_VERSION + max_width.to_bytes(4, "big") + raw).hexdigest()[:32]
    return cache_dir / f"{key}{suffix.lower()}"


def _encode(image: Image.Image, fmt: str) -> bytes:
    # Pillow writes back comments, XMP and EXIF found in `info`: clear it on a copy.
    if fmt == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    clean = image.copy()
    clean.info = {}
    out = io.BytesIO()
    if fmt == "JPEG":
        clean.save(out, "JPEG", quality=82, optimize=True, progressive=True)
    elif fmt == "WEBP":
        clean.save(out, "WEBP", quality=82)
    else:
        clean.save(out, fmt, optimize=True)
    return out.getvalue()
