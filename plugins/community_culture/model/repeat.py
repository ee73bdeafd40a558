"""Repeat rules in editors' words: ``{every: month, on: 2nd saturday}`` and ``每月第二个周六``.

The ``every``/``on`` shape of ``when`` is read here into an RFC 5545 rule that
:func:`..core.dates.expand_rrule` expands, so a repeating event written either way
is one thing to the calendar, the pages and the feeds. The contract's two promises are
kept explicitly rather than left to dateutil's defaults:

- the first occurrence is the first matching day on or after ``start`` — a fortnightly
  rule counts its weeks from there, not from the calendar week ``start`` falls in;
- ``quarter`` (and ``N months``) counts from ``start``'s month.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_EN_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_EN_WEEKDAYS = {
    **{
        name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
    },
    **{name: i for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
    **{name: i for i, name in enumerate(("mo", "tu", "we", "th", "fr", "sa", "su"))},
    "tues": 1,
    "thur": 3,
    "thurs": 3,
}
_ZH_WEEKDAY_CHARS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
_ZH_WEEKDAY = re.compile(r"^(?:周|星期|礼拜)([一二三四五六日天七])$")
_EN_ORDINALS = {
    "1st": 1,
    "first": 1,
    "2nd": 2,
    "second": 2,
    "3rd": 3,
    "third": 3,
    "4th": 4,
    "fourth": 4,
    "5th": 5,
    "fifth": 5,
    "last": -1,
    "second-last": -2,
    "second to last": -2,
    "second-to-last": -2,
}
_EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "other": 2}
_ZH_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SPLIT = re.compile(r"\s*(?:,|，|、|/|;|；|\band\b|和|及|与)\s*")

EVERY_FORMS = (
    "day, week, 2 weeks, month, quarter, year, N weeks, N months; "
    "每天、每周、每两周、每月、每季度、每年、每3周、每2个月 (or together with the day: 每月第二个周六)"
)
ON_FORMS = (
    "a weekday or a list of them (tuesday, [monday, thursday], 周二, 星期二); "
    "2nd tuesday / last sunday (第二个周二, 最后一个周日) with every: month, quarter or year; "
    "day 15 (15日)"
)


class RepeatError(ValueError):
    """A part of a repeat rule that could not be read; ``part`` is ``every`` or ``on``."""

    def __init__(self, part: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.part = part
        self.hint = hint


@dataclass(frozen=True)
class Every:
    """How often: an RFC 5545 frequency and interval."""

    freq: str
    """``DAILY``, ``WEEKLY``, ``MONTHLY`` or ``YEARLY``."""
    interval: int = 1


@dataclass(frozen=True)
class On:
    """One item of ``on:``: a weekday (with its place in the month) or a day of the month."""

    weekday: int | None = None
    """Monday = 0."""
    nth: int = 0
    """1–5 for "2nd tuesday", -1 for "last", 0 for every such weekday."""
    monthday: int | None = None
    """1–31, or -1 for the last day of the month."""


def _number(text: str) -> int | None:
    """Arabic or Chinese numerals up to 99 (``15``, ``十五``, ``二十一``, ``两``)."""
    if text.isdigit():
        return int(text)
    if text in _EN_NUMBERS:
        return _EN_NUMBERS[text]
    if not text or any(ch not in _ZH_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return _ZH_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return None
    return (_ZH_DIGITS[tens] if tens else 1) * 10 + (_ZH_DIGITS[ones] if ones else 0)


_ZH_UNITS = (
    (re.compile(r"^(?:每|每个)?(?:天|日)"), "DAILY", 1),
    (re.compile(r"^(?:隔周|双周|每隔一周)"), "WEEKLY", 2),
    (re.compile(r"^每(?:隔)?(?P<n>[0-9一二两三四五六七八九十]+)(?:个)?(?:周|星期|礼拜)"), "WEEKLY", 0),
    (re.compile(r"^(?:每个?)?(?:周|星期|礼拜)"), "WEEKLY", 1),
    (re.compile(r"^每半年"), "MONTHLY", 6),
    (re.compile(r"^(?:每个?)?季度?"), "MONTHLY", 3),
    (re.compile(r"^每(?P<n>[0-9一二两三四五六七八九十]+)个?月"), "MONTHLY", 0),
    (re.compile(r"^(?:每个?)?月"), "MONTHLY", 1),
    (re.compile(r"^每(?P<n>[0-9一二两三四五六七八九十]+)年"), "YEARLY", 0),
    (re.compile(r"^(?:每)?年"), "YEARLY", 1),
)
_EN_UNITS = {
    "day": ("DAILY", 1),
    "daily": ("DAILY", 1),
    "week": ("WEEKLY", 1),
    "weekly": ("WEEKLY", 1),
    "fortnight": ("WEEKLY", 2),
    "fortnightly": ("WEEKLY", 2),
    "biweekly": ("WEEKLY", 2),
    "other week": ("WEEKLY", 2),
    "month": ("MONTHLY", 1),
    "monthly": ("MONTHLY", 1),
    "quarter": ("MONTHLY", 3),
    "quarterly": ("MONTHLY", 3),
    "year": ("YEARLY", 1),
    "yearly": ("YEARLY", 1),
    "annually": ("YEARLY", 1),
}
_UNIT_FREQ = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}
_EN_N_UNITS = re.compile(r"^(\w+)\s*(day|week|month|year)s?$")


def parse_every(text: str) -> tuple[Every, str]:
    """Read ``every:``; returns how often and any day written after it (``每月第二个周六``).

    Raises:
        RepeatError: for anything that is not one of :data:`EVERY_FORMS`.
    """
    raw = text.strip()
    value = re.sub(r"\s+", " ", raw.lower()).removeprefix("every ").strip()
    if value in _EN_UNITS:
        return Every(*_EN_UNITS[value]), ""
    m = _EN_N_UNITS.match(value)
    if m and (n := _number(m.group(1))) is not None:
        return _checked(Every(_UNIT_FREQ[m.group(2)], n), raw), ""
    for pattern, freq, interval in _ZH_UNITS:
        zm = pattern.match(value)
        if zm is None:
            continue
        if not interval:
            n = _number(zm.group("n"))
            if n is None:
                break
            interval = n
        rest = value[zm.end() :].strip().lstrip("的")
        if freq == "WEEKLY" and rest[:1] in _ZH_WEEKDAY_CHARS and not rest.startswith("日期"):
            rest = "周" + rest  # 每周二 -> every week on 周二
        return _checked(Every(freq, interval), raw), rest
    raise RepeatError(
        "every",
        f"could not read every: '{raw}'; write one of: {EVERY_FORMS}",
        "“every”写多久一次，例如 每周、每两周、每月、每季度、每年",
    )


def _checked(every: Every, raw: str) -> Every:
    limit = {"DAILY": 366, "WEEKLY": 52, "MONTHLY": 24, "YEARLY": 10}[every.freq]
    if not 1 <= every.interval <= limit:
        raise RepeatError(
            "every", f"every: '{raw}' should repeat every 1 to {limit} of its units", "间隔的数字不合理，请核对"
        )
    return every


def _weekday(word: str) -> int | None:
    word = word.strip().lower()
    if word in _EN_WEEKDAYS:
        return _EN_WEEKDAYS[word]
    if word.endswith("s") and word[:-1] in _EN_WEEKDAYS and len(word) > 4:  # "tuesdays"
        return _EN_WEEKDAYS[word[:-1]]
    m = _ZH_WEEKDAY.match(word)
    return _ZH_WEEKDAY_CHARS[m.group(1)] if m else None


_EN_NTH = re.compile(
    r"^(?:the\s+)?(1st|2nd|3rd|4th|5th|first|second|third|fourth|fifth|last|second[- ]to[- ]last|second-last)\s+(\w+)$"
)
_ZH_NTH = re.compile(
    r"^(?:第([0-9一二三四五])个?|(最后一?|倒数第一)个?|倒数第二个?)((?:周|星期|礼拜)[一二三四五六日天])$"
)
_EN_DAY = re.compile(r"^(?:(?:on\s+)?(?:the\s+)?day\s+(\d{1,2})|(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?)$")
_ZH_DAY = re.compile(r"^([0-9]{1,2}|[一二三四五六七八九十]{1,3})(?:日|号)$")
_LAST_DAY = ("last day", "the last day", "最后一天", "月底", "月末")


def parse_on_item(text: str) -> On:
    """One weekday, ``2nd tuesday``, ``day 15`` or their Chinese forms.

    Raises:
        RepeatError: naming the item and the accepted forms.
    """
    word = re.sub(r"\s+", " ", text.strip().lower())
    if (wd := _weekday(word)) is not None:
        return On(weekday=wd)
    if m := _EN_NTH.match(word):
        nth = _EN_ORDINALS[m.group(1)]
        wd = _weekday(m.group(2))
        if wd is not None:
            return On(weekday=wd, nth=nth)
    if m := _ZH_NTH.match(word):
        zh_nth = _number(m.group(1)) if m.group(1) else (-1 if m.group(2) else -2)
        wd = _weekday(m.group(3))
        if zh_nth and wd is not None:
            return On(weekday=wd, nth=zh_nth)
    if word in _LAST_DAY:
        return On(monthday=-1)
    m2 = _EN_DAY.match(word) or _ZH_DAY.match(word)
    if m2:
        n = _number(next(g for g in m2.groups() if g))
        if n is not None and 1 <= n <= 31:
            return On(monthday=n)
    raise RepeatError(
        "on",
        f"could not read on: '{text.strip()}'; write {ON_FORMS}",
        "“on”写哪一天，例如 周二、[周一, 周四]、第二个周六、最后一个周日、15日",
    )


def parse_on(values: list[str]) -> list[On]:
    """Every item of ``on:`` (a list, or one text holding several: ``周二、周五``)."""
    items: list[On] = []
    for value in values:
        last_zh_weekday = False
        for piece in filter(None, _SPLIT.split(value.strip())):
            if last_zh_weekday and piece in _ZH_WEEKDAY_CHARS:
                piece = "周" + piece  # 周二、五
            item = parse_on_item(piece)
            last_zh_weekday = item.weekday is not None and not item.nth and not piece.isascii()
            if item not in items:
                items.append(item)
    return items


def to_rrule(every: Every, on: list[On], start: dt.date) -> tuple[str, dt.date]:
    """The RFC 5545 rule and the DTSTART that mean what the editor wrote.

    Raises:
        RepeatError: when ``on`` does not fit ``every`` (``2nd tuesday`` weekly, a plain
            weekday monthly, …).
    """
    parts = [f"FREQ={every.freq}"] + ([f"INTERVAL={every.interval}"] if every.interval > 1 else [])
    plain = [o for o in on if o.weekday is not None and not o.nth]
    nth = [o for o in on if o.weekday is not None and o.nth]
    days = [o for o in on if o.monthday is not None]
    if every.freq == "DAILY":
        if on:
            raise RepeatError(
                "on",
                "every: day takes no on:; for some weekdays write every: week, on: [monday, thursday]",
                "每天重复不需要写 on；只在某几天请写 every: 每周, on: [周一, 周四]",
            )
        return ";".join(parts), start
    if every.freq == "WEEKLY":
        if nth or days:
            raise RepeatError(
                "on",
                "a weekly rule takes weekdays (tuesday, [monday, thursday]); "
                "'2nd tuesday' or 'day 15' need every: month, quarter or year",
                "每周重复只能写星期几；“第二个周二”“15日”请配合 every: 每月",
            )
        weekdays = sorted({o.weekday for o in plain if o.weekday is not None}) or [start.weekday()]
        parts.append("BYDAY=" + ",".join(WEEKDAY_CODES[d] for d in weekdays))
        # The first matching day on or after start: counting the interval from there keeps
        # a fortnightly rule on the week the editor meant.
        first = next(
            start + dt.timedelta(days=i) for i in range(7) if (start + dt.timedelta(days=i)).weekday() in weekdays
        )
        return ";".join(parts), first
    if plain:
        raise RepeatError(
            "on",
            f"which {_EN_NAMES[plain[0].weekday or 0]} of the month? write '2nd {_EN_NAMES[plain[0].weekday or 0]}' "
            f"or 'last {_EN_NAMES[plain[0].weekday or 0]}' (or every: week)",
            "按月重复请写明第几个星期几，例如 第二个周二、最后一个周二",
        )
    if nth and days:
        raise RepeatError(
            "on",
            "write either weekdays ('2nd tuesday') or days of the month ('day 15'), not both",
            "星期几和几号不能混写",
        )
    if every.freq == "YEARLY":
        parts.append(f"BYMONTH={start.month}")
    if nth:
        parts.append("BYDAY=" + ",".join(f"{o.nth}{WEEKDAY_CODES[o.weekday or 0]}" for o in nth))
    elif days:
        parts.append("BYMONTHDAY=" + ",".join(str(o.monthday) for o in days))
    elif every.freq == "YEARLY":
        parts.append(f"BYMONTHDAY={start.day}")
    else:
        parts.append(f"BYMONTHDAY={start.day}")
    return ";".join(parts), start
