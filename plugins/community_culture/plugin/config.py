"""Options of the ``community-culture`` plugin in ``mkdocs.yml``."""

from __future__ import annotations

import datetime

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


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
