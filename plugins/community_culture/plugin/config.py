"""Options of the ``community-culture`` plugin in ``mkdocs.yml``."""

from __future__ import annotations

import datetime

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..model.print_settings import DEFAULT_CONDITION, DEFAULT_PROFILE, STANDARDS


class PrintConfig(Config):
    """``print:`` — how print files are made for this site's print shop."""

    standard = c.Choice(STANDARDS, default="pdf/x-4")
    """``pdf/x-4`` (default) or ``pdf/x-1a`` for shops whose RIP takes flattened CMYK only."""

    profile = c.Type(str, default=str(DEFAULT_PROFILE))
    """The shop's CMYK ICC profile (output intent), relative to ``mkdocs.yml`` or absolute.
    Default: Artifex's CMYK SWOP profile from Debian's ``libgs-common``."""

    condition = c.Type(str, default=DEFAULT_CONDITION)
    """The printing condition's registered name, e.g. ``FOGRA39`` or ``JC200103`` (Japan Color 2001 Coated)."""

    marks = c.Type(bool, default=True)
    """Crop marks in a slug outside the bleed; large-format shops often want none."""

    min_ppi = c.Type(int, default=150)
    """An image printed below this resolution is an error."""

    good_ppi = c.Type(int, default=300)
    """An image printed below this resolution is a warning."""


class CultureConfig(Config):
    """Configuration of the community culture plugin."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off (e.g. ``enabled: !ENV [CULTURE, true]``)."""

    data_dir = c.Type(str, default="data")
    """The folder of YAML data files, relative to ``mkdocs.yml``."""

    languages = c.ListOfItems(c.Type(str), default=["zh", "en"])
    """Language codes; the first is the default, served at the site root, the others under ``/<code>/``."""

    as_of = c.Optional(c.Type((str, datetime.date)))
    """``YYYY-MM-DD``: compute ages and "upcoming" as of this date, for reproducible builds."""

    strict = c.Type(bool, default=False)
    """Fail the build on data warnings too, as ``culture check --strict`` does."""

    photo_max_width = c.Type(int, default=1600)
    """Published images are scaled down to at most this many pixels wide."""

    atomic = c.Type(bool, default=True)
    """Build into a staging folder and swap it in only when the build succeeds."""

    lock_timeout = c.Type((int, float), default=300)
    """Seconds a build waits for another build writing the same output folder before it gives up."""

    cache_dir = c.Type(str, default=".cache/community-culture")
    """Where image copies (and later PDFs) are kept between builds, relative to ``mkdocs.yml``."""

    honors_noindex = c.Type(bool, default=True)
    """Ask search engines not to index the honor boards, and leave them out of the sitemap:
    residents agreed to be shown on the community's site, not to be one web search away."""

    print = c.SubConfig(PrintConfig)
    """PDF/X flavour, colour profile, marks and resolution limits of the print files."""

    print_files = c.Type(bool, default=True)
    """Make the print files (PDFs) in ``mkdocs build``; false leaves them out (a web-only site, quick checks)."""

    trusted_html = c.Type(bool, default=False)
    """Publish raw HTML in hand-written pages (``content/*.md``) and ``content/*.html`` files as
    written. By default it is sanitized like data Markdown: no scripts, event handlers,
    styles, forms, frames or external images."""

    content_security_policy = c.Type(bool, default=True)
    """Put a Content-Security-Policy ``<meta>`` in every page: only the theme's own inline
    scripts (by hash) and files from the site itself may load. Turn it off only when the
    web server sends an equivalent header (see README)."""

    pdf_in_serve = c.Type(bool, default=False)
    """Make the print files in ``mkdocs serve`` too (each takes seconds; ``mkdocs build`` always makes them)."""

    palette = c.Type(dict, default={})
    """The community's colours (``primary``, ``on_primary``, ``link``, ``accent``, ``background``,
    ``text``, ``muted``, ``footer``; ``#rrggbb``). The defaults meet WCAG 2.1 AA; a build warns
    about every chosen pair of colours that does not."""

    search = c.Type(bool, default=True)
    """Index the built site with Pagefind (``/pagefind/``, searched from ``/search/``)."""

    reminder_minutes = c.Optional(c.Type(int))
    """Give every activity in the calendar feeds a reminder this many minutes before it
    starts (a VALARM; e.g. ``120``). Off by default: many phones add their own."""
