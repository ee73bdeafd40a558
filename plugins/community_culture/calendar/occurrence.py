"""Events expanded into dated occurrences, and the questions pages ask of them.

A recurring event yields one occurrence per date; a fuzzy one ("late April") yields
one occurrence spanning the days it may fall on, keeping its precision so that no
page or feed ever shows it as a false exact date.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from ..model.event import Event, Precision


@dataclass(frozen=True)
class Occurrence:
    """One dated happening of an event."""

    event: Event
    first: dt.date
    """The first day it may fall on (its identity: the ``occurrence`` of the contract)."""
    last: dt.date
    """The last day, inclusive."""
    precision: Precision

    @property
    def start_time(self) -> dt.time | None:
        """The start time for timed events."""
        return self.event.when.start_time

    @property
    def end_time(self) -> dt.time | None:
        """The end time when one was given."""
        return self.event.when.end_time

    @property
    def all_day(self) -> bool:
        """True for events without a time (and for every span)."""
        return self.start_time is None

    @property
    def fuzzy(self) -> bool:
        """True when the exact day is not known (part of a month, a month, months)."""
        return self.precision != "day"

    @property
    def multi_day(self) -> bool:
        """True when the occurrence covers more than one day."""
        return self.last > self.first

    @property
    def uid_key(self) -> str:
        """Stable identity: the event id and the occurrence date."""
        return f"{self.event.id}-{self.first:%Y%m%d}"

    def start(self, tz: zoneinfo.ZoneInfo) -> dt.date | dt.datetime:
        """The start as a date (all day) or an aware datetime."""
        if self.start_time is None:
            return self.first
        return dt.datetime.combine(self.first, self.start_time, tz)

    def end(self, tz: zoneinfo.ZoneInfo) -> dt.date | dt.datetime | None:
        """The exclusive end date (all day), the end datetime, or None when no end time was given."""
        if self.start_time is None:
            return self.last + dt.timedelta(days=1)
        if self.end_time is None:
            return None
        return dt.datetime.combine(self.first, self.end_time, tz)

    def covers(self, day: dt.date) -> bool:
        """True when ``day`` is one of its days."""
        return self.first <= day <= self.last


def expand(event: Event) -> list[Occurrence]:
    """The occurrences of one event, in date order."""
    return [Occurrence(event, first, last, event.when.precision) for first, last in event.when.days]


class Calendar:
    """All occurrences of a site, sorted, indexed once for the lookups the pages need.

    Every page asks for a slice (one event, one hall, one category, one month): the
    slices are made once here, so no page scans every occurrence of the site.
    """

    def __init__(self, events: Iterable[Event], timezone: str, today: dt.date) -> None:
        self.tz = zoneinfo.ZoneInfo(timezone)
        self.today = today
        """The build date: "upcoming" and "past" are measured from it."""
        self.events = {e.id: e for e in events}
        occurrences = [o for e in self.events.values() for o in expand(e)]
        self.occurrences = sorted(occurrences, key=lambda o: (o.first, o.start_time or dt.time(0), o.event.id))
        self._by_event: dict[str, list[Occurrence]] = {}
        self._by_hall: dict[str, list[Occurrence]] = {}
        self._by_category: dict[str, list[Occurrence]] = {}
        self._by_month: dict[tuple[int, int], list[Occurrence]] = {}
        """Occurrences overlapping each month (one spanning months is in each of them)."""
        self._rank: dict[int, int] = {}
        """Position in :attr:`occurrences` by ``id()``, to merge slices back into order."""
        for rank, occ in enumerate(self.occurrences):
            self._rank[id(occ)] = rank
            self._by_event.setdefault(occ.event.id, []).append(occ)
            if occ.event.hall is not None:
                self._by_hall.setdefault(occ.event.hall, []).append(occ)
            self._by_category.setdefault(occ.event.category, []).append(occ)
            for month in _months(occ.first, occ.last):
                self._by_month.setdefault(month, []).append(occ)

    @cached_property
    def years(self) -> list[int]:
        """Every year any occurrence touches."""
        return sorted({y for o in self.occurrences for y in range(o.first.year, o.last.year + 1)})

    @cached_property
    def categories(self) -> list[str]:
        """Categories in use, sorted."""
        return sorted({e.category for e in self.events.values()})

    def between(
        self, first: dt.date, last: dt.date, *, hall: str | None = None, category: str | None = None
    ) -> list[Occurrence]:
        """Occurrences overlapping ``first``..``last`` (inclusive), in calendar order."""
        # Only months that hold something: a span of centuries costs no more than the calendar.
        months = [m for m in self._by_month if (first.year, first.month) <= m <= (last.year, last.month)]
        pool: list[Occurrence]
        if len(months) <= 1:
            pool = self._by_month[months[0]] if months else []
        else:
            # A long span reads the whole hall or category, if that is the smaller slice.
            by_month = sum(len(self._by_month.get(m, ())) for m in months)
            narrow = self._by_hall.get(hall, []) if hall is not None else None
            if category is not None and (narrow is None or len(self._by_category.get(category, [])) < len(narrow)):
                narrow = self._by_category.get(category, [])
            if narrow is not None and len(narrow) <= by_month:
                pool = narrow
            else:
                seen = {id(o): o for m in months for o in self._by_month.get(m, ())}
                pool = sorted(seen.values(), key=lambda o: self._rank[id(o)])
        return [
            o
            for o in pool
            if o.first <= last
            and o.last >= first
            and (hall is None or o.event.hall == hall)
            and (category is None or o.event.category == category)
        ]

    def upcoming(
        self, *, hall: str | None = None, category: str | None = None, days: int = 92, limit: int | None = None
    ) -> list[Occurrence]:
        """Occurrences not yet over, starting within ``days`` of the build date (ongoing ones included)."""
        found = self.between(self.today, self.today + dt.timedelta(days=days), hall=hall, category=category)
        return found[:limit] if limit else found

    def recent(self, weeks: int = 4) -> list[Occurrence]:
        """Occurrences that ended in the last ``weeks`` weeks, most recent first."""
        first = self.today - dt.timedelta(weeks=weeks)
        past = [o for o in self.between(first, self.today) if o.last < self.today]
        return sorted(past, key=lambda o: (o.last, o.event.id), reverse=True)

    def for_event(self, event_id: str) -> list[Occurrence]:
        """Every occurrence of one event."""
        return list(self._by_event.get(event_id, ()))

    def for_hall(self, hall_id: str) -> list[Occurrence]:
        """Every occurrence at one hall."""
        return list(self._by_hall.get(hall_id, ()))

    def for_category(self, category: str) -> list[Occurrence]:
        """Every occurrence of one category."""
        return list(self._by_category.get(category, ()))

    def next_for(self, event_id: str) -> Occurrence | None:
        """The event's next occurrence from the build date, else its last one."""
        mine = self._by_event.get(event_id, [])
        return next((o for o in mine if o.last >= self.today), mine[-1] if mine else None)


def _months(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    """The (year, month) of every month from ``first`` to ``last``."""
    months, (year, month) = [], (first.year, first.month)
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
