"""Calendar pages and feeds: upcoming, years, month grids, events, categories, .ics, JSON."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from functools import lru_cache, partial
from typing import Any

from ..build import Build
from ..calendar import ics, words
from ..calendar.grid import month_grid, neighbours
from ..calendar.occurrence import Calendar
from ..calendar.structured import event_jsonld, events_json
from ..core.strings import translate
from .plan import Asset, Lazy, PageSpec, Plan


def contribute(site: Build, plan: Plan) -> None:
    """Add every calendar page, feed and the open data file."""
    cal, default = site.calendar, site.default_language
    upcoming = upcoming_context(site)  # the same occurrences in every language
    months_of = {year: [cal.between(*_month_span(year, month)) for month in range(1, 13)] for year in cal.years}
    for lang in site.options.languages:

        def t(key: str, lang: str = lang, **kw: object) -> str:
            return translate(lang, default, key, **kw)

        plan.pages.append(PageSpec("events/", lang, "culture/events.html", t("events"), upcoming))
        for year in cal.years:
            plan.pages.append(
                PageSpec(
                    f"events/{year}/",
                    lang,
                    "culture/events-year.html",
                    t("events.year", year=year),
                    {
                        "year": year,
                        "months": [year_month(items) for items in months_of[year]],
                        "totals": [len(items) for items in months_of[year]],
                    },
                )
            )
            for month in range(1, 13):
                items = months_of[year][month - 1]
                first, last = _month_span(year, month)
                # Activities spanning the whole month get one band above the weeks, not one per week.
                whole = [o for o in items if (o.fuzzy or o.multi_day) and o.first <= first and o.last >= last]
                banded = {id(o) for o in whole}  # by identity: comparing occurrences field by field is slow
                prev, nxt = neighbours(year, month)
                title = words.month_name(year, month, lang)
                plan.pages.append(
                    PageSpec(
                        f"events/{year}/{month:02d}/",
                        lang,
                        "culture/events-month.html",
                        title,
                        {
                            "year": year,
                            "month": month,
                            "whole": whole,
                            "items": items,
                            "weeks": Lazy(partial(month_grid, year, month, [o for o in items if id(o) not in banded])),
                            "prev": prev if prev[0] in cal.years else None,
                            "next": nxt if nxt[0] in cal.years else None,
                        },
                    )
                )
        for event in cal.events.values():
            plan.pages.append(
                PageSpec(
                    f"events/{event.id}/",
                    lang,
                    "culture/event.html",
                    event.title.get(lang, default),
                    {
                        "event": event,
                        "occurrences": cal.for_event(event.id),
                        "jsonld": Lazy(partial(_jsonld, site, event.id, lang)),
                    },
                )
            )
        for category in cal.categories:
            plan.pages.append(
                PageSpec(
                    f"events/category/{category}/",
                    lang,
                    "culture/events-category.html",
                    category_title(site.taxonomies.label("categories", category, lang, default), t),
                    {"category": category, "upcoming": Lazy(partial(category_next, cal, category))},
                )
            )
        _feeds(site, plan, lang)
    plan.assets.append(Asset("data/events.json", lambda: events_json(cal, _base(site), default)))


def category_title(label: str, t: Callable[..., str]) -> str:
    """ "节庆活动", not "节庆活动活动": the suffix only where the label lacks it."""
    title = t("events.category_title", category=label)
    suffix = title[len(label) :] if title.startswith(label) else ""
    return label if suffix and label.endswith(suffix) else title


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    return first, dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


def is_dated(occ: Any) -> bool:
    """An occurrence that belongs under "today" or "this week": an exact day, or a few days."""
    return bool(occ.precision == "day" and (occ.last - occ.first).days < 7)


AHEAD_DAYS = 183
"""How far ahead the home page and ``/events/`` carry activities: culture.js shows the
reader's own week from them, so a site built weeks ago still reads right."""
CARRIED = 150
"""Activities after the build date's week the two pages carry at most (whole days), so a
district's calendar carries weeks, not half a year, and the pages stay light on a phone."""
RECENT = 20
"""Recently held activities ``/events/`` lists at most."""
YEAR_MONTH = 40
"""Lines a month holds on the year page at most; a busier month links to its own page."""
CATEGORY_NEXT = 30
"""Activities a category's page lists as coming up at most (each once, by its next date)."""


def this_week(site: Build) -> dict[str, Any]:
    """Upcoming occurrences as "today", "the rest of this week" (to Sunday) and "later"."""
    return _this_week(site.calendar)


def _shown(occ: Any, today: dt.date) -> dt.date:
    """The day an occurrence is listed under: a span already under way counts from today."""
    return max(occ.first, today)


@lru_cache(maxsize=1)  # asked for by the home page and the calendar, in every language
def _this_week(cal: Calendar) -> dict[str, Any]:
    today = cal.today
    sunday = today + dt.timedelta(days=6 - today.weekday())
    upcoming = cal.upcoming(days=AHEAD_DAYS)
    ahead = [o for o in upcoming if o.precision != "months"]
    until = today + dt.timedelta(days=AHEAD_DAYS)
    after_week = sorted(_shown(o, today) for o in ahead if _shown(o, today) > sunday)
    if len(after_week) > CARRIED:  # whole days only: the day that overflows is left out
        until = max(sunday, after_week[CARRIED] - dt.timedelta(days=1))
    now, week, later, beyond = [], [], [], []
    for occ in ahead:
        if is_dated(occ) and occ.first <= today <= occ.last:
            now.append(occ)
        elif is_dated(occ) and occ.first <= sunday:
            week.append(occ)
        elif _shown(occ, today) <= until:
            later.append(occ)
        else:
            beyond.append(occ)
    return {
        "today_items": now,
        "week_items": week,
        "later_items": later,
        "beyond": beyond,
        "ongoing": [o for o in upcoming if o.precision == "months"],
        "today": today,
        "until": until,
    }


def upcoming_context(site: Build) -> dict[str, Any]:
    """``/events/``: today, this week, later occurrences by month, month-range activities apart, and recent ones.

    Past the carried activities each month says how many more it has and links to its page."""
    cal = site.calendar
    week = this_week(site)
    groups: dict[tuple[int, int], list] = {}
    more: dict[str, int] = {}  # by "yyyy-mm": the month's activities past those carried
    for occ in week["later_items"] + week["beyond"]:
        shown = _shown(occ, cal.today)
        items = groups.setdefault((shown.year, shown.month), [])
        if shown <= week["until"]:
            items.append(occ)
        else:
            key = f"{shown.year}-{shown.month:02d}"
            more[key] = more.get(key, 0) + 1
    return {
        **week,
        "groups": [(y, m, items) for (y, m), items in sorted(groups.items())],
        "month_more": more,
        "recent": cal.recent()[:RECENT],
    }


def year_month(items: list) -> list:
    """What a month lists on the year page.

    A month of more than :data:`YEAR_MONTH` occurrences lists each activity once (its first
    date in the month), the first :data:`YEAR_MONTH` of them; the month's page has the rest."""
    return items if len(items) <= YEAR_MONTH else _each_once(items)[:YEAR_MONTH]


def category_next(cal: Calendar, category: str) -> list:
    """A category's coming activities over the next year: each once, by its next date."""
    return _each_once(cal.upcoming(category=category, days=366))[:CATEGORY_NEXT]


def _each_once(items: list) -> list:
    """Each event's first occurrence among ``items``, in their order."""
    seen: set[str] = set()
    return [o for o in items if not (o.event.id in seen or seen.add(o.event.id))]  # type: ignore[func-returns-value]


def _base(site: Build) -> str:
    return (site.options.site_url or "/").rstrip("/") + "/"


def _stamp(site: Build) -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.combine(site.options.build_date(), dt.time(0), dt.UTC)


def _feeds(site: Build, plan: Plan, lang: str) -> None:
    cal, default = site.calendar, site.default_language
    prefix = "" if lang == default else f"{lang}/"
    places = {
        h.id: ", ".join(filter(None, (h.name.get(lang, default), h.address.get(lang, default) if h.address else None)))
        for h in site.halls.values()
    }
    community = site.community.name.get(lang, default)
    # One writer per language: each VEVENT and the VTIMEZONE are serialised once and
    # shared by every feed that lists them.
    minutes = site.options.reminder_minutes
    writer = ics.FeedWriter(
        cal,
        lang=lang,
        default=default,
        base_url=_base(site),
        stamp=_stamp(site),
        location_of=places,
        reminder=dt.timedelta(minutes=minutes) if minutes is not None else None,
    )

    def make(occurrences: list, name: str):  # type: ignore[no-untyped-def]
        return lambda: writer.feed(occurrences, name)

    label = translate(lang, default, "events")
    plan.assets.append(Asset(f"{prefix}events.ics", make(cal.occurrences, f"{community} · {label}")))
    for category in cal.categories:
        name = site.taxonomies.label("categories", category, lang, default)
        plan.assets.append(
            Asset(f"{prefix}events/category/{category}.ics", make(cal.for_category(category), f"{community} · {name}"))
        )
    for hall in site.halls.values():
        plan.assets.append(
            Asset(
                f"{prefix}halls/{hall.id}/events.ics",
                make(cal.for_hall(hall.id), f"{community} · {hall.name.get(lang, default)}"),
            )
        )
    for event in cal.events.values():
        plan.assets.append(
            Asset(f"{prefix}events/{event.id}/event.ics", make(cal.for_event(event.id), event.title.get(lang, default)))
        )


def _jsonld(site: Build, event_id: str, lang: str) -> dict:
    event, default = site.calendar.events[event_id], site.default_language
    hall = site.halls.get(event.hall or "")
    prefix = "" if lang == default else f"{lang}/"
    return event_jsonld(
        event,
        site.calendar,
        name=event.title.get(lang, default),
        url=f"{_base(site)}{prefix}events/{event.id}/",
        lang=lang,
        place=hall.name.get(lang, default) if hall else (event.venue.get(lang, default) if event.venue else None),
        address=hall.address.get(lang, default) if hall and hall.address else None,
        organizer=event.organizer.get(lang, default) if event.organizer else None,
        description=event.summary.get(lang, default) if event.summary else None,
    )
