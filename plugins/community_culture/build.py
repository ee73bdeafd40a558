"""One build: the site's data with the services that work on it.

:class:`~community_culture.model.site.Site` is pure data, read and checked from the
files. The calendar (every event's occurrences against the build date) and the press
(the print service that page modules register print jobs with) belong to one build:
a :class:`Build` is the site with the two of them, made once by :meth:`Build.of` and
handed to the page modules, the renderer and the checks. Code that only reads data
takes a ``Site``; code that needs occurrences or prints takes a ``Build``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from .calendar.occurrence import Calendar
from .model.site import Site
from .printing.press import Press


@dataclass(frozen=True)
class Build(Site):
    """A site with its calendar and its press."""

    calendar: Calendar = field(kw_only=True)
    """Every event's occurrences, measured against the build date."""
    press: Press = field(kw_only=True)
    """The build's print service: every print product registers its pages with it."""

    @classmethod
    def of(cls, site: Site) -> Build:
        """The build of ``site``: its calendar measured against the build date, a fresh press."""
        o = site.options
        data = {f.name: getattr(site, f.name) for f in dataclasses.fields(Site)}
        return cls(
            **data,
            calendar=Calendar(site.events.values(), site.community.timezone, o.build_date()),
            press=Press(o.content_dir, o.languages, o.template_dirs, o.cache_dir, o.site_url, o.print, o.build_date()),
        )
