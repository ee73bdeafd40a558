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
    for lang in site.options.languages:

        def t(key: str, lang: str = lang, **kw: object) -> str:
            return translate(lang, default, key, **kw)

        plan.pages.append(PageSpec("events/", lang, "culture/events.html", t("events"), upcoming))
        for year in cal.years:
            months = [cal.between(*_month_span(year, month)) for month in range(1, 13)]
            plan.pages.append(
                PageSpec(
                    f"events/{year}/",
                    lang,
                    "culture/events-year.html",
                    t("events.year", year=year),
                    {"year": year, "months": months},
                )
            )
            for month in range(1, 13):
                items = months[month - 1]
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
                    {"category": category},
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


def this_week(site: Build) -> dict[str, Any]:
    """Upcoming occurrences as "today", "the rest of this week" (to Sunday) and "later"."""
    return _this_week(site.calendar)


@lru_cache(maxsize=1)  # asked for by the home page and the calendar, in every language
def _this_week(cal: Calendar) -> dict[str, Any]:
    today = cal.today
    sunday = today + dt.timedelta(days=6 - today.weekday())
    now, week, later = [], [], []
    # Half a year ahead: the page carries what culture.js needs to show the reader's
    # own week right even when the site was built weeks ago.
    for occ in cal.upcoming(days=183):
        if occ.precision == "months":
            continue
        if is_dated(occ) and occ.first <= today <= occ.last:
            now.append(occ)
        elif is_dated(occ) and occ.first <= sunday:
            week.append(occ)
        else:
            later.append(occ)
    return {"today_items": now, "week_items": week, "later_items": later, "today": today}


def upcoming_context(site: Build) -> dict[str, Any]:
    """``/events/``: today, this week, later occurrences by month, month-range activities apart, and recent ones."""
    cal = site.calendar
    upcoming = cal.upcoming(days=183)
    ongoing = [o for o in upcoming if o.precision == "months"]
    week = this_week(site)
    soon = {id(o) for o in week["today_items"] + week["week_items"]}
    groups: dict[tuple[int, int], list] = {}
    for occ in upcoming:
        if occ.precision != "months" and id(occ) not in soon:
            shown = max(occ.first, cal.today)  # a span already under way counts from today
            groups.setdefault((shown.year, shown.month), []).append(occ)
    return {
        **week,
        "groups": [(y, m, items) for (y, m), items in sorted(groups.items())],
        "ongoing": ongoing,
        "recent": cal.recent(),
    }


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
