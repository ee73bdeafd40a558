"""Printed page sizes and the measures a layout derives from them.

Every size is the *trim* size, what is left after the print shop cuts the sheet; the
PDF page is larger by the bleed on every side. Text, margins and the QR code scale
with the page's shorter side, so the same template serves an A4 notice and a two-metre
roll-up banner.
"""

from __future__ import annotations

from dataclasses import dataclass

BLEED_MM = 3.0
"""Bleed on every side: what print shops in China (and most elsewhere) ask for."""
MIN_SIDE_MM = 100.0
"""Smaller pages leave no room for a readable QR code beside its address."""
MAX_SIDE_MM = 5000.0
"""PDF viewers and RIPs refuse pages above 200 inches (5080 mm) without scaling tricks."""

ISO_A: dict[str, tuple[float, float]] = {
    "A0": (841, 1189),
    "A1": (594, 841),
    "A2": (420, 594),
    "A3": (297, 420),
    "A4": (210, 297),
}
"""ISO 216 A sizes, portrait (width, height) in millimetres."""

ROLLUPS: dict[str, tuple[float, float]] = {
    "rollup-80x200": (800, 2000),
    "rollup-85x200": (850, 2000),
}
"""Roll-up banners (易拉宝), width by height."""

ROLLUP_DEAD_ZONE_MM = 100.0
"""The bottom of a roll-up disappears into its stand: nothing that must be read goes there."""

ORIENTATIONS = ("portrait", "landscape")
NAMED = (*ISO_A, *ROLLUPS)
"""Size names an editor may write, in the order they are suggested."""


@dataclass(frozen=True)
class PageSize:
    """A printed page: trim size, bleed and the measures a layout needs."""

    kind: str
    """``iso`` (A0–A4), ``rollup`` or ``custom``."""
    base: str
    """The size's name without orientation: ``A2``, ``rollup-80x200``; empty for a custom size."""
    width_mm: float
    """Trim width."""
    height_mm: float
    """Trim height."""
    dead_zone_mm: float = 0.0
    """Space at the bottom that is printed but hidden when hung (a roll-up's stand)."""
    bleed_mm: float = BLEED_MM

    @property
    def name(self) -> str:
        """How editors and messages call it: ``A1``, ``A2 landscape``, ``rollup-80x200``, ``600×900 mm``."""
        if self.kind == "iso":
            return self.base + (" landscape" if self.orientation == "landscape" else "")
        return self.base or f"{mm_text(self.width_mm)}×{mm_text(self.height_mm)} mm"

    @property
    def orientation(self) -> str:
        """``portrait`` or ``landscape`` (a square counts as portrait)."""
        return "landscape" if self.width_mm > self.height_mm else "portrait"

    @property
    def media_mm(self) -> tuple[float, float]:
        """The PDF page (trim plus bleed on both sides)."""
        return self.width_mm + 2 * self.bleed_mm, self.height_mm + 2 * self.bleed_mm

    @property
    def unit_mm(self) -> float:
        """The body text size: 1/50 of the shorter side (about 12 pt on A4, 34 pt on A1)."""
        return round(min(self.width_mm, self.height_mm) / 50, 2)

    @property
    def margin_mm(self) -> float:
        """The safe margin inside the trim: nothing that must survive the cut goes closer."""
        return round(max(10.0, 2 * self.unit_mm), 2)

    @property
    def viewing_m(self) -> float:
        """How far a reader stands from it: 1 m from a wall panel (A1, A0, roll-ups), less for smaller sheets."""
        side = min(self.width_mm, self.height_mm)
        return 1.0 if side >= 594 else 0.8 if side >= 420 else 0.6 if side >= 297 else 0.4

    @property
    def qr_mm(self) -> float:
        """The side of the QR code with its quiet zone: readable by a phone from where a reader stands.

        By the rule of thumb that a code scans from ten times its width, the code itself is a
        tenth of the viewing distance (100 mm from 1 m); its four-module quiet zone on either
        side adds about 30 % for the short addresses printed here. Never more than a third of
        the shorter side.
        """
        code = self.viewing_m * 100
        return round(min(code * 1.3, min(self.width_mm, self.height_mm) / 3), 2)

    def describe(self) -> str:
        """``A1 (594 × 841 mm)`` for messages."""
        if self.kind == "custom":
            return self.name
        return f"{self.name} ({mm_text(self.width_mm)} × {mm_text(self.height_mm)} mm)"


def named_size(name: str, orientation: str | None = None) -> PageSize:
    """An A size (in ``orientation``, portrait by default) or a roll-up.

    Raises:
        KeyError: for an unknown name.
    """
    if name in ROLLUPS:
        width, height = ROLLUPS[name]
        return PageSize("rollup", name, width, height, dead_zone_mm=ROLLUP_DEAD_ZONE_MM)
    width, height = ISO_A[name]
    if orientation == "landscape":
        width, height = height, width
    return PageSize("iso", name, width, height)


def custom_size(width_mm: float, height_mm: float) -> PageSize:
    """A size given in millimetres (bounds are the reader's business)."""
    return PageSize("custom", "", float(width_mm), float(height_mm))


def mm_text(value: float) -> str:
    """A length in millimetres without a needless ``.0``."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
