"""What a site tells its press: the PDF/X flavour, the print shop's colour profile, marks, resolution.

A site sets these in ``mkdocs.yml`` (``print:`` under the plugin) when its shop asks for
something else than the defaults: PDF/X-4 with the Ghostscript CMYK profile (SWOP-like,
installed with Debian's ``libgs-common``), crop marks in a slug outside the bleed, 300 ppi
wanted and 150 ppi at the least.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

STANDARDS = ("pdf/x-4", "pdf/x-1a")
"""PDF/X flavours a site may ask for: X-4 (live transparency, ICC colour) by default; X-1a
for shops whose RIP only takes flattened CMYK."""
DEFAULT_PROFILE = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")
"""Artifex's CMYK SWOP profile from Debian's ``libgs-common`` (a dependency of Ghostscript)."""
DEFAULT_CONDITION = "CGATS TR 001"
"""The registered printing condition that profile characterises (SWOP, coated web offset)."""


@dataclass(frozen=True)
class PrintSettings:
    """How print files are made for one site."""

    standard: str = "pdf/x-4"
    """One of :data:`STANDARDS`."""
    profile: Path = DEFAULT_PROFILE
    """The output intent: the print shop's CMYK ICC profile (FOGRA39, Japan Color 2001 Coated...)."""
    condition: str = DEFAULT_CONDITION
    """The printing condition's name in the ICC registry (``FOGRA39``, ``JC200103``...), for the
    output intent's OutputConditionIdentifier."""
    marks: bool = True
    """Crop marks in a slug outside the bleed; large-format shops often want none."""
    slug_mm: float = 10.0
    """The strip outside the bleed that holds the marks (when they are on)."""
    min_ppi: float = 150.0
    """Below this an image is an error: it prints visibly soft."""
    good_ppi: float = 300.0
    """Below this an image is a warning: what print shops ask for."""

    def key(self) -> str:
        """What of these shapes a PDF and its preflight, for cache keys (the profile by its content, elsewhere)."""
        return repr((self.standard, self.condition, self.marks, self.slug_mm, self.min_ppi, self.good_ppi))


def read_settings(raw: object, root: Path) -> PrintSettings:
    """Settings from the ``print:`` mapping of the plugin's configuration (as read from ``mkdocs.yml``).

    Raises:
        ValueError: for a value that cannot be used.
    """
    if raw is None:
        return PrintSettings()
    if not isinstance(raw, dict):
        raise ValueError("print: must be a mapping (standard, profile, condition, marks, min_ppi, good_ppi)")
    unknown = sorted(set(raw) - {"standard", "profile", "condition", "marks", "min_ppi", "good_ppi"})
    if unknown:
        raise ValueError(f"print: unknown option {', '.join(unknown)}")
    standard = str(raw.get("standard", "pdf/x-4")).lower()
    if standard not in STANDARDS:
        raise ValueError(f"print.standard must be one of {', '.join(STANDARDS)}, found '{standard}'")
    profile = Path(str(raw.get("profile", DEFAULT_PROFILE)))
    marks = raw.get("marks", True)
    if not isinstance(marks, bool):
        marks = str(marks).lower() in ("true", "yes", "on", "1")
    return PrintSettings(
        standard=standard,
        profile=profile if profile.is_absolute() else (root / profile).resolve(),
        condition=str(raw.get("condition", DEFAULT_CONDITION)),
        marks=marks,
        min_ppi=float(raw.get("min_ppi", 150)),
        good_ppi=float(raw.get("good_ppi", 300)),
    )
