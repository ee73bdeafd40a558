"""The year's work-plan targets: ``data/plan/<year>.yml``, a list under ``targets:``.

"Centralized learning no less than 8 times a year (at least 2 per quarter)", "a
monthly class", "a performance every week in August", "500 books added": each target
counts one thing — the held occurrences of a category or of one event, a figure
summed from the records, or a figure entered by hand — against a minimum per period.
The counting itself is done by :mod:`..reports`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping as AbcMapping
from dataclasses import dataclass
from pathlib import Path

from ..core.fields import Context, Fields, suggest
from ..core.loader import Mapping, load_yaml
from ..core.problems import Position
from ..core.text import LText
from ..core.values import suggest_hall
from .taxonomy import Taxonomies

PERIODS = ("year", "half", "quarter", "month", "week")
"""The periods a minimum may be set for, longest first."""
METRICS = ("attendance", "signed_in")
"""Figures summed from the records: ``records[].attendance`` and ``records[].signed_in``."""
BASES = ("category", "event", "metric", "manual")


@dataclass(frozen=True)
class Manual:
    """A figure entered by hand (books added, visitors counted at the door)."""

    value: float
    """数字。The figure."""
    as_of: dt.date
    """The day the figure was taken."""


@dataclass(frozen=True)
class Target:
    """One target of the year's plan."""

    id: str
    """目标编号。The target's id."""
    title: LText
    """目标，如工作计划所写。The target, as the work plan words it."""
    source: Position
    minimum: tuple[tuple[str, int], ...]
    """(period, minimum) pairs in :data:`PERIODS` order."""
    category: str | None = None
    """统计此类活动的场次。Count held activities of this category."""
    event: str | None = None
    """统计这项活动的场次。Count the occurrences of this event."""
    event_pos: Position | None = None
    metric: str | None = None
    """统计人数或记录（attendance、signed_in、records）。Count a figure from the records."""
    manual: Manual | None = None
    """人工填写的数字（value 和 as_of）。A figure counted by hand."""
    within: tuple[dt.date, dt.date] | None = None
    """Only what lies within these days (inclusive) counts."""
    hall: str | None = None
    """Only what is held in this hall counts."""
    hall_pos: Position | None = None

    @property
    def basis(self) -> str:
        """What the target counts: ``category``, ``event``, ``metric`` or ``manual``."""
        if self.category is not None:
            return "category"
        if self.event is not None:
            return "event"
        return "metric" if self.metric is not None else "manual"


@dataclass(frozen=True)
class YearPlan:
    """The targets of one year."""

    year: int
    targets: tuple[Target, ...]
    source: Position


def load_plans(data_dir: Path, root: Path, ctx: Context, tax: Taxonomies) -> dict[int, YearPlan]:
    """Read every ``data/plan/<year>.yml``, by year."""
    plans: dict[int, YearPlan] = {}
    folder = data_dir / "plan"
    if not folder.is_dir():
        return plans
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yml", ".yaml") or path.name.startswith("."):
            continue
        display = path.relative_to(root).as_posix()
        if not re.fullmatch(r"\d{4}", path.stem) or not 1900 <= int(path.stem) <= 2200:
            ctx.reporter.error(
                Position(display),
                "",
                f"name the file after its year, e.g. data/plan/2026.yml, found '{path.name}'",
                "工作计划文件请以年份命名，例如 data/plan/2026.yml",
            )
            continue
        year = int(path.stem)
        f = Fields.open(load_yaml(path, display, ctx.reporter), ctx, "", "a file with a 'targets:' list")
        if f is None:
            continue
        targets: list[Target] = []
        for target in f.each("targets", "a target", functools.partial(read_target, year=year, tax=tax), required=True):
            first = next((t for t in targets if t.id == target.id), None)
            if first is not None:
                ctx.reporter.error(
                    target.source,
                    f"targets[{target.id}].id",
                    f"the id '{target.id}' is already used by the target at line {first.source.line}",
                    "目标编号重复，每个目标的编号必须唯一",
                )
                continue
            targets.append(target)
        f.finish()
        plans[year] = YearPlan(year, tuple(targets), f.node.pos)
    return plans


def read_target(f: Fields, year: int, tax: Taxonomies) -> Target | None:
    """Read one entry of a ``targets:`` list of the plan for ``year``."""
    target_id = f.slug("id", required=True)
    title = f.text("title", required=True)
    given = [key for key in BASES if key in f.node.entries]
    if len(given) != 1:
        found = ", ".join(given) if given else "none of them"
        where = f.node.entries[given[1]][0] if len(given) > 1 else f.node
        f.error(
            where,
            given[1] if len(given) > 1 else "category",
            f"a target counts exactly one of category:, event:, metric: or manual:, found {found}",
            "每个目标只能选一种统计方式：category、event、metric 或 manual",
        )
    category = f.choice("category", tax.categories, "category")
    event_node = f.scalar("event")
    event = f.slug("event")
    metric = f.choice("metric", METRICS, "metric")
    manual = _read_manual(f.sub("manual", "a figure: {value: 520, as_of: 2026-11-30}"), year)
    within = _read_within(f.sub("within", "days: {start: 2026-08-01, end: 2026-08-31}"), year)
    hall_node = f.scalar("hall")
    minimum = _read_minimum(f, year)
    target = Target(
        id=target_id or "",
        title=title or LText(()),
        source=f.node.pos,
        minimum=minimum,
        category=category,
        event=event,
        event_pos=event_node.pos if event_node else None,
        metric=metric,
        manual=manual,
        within=within,
        hall=hall_node.value.strip() if hall_node else None,
        hall_pos=hall_node.pos if hall_node else None,
    )
    ok = target_id and title and minimum and len(given) == 1 and (category or event or metric or manual)
    return target if ok else None


def _read_minimum(f: Fields, year: int) -> tuple[tuple[str, int], ...]:
    node = f.raw("min", required=True)
    if node is None:
        return ()
    if not isinstance(node, Mapping):
        f.error(
            node, "min", "expected minimums by period, e.g. min: {year: 8, quarter: 2}", "请写成 {year: 8, quarter: 2}"
        )
        return ()
    sub = Fields(node, f.ctx, f.name("min"))
    found = {period: sub.integer(period, minimum=1, maximum=10_000_000) for period in PERIODS}
    for key, (key_node, _) in node.entries.items():
        if key not in PERIODS:
            sub.error(
                key_node,
                key,
                f"unknown period '{key}'{suggest(key, PERIODS)} (periods: {', '.join(PERIODS)})",
                "周期只能是 year（年）、half（半年）、quarter（季度）、month（月）或 week（周）",
            )
            sub._seen.add(key)
    sub.finish()
    out = tuple((period, value) for period, value in found.items() if value is not None)
    if not node.entries:
        f.error(node, "min", "give at least one minimum, e.g. min: {year: 8}", "请至少写一个指标，例如 {year: 8}")
    return out


def _read_manual(f: Fields | None, year: int) -> Manual | None:
    if f is None:
        return None
    value = f.number("value", required=True, minimum=0)
    as_of = f.date("as_of", required=True)
    f.finish()
    if as_of is not None and as_of.year != year:
        f.error(f.node.entries["as_of"][1], "as_of", f"the figure is of {as_of}, not of {year}", "日期不在本年度内")
        return None
    return Manual(value, as_of) if value is not None and as_of is not None else None


def _read_within(f: Fields | None, year: int) -> tuple[dt.date, dt.date] | None:
    if f is None:
        return None
    start, end = f.date("start", required=True), f.date("end", required=True)
    f.finish()
    if start is None or end is None:
        return None
    if end < start:
        f.error(f.node.entries["end"][1], "end", f"the end {end} is before the start {start}", "结束日期早于开始日期")
        return None
    if start.year != year or end.year != year:
        f.error(f.node, "start", f"the days must lie in {year}, the plan's year", "日期应在本年度之内")
        return None
    return start, end


def check_plan_refs(
    plans: AbcMapping[int, YearPlan], events: AbcMapping[str, object], halls: AbcMapping[str, object], ctx: Context
) -> None:
    """Second pass: every ``event:`` and ``hall:`` of a target names one that exists."""
    for plan in plans.values():
        for target in plan.targets:
            if target.event is not None and target.event not in events:
                ctx.reporter.error(
                    target.event_pos or target.source,
                    f"targets[{target.id}].event",
                    f"unknown event '{target.event}'{suggest(target.event, events)}",
                    "找不到这个活动编号",
                )
            if target.hall is not None and target.hall not in halls:
                ctx.reporter.error(
                    target.hall_pos or target.source,
                    f"targets[{target.id}].hall",
                    f"unknown hall '{target.hall}'{suggest_hall(target.hall, halls)} (halls: {', '.join(halls) or 'none'})",
                    "找不到这个场馆编号",
                )
