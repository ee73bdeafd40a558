"""The indexed calendar answers as a scan of every occurrence would; feeds are icalendar's own bytes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from community_culture.build import Build
from community_culture.calendar import ics
from community_culture.calendar.occurrence import Calendar, Occurrence
from community_culture.model.site import Options, load_site

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def calendar() -> Calendar:
    site, _ = load_site(
        Options(root=ROOT, data_dir=ROOT / "data", content_dir=ROOT / "content", as_of=dt.date(2026, 6, 15))
    )
    assert site is not None
    return Build.of(site).calendar


def scan(cal: Calendar, first: dt.date, last: dt.date, hall: str | None = None, category: str | None = None):
    return [
        o
        for o in cal.occurrences
        if o.first <= last
        and o.last >= first
        and (hall is None or o.event.hall == hall)
        and (category is None or o.event.category == category)
    ]


def test_between_matches_a_scan_for_every_month_span_hall_and_category(calendar):
    halls = [*sorted({o.event.hall for o in calendar.occurrences if o.event.hall}), None, "no-such-hall"]
    spans = [(dt.date(y, m, 1), dt.date(y, m, 28)) for y in (2025, 2026, 2027) for m in range(1, 13)]
    spans += [(dt.date(2026, 4, 25), dt.date(2026, 7, 26)), (dt.date(1900, 1, 1), dt.date(2999, 12, 31))]
    spans += [(dt.date(2026, 6, 10), dt.date(2026, 6, 9)), (dt.date(2026, 12, 20), dt.date(2027, 1, 10))]
    for first, last in spans:
        for hall in halls:
            assert calendar.between(first, last, hall=hall) == scan(calendar, first, last, hall=hall)
        for category in [*calendar.categories, None]:
            assert calendar.between(first, last, category=category) == scan(calendar, first, last, category=category)
    assert calendar.between(dt.date(2026, 1, 1), dt.date(2026, 12, 31))  # not trivially empty


def test_slices_match_a_scan(calendar):
    for event_id in calendar.events:
        assert calendar.for_event(event_id) == [o for o in calendar.occurrences if o.event.id == event_id]
    for category in calendar.categories:
        assert calendar.for_category(category) == [o for o in calendar.occurrences if o.event.category == category]
    week_ago = calendar.today - dt.timedelta(weeks=4)
    recent = [o for o in calendar.occurrences if week_ago <= o.last < calendar.today]
    assert calendar.recent() == sorted(recent, key=lambda o: (o.last, o.event.id), reverse=True)
    assert calendar.recent()


def unfolded(data: bytes) -> list[str]:
    """The content lines of an iCalendar file, unfolded; every physical line at most 75 octets."""
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


# What the feeds wrote through icalendar's component objects: the writer must say the same.
def reference_vevent(
    occ: Occurrence,
    calendar: Calendar,
    lang: str,
    default: str,
    url: str,
    host: str,
    stamp: dt.datetime,
    location_of: dict[str, str],
) -> icalendar.Event:
    event, notes = occ.event, ics._NOTES.get(lang, ics._NOTES["en"])
    ve = icalendar.Event()
    ve.add("uid", f"{occ.uid_key}@{host}")
    ve.add("dtstamp", stamp)
    title = ics._text(event.title, lang, default)
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
    ve.add("status", ics._STATUS[event.status])
    lines = []
    if occ.fuzzy:
        lines.append(
            notes["fuzzy"].format(label=ics.fuzzy_label(occ, lang), span=ics.span_words(occ.first, occ.last, lang))
        )
    if event.status == "postponed":
        lines.append(notes["postponed"])
    for part in (event.summary, event.when.notes):
        if part:
            lines.append(ics._text(part, lang, default))
    lines.append(notes["more"] + url)
    ve.add("description", "\n".join(lines))
    place = location_of.get(event.hall or "") or ics._text(event.venue, lang, default)
    if place:
        ve.add("location", place)
    ve.add("url", url)
    ve.add("categories", [event.category])
    return ve


@pytest.mark.parametrize("reminder", [None, dt.timedelta(minutes=30), dt.timedelta(days=1, hours=2)])
def test_a_feed_says_what_icalendar_writes_for_the_whole_calendar(calendar, reminder):
    stamp = dt.datetime(2026, 6, 15, tzinfo=dt.UTC)
    places = {"a": "Hall A; the east wing, 2nd floor \\ stage", "jinxiu-auditorium": "锦绣礼堂，" + "长街" * 40}
    writer = ics.FeedWriter(
        calendar, lang="en", default="zh", base_url="https://x.org/", stamp=stamp, location_of=places, reminder=reminder
    )
    for occurrences in (calendar.occurrences, [o for o in calendar.occurrences if o.all_day][:3], []):
        whole = icalendar.Calendar()
        for key, value in (
            ("prodid", "-//community-culture//calendar//EN"),
            ("version", "2.0"),
            ("calscale", "GREGORIAN"),
            ("method", "PUBLISH"),
            ("x-wr-calname", "All"),
            ("x-wr-timezone", "Asia/Shanghai"),
        ):
            whole.add(key, value)
        whole.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
        for occ in occurrences:
            url = f"https://x.org/en/events/{occ.event.id}/"
            ve = reference_vevent(occ, calendar, "en", "zh", url, "x.org", stamp, places)
            if reminder is not None and occ.event.status != "cancelled":
                alarm = icalendar.Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", str(ve.get("summary")))
                alarm.add("trigger", -reminder)
                ve.add_component(alarm)
            whole.add_component(ve)
        whole.add_missing_timezones()
        assert unfolded(writer.feed(occurrences, "All")) == unfolded(whole.to_ical())
    assert b"BEGIN:VTIMEZONE" in writer.feed(calendar.occurrences, "All")
    assert b"BEGIN:VTIMEZONE" not in writer.feed([o for o in calendar.occurrences if o.all_day], "All")


@pytest.mark.parametrize(
    "text",
    ["a" * 200, "节" * 100, "a" * 73 + "\\,b" + "c" * 80, "x" + "礼堂，" * 30 + "\\;" * 20, "short"],
)
def test_long_lines_fold_between_characters_and_never_inside_an_escape(text):
    line = ics._escape(text)
    data = ics._fold("DESCRIPTION:" + line)
    assert all(len(part) <= 75 for part in data.split(b"\r\n"))
    physical = data.decode("utf-8").split("\r\n")[:-1]
    assert all(not part.endswith("\\") or part.endswith("\\\\") for part in physical[:-1])
    assert icalendar.Event.from_ical("BEGIN:VEVENT\r\n" + data.decode() + "END:VEVENT\r\n")["DESCRIPTION"] == text
