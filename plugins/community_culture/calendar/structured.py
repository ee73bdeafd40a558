"""Machine-readable views of events: schema.org JSON-LD and ``/data/events.json``."""

from __future__ import annotations

import json
from typing import Any

from ..model.event import Event
from .occurrence import Calendar, Occurrence

_SCHEMA_STATUS = {
    "planned": "EventScheduled",
    "confirmed": "EventScheduled",
    "done": "EventScheduled",
    "postponed": "EventPostponed",
    "cancelled": "EventCancelled",
}
_DAYS = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}
_FREQ = {"DAILY": "D", "WEEKLY": "W", "MONTHLY": "M", "YEARLY": "Y"}


def _iso(value: object) -> str | None:
    return value.isoformat() if value is not None else None  # type: ignore[attr-defined]


def event_jsonld(
    event: Event,
    calendar: Calendar,
    *,
    name: str,
    url: str,
    lang: str,
    place: str | None,
    address: str | None,
    organizer: str | None,
    description: str | None,
) -> dict[str, Any]:
    """A schema.org ``Event`` (with ``eventSchedule`` for recurring events)."""
    occs = calendar.for_event(event.id)
    first, last = occs[0], occs[-1]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": name,
        "url": url,
        "inLanguage": lang,
        "startDate": _iso(first.start(calendar.tz)),
        "eventStatus": f"https://schema.org/{_SCHEMA_STATUS[event.status]}",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }
    end = last.end(calendar.tz)
    if end is not None:
        # schema.org end dates are inclusive; the exclusive all-day end is one day on.
        data["endDate"] = _iso(last.last if last.all_day else end)
    if place:
        data["location"] = {"@type": "Place", "name": place, **({"address": address} if address else {})}
    if organizer:
        data["organizer"] = {"@type": "Organization", "name": organizer}
    if description:
        data["description"] = description
    if event.when.rrule:
        data["eventSchedule"] = _schedule(event, calendar, first, last)
    return data


def _schedule(event: Event, calendar: Calendar, first: Occurrence, last: Occurrence) -> dict[str, Any]:
    parts = dict(p.split("=", 1) for p in (event.when.rrule or "").upper().split(";") if "=" in p)
    schedule: dict[str, Any] = {
        "@type": "Schedule",
        "startDate": first.first.isoformat(),
        "endDate": last.last.isoformat(),
        "scheduleTimezone": calendar.tz.key,
    }
    if parts.get("FREQ") in _FREQ:
        schedule["repeatFrequency"] = f"P{parts.get('INTERVAL', '1')}{_FREQ[parts['FREQ']]}"
    days = [d for d in parts.get("BYDAY", "").split(",") if d]
    if days and all(d[-2:] in _DAYS for d in days):
        schedule["byDay"] = [f"https://schema.org/{_DAYS[d[-2:]]}" for d in days]
        weeks = {d[:-2] for d in days if d[:-2]}
        if len(weeks) == 1 and weeks.pop().lstrip("-").isdigit():
            schedule["byMonthWeek"] = int(days[0][:-2])
    if event.when.start_time:
        schedule["startTime"] = event.when.start_time.strftime("%H:%M:%S")
    if event.when.end_time:
        schedule["endTime"] = event.when.end_time.strftime("%H:%M:%S")
    if event.when.excluded:
        schedule["exceptDate"] = [d.isoformat() for d in event.when.excluded]
    return schedule


def _record(occ: Occurrence) -> dict[str, Any] | None:
    """What was recorded of a held occurrence (活动回顾), or None."""
    from ..model.record import record_day

    for record in occ.event.records:
        day = record_day(occ.event, record)
        if day is not None and occ.first <= day <= occ.last:
            return {
                "date": day.isoformat(),
                "attendance": record.attendance,
                "signed_in": record.signed_in,
                "lecturer": record.lecturer.as_dict() if record.lecturer else None,
                "summary": record.summary.as_dict() if record.summary else None,
                "photos": len(record.photos),
            }
    return None


def events_json(calendar: Calendar, base_url: str, default: str) -> bytes:
    """``/data/events.json``: every occurrence, sorted by start, as the contract specifies."""
    rows = []
    for occ in sorted(calendar.occurrences, key=lambda o: (_iso(o.start(calendar.tz)) or "", o.event.id)):
        event = occ.event
        rows.append(
            {
                "id": event.id,
                "occurrence": occ.first.isoformat(),
                "url": f"{base_url}events/{event.id}/",
                "title": event.title.as_dict(),
                "category": event.category,
                "hall": event.hall,
                "status": event.status,
                "start": _iso(occ.start(calendar.tz)),
                "end": _iso(occ.end(calendar.tz)),
                "all_day": occ.all_day,
                "precision": occ.precision,
                "teams": list(event.teams),
                "record": _record(occ),
            }
        )
    return (json.dumps(rows, ensure_ascii=False, indent=1) + "\n").encode()
