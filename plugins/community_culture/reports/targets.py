"""Held activities, and the plan's targets counted against them per period.

The content model's rule: an occurrence counts when it lies on or before the build
date, its event is neither cancelled nor postponed, and its date is not excepted.
A held occurrence is dated by its record when it has one ("late April" held on the
25th), else by its first day. Each period of a target is ``met`` (the minimum is
reached), ``missed`` (it ended below it), ``in-progress`` or ``upcoming``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..calendar.occurrence import Calendar, Occurrence
from ..model.plan import Target
from ..model.record import Record, record_day

State = Literal["met", "missed", "in-progress", "upcoming"]
NOT_HELD = ("cancelled", "postponed")


@dataclass(frozen=True)
class Held:
    """One occurrence that took place."""

    occurrence: Occurrence
    day: dt.date
    """The day it was held: its record's date, else its first day."""
    record: Record | None = None
    records: tuple[Record, ...] = ()
    """Every record of the occurrence: one for a day, possibly several for a span ("all month")."""

    @property
    def attendance(self) -> int | None:
        """People present, summed over its records; None without a figure."""
        figures = [r.attendance for r in self.records if r.attendance is not None]
        return sum(figures) if figures else None

    @property
    def signed_in(self) -> int | None:
        """Names on sign-in sheets, summed over its records; None without a figure."""
        figures = [r.signed_in for r in self.records if r.signed_in is not None]
        return sum(figures) if figures else None

    @property
    def event_id(self) -> str:
        """The event's id."""
        return self.occurrence.event.id


@dataclass(frozen=True)
class Period:
    """A year, half, quarter, month or ISO week."""

    kind: str
    """``year``, ``half``, ``quarter``, ``month`` or ``week``."""
    label: str
    """``2026``, ``2026-H1``, ``2026-Q3``, ``2026-08`` or ``2026-W32``."""
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class PeriodResult:
    """How a target stands in one period."""

    period: Period
    minimum: int
    count: float
    state: State
    counted: tuple[Held, ...] = ()
    """The held occurrences that count toward it (none for manual figures)."""


@dataclass(frozen=True)
class TargetResult:
    """A target with each of its periods."""

    target: Target
    periods: tuple[PeriodResult, ...]

    def within(self, first: dt.date, last: dt.date) -> tuple[PeriodResult, ...]:
        """The periods overlapping ``first``..``last``."""
        return tuple(p for p in self.periods if p.period.first <= last and p.period.last >= first)


@functools.lru_cache(maxsize=1)
def held_occurrences(calendar: Calendar) -> tuple[Held, ...]:
    """Every occurrence held on or before the build date, in date order.

    Kept for the last calendar asked about: every report of a build asks for the same.
    """
    out: list[Held] = []
    for occ in calendar.occurrences:
        event = occ.event
        if event.status in NOT_HELD or occ.first > calendar.today or occ.first in event.when.excluded:
            continue
        records = tuple(
            r for r in event.records if (d := record_day(event, r)) is not None and occ.first <= d <= occ.last
        )
        record = min(records, key=lambda r: record_day(event, r) or occ.first) if records else None
        day = record_day(event, record) if record is not None else None
        out.append(Held(occ, day or occ.first, record, records))
    return tuple(sorted(out, key=lambda h: (h.day, h.event_id)))


def periods_of(year: int, kind: str, within: tuple[dt.date, dt.date] | None = None) -> list[Period]:
    """The periods of ``kind`` in ``year``, those overlapping ``within`` only.

    Weeks are ISO weeks, each belonging to the year (and the ``within`` days) of its Thursday.
    """
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    out: list[Period] = []
    if kind == "year":
        out = [Period("year", str(year), first, last)]
    elif kind == "half":
        out = [
            Period("half", f"{year}-H1", first, dt.date(year, 6, 30)),
            Period("half", f"{year}-H2", dt.date(year, 7, 1), last),
        ]
    elif kind == "quarter":
        out = [
            Period("quarter", f"{year}-Q{q}", dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q)) for q in range(1, 5)
        ]
    elif kind == "month":
        out = [Period("month", f"{year}-{m:02d}", dt.date(year, m, 1), _month_end(year, m)) for m in range(1, 13)]
    elif kind == "week":
        day = first - dt.timedelta(days=first.weekday())
        while day <= last:
            iso = day.isocalendar()
            out.append(Period("week", f"{iso.year}-W{iso.week:02d}", day, day + dt.timedelta(days=6)))
            day += dt.timedelta(days=7)
    if within is not None:
        out = [p for p in out if p.first <= within[1] and p.last >= within[0]]
    if kind == "week":
        # A week belongs where its Thursday is, as ISO 8601 gives weeks to years: the
        # first and last days of August do not make weeks of August of their own.
        out = [
            p for p in out if _thursday(p).year == year and (within is None or within[0] <= _thursday(p) <= within[1])
        ]
    return out


def _thursday(period: Period) -> dt.date:
    return period.first + dt.timedelta(days=3)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


def state_of(count: float, minimum: int, first: dt.date, last: dt.date, as_of: dt.date) -> State:
    """A period's state on the build date."""
    if count >= minimum:
        return "met"
    if last < as_of:
        return "missed"
    return "in-progress" if first <= as_of else "upcoming"


def counts_toward(target: Target, held: Held) -> bool:
    """Whether a held occurrence is of what ``target`` counts (its period aside)."""
    event = held.occurrence.event
    if target.within is not None and not target.within[0] <= held.day <= target.within[1]:
        return False
    if target.hall is not None and event.hall != target.hall:
        return False
    if target.category is not None:
        return event.category == target.category
    if target.event is not None:
        return event.id == target.event
    return target.metric is not None


def evaluate(target: Target, year: int, held: Sequence[Held], as_of: dt.date) -> TargetResult:
    """Every period of ``target`` in ``year``, counted from ``held`` as of the build date."""
    mine = [h for h in held if counts_toward(target, h)] if target.manual is None else []
    results: list[PeriodResult] = []
    for kind, minimum in target.minimum:
        for period in periods_of(year, kind, target.within):
            # A week that straddles New Year counts only its days of the plan's year.
            first, last = max(period.first, dt.date(year, 1, 1)), min(period.last, dt.date(year, 12, 31))
            if target.within is not None:
                first, last = max(first, target.within[0]), min(last, target.within[1])
            counted = tuple(h for h in mine if first <= h.day <= last)
            count: float
            if target.manual is not None:
                taken = target.manual.as_of
                count = target.manual.value if first <= taken <= last and taken <= as_of else 0
            elif target.metric is not None:
                count = sum(_figure(h, target.metric) for h in counted)
                counted = tuple(h for h in counted if _figure(h, target.metric))
            else:
                count = len(counted)
            results.append(PeriodResult(period, minimum, count, state_of(count, minimum, first, last, as_of), counted))
    return TargetResult(target, tuple(results))


def _figure(held: Held, metric: str) -> int:
    return (held.attendance if metric == "attendance" else held.signed_in) or 0


def evaluate_all(targets: Iterable[Target], year: int, held: Sequence[Held], as_of: dt.date) -> list[TargetResult]:
    """Every target of a year's plan."""
    return [evaluate(t, year, held, as_of) for t in targets]
