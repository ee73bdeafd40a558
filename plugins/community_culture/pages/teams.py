"""Amateur team pages: ``/teams/``, ``/teams/<id>/`` and ``/teams/<id>/events.ics`` in every language.

A team's feed holds its practice sessions and the events it performs at, so that a
member's phone knows both; practice sessions link to the team's page, performances
to their event's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..build import Build
from ..calendar import ics
from ..calendar.occurrence import Occurrence, expand
from ..core.strings import translate
from ..core.text import LText
from ..model.event import Event
from ..model.team import Practice, Team
from .events import _base, _stamp
from .plan import Asset, PageSpec, Plan

UPCOMING_DAYS = 366
"""How far ahead a team's page lists performances."""
PRACTICE_SHOWN = 6
"""How many of the next practice sessions a team's page lists."""


@dataclass(frozen=True)
class PracticeTimes:
    """One practice item with its occurrences, as the team page tells it."""

    practice: Practice
    event: Event
    occurrences: tuple[Occurrence, ...]


def contribute(site: Build, plan: Plan) -> None:
    """Add the teams index, one page and one feed per team, in every language."""
    default = site.default_language
    for lang in site.options.languages:
        if site.teams:
            plan.pages.append(
                PageSpec("teams/", lang, "culture/teams.html", translate(lang, default, "teams"), {"teams": site.teams})
            )
        for team in site.teams.values():
            plan.pages.append(
                PageSpec(
                    f"teams/{team.id}/",
                    lang,
                    "culture/team.html",
                    team.name.get(lang, default),
                    team_context(site, team),
                )
            )
            _feed(site, plan, team, lang)


def practice_times(site: Build, team: Team) -> list[PracticeTimes]:
    """Each practice item as a calendar event of its own (for words, lists and the feed)."""
    default = site.default_language
    title = LText(
        tuple(
            (lang, translate(lang, default, "teams.practice.title", name=team.name.get(lang, default)))
            for lang in site.options.languages
        )
    )
    out = []
    for i, practice in enumerate(team.practice, start=1):
        event = Event(
            id=f"team-{team.id}-practice-{i}",
            title=title,
            category="practice",
            when=practice.when,
            source=practice.source,
            hall=practice.hall,
            venue=practice.venue,
            status="confirmed",
        )
        out.append(PracticeTimes(practice, event, tuple(expand(event))))
    return out


def performances(site: Build, team: Team) -> list[Occurrence]:
    """Every occurrence of the events the team performs at, in date order."""
    return [o for o in site.calendar.occurrences if team.id in o.event.teams]


def team_context(site: Build, team: Team) -> dict[str, object]:
    """What a team's page shows: practice, next sessions, coming and past performances."""
    today = site.calendar.today
    times = practice_times(site, team)
    sessions = sorted(
        (o for t in times for o in t.occurrences if o.last >= today),
        key=lambda o: (o.first, o.start_time or dt.time(0)),
    )
    shows = performances(site, team)
    horizon = today.toordinal() + UPCOMING_DAYS
    return {
        "team": team,
        "practice": times,
        "sessions": sessions[:PRACTICE_SHOWN],
        "upcoming": [o for o in shows if o.last >= today and o.first.toordinal() <= horizon],
        "performed": [
            o
            for o in shows
            if o.first < today and o.first.year == today.year and o.event.status not in ("cancelled", "postponed")
        ],
    }


def _feed(site: Build, plan: Plan, team: Team, lang: str) -> None:
    default = site.default_language
    prefix = "" if lang == default else f"{lang}/"
    places = {
        h.id: ", ".join(filter(None, (h.name.get(lang, default), h.address.get(lang, default) if h.address else None)))
        for h in site.halls.values()
    }
    practice_ids: set[str] = set()

    def make() -> bytes:
        times = practice_times(site, team)
        practice_ids.update(t.event.id for t in times)
        occurrences = sorted(
            [o for t in times for o in t.occurrences] + performances(site, team),
            key=lambda o: (o.first, o.start_time or dt.time(0), o.event.id),
        )
        return ics.feed(
            occurrences,
            site.calendar,
            name=f"{site.community.name.get(lang, default)} · {team.name.get(lang, default)}",
            lang=lang,
            default=default,
            base_url=_base(site),
            stamp=_stamp(site),
            location_of=places,
            url_of=lambda o: f"teams/{team.id}/" if o.event.id in practice_ids else f"events/{o.event.id}/",
        )

    plan.assets.append(Asset(f"{prefix}teams/{team.id}/events.ics", make))
