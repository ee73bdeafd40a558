"""``when:`` of an event (or a team's practice): every shape of the contract, read to days.

Lunar dates and festivals are resolved through :mod:`..core.dates`, repeat rules
written in words (``{every: month, on: 2nd saturday}``) through :mod:`.repeat`, so
pages, feeds and JSON never compute dates.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..core import dates
from ..core.fields import Fields, describe
from ..core.loader import Mapping, Scalar
from ..core.text import LText
from . import repeat

Precision = Literal["day", "part-of-month", "month", "months"]
SHAPES = (
    '{date: 2026-05-01, time: "14:00-17:00"}  one day (all day without time)',
    "{start: 2026-07-20, end: 2026-08-31}  a span of days",
    "{month: 2026-04, part: late}  early / mid / late part of a month, or the whole month",
    "{from: 2026-01, to: 2026-12}  across months",
    '{festival: double-ninth, year: 2026, time: "09:00"}  a named festival',
    '{lunar: "9-9", year: 2026}  a Chinese-calendar date',
    '{rrule: "FREQ=MONTHLY;BYDAY=2SA", start: 2026-01-01, until: 2026-12-31, time: "19:00-21:00"}  repeating',
    '{every: month, on: 2nd saturday, start: 2026-01-01, until: 2026-12-31, time: "19:00-21:00"}  repeating '
    "(every: day, week, 2 weeks, month, quarter, year; 每周、每两周、每月…)",
)
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)(?:\s*(?:[-–—~至到]|——)\s*([01]?\d|2[0-4]):([0-5]\d))?$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_LUNAR = re.compile(r"^(闰|leap-?)?(\d{1,2})-(\d{1,2})$")


@dataclass(frozen=True)
class When:
    """When an event happens, as written and as resolved to days."""

    shape: Literal["date", "span", "month", "months", "festival", "lunar", "rrule", "every"]
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
    """The RFC 5545 rule of a repeating event (for ``every:``, the rule it means)."""
    excluded: tuple[dt.date, ...] = ()
    """Dates cancelled with ``except:``."""
    notes: LText | None = None


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
    if when.shape not in ("rrule", "every"):
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
        ("every", "every"),
        ("festival", "festival"),
        ("lunar", "lunar"),
        ("date", "date"),
        ("month", "month"),
        ("months", "from"),
        ("span", "start"),
    ):
        if marker in keys:
            others = {"rrule", "every", "festival", "lunar", "date", "month", "from"} - {marker}
            return None if keys & others else shape
    return None


def _date(f: Fields, node: Scalar, key: str) -> dt.date | None:
    from ..core.fields import parse_date

    return parse_date(node, f.name(key), f.ctx.reporter)


def _times(f: Fields) -> tuple[dt.time | None, dt.time | None]:
    node = f.scalar("time")
    if node is None:
        return None, None
    # Full-width digits, colons and dashes typed with a Chinese input method mean the same.
    m = _TIME.match(unicodedata.normalize("NFKC", node.value).strip())
    if not m:
        f.error(
            node,
            "time",
            f'expected a time on the 24-hour clock like "19:00" or "19:00-21:00", found \'{node.value}\'',
            '时间请按 24 小时制写成 "19:00" 或 "19:00-21:00"',
        )
        return None, None
    start = dt.time(int(m.group(1)), int(m.group(2)))
    if start < _EARLIEST:
        _night_warning(f, node, m)
    if m.group(3) is None:
        return start, None
    end = dt.time(23, 59) if m.group(3) == "24" else dt.time(int(m.group(3)), int(m.group(4)))
    if end <= start:
        f.error(node, "time", f"the end {m.group(3)}:{m.group(4)} is not after the start", "结束时间应晚于开始时间")
        return start, None
    return start, end


_EARLIEST = dt.time(6, 0)
"""Community activities do not start in the small hours: an earlier time is most likely
an afternoon written on the 12-hour clock ("2:30-4:30")."""


def _night_warning(f: Fields, node: Scalar, m: re.Match[str]) -> None:
    h, mins = int(m.group(1)), m.group(2)
    meant = f"{h + 12}:{mins}"
    if m.group(3) is not None and int(m.group(3)) < 12:
        meant += f"-{int(m.group(3)) + 12}:{m.group(4)}"
    f.ctx.reporter.warning(
        node.pos,
        f.name("time"),
        f"'{node.value.strip()}' starts at {h}:{mins} at night; times are on the 24-hour clock, "
        f'so an afternoon is written "{meant}"',
        f'凌晨 {h}:{mins}？时间按 24 小时制书写，下午请写成 "{meant}"',
    )


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


def _rule_span_ok(f: Fields, first: dt.date, last: dt.date | None) -> bool:
    if last is None or (last - first).days <= MAX_RULE_YEARS * 366:
        return True
    f.error(
        f.node.entries["until"][1],
        "until",
        f"a repeat rule may run at most {MAX_RULE_YEARS} years; set an earlier 'until'",
        f"重复活动最多设置 {MAX_RULE_YEARS} 年，请把结束日期提前",
    )
    return False


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
    if rule is None or first is None or not _rule_span_ok(f, first, last):
        return None
    days = dates.expand_rrule(rule, first, last, excluded)
    if not days:
        f.error(f.node, "rrule", "the rule yields no date between start and until", "按这个规则找不到任何日期")
        return None
    return When("rrule", tuple((d, d) for d in days), "day", start, end, rrule=rule.removeprefix("RRULE:").strip())


def _every(f: Fields, excluded: tuple[dt.date, ...]) -> When | None:
    every_node = f.scalar("every", required=True)
    on_nodes = [(i, n) for i, n in f.items("on", single_ok=True)]
    first, last = f.date("start", required=True), f.date("until")
    if f.node.get("until") is None:
        f.error(
            f.node,
            "until",
            "a repeating event needs until: (its last possible date), e.g. until: 2026-12-31",
            "重复活动请写结束日期 until，例如 until: 2026-12-31",
        )
    start, end = _times(f)
    if every_node is None:
        return None
    rule = None
    try:
        every, rest = repeat.parse_every(every_node.value)
    except repeat.RepeatError as exc:
        f.error(every_node, "every", str(exc), exc.hint)
        return None
    texts: list[tuple[Scalar, str]] = [(every_node, rest)] if rest else []
    for i, item in on_nodes:
        if not isinstance(item, Scalar):
            f.error(
                item, f"on[{i}]", f"expected a day, found {describe(item)}; write {repeat.ON_FORMS}", "这里写哪一天"
            )
            return None
        texts.append((item, item.value))
    if rest and on_nodes:
        f.error(
            on_nodes[0][1], "on", f"every: '{every_node.value}' already says the day", "every 里已写明哪一天，请删去 on"
        )
        return None
    on: list[repeat.On] = []
    for node, text in texts:
        try:
            on += [o for o in repeat.parse_on([text]) if o not in on]
        except repeat.RepeatError as exc:
            f.error(node, "on" if node is not every_node else "every", str(exc), exc.hint)
            return None
    if first is None or last is None:
        return None
    try:
        rule, dtstart = repeat.to_rrule(every, on, first)
    except repeat.RepeatError as exc:
        f.error(on_nodes[0][1] if on_nodes else every_node, exc.part, str(exc), exc.hint)
        return None
    if last < first:
        f.error(f.node.entries["until"][1], "until", f"until {last} is before start {first}", "结束日期早于开始日期")
        return None
    if not _rule_span_ok(f, first, last):
        return None
    days = dates.expand_rrule(rule, dtstart, last, excluded)
    if not days:
        f.error(
            f.node, "every", "the rule yields no date between start and until", "在开始和结束日期之间没有符合规则的日子"
        )
        return None
    return When("every", tuple((d, d) for d in days), "day", start, end, rrule=rule)


_READERS: dict[str, Callable[[Fields, tuple[dt.date, ...]], When | None]] = {
    "date": _on_date,
    "span": _on_span,
    "month": _in_month,
    "months": _across_months,
    "festival": _on_festival,
    "lunar": _on_lunar,
    "rrule": _repeating,
    "every": _every,
}
