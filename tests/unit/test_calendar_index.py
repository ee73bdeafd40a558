"""The indexed calendar answers as a scan of every occurrence would; feeds are icalendar's own bytes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from community_culture.build import Build
from community_culture.calendar import ics
from community_culture.calendar.occurrence import Calendar
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


def test_a_feed_is_the_bytes_icalendar_writes_for_the_whole_calendar(calendar):
    stamp = dt.datetime(2026, 6, 15, tzinfo=dt.UTC)
    writer = ics.FeedWriter(
        calendar, lang="en", default="zh", base_url="https://x.org/", stamp=stamp, location_of={"a": "Hall A"}
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
            whole.add_component(ics._vevent(occ, calendar, "en", "zh", url, "x.org", stamp, {"a": "Hall A"}))
        whole.add_missing_timezones()
        assert writer.feed(occurrences, "All") == whole.to_ical()
    assert b"BEGIN:VTIMEZONE" in writer.feed(calendar.occurrences, "All")
    assert b"BEGIN:VTIMEZONE" not in writer.feed([o for o in calendar.occurrences if o.all_day], "All")
