"""Honor board pages: ``/honors/`` and ``/honors/<board>/`` in every language.

Only published entries reach this module (``Site.honors``); the boards are asked
not to be indexed by search engines unless a site turns ``honors_noindex`` off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..build import Build
from ..core.strings import translate
from ..model.boards import Board
from ..model.honor import Entry
from .plan import PageSpec, Plan

LATEST = 4
"""How many of a board's newest honorees the index shows."""


@dataclass(frozen=True)
class YearGroup:
    """The entries of one year on a board page."""

    year: int | None
    """None for entries that give no year (shown last)."""
    entries: tuple[Entry, ...]

    @property
    def anchor(self) -> str:
        """The group's fragment id, e.g. ``year-2026``."""
        return f"year-{self.year}" if self.year is not None else "year-other"


@dataclass(frozen=True)
class BoardSummary:
    """A board as the index shows it."""

    board: Board
    count: int
    """How many published entries the board holds."""
    latest: tuple[Entry, ...]
    """Its newest honorees, at most :data:`LATEST`."""


def contribute(site: Build, plan: Plan) -> None:
    """Add the boards index and one page per board, in every language."""
    default = site.default_language
    noindex = site.options.honors_noindex
    as_of = site.options.build_date()
    summaries = [summarize(board, site.honors.get(board.id, [])) for board in site.boards.values()]
    for lang in site.options.languages:
        title = translate(lang, default, "honors")
        plan.pages.append(PageSpec("honors/", lang, "culture/honors.html", title, {"boards": summaries}, noindex))
        for board in site.boards.values():
            entries = site.honors.get(board.id, [])
            context = {"board": board, "groups": group_by_year(entries), "ages": ages(board, entries, as_of)}
            key = f"honors/{board.id}/"
            plan.pages.append(
                PageSpec(key, lang, "culture/honor-board.html", board.title.get(lang, default), context, noindex)
            )


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    """Entries by year, newest first, those without a year last; written order within a year."""
    return sorted(entries, key=lambda e: -e.year if e.year is not None else 1)


def summarize(board: Board, entries: list[Entry]) -> BoardSummary:
    """The board's count and newest honorees."""
    return BoardSummary(board, len(entries), tuple(newest_first(entries)[:LATEST]))


def group_by_year(entries: Iterable[Entry]) -> list[YearGroup]:
    """Entries grouped by year, newest year first, the group without a year last."""
    groups: dict[int | None, list[Entry]] = {}
    for entry in newest_first(entries):
        groups.setdefault(entry.year, []).append(entry)
    return [YearGroup(year, tuple(items)) for year, items in groups.items()]


def ages(board: Board, entries: Iterable[Entry], as_of: dt.date) -> dict[str, int]:
    """Each entry's age this year by id, on boards that show ages; a birth date is never known."""
    if not board.show_age:
        return {}
    return {entry.id: age for entry in entries if (age := entry.age(as_of)) is not None}
