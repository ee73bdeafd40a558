"""Records of held activities (活动回顾): an event's ``records:``, and its ``teams:``.

One record per held occurrence: how many came, how many signed in, who taught, a short
account and photos. These are the figures the half-year and year-end reports count, so
a record must belong to a real, past occurrence of its event: a record dated in the
future, on a day the event does not fall on, or of an event that was called off, is an
error at its line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping as AbcMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core.fields import Context, Fields, suggest
from ..core.problems import Position
from ..core.text import LText
from .hall import Photo, read_photo
from .privacy import scan_private

if TYPE_CHECKING:
    from .event import Event


@dataclass(frozen=True)
class Record:
    """What happened at one held occurrence."""

    source: Position
    date: dt.date | None = None
    """The day it was held; None for a one-day event (its day), resolved by :func:`record_day`."""
    date_pos: Position | None = None
    attendance: int | None = None
    """People present."""
    signed_in: int | None = None
    """Names on the sign-in sheet (classes)."""
    lecturer: LText | None = None
    """A public role name, or a name given with consent."""
    summary: LText | None = None
    """Markdown."""
    photos: tuple[Photo, ...] = ()
    """活动照片（src、说明、来源）。Photos of the activity."""


def read_records(f: Fields) -> tuple[Record, ...]:
    """The ``records:`` list of an event."""
    return tuple(f.each("records", "a record with date, attendance, summary", _read_record))


def read_team_ids(f: Fields) -> tuple[tuple[str, Position], ...]:
    """The ``teams:`` list of an event: team ids with where each is written (checked later)."""
    out: list[tuple[str, Position]] = []
    from ..core.fields import check_slug
    from ..core.loader import Scalar

    for i, item in f.items("teams", single_ok=True):
        if not isinstance(item, Scalar):
            f.error(item, f"teams[{i}]", "expected a team id", "这里应填写文艺队编号")
            continue
        team_id = check_slug(item, f.name(f"teams[{i}]"), f.ctx.reporter)
        if team_id is not None and team_id in (t for t, _ in out):
            f.error(item, f"teams[{i}]", f"'{team_id}' is listed twice", "重复了")
        elif team_id is not None:
            out.append((team_id, item.pos))
    return tuple(out)


def _read_record(f: Fields) -> Record | None:
    scan_private(f.node, f.prefix, f.ctx, "an activity record", "活动记录")
    date_node = f.scalar("date")
    return Record(
        source=f.node.pos,
        date=f.date("date"),
        date_pos=date_node.pos if date_node is not None else None,
        attendance=f.integer("attendance", minimum=0, maximum=1_000_000, unit="people"),
        signed_in=f.integer("signed_in", minimum=0, maximum=1_000_000, unit="people"),
        lecturer=f.text("lecturer"),
        summary=f.markdown("summary"),
        photos=tuple(f.each("photos", "a photo with src, caption and credit", read_photo)),
    )


def record_day(event: Event, record: Record) -> dt.date | None:
    """The day a record is of: its date, or the only day of a one-day event."""
    if record.date is not None:
        return record.date
    days = event.when.days
    return days[0][0] if len(days) == 1 and days[0][0] == days[0][1] else None


def check_records(events: AbcMapping[str, Event], as_of: dt.date, ctx: Context) -> None:
    """Second pass: each record is of a past occurrence of its event, once."""
    for event in events.values():
        seen: dict[dt.date, Position] = {}
        for i, record in enumerate(event.records):
            name = f"events[{event.id}].records[{i}]"
            pos = record.date_pos or record.source
            if event.status in ("cancelled", "postponed"):
                ctx.reporter.error(
                    record.source,
                    name,
                    f"the event is {event.status}, so nothing was held to record; "
                    "set its status (e.g. done) or remove the record",
                    "活动已取消或延期，不能有活动记录；请改正状态或删去记录",
                )
                continue
            day = record_day(event, record)
            if day is None:
                ctx.reporter.error(
                    record.source,
                    f"{name}.date",
                    "the event has more than one day: say which day was held, e.g. date: 2026-03-04",
                    "这个活动不止一天，请写明举办日期 date",
                )
                continue
            if day > as_of:
                ctx.reporter.error(
                    pos,
                    f"{name}.date",
                    f"{day} is in the future (the build date is {as_of}): record an activity once it is held",
                    "活动还没有举办，不能提前填写记录",
                )
                continue
            if not any(first <= day <= last for first, last in event.when.days) or day in event.when.excluded:
                ctx.reporter.error(
                    pos,
                    f"{name}.date",
                    f"{day} is not a date of this event ({_dates_hint(event)})",
                    "这一天不是该活动的举办日期，请核对",
                )
                continue
            if day in seen:
                ctx.reporter.error(
                    pos,
                    f"{name}.date",
                    f"{day} already has a record (line {seen[day].line}); one record per held date",
                    "同一天只写一条活动记录",
                )
                continue
            seen[day] = pos


def _dates_hint(event: Event) -> str:
    days = event.when.days
    if len(days) == 1:
        first, last = days[0]
        return f"its date is {first}" if first == last else f"it runs {first} to {last}"
    return f"its dates run {days[0][0]} to {days[-1][1]}, {len(days)} in all"


def check_event_teams(events: AbcMapping[str, Event], teams: AbcMapping[str, object], ctx: Context) -> None:
    """Second pass: every team an event names exists."""
    for event in events.values():
        for i, (team_id, pos) in enumerate(event.teams_at):
            if team_id not in teams:
                ctx.reporter.error(
                    pos,
                    f"events[{event.id}].teams[{i}]",
                    f"unknown team '{team_id}'{suggest(team_id, teams)} (teams: {', '.join(teams) or 'none'}); "
                    "each team is a file data/teams/<id>.yml",
                    "找不到这个文艺队编号；每个文艺队是 data/teams/ 下的一个文件",
                )
