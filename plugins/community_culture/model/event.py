"""Activities of the calendar: ``data/events/*.yml``, each a list under ``events:``.

The work plans date activities as "late April", "January–December", "at least once
a quarter", "the Lantern Festival": every ``when`` shape of the contract is read here
into a :class:`When` with its days already resolved (lunar dates and festivals
through :mod:`..calendar.dates`), so pages, feeds and JSON never compute dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from collections.abc import Mapping as AbcMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..calendar import dates
from ..core.fields import Context, Fields, describe
from ..core.loader import Mapping, Scalar, load_yaml
from ..core.problems import Position
from ..core.text import LText
from .taxonomy import Taxonomies

Precision = Literal["day", "part-of-month", "month", "months"]
STATUSES = ("planned", "confirmed", "postponed", "cancelled", "done")
SHAPES = (
    '{date: 2026-05-01, time: "14:00-17:00"}  one day (all day without time)',
    "{start: 2026-07-20, end: 2026-08-31}  a span of days",
    "{month: 2026-04, part: late}  early / mid / late part of a month, or the whole month",
    "{from: 2026-01, to: 2026-12}  across months",
    '{festival: double-ninth, year: 2026, time: "09:00"}  a named festival',
    '{lunar: "9-9", year: 2026}  a Chinese-calendar date',
    '{rrule: "FREQ=MONTHLY;BYDAY=2SA", start: 2026-01-01, until: 2026-12-31, time: "19:00-21:00"}  repeating',
)
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)(?:\s*[-–~]\s*([01]?\d|2[0-4]):([0-5]\d))?$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_LUNAR = re.compile(r"^(闰|leap-?)?(\d{1,2})-(\d{1,2})$")
_URL = re.compile(r"^https?://[^\s<>\"']+$")


@dataclass(frozen=True)
class When:
    """When an event happens, as written and as resolved to days."""

    shape: Literal["date", "span", "month", "months", "festival", "lunar", "rrule"]
    days: tuple[tuple[dt.date, dt.date], ...]
    """Each occurrence's first and last day (inclusive), in order."""
    precision: Precision
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    part: str | None = None
    """``early``, ``mid`` or ``late`` for part-of-month events."""
    festival: str | None = None
    lunar: tuple[int, int, bool] | None = None
    """Lunar (month, day, leap) for lunar dates and lunar festivals."""
    rrule: str | None = None
    excluded: tuple[dt.date, ...] = ()
    """Dates cancelled with ``except:``."""
    notes: LText | None = None


@dataclass(frozen=True)
class Event:
    """One activity of the calendar (possibly recurring)."""

    id: str
    title: LText
    category: str
    when: When
    source: Position
    hall: str | None = None
    """A hall id, checked against ``data/halls/`` once every file is read."""
    hall_pos: Position | None = None
    venue: LText | None = None
    organizer: LText | None = None
    audience: LText | None = None
    status: str = "planned"
    registration: str | None = None
    summary: LText | None = None
    body: LText | None = None
    """Markdown."""

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
        f = Fields.open(load_yaml(path, display, ctx.reporter), ctx, "", "a file with an 'events:' list")
        if f is None:
            continue
        for event in f.each("events", "an event", lambda item: read_event(item, tax), required=True):
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
        f.finish()
    return dict(sorted(events.items()))


def check_event_halls(events: dict[str, Event], halls: AbcMapping[str, object], ctx: Context) -> None:
    """Second pass: every ``hall:`` names a hall that exists."""
    from ..core.fields import suggest

    for event in events.values():
        if event.hall is not None and event.hall not in halls:
            ctx.reporter.error(
                event.hall_pos or event.source,
                f"events[{event.id}].hall",
                f"unknown hall '{event.hall}'{suggest(event.hall, halls)} "
                f"(halls: {', '.join(halls) or 'none'}); or write the place as venue: text",
                "找不到这个场馆编号；不在场馆列表中的地点请写在 venue 里",
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
    )
    ok = event_id and title and category and when is not None
    return event if ok else None


def read_when(parent: Fields) -> When | None:
    """Read ``when:`` in whichever of its shapes it is written."""
    node = parent.raw("when", required=True)
    if node is None:
        return None
    if not isinstance(node, Mapping):
        parent.error(
            node,
            "when",
            f"expected one of these shapes, found {describe(node)}:\n      " + "\n      ".join(SHAPES),
            "活动时间的写法请参照以上几种格式",
        )
        return None
    f = Fields(node, parent.ctx, parent.name("when"))
    keys = set(node.entries)
    shape = _shape_of(keys)
    if shape is None:
        parent.error(
            node,
            "when",
            "could not tell which shape this is (keys: "
            + ", ".join(sorted(keys))
            + "); use exactly one of:\n      "
            + "\n      ".join(SHAPES),
            "活动时间的写法请参照以上几种格式",
        )
        return None
    excluded = tuple(
        d
        for _, item in f.items("except", single_ok=True)
        if isinstance(item, Scalar) and (d := _date(f, item, "except")) is not None
    )
    try:
        when = _READERS[shape](f, excluded)
    except dates.DateError as exc:
        parent.error(node, "when", str(exc), "日期无法推算，请核对")
        when = None
    notes = f.text("notes")
    f.finish()
    if when is None:
        return None
    if when.shape != "rrule":
        span = (when.days[0][0], when.days[-1][1])
        for d in excluded:
            if not span[0] <= d <= span[1]:
                f.ctx.reporter.warning(
                    node.pos,
                    f.name("except"),
                    f"{d} is outside the event's dates",
                    "取消的日期不在活动时间范围内，请核对",
                )
    return When(**{**when.__dict__, "excluded": excluded, "notes": notes})


def _shape_of(keys: set[str]) -> str | None:
    for shape, marker in (
        ("rrule", "rrule"),
        ("festival", "festival"),
        ("lunar", "lunar"),
        ("date", "date"),
        ("month", "month"),
        ("months", "from"),
        ("span", "start"),
    ):
        if marker in keys:
            others = {"rrule", "festival", "lunar", "date", "month", "from"} - {marker}
            return None if keys & others else shape
    return None


def _date(f: Fields, node: Scalar, key: str) -> dt.date | None:
    from ..core.fields import parse_date

    return parse_date(node, f.name(key), f.ctx.reporter)


def _times(f: Fields) -> tuple[dt.time | None, dt.time | None]:
    node = f.scalar("time")
    if node is None:
        return None, None
    m = _TIME.match(node.value.strip())
    if not m:
        f.error(
            node,
            "time",
            f'expected a time like "19:00" or "19:00-21:00", found \'{node.value}\'',
            '时间请写成 "19:00-21:00"（加引号）',
        )
        return None, None
    start = dt.time(int(m.group(1)), int(m.group(2)))
    if m.group(3) is None:
        return start, None
    end = dt.time(23, 59) if m.group(3) == "24" else dt.time(int(m.group(3)), int(m.group(4)))
    if end <= start:
        f.error(node, "time", f"the end {m.group(3)}:{m.group(4)} is not after the start", "结束时间应晚于开始时间")
        return start, None
    return start, end


def _year(f: Fields) -> int | None:
    return f.integer("year", required=True, minimum=dates.SUPPORTED_YEARS.start, maximum=dates.SUPPORTED_YEARS.stop - 1)


def _month(f: Fields, key: str) -> tuple[int, int] | None:
    node = f.scalar(key, required=True)
    if node is None:
        return None
    m = _MONTH.match(node.value.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        f.error(node, key, f"expected a month written YYYY-MM, found '{node.value}'", "月份请写成 2026-04 这样的格式")
        return None
    return int(m.group(1)), int(m.group(2))


def _on_date(f: Fields, excluded: tuple[dt.date, ...]) -> When | None:
    day = f.date("date", required=True)
    start, end = _times(f)
    return When("date", ((day, day),), "day", start, end) if day else None


MAX_SPAN_DAYS = 731
"""The longest span one event may cover: two years (each month of it gets a page and a poster)."""
MAX_RULE_YEARS = 10


def _on_span(f: Fields, excluded: tuple[dt.date, ...]) -> When | None:
    first, last = f.date("start", required=True), f.date("end", required=True)
    if first is None or last is None:
        return None
    if last < first:
        f.error(f.node.entries["end"][1], "end", f"the end {last} is before the start {first}", "结束日期早于开始日期")
        return None
    if (last - first).days >= MAX_SPAN_DAYS:
        f.error(
            f.node.entries["end"][1],
            "end",
            f"a span of {(last - first).days + 1} days; one event may run at most {MAX_SPAN_DAYS} days "
            "(a longer one is several events, or a repeat rule)",
            "活动时间跨度太长，请拆分成几个活动或改用重复规则",
        )
        return None
    return When("span", ((first, last),), "day")


def _in_month(f: Fields, excluded: tuple[dt.date, ...]) -> When | None:
    month = _month(f, "month")
    part = f.choice("part", ("early", "mid", "late"), "part of the month (early 上旬, mid 中旬, late 下旬)")
    if month is None:
        return None
    span = dates.month_part(month[0], month[1], part)
    return When("month", (span,), "part-of-month" if part else "month", part=part)


def _across_months(f: Fields, excluded: tuple[dt.date, ...]) -> When | None:
    first, last = _month(f, "from"), _month(f, "to")
    if first is None or last is None:
        return None
    if last < first:
        f.error(f.node.entries["to"][1], "to", "the last month is before the first", "结束月份早于开始月份")
        return None
    months = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
    if months > MAX_SPAN_DAYS // 30:
        f.error(
            f.node.entries["to"][1],
            "to",
            f"{months} months; one event may run at most {MAX_SPAN_DAYS // 30} months",
            "活动时间跨度太长，请拆分成几个活动",
        )
        return None
    return When("months", ((dates.month_part(*first, None)[0], dates.month_part(*last, None)[1]),), "months")


def _on_festival(f: Fields, excluded: tuple[dt.date, ...]) -> When | None:
    name = f.choice("festival", dates.FESTIVALS, "festival", required=True)
    year = _year(f)
    start, end = _times(f)
    if name is None or year is None:
        return None
    day = dates.festival_date(name, year)
    lunar = dates.solar_to_lunar(day) if dates.festival_is_lunar(name) else None
    return When("festival", ((day, day),), "day", start, end, festival=name, lunar=lunar)


def _on_lunar(f: Fields, excluded: tuple[dt.date, ...]) -> When | None:
    node = f.scalar("lunar", required=True)
    year = _year(f)
    start, end = _times(f)
    if node is None or year is None:
        return None
    m = _LUNAR.match(node.value.strip())
    if not m:
        f.error(
            node,
            "lunar",
            f"expected a lunar month and day like \"9-9\" (quoted), found '{node.value}'",
            '农历日期请写成 "9-9"（九月初九），要加引号',
        )
        return None
    month, day, leap = int(m.group(2)), int(m.group(3)), bool(m.group(1))
    solar = dates.lunar_to_solar(month, day, year, leap)
    return When("lunar", ((solar, solar),), "day", start, end, lunar=(month, day, leap))


def _repeating(f: Fields, excluded: tuple[dt.date, ...]) -> When | None:
    rule = f.string("rrule", required=True)
    first, last = f.date("start", required=True), f.date("until")
    start, end = _times(f)
    if rule is None or first is None:
        return None
    if last is not None and (last - first).days > MAX_RULE_YEARS * 366:
        f.error(
            f.node.entries["until"][1],
            "until",
            f"a repeat rule may run at most {MAX_RULE_YEARS} years; set an earlier 'until'",
            f"重复活动最多设置 {MAX_RULE_YEARS} 年，请把结束日期提前",
        )
        return None
    days = dates.expand_rrule(rule, first, last, excluded)
    if not days:
        f.error(f.node, "rrule", "the rule yields no date between start and until", "按这个规则找不到任何日期")
        return None
    return When("rrule", tuple((d, d) for d in days), "day", start, end, rrule=rule.removeprefix("RRULE:").strip())


_READERS: dict[str, Callable[[Fields, tuple[dt.date, ...]], When | None]] = {
    "date": _on_date,
    "span": _on_span,
    "month": _in_month,
    "months": _across_months,
    "festival": _on_festival,
    "lunar": _on_lunar,
    "rrule": _repeating,
}
