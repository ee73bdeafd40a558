"""A half-year or year-end report: what was held, how the plan's targets stand, and the rest.

"每半年要小结，年终要有总结报告": the community reports to the office above every half
year and at the end of the year. Everything here is computed from the data against
the build date; a period still under way is counted to that date and says so.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..build import Build
from ..calendar.occurrence import Calendar, Occurrence
from ..model.hall import Assessment, assess
from ..model.honor import Entry
from .targets import Held, TargetResult, evaluate_all, held_occurrences

KINDS = ("year", "h1", "h2")
"""The reports of a year: ``/reports/<yyyy>/``, ``/reports/<yyyy>/h1/``, ``/reports/<yyyy>/h2/``."""


@dataclass(frozen=True)
class Report:
    """One report's figures."""

    year: int
    kind: str
    """``year``, ``h1`` or ``h2``."""
    first: dt.date
    last: dt.date
    as_of: dt.date
    held: tuple[Held, ...]
    """Occurrences held in the period up to the build date, in date order."""
    cancelled: tuple[Occurrence, ...]
    postponed: tuple[Occurrence, ...]
    targets: tuple[TargetResult, ...]
    """Every target of the year's plan (its periods overlapping this report's)."""
    halls: tuple[tuple[str, Assessment], ...]
    """Each hall's standard compliance, by hall id."""
    honors: tuple[Entry, ...]
    """Published honour-board entries of the year."""
    performances: tuple[tuple[str, tuple[Held, ...]], ...]
    """Each team's held performances (events naming it), by team id."""

    @property
    def key(self) -> str:
        """The report's address below a language root."""
        return f"reports/{self.year}/" if self.kind == "year" else f"reports/{self.year}/{self.kind}/"

    @property
    def in_progress(self) -> bool:
        """True while the period has not ended on the build date."""
        return self.as_of < self.last

    @property
    def counted_to(self) -> dt.date:
        """The last day counted: the period's end, or the build date while it runs."""
        return min(self.last, self.as_of)

    @cached_property
    def by_category(self) -> dict[str, int]:
        """Held occurrences per category, most first, then by id."""
        return _sorted_counts(Counter(h.occurrence.event.category for h in self.held))

    @cached_property
    def by_month(self) -> dict[str, int]:
        """Held occurrences per month (``2026-03``), every month of the period to the build date."""
        counts = Counter(f"{h.day:%Y-%m}" for h in self.held)
        months = [f"{self.year}-{m:02d}" for m in range(self.first.month, self.counted_to.month + 1)]
        return {m: counts.get(m, 0) for m in months} if self.counted_to >= self.first else {}

    @cached_property
    def by_hall(self) -> dict[str, int]:
        """Held occurrences per hall id (activities elsewhere are not listed), most first."""
        return _sorted_counts(Counter(h.occurrence.event.hall for h in self.held if h.occurrence.event.hall))

    @property
    def elsewhere(self) -> int:
        """Held occurrences at a venue that is not one of the halls."""
        return sum(1 for h in self.held if not h.occurrence.event.hall)

    @property
    def attendance(self) -> int:
        """People present, summed over the records."""
        return sum(h.attendance or 0 for h in self.held)

    @property
    def signed_in(self) -> int:
        """Names on sign-in sheets, summed over the records."""
        return sum(h.signed_in or 0 for h in self.held)

    @property
    def recorded(self) -> int:
        """Held occurrences that have a record."""
        return sum(1 for h in self.held if h.record is not None)

    def target_states(self) -> Counter[str]:
        """How many target periods (overlapping the report) are in each state."""
        return Counter(p.state for t in self.targets for p in t.within(self.first, self.last))


def _sorted_counts(counts: Counter[Any]) -> dict[str, int]:
    return {str(k): v for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))}


def report_years(site: Build) -> list[int]:
    """Years with a plan, or with activities held by the build date."""
    held = {h.day.year for h in held_occurrences(site.calendar)}
    return sorted(set(site.plans) | held)


def available(year: int, as_of: dt.date, has_plan: bool) -> list[str]:
    """The reports of ``year`` that exist: the year-end one, and each half once it has begun."""
    out = ["year"] if has_plan or dt.date(year, 1, 1) <= as_of else []
    if dt.date(year, 1, 1) <= as_of:
        out.append("h1")
    if dt.date(year, 7, 1) <= as_of:
        out.append("h2")
    return out


def span_of(year: int, kind: str) -> tuple[dt.date, dt.date]:
    """The days a report covers."""
    if kind == "h1":
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    if kind == "h2":
        return dt.date(year, 7, 1), dt.date(year, 12, 31)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def make_report(site: Build, year: int, kind: str) -> Report:
    """Compute one report from the site's data as of the build date."""
    cal: Calendar = site.calendar
    as_of = cal.today
    first, last = span_of(year, kind)
    held_all = held_occurrences(cal)
    held = tuple(h for h in held_all if first <= h.day <= last)
    plan = site.plans.get(year)
    results = evaluate_all(plan.targets if plan else (), year, held_all, as_of)
    in_span = cal.between(first, last)
    performances = []
    for team_id in site.teams:
        mine = tuple(h for h in held if team_id in h.occurrence.event.teams)
        if mine:
            performances.append((team_id, mine))
    return Report(
        year=year,
        kind=kind,
        first=first,
        last=last,
        as_of=as_of,
        held=held,
        cancelled=tuple(o for o in in_span if o.event.status == "cancelled"),
        postponed=tuple(o for o in in_span if o.event.status == "postponed"),
        targets=tuple(results),
        halls=tuple((hall_id, assess(hall, site.standards)) for hall_id, hall in site.halls.items()),
        honors=tuple(e for entries in site.honors.values() for e in entries if e.year == year),
        performances=tuple(performances),
    )


def report_json(report: Report, site: Build) -> dict[str, Any]:
    """``/data/report-<yyyy>.json`` in the contract's shape (fields may be added, never renamed)."""
    return {
        "year": report.year,
        "as_of": report.as_of.isoformat(),
        "in_progress": report.in_progress,
        "targets": [
            {
                "id": result.target.id,
                "title": result.target.title.as_dict(),
                "basis": result.target.basis,
                "periods": [
                    {
                        "period": p.period.label,
                        "min": p.minimum,
                        "count": _number(p.count),
                        "state": p.state,
                        "events": sorted({h.event_id for h in p.counted}),
                    }
                    for p in result.periods
                ],
            }
            for result in report.targets
        ],
        "held": {
            "total": len(report.held),
            "by_category": report.by_category,
            "by_month": report.by_month,
            "by_hall": report.by_hall,
            "elsewhere": report.elsewhere,
        },
        "attendance": report.attendance,
        "signed_in": report.signed_in,
        "cancelled": len(report.cancelled),
        "postponed": len(report.postponed),
        "halls": [{"id": hall_id, "standard_met": a.met, "missing": a.missing} for hall_id, a in report.halls],
        "teams": [{"id": team_id, "performances": len(items)} for team_id, items in report.performances],
    }


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
