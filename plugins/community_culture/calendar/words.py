"""Dates, times and recurrence told in words, in Chinese and English.

"4月下旬 / late April", never a false exact date; "农历九月初九" beside the
Gregorian day of a lunar festival; "每月第二个周六" for ``FREQ=MONTHLY;BYDAY=2SA`` and
for ``{every: month, on: 2nd saturday}`` alike.
"""

from __future__ import annotations

import datetime as dt
import functools

from ..core import dates
from ..model.event import When
from .occurrence import Occurrence

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = {
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
SHORT_WEEKDAYS = {
    "zh": ("一", "二", "三", "四", "五", "六", "日"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
PARTS = {"zh": {"early": "上旬", "mid": "中旬", "late": "下旬"}, "en": {"early": "early", "mid": "mid", "late": "late"}}
_BYDAY = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
_NTH = {
    "zh": {1: "第一个", 2: "第二个", 3: "第三个", 4: "第四个", 5: "第五个", -1: "最后一个"},
    "en": {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"},
}


def _zh(lang: str) -> bool:
    return lang.split("-")[0] == "zh"


def month_name(year: int, month: int, lang: str, with_year: bool = True) -> str:
    """``2026年4月`` / ``April 2026``."""
    if _zh(lang):
        return f"{year}年{month}月" if with_year else f"{month}月"
    return f"{MONTHS_EN[month - 1]} {year}" if with_year else MONTHS_EN[month - 1]


def day_words(day: dt.date, lang: str, weekday: bool = True, year: bool = True) -> str:
    """``2026年10月18日（星期日）`` / ``Sunday 18 October 2026``."""
    if _zh(lang):
        text = f"{day.year}年{day.month}月{day.day}日" if year else f"{day.month}月{day.day}日"
        return text + (f"（{WEEKDAYS['zh'][day.weekday()]}）" if weekday else "")
    text = f"{day.day} {MONTHS_EN[day.month - 1]}" + (f" {day.year}" if year else "")
    return (f"{WEEKDAYS['en'][day.weekday()]} " if weekday else "") + text


@functools.lru_cache(maxsize=2048)
def time_words(start: dt.time | None, end: dt.time | None) -> str:
    """``19:00–21:00``, ``09:00`` or an empty string (a few hundred distinct times: each told once)."""
    if start is None:
        return ""
    return f"{start:%H:%M}" + (f"–{end:%H:%M}" if end else "")


def span_words(first: dt.date, last: dt.date, lang: str) -> str:
    """``2026年7月20日至8月31日`` / ``20 July – 31 August 2026``."""
    if first == last:
        return day_words(first, lang)
    if _zh(lang):
        tail = f"{last.month}月{last.day}日" if last.year == first.year else f"{last.year}年{last.month}月{last.day}日"
        return f"{first.year}年{first.month}月{first.day}日至{tail}"
    head = f"{first.day} {MONTHS_EN[first.month - 1]}" + (f" {first.year}" if first.year != last.year else "")
    return f"{head} – {last.day} {MONTHS_EN[last.month - 1]} {last.year}"


def period_words(
    precision: str, part: str | None, first: dt.date, last: dt.date, lang: str, with_year: bool = True
) -> str:
    """A period that is not a day: ``2026年4月下旬`` / ``late April 2026``, a month, or months."""
    zh = _zh(lang)
    if precision == "part-of-month" and part:
        label = PARTS["zh" if zh else "en"][part]
        month = month_name(first.year, first.month, lang, with_year)
        return f"{month}{label}" if zh else f"{label} {month}"
    if precision == "month":
        return month_name(first.year, first.month, lang, with_year)
    if zh:
        tail = f"{last.month}月" if last.year == first.year else f"{last.year}年{last.month}月"
        return (f"{first.year}年" if with_year else "") + f"{first.month}月至{tail}"
    head = MONTHS_EN[first.month - 1] + (f" {first.year}" if first.year != last.year else "")
    return f"{head}–{MONTHS_EN[last.month - 1]}" + (f" {last.year}" if with_year else "")


def fuzzy_label(occ: Occurrence, lang: str, with_year: bool = True) -> str:
    """The honest label of an occurrence whose day is not fixed: ``4月下旬`` / ``late April``."""
    return period_words(occ.precision, occ.event.when.part, occ.first, occ.last, lang, with_year)


def occurrence_words(occ: Occurrence, lang: str) -> str:
    """An occurrence's date (and time) in words, fuzzy ones as what they are."""
    if occ.fuzzy:
        return fuzzy_label(occ, lang)
    text = span_words(occ.first, occ.last, lang)
    times = time_words(occ.start_time, occ.end_time)
    return f"{text} {times}" if times else text


def lunar_words(when: When, lang: str) -> str | None:
    """``农历九月初九`` for lunar dates and lunar festivals, else None."""
    if when.lunar is None:
        return None
    month, day, leap = when.lunar
    return dates.lunar_label(month, day, lang, leap)


def festival_words(when: When, lang: str) -> str | None:
    """The festival's name (``重阳节`` / ``Double Ninth Festival``), else None."""
    return dates.festival_label(when.festival, lang) if when.festival else None


_ZH_COUNT = {2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}
_EN_COUNT = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
_RULE_KEYS = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "UNTIL", "COUNT", "WKST"}


def _zh_every(freq: str, n: int) -> str:
    """``每周`` / ``每两周`` / ``每季度`` / ``每3个月``."""
    count = _ZH_COUNT.get(n, str(n))
    if freq == "DAILY":
        return "每天" if n == 1 else f"每{count}天"
    if freq == "WEEKLY":
        return "每周" if n == 1 else f"每{count}周"
    if freq == "MONTHLY":
        return {1: "每月", 3: "每季度", 6: "每半年"}.get(n, f"每{count}个月")
    return "每年" if n == 1 else f"每{count}年"


def _en_every(freq: str, n: int) -> str:
    """``every month`` / ``every other week`` / ``every quarter`` / ``every 4 months``."""
    unit = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}[freq]
    if n == 1:
        return f"every {unit}"
    if n == 2:
        return f"every other {unit}"
    if freq == "MONTHLY" and n in (3, 6):
        return "every quarter" if n == 3 else "every six months"
    return f"every {_EN_COUNT.get(n, str(n))} {unit}s"


def _nth_day(code: str) -> tuple[int, int] | None:
    """``2SA`` -> (2, 5); ``SA`` -> (0, 5); None if not a weekday code."""
    if code[-2:] not in _BYDAY or not (code[:-2] == "" or code[:-2].lstrip("+-").isdigit()):
        return None
    return int(code[:-2] or 0), _BYDAY[code[-2:]]


def _zh_and(items: list[str]) -> str:
    return "、".join(items)


def _en_and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _ordinal_en(n: int) -> str:
    if n == -1:
        return "last"
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def rule_words(when: When, lang: str) -> str | None:
    """A repeat rule in words (``每月第二个周六`` / ``The second Saturday of every month``).

    None for rules told only by their dates (BYSETPOS, week numbers and the like).
    """
    if when.rrule is None:
        return None
    parts = dict(p.split("=", 1) for p in when.rrule.upper().split(";") if "=" in p)
    freq, interval = parts.get("FREQ", ""), parts.get("INTERVAL", "1")
    if freq not in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY") or not interval.isdigit() or set(parts) - _RULE_KEYS:
        return None
    n, zh = int(interval), _zh(lang)
    byday = [_nth_day(d) for d in parts.get("BYDAY", "").split(",") if d]
    monthdays = [d for d in parts.get("BYMONTHDAY", "").split(",") if d]
    months = [m for m in parts.get("BYMONTH", "").split(",") if m]
    if None in byday or not all(d.lstrip("-").isdigit() for d in monthdays + months) or (byday and monthdays):
        return None
    days = [d for d in byday if d is not None]
    if len(months) > 1 or (months and freq != "YEARLY"):
        return None
    text = _zh_rule(freq, n, days, monthdays, months) if zh else _en_rule(freq, n, days, monthdays, months)
    if text is None:
        return None
    times = time_words(when.start_time, when.end_time)
    return f"{text} {times}" if times else text


def _zh_rule(freq: str, n: int, days: list[tuple[int, int]], monthdays: list[str], months: list[str]) -> str | None:
    every = _zh_every(freq, n) + (f"{months[0]}月" if months else "")
    if days and all(nth == 0 for nth, _ in days):
        names = [SHORT_WEEKDAYS["zh"][d] for _, d in days]
        if freq == "WEEKLY" and n == 1:
            return "每周" + "、".join(names)
        if freq == "DAILY" and n == 1:
            return "每周" + "、".join(names)
        return every + ("" if freq == "WEEKLY" else "的每个") + "、".join("周" + x for x in names)
    if days:
        if not all(nth in _NTH["zh"] for nth, _ in days) or freq in ("DAILY", "WEEKLY"):
            return None
        return every + _zh_and([_NTH["zh"][nth] + "周" + SHORT_WEEKDAYS["zh"][d] for nth, d in days])
    if monthdays:
        if freq in ("DAILY", "WEEKLY"):
            return None
        return every + _zh_and(["最后一天" if d == "-1" else f"{int(d)}日" for d in monthdays])
    if freq == "DAILY":
        return every
    return every + ("" if freq == "WEEKLY" and n > 1 else "一次")


def _en_rule(freq: str, n: int, days: list[tuple[int, int]], monthdays: list[str], months: list[str]) -> str | None:
    every = _en_every(freq, n)
    month = f" of {MONTHS_EN[int(months[0]) - 1]}" if months else ""
    if days and all(nth == 0 for nth, _ in days):
        names = _en_and([WEEKDAYS["en"][d] for _, d in days])
        if freq in ("WEEKLY", "DAILY") and n == 1:
            return f"Every {names}"
        if freq == "WEEKLY" and n == 2 and len(days) == 1:
            return f"Every other {names}"
        if freq == "WEEKLY":
            return f"Every {names}, {every}"
        return f"Every {names}{month}, {every}"
    if days:
        if not all(nth in _NTH["en"] for nth, _ in days) or freq in ("DAILY", "WEEKLY"):
            return None
        names = _en_and([f"{_NTH['en'][nth]} {WEEKDAYS['en'][d]}" for nth, d in days])
        if freq == "YEARLY" and n == 1:
            return f"The {names}{month} every year"
        return f"The {names}{month} of {every}" if freq == "MONTHLY" else f"The {names}{month}, {every}"
    if monthdays:
        if freq in ("DAILY", "WEEKLY"):
            return None
        names = _en_and(["the last day" if d == "-1" else f"the {_ordinal_en(int(d))}" for d in monthdays])
        if freq == "YEARLY":
            return f"On {names}{month}, {every}"
        return f"On {names} of {every}"
    if freq == "DAILY":
        return every.capitalize()
    return {"every week": "Once a week", "every month": "Once a month", "every quarter": "Once a quarter"}.get(
        every, every.capitalize()
    )


def when_words(when: When, first: dt.date, last: dt.date, lang: str) -> str:
    """The whole ``when`` of an event in words, for its page."""
    zh = _zh(lang)
    times = time_words(when.start_time, when.end_time)
    if when.shape == "festival":
        name = festival_words(when, lang)
        text = f"{name}：{day_words(first, lang)}" if zh else f"{name} ({day_words(first, lang)})"
    elif when.shape == "lunar":
        text = (
            f"{lunar_words(when, lang)}（{day_words(first, lang)}）"
            if zh
            else f"{day_words(first, lang)} ({lunar_words(when, lang)})"
        )
    elif when.shape in ("rrule", "every"):
        rule = rule_words(when, lang)
        span = span_words(first, last, lang)
        return f"{rule}（{span}）" if zh and rule else (f"{rule} ({span})" if rule else span)
    elif when.shape == "date":
        text = day_words(first, lang)
    elif when.shape == "span":
        text = span_words(first, last, lang)
    else:
        return period_words(when.precision, when.part, first, last, lang)
    return f"{text} {times}" if times else text


class Words:
    """The functions above bound to one language, as templates call them (``culture.words``)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def occurrence(self, occ: Occurrence) -> str:
        """An occurrence's date and time."""
        return occurrence_words(occ, self.lang)

    def fuzzy(self, occ: Occurrence, with_year: bool = False) -> str:
        """A fuzzy occurrence's label (``4月下旬`` / ``late April``)."""
        return fuzzy_label(occ, self.lang, with_year)

    def when(self, when: When, first: dt.date, last: dt.date) -> str:
        """An event's whole ``when``."""
        return when_words(when, first, last, self.lang)

    def lunar(self, when: When) -> str | None:
        """The lunar date, if any."""
        return lunar_words(when, self.lang)

    def day(self, day: dt.date, weekday: bool = True, year: bool = True) -> str:
        """A day in words."""
        return day_words(day, self.lang, weekday, year)

    def time(self, occ: Occurrence) -> str:
        """An occurrence's time range, or an empty string."""
        return time_words(occ.start_time, occ.end_time)

    def month(self, year: int, month: int, with_year: bool = True) -> str:
        """A month's name."""
        return month_name(year, month, self.lang, with_year)

    def weekday(self, index: int, short: bool = True) -> str:
        """A weekday's name, Monday = 0."""
        table = SHORT_WEEKDAYS if short else WEEKDAYS
        return table["zh" if _zh(self.lang) else "en"][index]
