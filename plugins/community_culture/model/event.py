"""Activities of the calendar: ``data/events/*.yml``, each a list under ``events:``.

The work plans date activities as "late April", "January–December", "at least once
a quarter", "the Lantern Festival": every ``when`` shape of the contract is read by
:mod:`.when` into a :class:`When` with its days already resolved, so pages, feeds and
JSON never compute dates.
"""

from __future__ import annotations

import re
from collections.abc import Mapping as AbcMapping
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from ..core.fields import Context, Fields
from ..core.loader import parse_file_text, read_text
from ..core.problems import Position
from ..core.recordcache import ImageLog, read_cached
from ..core.text import LText
from .record import Record, read_records, read_team_ids
from .taxonomy import Taxonomies
from .when import Precision, When, read_when

STATUSES = ("planned", "confirmed", "postponed", "cancelled", "done")
_URL = re.compile(r"^https?://[^\s<>\"']+$")


@dataclass(frozen=True)
class Event:
    """One activity of the calendar (possibly recurring)."""

    id: str
    """编号（小写字母、数字和连字符），即网址 /events/<id>/。The id, which is its address."""
    title: LText
    """活动名称。The activity's name."""
    category: str
    """类别（taxonomies.yml 的 categories）。The kind of activity."""
    when: When
    """什么时候：某天、几天、某月（上中下旬）、节日、农历日期或重复规则。When it takes place."""
    source: Position
    hall: str | None = None
    """A hall id, checked against ``data/halls/`` once every file is read."""
    hall_pos: Position | None = None
    venue: LText | None = None
    """地点（不在场馆列表中的地方）。A place that is not one of the halls."""
    organizer: LText | None = None
    """主办。Who organises it."""
    audience: LText | None = None
    """对象。Who it is for."""
    status: str = "planned"
    """状态：planned 计划、confirmed 确定、postponed 延期、cancelled 取消、done 已办。The status."""
    registration: str | None = None
    """报名网址（https://）。Where to sign up."""
    summary: LText | None = None
    """简介（一两句话）。A sentence or two about it."""
    body: LText | None = None
    """Markdown."""
    teams_at: tuple[tuple[str, Position], ...] = ()
    """The teams that perform, with where each is named (checked once every file is read)."""
    records: tuple[Record, ...] = ()
    """What happened at held occurrences (活动回顾)."""

    @property
    def teams(self) -> tuple[str, ...]:
        """The ids of the teams that perform."""
        return tuple(team_id for team_id, _ in self.teams_at)

    @property
    def recurring(self) -> bool:
        """True when the event has more than one occurrence."""
        return len(self.when.days) > 1


def load_events(data_dir: Path, root: Path, ctx: Context, tax: Taxonomies) -> dict[str, Event]:
    """Read every ``data/events/*.yml``; ids must be unique across all files."""
    events: dict[str, Event] = {}
    folder = data_dir / "events"
    if not folder.is_dir():
        return events
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".yml", ".yaml") or path.name.startswith("."):
            continue
        display = path.relative_to(root).as_posix()
        text = read_text(path, display, ctx.reporter)
        if text is None:
            continue
        for event in read_cached(
            ctx.records,
            ctx.reporter.problems,
            ctx.content_dir,
            text,
            display,
            "events",
            f"{ctx.languages!r} images checked: {ctx.content_dir is not None} {tax!r}",
            partial(_read_file, text, display, ctx, tax),
        ):
            if event.id in events:
                first = events[event.id].source
                ctx.reporter.error(
                    event.source,
                    f"events[{event.id}].id",
                    f"the id '{event.id}' is already used by the event at {first.path}:{first.line}",
                    "活动编号重复，每个活动的编号必须唯一",
                )
            else:
                events[event.id] = event
    return dict(sorted(events.items()))


def _read_file(text: str, display: str, ctx: Context, tax: Taxonomies, images: ImageLog) -> list[Event]:
    """The valid events of one file (problems reported), its images noted in ``images``."""
    ctx = replace(ctx, images=images)
    f = Fields.open(parse_file_text(text, display, ctx.reporter), ctx, "", "a file with an 'events:' list")
    if f is None:
        return []
    found = f.each("events", "an event", lambda item: read_event(item, tax), required=True)
    f.finish()
    return found


def check_event_halls(events: dict[str, Event], halls: AbcMapping[str, object], ctx: Context) -> None:
    """Second pass: every ``hall:`` names a hall that exists."""
    from ..core.values import suggest_hall

    for event in events.values():
        if event.hall is not None and event.hall not in halls:
            tip = suggest_hall(event.hall, halls)
            named = re.search(r"write its id, hall: ([a-z0-9-]+)", tip)
            ctx.reporter.error(
                event.hall_pos or event.source,
                f"events[{event.id}].hall",
                f"unknown hall '{event.hall}'{tip} "
                f"(halls: {', '.join(halls) or 'none'}); or write the place as venue: text",
                f"场馆请写编号 {named.group(1)}，不写中文名称"
                if named
                else "找不到这个场馆编号；不在场馆列表中的地点请写在 venue 里",
            )


def read_event(f: Fields, tax: Taxonomies) -> Event | None:
    """Read one entry of an ``events:`` list."""
    event_id = f.slug("id", required=True)
    if event_id is not None and (event_id == "category" or re.fullmatch(r"\d{4}", event_id)):
        # /events/<yyyy>/ and /events/category/ are taken by the calendar's own pages.
        f.error(
            f.node.entries["id"][1],
            "id",
            f"the id '{event_id}' is reserved for the calendar's own pages; add words, e.g. '2026-gala'",
            "这个编号与日历页面地址冲突，请加上文字，例如 2026-gala",
        )
        event_id = None
    title = f.text("title", required=True)
    category = f.choice("category", tax.categories, "category", required=True)
    when = read_when(f)
    hall_node = f.scalar("hall")
    hall = hall_node.value.strip() if hall_node is not None else None
    venue = f.text("venue")
    if hall is None and venue is None:
        f.ctx.reporter.warning(
            f.node.pos,
            f.name("hall"),
            "says neither hall: (a hall id) nor venue: (a place)",
            "请写明活动地点：场馆编号 hall 或地点 venue",
        )
    status = f.choice("status", STATUSES, "status") or "planned"
    registration = f.string("registration", pattern=_URL, expected="a web address starting with https://")
    event = Event(
        id=event_id or "",
        title=title or LText(()),
        category=category or "",
        when=when,  # type: ignore[arg-type]
        source=f.node.pos,
        hall=hall,
        hall_pos=hall_node.pos if hall_node else None,
        venue=venue,
        organizer=f.text("organizer"),
        audience=f.text("audience"),
        status=status,
        registration=registration,
        summary=f.text("summary"),
        body=f.markdown("body"),
        teams_at=read_team_ids(f),
        records=read_records(f),
    )
    ok = event_id and title and category and when is not None
    return event if ok else None


__all__ = ["STATUSES", "Event", "Precision", "When", "check_event_halls", "load_events", "read_event"]
