"""Print files for the community notice board: honour boards and the month's activities.

``/honors/<board>/board.pdf``: a board's published entries, newest year first, on A1
portrait pages of :data:`BOARD_PER_PAGE` entries each, so that a long board still
prints (page after page, hung side by side). A board without a published entry has
nothing to print and gets no file. ``/events/<yyyy>/<mm>/poster.pdf``: every month page
of the calendar as an A3 poster, one line per occurrence; a long month runs on to a
second page rather than into smaller type. Both carry a QR code to their web page and
are set in the site's default language (a board adds the other language's name beneath).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..build import Build
from ..calendar.occurrence import Occurrence
from ..calendar.words import Words, day_words, fuzzy_label, month_name, time_words
from ..core.text import LText
from ..model.boards import Board
from ..model.honor import Entry
from ..model.sizes import named_size
from ..printing.jobs import PrintJob
from .honors import ages, newest_first
from .plan import Asset, Plan

BOARD_SIZE = named_size("A1")
"""The size of a community notice board's honour roll."""
BOARD_PER_PAGE = 6
"""Entries on one board page at most: two columns of three, each with room for a photo and a citation."""
BOARD_GRIDS = {1: (1, 1), 2: (1, 2), 3: (1, 3), 4: (2, 2), 5: (2, 3), 6: (2, 3)}
"""Columns and rows of cards by the entries on a board's fullest page: the cards fill the page."""
POSTER_SIZE = named_size("A3")
"""The monthly poster: the size of a notice board's window."""
WHOLE_MONTH = ("month", "months")
"""Precisions of activities that run all month: told once, above the dated lines."""


@dataclass(frozen=True)
class Line:
    """One occurrence on a month poster, its date told the way the poster tells it."""

    occurrence: Occurrence
    date: str
    """``8月8日``, a range ``7月20日至8月31日``, or what is known: ``8月下旬``, ``1月至12月``."""
    weekday: str
    """``星期六`` for a single day; empty for a range or an open date."""
    time: str
    """``19:00–21:00``; empty for an activity without a time."""
    place: LText | None
    """The hall's name or the free-text venue."""


@dataclass(frozen=True)
class MonthPoster:
    """What one month's poster shows."""

    year: int
    month: int
    whole: tuple[Line, ...]
    """Activities that run all month (or over months): told once, in a box at the top."""
    lines: tuple[Line, ...]
    """Everything else, in date order."""


def contribute(site: Build, plan: Plan) -> None:
    """Register every board's pages and every month's poster with the press."""
    default = site.default_language
    for board in site.boards.values():
        entries = newest_first(site.honors.get(board.id, []))
        if entries:
            jobs = board_jobs(site, board, entries)
            path = f"honors/{board.id}/board.pdf"
            plan.assets.append(Asset(path, _pdf(site, jobs, board.title.get(default, default), path, "board")))
    for year in site.calendar.years:
        for month in range(1, 13):
            job = poster_job(site, year, month)
            plan.assets.append(Asset(poster_path(year, month), _pdf(site, [job])))


# -- honour boards -----------------------------------------------------------------------
def board_jobs(site: Build, board: Board, entries: Sequence[Entry]) -> list[PrintJob]:
    """One print job per page of ``board``, at most :data:`BOARD_PER_PAGE` of ``entries`` each."""
    pages = board_pages(entries)
    columns, rows = BOARD_GRIDS[len(pages[0])]
    shown_ages = ages(board, entries, site.options.build_date())
    jobs = []
    for number, chunk in enumerate(pages, start=1):
        label = f"honour board '{board.id}'" + (f", page {number} of {len(pages)}" if len(pages) > 1 else "")
        jobs.append(
            site.press.add(
                PrintJob(
                    key=f"honors/{board.id}/board.pdf#page={number}",
                    label=label,
                    size=BOARD_SIZE,
                    template="print/board.html",
                    lang=site.default_language,
                    context={
                        "board": board,
                        "entries": chunk,
                        "ages": {e.id: shown_ages[e.id] for e in chunk if e.id in shown_ages},
                        "age_year": site.options.build_date().year,
                        "page": number,
                        "pages": len(pages),
                        # Every page of a board is set alike, so that they hang side by side.
                        "columns": columns,
                        "rows": rows,
                        "languages": site.options.languages,
                        "community": site.community,
                    },
                    page=f"honors/{board.id}/",
                    source=board.source,
                )
            )
        )
    return jobs


def board_pages(entries: Sequence[Entry]) -> list[tuple[Entry, ...]]:
    """``entries`` shared out over as few pages as hold them, as evenly as can be (7: 4 and 3,
    not 6 and 1), so that no page is left nearly empty."""
    count = -(-len(entries) // BOARD_PER_PAGE)
    sizes = [len(entries) // count + (1 if i < len(entries) % count else 0) for i in range(count)]
    starts = [sum(sizes[:i]) for i in range(count)]
    return [tuple(entries[start : start + size]) for start, size in zip(starts, sizes, strict=True)]


# -- the month's activities ----------------------------------------------------------
def poster_job(site: Build, year: int, month: int) -> PrintJob:
    """The print job of one month's poster, which runs on to more pages when it must."""
    return site.press.add(
        PrintJob(
            key=poster_path(year, month),
            label=f"activity poster of {year}-{month:02d}",
            size=POSTER_SIZE,
            template="print/poster.html",
            lang=site.default_language,
            # Made when the poster is printed: a check without print files skips every month.
            context=lambda: {
                "poster": month_poster(site, year, month, site.default_language),
                "month_names": {lang: month_name(year, month, lang) for lang in site.options.languages},
                "languages": site.options.languages,
                "community": site.community,
            },
            page=f"events/{year}/{month:02d}/",
            flow=True,
        )
    )


def poster_path(year: int, month: int) -> str:
    """The poster's address below the site root (part of the URL contract)."""
    return f"events/{year}/{month:02d}/poster.pdf"


def month_poster(site: Build, year: int, month: int, lang: str) -> MonthPoster:
    """The month's occurrences as the poster lists them, in ``lang``."""
    first = dt.date(year, month, 1)
    last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    lines = [line(site, occ, lang) for occ in site.calendar.between(first, last)]
    return MonthPoster(
        year,
        month,
        tuple(x for x in lines if x.occurrence.precision in WHOLE_MONTH),
        tuple(x for x in lines if x.occurrence.precision not in WHOLE_MONTH),
    )


def line(site: Build, occ: Occurrence, lang: str) -> Line:
    """One occurrence's line: an exact day with its weekday, a range, or the period it falls in."""
    event = occ.event
    hall = site.halls.get(event.hall) if event.hall else None
    place = hall.name if hall is not None else event.venue
    time = time_words(occ.start_time, occ.end_time)
    if occ.fuzzy:
        # Never a day: "8月下旬" is all that is known.
        return Line(occ, fuzzy_label(occ, lang, with_year=False), "", time, place)
    if occ.multi_day:
        return Line(occ, range_words(occ.first, occ.last, lang), "", time, place)
    weekday = Words(lang).weekday(occ.first.weekday(), short=False)
    return Line(occ, day_words(occ.first, lang, weekday=False, year=False), weekday, time, place)


def range_words(first: dt.date, last: dt.date, lang: str) -> str:
    """``7月20日至8月31日`` / ``20 July – 31 August``; with years when it crosses one."""
    years = first.year != last.year
    start, end = (day_words(day, lang, weekday=False, year=years) for day in (first, last))
    return f"{start}至{end}" if lang.split("-")[0] == "zh" else f"{start} – {end}"


def _pdf(
    site: Build, jobs: list[PrintJob], title: str | None = None, path: str | None = None, product: str = ""
) -> Callable[[], bytes]:
    # A closure per file: MkDocs asks for each file's bytes once, when it writes it.
    return lambda: site.press.pdf(jobs, title, path, product)
