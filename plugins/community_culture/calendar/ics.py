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
    event's: so each VEVENT is serialised once, the VTIMEZONE once (by ``icalendar``, from
    the tz database), and every feed is put together from those bytes. The content lines
    are written here rather than through ``icalendar``'s component objects, which cost more
    than the rest of a build's feeds; they say what ``icalendar`` writes for the same
    calendar, property for property (tests/unit/test_calendar_index.py).

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
        head = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"PRODID:{_escape('-//community-culture//calendar//' + self.lang.upper())}",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            f"X-WR-CALNAME:{_escape(name)}",
            "REFRESH-INTERVAL;VALUE=DURATION:P1D",
            f"X-WR-TIMEZONE:{_escape(self.calendar.tz.key)}",
        ]
        events: list[bytes] = []
        tzids: set[str] = set()
        for occ in occurrences:
            vevent, used = self._vevent(occ, url_of(occ) if url_of is not None else f"events/{occ.event.id}/")
            events.append(vevent)
            tzids |= used
        # As icalendar's add_missing_timezones: every zone an event names, UTC excepted
        # (it is written with "Z"), and zones the tz database does not know left out.
        zones = [vtimezone(tzid) for tzid in sorted(tzids - {"UTC"})]
        return (
            b"".join(_fold(line) for line in head)
            + b"".join(z for z in zones if z)
            + b"".join(events)
            + b"END:VCALENDAR\r\n"
        )

    def _vevent(self, occ: Occurrence, page: str) -> tuple[bytes, frozenset[str]]:
        """The serialised VEVENT of ``occ`` linking to ``page`` and the TZIDs it uses, made on first use."""
        found = self._vevents.get((occ.uid_key, page))
        if found is None:
            url = f"{self.base_url}{self._prefix}{page}"
            lines, used = _vevent(
                occ, self.calendar, self.lang, self.default, url, self._host, self.stamp, self.location_of
            )
            if self.reminder is not None and occ.event.status != "cancelled":
                summary = lines[0]  # SUMMARY, escaped: the alarm says the same
                lines += [
                    "BEGIN:VALARM",
                    "ACTION:DISPLAY",
                    "DESCRIPTION" + summary[len("SUMMARY") :],
                    f"TRIGGER:{_duration(-self.reminder)}",
                    "END:VALARM",
                ]
            found = self._vevents[(occ.uid_key, page)] = (
                b"BEGIN:VEVENT\r\n" + b"".join(_fold(line) for line in lines) + b"END:VEVENT\r\n",
                used,
            )
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
) -> tuple[list[str], frozenset[str]]:
    """The content lines of ``occ``'s VEVENT (unfolded; SUMMARY first) and the TZIDs they name.

    Written directly rather than through ``icalendar``'s component objects, which cost
    more than the rest of a feed: the properties in the order ``icalendar`` writes them
    (its canonical ones, then by name), the values escaped as RFC 5545 asks.
    """
    event, notes = occ.event, _NOTES.get(lang, _NOTES["en"])
    title = _text(event.title, lang, default)
    if event.status == "cancelled":
        title = f"{notes['cancelled']} {title}"
    start, end = occ.start(calendar.tz), occ.end(calendar.tz)
    used: set[str] = set()
    lines = [f"SUMMARY:{_escape(title)}", _date_line("DTSTART", start, used)]
    if end is not None:
        lines.append(_date_line("DTEND", end, used))
    lines += [f"DTSTAMP:{stamp.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}", f"UID:{_escape(f'{occ.uid_key}@{host}')}"]
    lines.append(f"CATEGORIES:{_escape(event.category)}")
    about = []
    if occ.fuzzy:
        about.append(notes["fuzzy"].format(label=fuzzy_label(occ, lang), span=span_words(occ.first, occ.last, lang)))
    if event.status == "postponed":
        about.append(notes["postponed"])
    for part in (event.summary, event.when.notes):
        if part:
            about.append(_text(part, lang, default))
    about.append(notes["more"] + url)
    lines.append(f"DESCRIPTION:{_escape(chr(10).join(about))}")
    place = location_of.get(event.hall or "") or _text(event.venue, lang, default)
    if place:
        lines.append(f"LOCATION:{_escape(place)}")
    lines.append(f"STATUS:{_STATUS[event.status]}")
    if occ.all_day:
        # A day-long or fuzzy span should not block the resident's whole day as busy.
        lines.append("TRANSP:TRANSPARENT")
    lines.append(f"URL:{url}")
    return lines, frozenset(used)


def _date_line(name: str, value: dt.date | dt.datetime, used: set[str]) -> str:
    """``DTSTART;VALUE=DATE:20260101``, ``DTSTART;TZID=Asia/Shanghai:20260101T190000`` or UTC with ``Z``."""
    if not isinstance(value, dt.datetime):
        return f"{name};VALUE=DATE:{value:%Y%m%d}"
    if value.tzinfo is None:
        return f"{name}:{value:%Y%m%dT%H%M%S}"
    key = getattr(value.tzinfo, "key", None)
    if key is None or key in ("UTC", "Etc/UTC"):
        return f"{name}:{value.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"
    used.add(key)
    return f"{name};TZID={key}:{value:%Y%m%dT%H%M%S}"


def _escape(text: str) -> str:
    """TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def _duration(value: dt.timedelta) -> str:
    """An RFC 5545 duration: ``-PT30M``, ``-P1DT2H``, ``PT0S``."""
    sign, value = ("-", -value) if value < dt.timedelta(0) else ("", value)
    hours, rest = divmod(value.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    time = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    days = f"{value.days}D" if value.days else ""
    if not days and not time:
        return "PT0S"
    return f"{sign}P{days}{'T' + time if time else ''}"


def _fold(line: str) -> bytes:
    """One content line, folded (RFC 5545 3.1): at most 75 octets a line, never inside a
    character or between a backslash and the character it escapes."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return data + b"\r\n"
    out, size, width = [], 0, 75
    chunk: list[str] = []
    for char in line:
        n = len(char.encode("utf-8")) if char >= "\x80" else 1
        if size + n > width:
            carry = chunk.pop() if chunk[-1] == "\\" and len(chunk) > 1 else ""
            out.append("".join(chunk))
            chunk, size, width = ([carry] if carry else []), len(carry), 74  # a folded line starts with a space
        chunk.append(char)
        size += n
    out.append("".join(chunk))
    return "\r\n ".join(out).encode("utf-8") + b"\r\n"
