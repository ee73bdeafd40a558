"""The community palette: colours a site may choose, checked against WCAG 2.1 AA.

Material's named palettes were made for documentation sites; several of them (the red
and orange ones a community picks for festivals) fail the contrast that elderly
readers need. The plugin writes the chosen colours into a small stylesheet and warns
at build time about every pair of colours that is too faint to read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields

HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
TEXT_AA = 4.5
"""WCAG 2.1 AA for body text (1.4.3); large text and interface parts need 3:1 (1.4.11)."""


@dataclass(frozen=True)
class Palette:
    """The colours of a community site. Every default passes WCAG 2.1 AA."""

    primary: str = "#a11d21"
    """The header and tab bar, buttons, active links' underline (a deep festival red)."""
    on_primary: str = "#ffffff"
    """Text and icons on the primary colour."""
    link: str = "#a11d21"
    """Links and event titles on the page background."""
    accent: str = "#8a3a00"
    """Links under the pointer or keyboard focus, and the focus ring."""
    background: str = "#ffffff"
    """The page background."""
    text: str = "#1a1a1a"
    """Body text."""
    muted: str = "#595959"
    """Secondary text: places, credits, counts."""
    footer: str = "#1f1f1f"
    """The footer background (its text is white)."""


def luminance(colour: str) -> float:
    """The relative luminance of an sRGB colour written ``#rgb`` or ``#rrggbb`` (WCAG 2.1)."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    channels = []
    for i in (0, 2, 4):
        c = int(digits[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


PAIRS: tuple[tuple[str, str, str, float], ...] = (
    ("on_primary", "primary", "the site title and tabs on the header", TEXT_AA),
    ("link", "background", "links and event titles", TEXT_AA),
    ("accent", "background", "links under the pointer or focus", TEXT_AA),
    ("text", "background", "body text", TEXT_AA),
    ("muted", "background", "secondary text", TEXT_AA),
    ("primary", "background", "buttons and borders against the page", 3.0),
    ("#ffffff", "footer", "the footer", TEXT_AA),
)


def read_palette(values: Mapping[str, object]) -> tuple[Palette, list[str]]:
    """The palette from the plugin's ``palette:`` option, and problems with it.

    Unknown names and values that are not ``#rrggbb`` are reported and replaced by the
    default; pairs that fail WCAG 2.1 AA are reported, the colours kept (the site's choice).
    """
    known = {f.name for f in fields(Palette)}
    chosen: dict[str, str] = {}
    problems: list[str] = []
    for name, value in values.items():
        if name not in known:
            problems.append(
                f"palette: unknown colour '{name}' (known: {', '.join(sorted(known))}); 调色板里没有这个颜色名"
            )
        elif not isinstance(value, str) or not HEX.match(value):
            problems.append(f"palette: {name}: expected a colour written #rrggbb, found '{value}'; 颜色请写成 #rrggbb")
        else:
            digits = value.lower().lstrip("#")
            chosen[name] = "#" + (digits if len(digits) == 6 else "".join(d * 2 for d in digits))
    palette = Palette(**chosen)
    for fg, bg, what, needed in PAIRS:
        a = fg if fg.startswith("#") else getattr(palette, fg)
        b = getattr(palette, bg)
        ratio = contrast(a, b)
        if ratio < needed:
            problems.append(
                f"palette: {what} ({a} on {b}) has a contrast of {ratio:.2f}:1, WCAG 2.1 AA needs "
                f"{needed:g}:1; 颜色对比度不足，老年人和弱视读者看不清，请选更深或更浅的颜色"
            )
    return palette, problems


def palette_css(palette: Palette) -> str:
    """A stylesheet that sets Material's colour variables to the palette.

    The selectors name Material's palette attributes too, so the community palette wins
    over a named ``theme.palette`` whatever it is.
    """
    return f"""/* The community palette (plugin option `palette:`), generated at build time. */
:root, [data-md-color-primary], [data-md-color-accent], [data-md-color-scheme] {{
  --md-primary-fg-color: {palette.primary};
  --md-primary-fg-color--light: {palette.primary};
  --md-primary-fg-color--dark: {palette.primary};
  --md-primary-bg-color: {palette.on_primary};
  --md-primary-bg-color--light: {palette.on_primary};
  --md-accent-fg-color: {palette.accent};
  --md-accent-fg-color--transparent: {palette.accent}1a;
  --md-accent-bg-color: {palette.background};
  --md-default-bg-color: {palette.background};
  --md-default-fg-color: {palette.text};
  --md-default-fg-color--light: {palette.muted};
  --md-default-fg-color--lighter: {palette.muted};
  --md-default-fg-color--lightest: {palette.muted}40;
  --md-typeset-color: {palette.text};
  --md-typeset-a-color: {palette.link};
  --md-footer-bg-color: {palette.footer};
  --md-footer-bg-color--dark: {palette.footer};
  --md-footer-fg-color: #ffffff;
  --md-footer-fg-color--light: #ffffff;
  --md-footer-fg-color--lighter: #e0e0e0;
  --cc-on-primary: {palette.on_primary};
}}
"""
