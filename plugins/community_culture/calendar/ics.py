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
import functools
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


class FeedWriter:
    """Writes every .ics file of one language in one build.

    The same occurrence is listed by the site feed, its category's, its hall's and its
    event's, and ``icalendar`` rebuilds a time zone's VTIMEZONE from the tz database
    each time it is asked: so each VEVENT is serialised once, the VTIMEZONE once, and
    every feed is put together from those bytes - exactly the bytes ``icalendar``
    writes for the whole calendar, since a component's lines do not depend on its parent.

    Args:
        calendar: The site calendar (for its time zone).
        lang: The language of titles and descriptions.
        default: The site's default language, for fallbacks.
        base_url: The site's absolute URL (ends with ``/``), for event links and UIDs.
        stamp: DTSTAMP of every event: the build time, so rebuilds are byte-identical.
        location_of: Hall id -> a place name and address.
        reminder: When given, every event that is not cancelled carries a display alarm this long before it starts.
    """

    def __init__(
        self,
        calendar: Calendar,
        *,
        lang: str,
        default: str,
        base_url: str,
        stamp: dt.datetime,
        location_of: dict[str, str],
        reminder: dt.timedelta | None = None,
    ) -> None:
        self.calendar = calendar
        self.reminder = reminder
        self.lang = lang
        self.default = default
        self.base_url = base_url
        self.stamp = stamp
        self.location_of = location_of
        self._host = urlsplit(base_url).hostname or "localhost"
        self._prefix = "" if lang == default else f"{lang}/"
        self._vevents: dict[tuple[str, str], tuple[bytes, frozenset[str]]] = {}

    def feed(
        self, occurrences: Iterable[Occurrence], name: str, url_of: Callable[[Occurrence], str] | None = None
    ) -> bytes:
        """One .ics file holding ``occurrences``, named ``name`` (X-WR-CALNAME).

        ``url_of`` gives an occurrence's web page below the language root (``teams/x/``);
        by default it is its event's page.
        """
        cal = icalendar.Calendar()
        cal.add("prodid", "-//community-culture//calendar//" + self.lang.upper())
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "PUBLISH")
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", self.calendar.tz.key)
        cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
        events: list[bytes] = []
        tzids: set[str] = set()
        for occ in occurrences:
            vevent, used = self._vevent(occ, url_of(occ) if url_of is not None else f"events/{occ.event.id}/")
            events.append(vevent)
            tzids |= used
        # As icalendar's add_missing_timezones: every zone an event names, UTC excepted
        # (it is written with "Z"), and zones the tz database does not know left out.
        zones = [vtimezone(tzid) for tzid in sorted(tzids - {"UTC"})]
        head = cal.to_ical()
        end = b"END:VCALENDAR\r\n"
        return head[: -len(end)] + b"".join(z for z in zones if z) + b"".join(events) + end

    def _vevent(self, occ: Occurrence, page: str) -> tuple[bytes, frozenset[str]]:
        """The serialised VEVENT of ``occ`` linking to ``page`` and the TZIDs it uses, made on first use."""
        found = self._vevents.get((occ.uid_key, page))
        if found is None:
            url = f"{self.base_url}{self._prefix}{page}"
            ve = _vevent(occ, self.calendar, self.lang, self.default, url, self._host, self.stamp, self.location_of)
            if self.reminder is not None and occ.event.status != "cancelled":
                alarm = icalendar.Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", str(ve.get("summary")))
                alarm.add("trigger", -self.reminder)
                ve.add_component(alarm)
            params = (getattr(value, "params", None) or {} for _, value in ve.property_items(sorted=False))
            used = frozenset(str(p["TZID"]) for p in params if "TZID" in p)
            found = self._vevents[(occ.uid_key, page)] = (ve.to_ical(), used)
        return found


@functools.lru_cache(maxsize=8)
def vtimezone(tzid: str) -> bytes:
    """The serialised VTIMEZONE of ``tzid`` as icalendar makes it (empty when the zone is unknown)."""
    try:
        return icalendar.Timezone.from_tzid(tzid).to_ical()
    except ValueError:
        return b""


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
    reminder: dt.timedelta | None = None,
) -> bytes:
    """One .ics file holding ``occurrences`` (a :class:`FeedWriter` of its own; see there for the arguments)."""
    writer = FeedWriter(
        calendar,
        lang=lang,
        default=default,
        base_url=base_url,
        stamp=stamp,
        location_of=location_of,
        reminder=reminder,
    )
    return writer.feed(occurrences, name, url_of)


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
