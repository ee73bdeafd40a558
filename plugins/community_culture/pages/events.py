"""Calendar pages and feeds: upcoming, years, month grids, events, categories, .ics, JSON."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from typing import Any

from ..calendar import ics, words
from ..calendar.grid import month_grid, neighbours
from ..calendar.structured import event_jsonld, events_json
from ..model.site import Site
from .plan import Asset, PageSpec, Plan
from .strings import translate

STRINGS = {
    "zh": {
        "events.upcoming": "近期活动",
        "events.ongoing": "长期活动",
        "events.recent": "最近举办",
        "events.none": "近期没有安排活动。",
        "events.by_year": "按年浏览",
        "events.by_category": "按类别浏览",
        "events.year": "{year}年活动一览",
        "events.month_grid": "月历",
        "events.month_list": "本月活动列表",
        "events.prev_month": "上个月",
        "events.next_month": "下个月",
        "events.view_month": "查看月历",
        "events.nothing_this_month": "本月没有安排活动。",
        "events.when": "时间",
        "events.lunar": "农历",
        "events.place": "地点",
        "events.organizer": "主办",
        "events.audience": "对象",
        "events.category": "类别",
        "events.status": "状态",
        "events.registration": "报名",
        "events.register": "在线报名",
        "events.notes": "说明",
        "events.all_dates": "全部日期",
        "events.except": "以下日期暂停：{dates}",
        "events.add": "加入我的日历",
        "events.subscribe": "订阅全部活动（日历）",
        "events.subscribe_category": "订阅此类活动（日历）",
        "events.subscribe_hall": "订阅本场馆活动（日历）",
        "events.at_hall": "近期在此举办的活动",
        "events.hall_none": "近期没有在此安排的活动。",
        "events.category_title": "{category}活动",
        "events.date_not_fixed": "（日期待定）",
        "events.past": "（已结束）",
        "events.more": "更多活动",
        "events.data": "活动开放数据（JSON）",
        "status.planned": "计划中",
        "status.confirmed": "已确定",
        "status.postponed": "延期",
        "status.cancelled": "已取消",
        "status.done": "已举办",
    },
    "en": {
        "events.upcoming": "Coming up",
        "events.ongoing": "Running all along",
        "events.recent": "Recently held",
        "events.none": "Nothing is scheduled in the coming weeks.",
        "events.by_year": "Browse by year",
        "events.by_category": "Browse by kind",
        "events.year": "Activities in {year}",
        "events.month_grid": "Month at a glance",
        "events.month_list": "This month's activities",
        "events.prev_month": "Previous month",
        "events.next_month": "Next month",
        "events.view_month": "Month view",
        "events.nothing_this_month": "Nothing is scheduled this month.",
        "events.when": "When",
        "events.lunar": "Lunar date",
        "events.place": "Where",
        "events.organizer": "Organiser",
        "events.audience": "For",
        "events.category": "Kind",
        "events.status": "Status",
        "events.registration": "Registration",
        "events.register": "Register online",
        "events.notes": "Notes",
        "events.all_dates": "All dates",
        "events.except": "No session on: {dates}",
        "events.add": "Add to my calendar",
        "events.subscribe": "Subscribe to all activities (calendar)",
        "events.subscribe_category": "Subscribe to this kind (calendar)",
        "events.subscribe_hall": "Subscribe to this venue's activities (calendar)",
        "events.at_hall": "Coming up here",
        "events.hall_none": "Nothing is scheduled here in the coming weeks.",
        "events.category_title": "{category}",
        "events.date_not_fixed": "(date not fixed yet)",
        "events.past": "(over)",
        "events.more": "More activities",
        "events.data": "Activity open data (JSON)",
        "status.planned": "Planned",
        "status.confirmed": "Confirmed",
        "status.postponed": "Postponed",
        "status.cancelled": "Cancelled",
        "status.done": "Held",
    },
}


def contribute(site: Site, plan: Plan) -> None:
    """Add every calendar page, feed and the open data file."""
    cal, default = site.calendar, site.default_language
    for lang in site.options.languages:

        def t(key: str, lang: str = lang, **kw: object) -> str:
            return translate(lang, default, key, **kw)

        plan.pages.append(PageSpec("events/", lang, "culture/events.html", t("events"), upcoming_context(site)))
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
                            "weeks": month_grid(year, month, [o for o in items if o not in whole]),
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
                    {"event": event, "occurrences": cal.for_event(event.id), "jsonld": _jsonld(site, event.id, lang)},
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


def this_week(site: Site) -> dict[str, Any]:
    """Upcoming occurrences as "today", "the rest of this week" (to Sunday) and "later"."""
    cal = site.calendar
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


def upcoming_context(site: Site) -> dict[str, Any]:
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


def _base(site: Site) -> str:
    return (site.options.site_url or "/").rstrip("/") + "/"


def _stamp(site: Site) -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.combine(site.options.build_date(), dt.time(0), dt.UTC)


def _feeds(site: Site, plan: Plan, lang: str) -> None:
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


def _jsonld(site: Site, event_id: str, lang: str) -> dict:
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
