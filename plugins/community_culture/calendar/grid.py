"""The month grid: weeks from Monday, exact events in their day cells, fuzzy or
multi-day ones as bands across the days they span (never pinned to a false day).
"""

from __future__ import annotations

import calendar as stdcal
import datetime as dt
from dataclasses import dataclass, field

from .occurrence import Occurrence


@dataclass(frozen=True)
class Band:
    """An occurrence drawn across part of one week row."""

    occurrence: Occurrence
    start: int
    """First column (0 = Monday)."""
    span: int
    """How many columns it covers."""
    continues_before: bool
    continues_after: bool


@dataclass
class Week:
    """One row of the grid."""

    days: list[dt.date]
    """Seven days, Monday first (including days of the neighbouring months)."""
    cells: list[list[Occurrence]] = field(default_factory=list)
    """Single-day occurrences of each day."""
    bands: list[Band] = field(default_factory=list)


def month_grid(year: int, month: int, occurrences: list[Occurrence]) -> list[Week]:
    """The weeks of ``year``-``month`` holding ``occurrences`` that overlap them."""
    weeks = []
    for days in stdcal.Calendar(firstweekday=0).monthdatescalendar(year, month):
        week = Week(days, [[] for _ in days])
        for occ in occurrences:
            if occ.last < days[0] or occ.first > days[-1]:
                continue
            if occ.fuzzy or occ.multi_day:
                first, last = max(occ.first, days[0]), min(occ.last, days[-1])
                week.bands.append(
                    Band(occ, (first - days[0]).days, (last - first).days + 1, occ.first < days[0], occ.last > days[-1])
                )
            else:
                week.cells[(occ.first - days[0]).days].append(occ)
        weeks.append(week)
    return weeks


def neighbours(year: int, month: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """The previous and next (year, month)."""
    prev = (year - 1, 12) if month == 1 else (year, month - 1)
    nxt = (year + 1, 1) if month == 12 else (year, month + 1)
    return prev, nxt
