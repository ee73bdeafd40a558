"""Dates of Chinese festivals, lunar <-> solar conversion, month parts and recurrence.

Lunar dates and solar terms come from ``lunar_python``, recurrence from ``dateutil``;
this module validates input and raises :class:`DateError` in plain English for editors.

Lunar-year convention: a "lunar year N" is the Chinese year whose first day (正月初一)
falls in Gregorian year N, which is what ``lunar_python.Lunar.fromYmd(N, ...)`` means.
So ``festival_date("laba", 2026)`` is 农历腊月初八 of lunar year 2026, i.e. 2027-01-15,
and ``lunar_to_solar(9, 9, 2026)`` is 2026-10-18. Fixed-date and solar-term festivals
(qingming, winter-solstice) always fall in Gregorian year N itself.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Literal, NamedTuple

from dateutil.relativedelta import relativedelta  # type: ignore[import-untyped, unused-ignore]
from dateutil.rrule import rrulestr  # type: ignore[import-untyped, unused-ignore]
from lunar_python import Lunar, LunarYear, Solar  # type: ignore[import-untyped, unused-ignore]
from lunar_python.util import LunarUtil  # type: ignore[import-untyped, unused-ignore]

# The span of the published (Hong Kong Observatory) conversion tables that
# lunar_python's results can be checked against.
SUPPORTED_YEARS = range(1901, 2100)


class DateError(ValueError):
    """A date could not be worked out; the message is plain English for site editors."""


class _Festival(NamedTuple):
    zh: str
    en: str
    kind: Literal["solar", "lunar", "term"]
    month: int = 0
    day: int = 0
    term: str = ""


# Insertion order is calendar order; FESTIVALS below is derived from it.
_FESTIVALS: dict[str, _Festival] = {
    "new-year": _Festival("元旦", "New Year's Day", "solar", 1, 1),
    "spring-festival": _Festival("春节", "Spring Festival", "lunar", 1, 1),
    "lantern": _Festival("元宵节", "Lantern Festival", "lunar", 1, 15),
    "womens-day": _Festival("妇女节", "International Women's Day", "solar", 3, 8),
    "qingming": _Festival("清明节", "Qingming Festival", "term", term="清明"),
    "labour-day": _Festival("劳动节", "Labour Day", "solar", 5, 1),
    "youth-day": _Festival("青年节", "Youth Day", "solar", 5, 4),
    "dragon-boat": _Festival("端午节", "Dragon Boat Festival", "lunar", 5, 5),
    "childrens-day": _Festival("儿童节", "Children's Day", "solar", 6, 1),
    "party-day": _Festival("建党节", "Party Founding Day", "solar", 7, 1),
    "army-day": _Festival("建军节", "Army Day", "solar", 8, 1),
    "qixi": _Festival("七夕", "Qixi Festival", "lunar", 7, 7),
    "mid-autumn": _Festival("中秋节", "Mid-Autumn Festival", "lunar", 8, 15),
    "national-day": _Festival("国庆节", "National Day", "solar", 10, 1),
    "double-ninth": _Festival("重阳节", "Double Ninth Festival", "lunar", 9, 9),
    "winter-solstice": _Festival("冬至", "Winter Solstice", "term", term="冬至"),
    "laba": _Festival("腊八节", "Laba Festival", "lunar", 12, 8),
}
FESTIVALS: tuple[str, ...] = tuple(_FESTIVALS)

# getJieQiTable() spans two winters and gives the terms outside the core cycle pinyin
# keys: "DONG_ZHI" is this December's 冬至 while "冬至" is last December's.
_TERM_KEYS = {
    "DONG_ZHI": "冬至",
    "XIAO_HAN": "小寒",
    "DA_HAN": "大寒",
    "LI_CHUN": "立春",
    "YU_SHUI": "雨水",
    "JING_ZHE": "惊蛰",
    "DA_XUE": "大雪",
}
_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
# Sub-daily frequencies make no sense for whole-day dates and would multiply the work.
_DATE_FREQS = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY")


def _suggest(word: str, choices: Iterable[str]) -> str:
    """Return "; did you mean 'x'?" for the closest choice, or "" if none is close."""
    close = difflib.get_close_matches(word.lower(), list(choices), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def _check_year(year: int) -> None:
    if year not in SUPPORTED_YEARS:
        raise DateError(
            f"year {year} is out of range: the Chinese calendar is supported "
            f"from {SUPPORTED_YEARS[0]} to {SUPPORTED_YEARS[-1]}"
        )


def _festival(name: str) -> _Festival:
    if name in _FESTIVALS:
        return _FESTIVALS[name]
    # Editors often type the Chinese or English name; point them at the key instead.
    by_label = {label: key for key, f in _FESTIVALS.items() for label in (f.zh, f.en.lower())}
    key = by_label.get(name.strip().lower())
    hint = f"; did you mean '{key}'?" if key else _suggest(name, FESTIVALS)
    raise DateError(f"unknown festival '{name}'{hint}")


def _lang(lang: str) -> Literal["zh", "en"]:
    # Accept locale spellings such as "zh-CN", "zh_Hans" or "en-GB".
    base = re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0]
    if base not in ("zh", "en"):
        raise DateError(f"unsupported language '{lang}'; use 'zh' or 'en'")
    return "zh" if base == "zh" else "en"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def festival_is_lunar(name: str) -> bool:
    """Tell whether a festival follows the lunar calendar (solar terms do not).

    Raises:
        DateError: if the festival name is unknown.
    """
    return _festival(name).kind == "lunar"


def festival_label(name: str, lang: str) -> str:
    """Return the display name of a festival, e.g. ("mid-autumn", "zh") -> "中秋节".

    Raises:
        DateError: if the festival or the language is unknown.
    """
    fest = _festival(name)
    return fest.zh if _lang(lang) == "zh" else fest.en


@functools.lru_cache(maxsize=4096)
def festival_date(name: str, year: int) -> date:
    """Return the Gregorian date of a festival in the given year.

    Args:
        name: One of :data:`FESTIVALS`, e.g. "mid-autumn".
        year: Gregorian year; for lunar festivals the lunar year starting in it (so
            "laba" usually falls in January of ``year + 1``).

    Raises:
        DateError: for an unknown festival or a year outside :data:`SUPPORTED_YEARS`.
    """
    fest = _festival(name)
    _check_year(year)
    if fest.kind == "lunar":
        return lunar_to_solar(fest.month, fest.day, year)
    if fest.kind == "solar":
        return date(year, fest.month, fest.day)
    # The table from mid-year holds the terms from last December to next March, so a
    # term can appear twice (e.g. 冬至); keep the one in the requested Gregorian year.
    # (What Solar.fromYmd(year, 7, 1).getLunar().getJieQiTable() holds, without the Lunar.)
    table = zip(Lunar.JIE_QI_IN_USE, _lunar_year(year).getJieQiJulianDays(), strict=True)
    for key, julian_day in table:
        when = Solar.fromJulianDay(julian_day)
        if _TERM_KEYS.get(key, key) == fest.term and when.getYear() == year:
            return date(when.getYear(), when.getMonth(), when.getDay())
    raise DateError(f"could not find the solar term {fest.term} in {year}")  # pragma: no cover


@functools.lru_cache(maxsize=256)
def _lunar_year(year: int) -> LunarYear:
    """The lunar year starting in ``year``, computed once.

    lunar_python works out a year's new moons and solar terms astronomically (tens of
    milliseconds) and keeps only the last year asked for, so dates of alternating
    years would recompute them every time.
    """
    return LunarYear(year)


@functools.lru_cache(maxsize=65536)
def lunar_to_solar(month: int, day: int, year: int, leap: bool = False) -> date:
    """Convert a lunar date to a Gregorian date.

    Args:
        month: Lunar month 1-12.
        day: Lunar day 1-30.
        year: The lunar year that starts in this Gregorian year.
        leap: True for the leap (intercalary) month that repeats ``month``.

    Raises:
        DateError: if the year is unsupported or the lunar date does not exist that year.
    """
    _check_year(year)
    for what, value, top in (("month", month, 12), ("day", day, 30)):
        if not 1 <= value <= top:
            raise DateError(f"lunar {what} {value} does not exist; lunar {what}s are numbered 1 to {top}")
    lunar_year = _lunar_year(year)
    # lunar_python numbers a leap month as the negative of the month it repeats.
    lunar_month = lunar_year.getMonth(-month if leap else month)
    if lunar_month is None:
        leap_month = lunar_year.getLeapMonth()
        has = f"its leap month is the {_ordinal(leap_month)}" if leap_month else "it has none"
        raise DateError(f"lunar year {year} has no leap {_ordinal(month)} month ({has})")
    if day > lunar_month.getDayCount():
        raise DateError(
            f"the date {lunar_label(month, day, 'en', leap)} does not exist in lunar year "
            f"{year}: that month has only {lunar_month.getDayCount()} days"
        )
    # As Lunar.fromYmd(...).getSolar() finds it, without computing the date's solar terms.
    solar = Solar.fromJulianDay(lunar_month.getFirstJulianDay() + day - 1)
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


@functools.lru_cache(maxsize=65536)
def solar_to_lunar(d: date) -> tuple[int, int, bool]:
    """Convert a Gregorian date to (lunar month, lunar day, is_leap_month).

    Raises:
        DateError: if ``d.year`` is outside :data:`SUPPORTED_YEARS`.
    """
    _check_year(d.year)
    # As Solar.getLunar() finds the lunar month, from the cached year.
    solar = Solar.fromYmd(d.year, d.month, d.day)
    for month in _lunar_year(d.year).getMonths():
        days = solar.subtract(Solar.fromJulianDay(month.getFirstJulianDay()))
        if days < month.getDayCount():
            return abs(month.getMonth()), days + 1, month.getMonth() < 0
    raise DateError(f"could not find the lunar date of {d}")  # pragma: no cover


def lunar_label(month: int, day: int, lang: str, leap: bool = False) -> str:
    """Format a lunar date, e.g. "农历九月初九" or "9th day of the 9th lunar month".

    Raises:
        DateError: for a month outside 1-12, a day outside 1-30 or an unknown language.
    """
    if not 1 <= month <= 12 or not 1 <= day <= 30:
        raise DateError(f"lunar month {month}, day {day} does not exist; months run from 1 to 12 and days from 1 to 30")
    if _lang(lang) == "zh":
        return f"农历{'闰' if leap else ''}{LunarUtil.MONTH[month]}月{LunarUtil.DAY[day]}"
    return f"{_ordinal(day)} day of the {'leap ' if leap else ''}{_ordinal(month)} lunar month"


def month_part(year: int, month: int, part: str | None) -> tuple[date, date]:
    """Return the inclusive (first, last) days of part of a Gregorian month.

    Part is "early" (days 1-10), "mid" (11-20), "late" (21 to the end) or None (all).

    Raises:
        DateError: for an unknown part or an invalid year/month.
    """
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        raise DateError(f"there is no month {month} in year {year}")
    first = date(year, month, 1)
    last = first + relativedelta(day=31)  # relativedelta clamps to the month's last day
    if part is None:
        return first, last
    if part not in _PARTS:  # e.g. "middle"
        raise DateError(f"unknown part of the month '{part}'{_suggest(part, _PARTS)}; use 'early', 'mid' or 'late'")
    start, end = _PARTS[part]
    return first.replace(day=start), first.replace(day=min(end, last.day))


def _parse_rule(rule: str) -> dict[str, str]:
    """Split and sanity-check an RRULE so dateutil's cryptic errors rarely surface."""
    text = re.sub(r"^\s*RRULE:", "", rule, flags=re.IGNORECASE).strip()
    if not text:
        raise DateError("the repeat rule is empty; write for example 'FREQ=WEEKLY;BYDAY=SA'")
    parts: dict[str, str] = {}
    for chunk in filter(None, (c.strip() for c in text.split(";"))):
        key, sep, value = (s.strip().upper() for s in chunk.partition("="))
        if not sep or not key or not value:
            raise DateError(f"the repeat rule part '{chunk}' should look like NAME=VALUE")
        if key in parts:
            raise DateError(f"the repeat rule gives {key} twice")
        parts[key] = value
    if parts.get("FREQ") not in _DATE_FREQS:
        raise DateError("the repeat rule needs FREQ set to one of " + ", ".join(_DATE_FREQS))
    if "COUNT" in parts and "UNTIL" in parts:
        raise DateError("the repeat rule may give COUNT or UNTIL, but not both")
    for key in ("COUNT", "INTERVAL"):
        if key in parts and (not parts[key].isdigit() or int(parts[key]) < 1):
            raise DateError(f"{key} in the repeat rule must be a whole number of 1 or more")
    # dateutil would otherwise accept fuzzy text such as "UNTIL=2026" as some date.
    if "UNTIL" in parts and not re.fullmatch(r"\d{8}(T\d{6}Z?)?", parts["UNTIL"]):
        raise DateError("UNTIL in the repeat rule must be a date written as YYYYMMDD")
    return parts


def expand_rrule(
    rule: str, start: date, until: date | None, exclude: Iterable[date] = (), limit: int = 1000
) -> list[date]:
    """List the dates of an RFC 5545 recurrence rule, sorted and without duplicates.

    Args:
        rule: e.g. "FREQ=MONTHLY;BYDAY=2SA"; a leading "RRULE:" is tolerated.
        start: First possible date (the rule's DTSTART).
        until: Last possible date, inclusive. If the rule has its own UNTIL as well, the
            earlier of the two applies.
        exclude: Dates to leave out (e.g. cancelled sessions).
        limit: Most dates the rule may produce (before exclusions) within the range.

    Raises:
        DateError: if the rule is malformed, is unbounded (no UNTIL, COUNT or ``until``)
            or produces more than ``limit`` dates.
    """
    parts = _parse_rule(rule)
    if until is None and "UNTIL" not in parts and "COUNT" not in parts:
        raise DateError("the repeat rule never ends; give an end date, or UNTIL or COUNT")
    if until is not None and "UNTIL" not in parts and "COUNT" not in parts:
        # dateutil stops at the rule's own UNTIL only: without one, a rule that matches
        # nothing (the 30th of February) is searched for until the year 9999.
        parts["UNTIL"] = until.strftime("%Y%m%dT235959")
    normalised = ";".join(f"{key}={value}" for key, value in parts.items())
    found: list[date] = []
    try:
        # ignoretz: only whole days matter, and a "Z" UNTIL would clash with a naive DTSTART.
        recurrence = rrulestr(normalised, dtstart=datetime.combine(start, time()), ignoretz=True)
        # Stop ourselves at `until` because dateutil only knows the rule's own UNTIL. A
        # rule that matches nothing still ends: dateutil gives up at year 9999.
        for when in recurrence:
            if until is not None and when.date() > until:
                break
            found.append(when.date())
            if len(found) > limit:
                break
    # dateutil reports some bad rules (e.g. BYDAY=9SA monthly) only while iterating.
    except (ValueError, IndexError, KeyError, TypeError, OverflowError) as err:
        raise DateError(f"could not understand the repeat rule '{rule}': {err}") from None
    if len(found) > limit:
        raise DateError(f"the repeat rule '{rule}' gives more than {limit} dates; set an earlier end date or a COUNT")
    skipped = {d.date() if isinstance(d, datetime) else d for d in exclude}
    return sorted(set(found) - skipped)
