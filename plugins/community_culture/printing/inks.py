"""Colour for the press: every colour of a print file in the print shop's CMYK.

A print file holds no RGB. Colours the templates write as sRGB (``#9b1b1b``) are turned
into ``device-cmyk()`` through the output profile before WeasyPrint sees them, and
photos are converted into the same CMYK. Neutral dark colours — the text colours, rules
and the QR code — go on the black plate alone: a rich black made of four inks would
leave small type and 1 mm QR modules depending on the registration of four plates.
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
import re
from pathlib import Path

from PIL import Image, ImageCms

K_ONLY = "device-cmyk(0 0 0 1)"
"""Pure black, on the black plate alone."""
_NEUTRAL_CHROMA = 12.0
"""Lab chroma up to which a colour counts as a grey (the warm greys of the house style)."""
_DARK_L = 60.0
"""Greys darker than this print on K alone; lighter tints keep their hue (a cream paper tone)."""
_HEX = re.compile(r"#(?P<hex>[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
_RGB = re.compile(r"rgb\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)\s*\)")
_NAMED = re.compile(r"(?<![\w-])(white|black)(?![\w-])")
_NAMES = {"white": (255, 255, 255), "black": (0, 0, 0)}
_STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.S)
_ATTR = re.compile(r'(\s(?:fill|stroke|stop-color|color|style)=")([^"]*)(")')
_ATTR_NAMES = ('fill="', 'stroke="', 'color="', 'style="')
"""What each attribute :data:`_ATTR` changes ends with (``stop-color`` in ``color``)."""


class InkError(ValueError):
    """The output profile cannot be used."""


class Inks:
    """Conversions into one CMYK output profile."""

    def __init__(self, profile: Path) -> None:
        try:
            self.data = profile.read_bytes()
            self.profile = ImageCms.ImageCmsProfile(io.BytesIO(self.data))
        except (OSError, ImageCms.PyCMSError) as exc:
            raise InkError(f"cannot read the colour profile {profile}: {exc}") from exc
        if self.profile.profile.xcolor_space.strip() != "CMYK":
            raise InkError(
                f"{profile} is not a CMYK output profile (it is {self.profile.profile.xcolor_space.strip()})"
            )
        self.path = profile
        self.digest = hashlib.sha256(self.data).hexdigest()
        self.description = (ImageCms.getProfileDescription(self.profile) or profile.name).strip()
        srgb = ImageCms.createProfile("sRGB")
        lab = ImageCms.createProfile("LAB")
        intent = ImageCms.Intent.RELATIVE_COLORIMETRIC
        self._to_cmyk = ImageCms.buildTransform(srgb, self.profile, "RGB", "CMYK", intent)
        self._to_lab = ImageCms.buildTransform(srgb, lab, "RGB", "LAB", intent)
        # The lightness of every tint of the black plate alone, to match greys against.
        ramp = Image.new("CMYK", (256, 1))
        ramp.putdata([(0, 0, 0, k) for k in range(256)])
        lab_ramp = ImageCms.applyTransform(ramp, ImageCms.buildTransform(self.profile, lab, "CMYK", "LAB", intent))
        assert lab_ramp is not None
        self._k_lightness = [lab_ramp.getpixel((k, 0))[0] for k in range(256)]  # type: ignore[index]

    @functools.lru_cache(maxsize=512)  # noqa: B019 - one Inks per build, a handful of colours
    def cmyk(self, rgb: tuple[int, int, int]) -> str:
        """``device-cmyk(c m y k)`` for an sRGB colour; greys darker than mid-tone on K alone."""
        pixel = Image.new("RGB", (1, 1), rgb)
        lab = ImageCms.applyTransform(pixel, self._to_lab)
        assert lab is not None
        lightness, a, b = lab.getpixel((0, 0))  # type: ignore[misc]
        chroma = math.hypot(_signed(a), _signed(b))
        if chroma <= _NEUTRAL_CHROMA and lightness * 100 / 255 <= _DARK_L:
            k = next((k for k in range(256) if self._k_lightness[k] <= lightness), 255)
            return f"device-cmyk(0 0 0 {_unit(k)})"
        if rgb == (255, 255, 255):
            return "device-cmyk(0 0 0 0)"
        out = ImageCms.applyTransform(pixel, self._to_cmyk)
        assert out is not None
        return "device-cmyk({} {} {} {})".format(*map(_unit, out.getpixel((0, 0))))  # type: ignore[arg-type]

    def css(self, text: str) -> str:
        """``text`` (CSS, or an SVG attribute value) with every sRGB colour in CMYK."""
        text = _HEX.sub(lambda m: self.cmyk(_hex(m["hex"])), text)
        text = _RGB.sub(lambda m: self.cmyk((int(m[1]), int(m[2]), int(m[3]))), text)
        return _NAMED.sub(lambda m: self.cmyk(_NAMES[m[1]]), text)

    def html(self, html: str) -> str:
        """A page's HTML with the colours of its stylesheets and drawing attributes in CMYK.

        Only ``<style>`` blocks and colour attributes are touched: text an editor wrote
        ("room #123") stays as it is.
        """
        html = _STYLE.sub(lambda m: m[1] + self._stylesheet(m[2]) + m[3], html)
        # A long page (a month's poster) mostly has none of these attributes: a look for
        # their names is much quicker than the pattern over the whole page.
        if any(name in html for name in _ATTR_NAMES):
            html = _ATTR.sub(lambda m: m[1] + self.css(m[2]) + m[3], html)
        return html

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one Inks per profile and process; a stylesheet per template
    def _stylesheet(self, text: str) -> str:
        """:meth:`css` of a ``<style>`` block, worked out once for the pages that share it."""
        return self.css(text)

    def image(self, image: Image.Image) -> Image.Image:
        """An image in this CMYK (grey stays grey: it prints on K), through its own profile or sRGB."""
        if image.mode in ("L", "CMYK"):
            return image
        if image.mode in ("LA", "RGBA", "PA", "P") or "transparency" in image.info:
            rgba = image.convert("RGBA")
            flat = Image.new("RGB", rgba.size, (255, 255, 255))
            flat.paste(rgba, mask=rgba.getchannel("A"))
            image = flat
        elif image.mode != "RGB":
            image = image.convert("RGB")
        source = _source_profile(image)
        intent = ImageCms.Intent.PERCEPTUAL  # photos: keep their gradations rather than clip
        out = ImageCms.profileToProfile(image, source, self.profile, renderingIntent=intent, outputMode="CMYK")
        assert out is not None
        return out


def _source_profile(image: Image.Image) -> ImageCms.ImageCmsProfile:
    icc = image.info.get("icc_profile")
    if icc:
        try:
            return ImageCms.ImageCmsProfile(io.BytesIO(icc))
        except (OSError, ImageCms.PyCMSError):
            pass  # a broken embedded profile: take the image as sRGB, as browsers do
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _hex(value: str) -> tuple[int, int, int]:
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _signed(channel: int) -> int:
    """Pillow keeps Lab's a and b as bytes offset by 128."""
    return channel - 128


def _unit(byte: int) -> str:
    return f"{byte / 255:.3f}".rstrip("0").rstrip(".") or "0"


@functools.cache
def inks_for(profile: Path) -> Inks:
    """One :class:`Inks` per profile and process (building transforms takes a moment)."""
    return Inks(profile)
