"""Opening hours in OpenStreetMap's ``opening_hours`` syntax, told in words.

Only the everyday subset is understood — weekday ranges and lists, time ranges,
``off``, ``PH`` (public holidays) and ``24/7`` — which covers what community halls
post on their doors. Anything richer is kept as written and shown verbatim, with a
warning so the editor knows it will not be put into words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_DAY_NAMES = {
    "zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_TIME = r"(?:[01]\d|2[0-4]):[0-5]\d"
_SPAN = re.compile(rf"^({_TIME})-({_TIME})$")
_DAYSEL = re.compile(
    r"^(?:PH|(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?)"
    r"(?:,(?:PH|(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?))*$"
)


@dataclass(frozen=True)
class Rule:
    """One ``days times`` rule."""

    days: tuple[int, ...]
    """Weekday numbers, Monday = 0; empty means every day."""
    public_holidays: bool
    """The rule is about public holidays (``PH``)."""
    spans: tuple[tuple[str, str], ...]
    """Opening time spans; empty means closed."""


@dataclass(frozen=True)
class OpeningHours:
    """Parsed opening hours; ``rules`` is None when the text was not understood."""

    text: str
    rules: tuple[Rule, ...] | None

    def describe(self, lang: str) -> str:
        """The hours in words, or the text as written when not understood."""
        if self.rules is None:
            return self.text
        zh = lang == "zh"
        parts = []
        for rule in self.rules:
            days = _days_words(rule, zh)
            if rule.spans:
                times = ("、" if zh else " and ").join(f"{a}–{b}" for a, b in rule.spans)
                if rule.spans == (("00:00", "24:00"),):
                    times = "全天开放" if zh else "open all day"
                parts.append(f"{days} {times}")
            else:
                parts.append(f"{days}闭馆" if zh else f"{days}: closed")
        return ("；" if zh else "; ").join(parts)


def _days_words(rule: Rule, zh: bool) -> str:
    if rule.public_holidays and not rule.days:
        return "法定节假日" if zh else "Public holidays"
    if not rule.days or rule.days == tuple(range(7)):
        return "每天" if zh else "Daily"
    names = _DAY_NAMES["zh" if zh else "en"]
    groups: list[list[int]] = []
    for d in rule.days:
        if groups and groups[-1][-1] == d - 1:
            groups[-1].append(d)
        else:
            groups.append([d])
    words = []
    for g in groups:
        if len(g) >= 3:
            words.append(f"{names[g[0]]}至{names[g[-1]]}" if zh else f"{names[g[0]]} to {names[g[-1]]}")
        else:
            words.extend(names[d] for d in g)
    text = ("、" if zh else ", ").join(words)
    if rule.public_holidays:
        text += "及法定节假日" if zh else " and public holidays"
    return text


def parse_opening_hours(text: str) -> OpeningHours:
    """Parse the everyday subset; unknown syntax yields ``rules=None``."""
    text = text.strip()
    if text == "24/7":
        return OpeningHours(text, (Rule((), False, (("00:00", "24:00"),)),))
    rules = []
    for chunk in (c.strip() for c in text.split(";")):
        if not chunk:
            continue
        rule = _parse_rule(chunk)
        if rule is None:
            return OpeningHours(text, None)
        rules.append(rule)
    return OpeningHours(text, tuple(rules) if rules else None)


def _parse_rule(chunk: str) -> Rule | None:
    parts = chunk.split()
    days: list[int] = []
    holidays = False
    if parts and _DAYSEL.match(parts[0]):
        for sel in parts.pop(0).split(","):
            if sel == "PH":
                holidays = True
                continue
            first, _, last = sel.partition("-")
            a, b = DAYS.index(first), DAYS.index(last or first)
            days.extend(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
    if len(parts) != 1:
        return None
    if parts[0] in ("off", "closed"):
        return Rule(tuple(sorted(set(days))), holidays, ())
    spans = []
    for span in parts[0].split(","):
        m = _SPAN.match(span)
        if not m or m.group(1) >= m.group(2):
            return None
        spans.append((m.group(1), m.group(2)))
    return Rule(tuple(sorted(set(days))), holidays, tuple(spans))
