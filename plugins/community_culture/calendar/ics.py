"""iCalendar feeds (RFC 5545) that residents' phones subscribe to.

Recurring events are written as their expanded occurrences, one VEVENT each, rather
than as RRULE + EXDATE: a lunar or fuzzy event has no RRULE at all, phones handle
plain events most reliably, and each occurrence keeps a stable UID (event id +
date) so a cancelled session can be marked ``STATUS:CANCELLED`` on its own. Timed
events carry ``TZID`` with a VTIMEZONE; all-day and fuzzy events are ``VALUE=DATE``
spans with an exclusive end, their fuzziness said in the description.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

import icalendar

from ..core.text import LText
from .occurrence import Calendar, Occurrence
from .words import fuzzy_label, span_words

_STATUS = {
    "planned": "TENTATIVE",
    "postponed": "TENTATIVE",
    "confirmed": "CONFIRMED",
    "done": "CONFIRMED",
    "cancelled": "CANCELLED",
}
_NOTES = {
    "zh": {
        "fuzzy": "日期未定：{label}（{span}之间）。",
        "postponed": "【延期】具体时间另行通知。",
        "cancelled": "【已取消】",
        "summary": "",
        "more": "详情：",
    },
    "en": {
        "fuzzy": "Date not fixed yet: {label} (some time {span}).",
        "postponed": "[Postponed] A new date will be announced.",
        "cancelled": "[Cancelled]",
        "summary": "",
        "more": "Details: ",
    },
}


def feed(
    occurrences: Iterable[Occurrence],
    calendar: Calendar,
    *,
    name: str,
    lang: str,
    default: str,
    base_url: str,
    stamp: dt.datetime,
    location_of: dict[str, str],
    url_of: Callable[[Occurrence], str] | None = None,
) -> bytes:
    """One .ics file holding ``occurrences``.

    Args:
        occurrences: What the feed lists.
        calendar: The site calendar (for its time zone).
        name: The feed's display name (X-WR-CALNAME).
        lang: The language of titles and descriptions.
        default: The site's default language, for fallbacks.
        base_url: The site's absolute URL (ends with ``/``), for event links and UIDs.
        stamp: DTSTAMP of every event: the build time, so rebuilds are byte-identical.
        location_of: Hall id -> a place name and address.
        url_of: The web page of an occurrence below the site root (``teams/x/``); default: its event's page.
    """
    cal = icalendar.Calendar()
    cal.add("prodid", "-//community-culture//calendar//" + lang.upper())
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", calendar.tz.key)
    cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    host = urlsplit(base_url).hostname or "localhost"
    prefix = "" if lang == default else f"{lang}/"
    for occ in occurrences:
        page = url_of(occ) if url_of is not None else f"events/{occ.event.id}/"
        cal.add_component(_vevent(occ, calendar, lang, default, f"{base_url}{prefix}{page}", host, stamp, location_of))
    cal.add_missing_timezones()
    return cal.to_ical()


def _text(value: LText | None, lang: str, default: str) -> str:
    return value.get(lang, default) if value else ""


def _vevent(
    occ: Occurrence,
    calendar: Calendar,
    lang: str,
    default: str,
    url: str,
    host: str,
    stamp: dt.datetime,
    location_of: dict[str, str],
) -> icalendar.Event:
    event, notes = occ.event, _NOTES.get(lang, _NOTES["en"])
    ve = icalendar.Event()
    ve.add("uid", f"{occ.uid_key}@{host}")
    ve.add("dtstamp", stamp)
    title = _text(event.title, lang, default)
    if event.status == "cancelled":
        title = f"{notes['cancelled']} {title}"
    ve.add("summary", title)
    start, end = occ.start(calendar.tz), occ.end(calendar.tz)
    ve.add("dtstart", start)
    if end is not None:
        ve.add("dtend", end)
    if occ.all_day:
        # A day-long or fuzzy span should not block the resident's whole day as busy.
        ve.add("transp", "TRANSPARENT")
    ve.add("status", _STATUS[event.status])
    lines = []
    if occ.fuzzy:
        lines.append(notes["fuzzy"].format(label=fuzzy_label(occ, lang), span=span_words(occ.first, occ.last, lang)))
    if event.status == "postponed":
        lines.append(notes["postponed"])
    for part in (event.summary, event.when.notes):
        if part:
            lines.append(_text(part, lang, default))
    lines.append(notes["more"] + url)
    ve.add("description", "\n".join(lines))
    place = location_of.get(event.hall or "") or _text(event.venue, lang, default)
    if place:
        ve.add("location", place)
    ve.add("url", url)
    ve.add("categories", [event.category])
    return ve
