"""Dates, times and recurrence told in words, in Chinese and English.

"4月下旬 / late April", never a false exact date; "农历九月初九" beside the
Gregorian day of a lunar festival; "每月第二个周六" for ``FREQ=MONTHLY;BYDAY=2SA``.
"""

from __future__ import annotations

import datetime as dt

from ..model.event import When
from . import dates
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


def time_words(start: dt.time | None, end: dt.time | None) -> str:
    """``19:00–21:00``, ``09:00`` or an empty string."""
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


def rule_words(when: When, lang: str) -> str | None:
    """The common recurrence rules in words; None for rules told only by their dates."""
    if when.rrule is None:
        return None
    parts = dict(p.split("=", 1) for p in when.rrule.upper().split(";") if "=" in p)
    freq, interval = parts.get("FREQ"), int(parts.get("INTERVAL", "1"))
    zh = _zh(lang)
    byday = [d for d in parts.get("BYDAY", "").split(",") if d]
    times = time_words(when.start_time, when.end_time)
    text: str | None = None
    if freq == "DAILY" and interval == 1 and not byday:
        text = "每天" if zh else "Every day"
    elif freq == "WEEKLY" and byday and all(d in _BYDAY for d in byday):
        if zh:
            days = "、".join(SHORT_WEEKDAYS["zh"][_BYDAY[d]] for d in byday)
            text = f"每周{days}" if interval == 1 else f"每{interval}周的周{days}"
        else:
            days = ", ".join(WEEKDAYS["en"][_BYDAY[d]] for d in byday)
            text = f"Every {days}" if interval == 1 else f"Every {interval} weeks on {days}"
    elif freq == "MONTHLY" and len(byday) == 1 and byday[0][-2:] in _BYDAY and byday[0][:-2].lstrip("-").isdigit():
        nth, day = int(byday[0][:-2]), _BYDAY[byday[0][-2:]]
        if nth in _NTH["en"]:
            if zh:
                text = f"每月{_NTH['zh'][nth]}{WEEKDAYS['zh'][day].replace('星期', '周')}"
            else:
                text = f"The {_NTH['en'][nth]} {WEEKDAYS['en'][day]} of every month"
    elif freq == "MONTHLY" and not byday and "BYMONTHDAY" not in parts:
        if interval == 3:
            text = "每季度一次" if zh else "Once a quarter"
        else:
            text = (
                ("每月一次" if interval == 1 else f"每{interval}个月一次")
                if zh
                else ("Once a month" if interval == 1 else f"Every {interval} months")
            )
    elif freq == "MONTHLY" and parts.get("BYMONTHDAY", "").isdigit():
        day_n = int(parts["BYMONTHDAY"])
        text = f"每月{day_n}日" if zh else f"On day {day_n} of every month"
    if text is None:
        return None
    return f"{text} {times}" if times else text


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
    elif when.shape == "rrule":
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
