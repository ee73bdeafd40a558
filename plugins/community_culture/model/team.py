"""Amateur teams (文艺队: 秧歌队, 健身操队, 二人台演唱队 ...): ``data/teams/<id>.yml``.

A team practises at fixed times and places (any ``when`` shape of the calendar) and
performs at events that name it in ``teams:``. Its leader is shown by role; a
person's name is published only with ``consent: true``, and free text is scanned for
phone numbers, ID-card numbers and home addresses like an honour entry.
"""

from __future__ import annotations

from collections.abc import Mapping as AbcMapping
from dataclasses import dataclass
from pathlib import Path

from ..core.fields import SLUG, Context, Fields
from ..core.loader import load_yaml
from ..core.problems import Position, Problem
from ..core.text import LText
from ..core.values import suggest_hall
from .privacy import scan_private
from .taxonomy import Taxonomies
from .when import When, read_when


@dataclass(frozen=True)
class Practice:
    """When and where a team practises."""

    when: When
    """什么时候练习（通常是重复规则）。When it practises."""
    source: Position
    hall: str | None = None
    """A hall id, checked once every file is read."""
    hall_pos: Position | None = None
    venue: LText | None = None
    """地点（不在场馆列表中的地方）。A place that is not one of the halls."""


@dataclass(frozen=True)
class Leader:
    """Who leads a team: a public role, and a name only when the person agreed."""

    role: LText | None = None
    """职务，例如 队长。The leader's role."""
    name: LText | None = None
    """Only ever set with ``consent: true``."""


@dataclass(frozen=True)
class Award:
    """A prize the team won."""

    year: int | None
    """年份。The year."""
    title: LText
    """奖项。The award."""


@dataclass(frozen=True)
class Team:
    """One amateur team."""

    id: str
    """The file name; the page is ``/teams/<id>/``."""
    name: LText
    """队名。The team's name."""
    kind: str
    """A term of the ``team_kinds`` vocabulary."""
    source: Position
    speciality: LText | None = None
    """一社一品: what the team is known for."""
    practice: tuple[Practice, ...] = ()
    """练习时间和地点。When and where it practises."""
    leader: Leader | None = None
    """队长：职务，以及本人同意后公开的姓名。The leader's role (and name, with consent)."""
    members: int | None = None
    """队员人数。Number of members."""
    join: LText | None = None
    """How to join."""
    awards: tuple[Award, ...] = ()
    """获奖（年份、奖项）。Awards won."""
    description: LText | None = None
    """Markdown."""

    @property
    def halls(self) -> tuple[str, ...]:
        """The halls the team practises in, in the order written, each once."""
        return tuple(dict.fromkeys(p.hall for p in self.practice if p.hall))


def load_teams(data_dir: Path, root: Path, ctx: Context, tax: Taxonomies) -> dict[str, Team]:
    """Read every ``data/teams/*.yml``; the id is the file name."""
    teams: dict[str, Team] = {}
    folder = data_dir / "teams"
    if not folder.is_dir():
        return teams
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yml", ".yaml") or path.name.startswith("."):
            continue
        display = path.relative_to(root).as_posix()
        if not SLUG.match(path.stem):
            ctx.reporter.error(
                Position(display),
                "",
                f"the file name '{path.name}' must be a valid id "
                "(lowercase letters, digits, hyphens), because it becomes the page address",
                "文件名即文艺队编号，只能用小写英文字母、数字和连字符",
            )
            continue
        f = Fields.open(load_yaml(path, display, ctx.reporter), ctx, "", "a team")
        if f is None:
            continue
        team = read_team(f, path.stem, tax)
        f.finish()
        if team is not None:
            teams[team.id] = team
    return teams


def read_team(f: Fields, team_id: str, tax: Taxonomies) -> Team | None:
    """Read one team mapping."""
    scan_private(f.node, f.prefix, f.ctx, "a team's page", "文艺队页面")
    name = f.text("name", required=True)
    kind = f.choice("kind", tax.team_kinds, "team kind", required=True)
    team = Team(
        id=team_id,
        name=name or LText(()),
        kind=kind or "",
        source=f.node.pos,
        speciality=f.text("speciality"),
        practice=tuple(f.each("practice", "a practice time with when: and hall: or venue:", read_practice)),
        leader=_read_leader(f.sub("leader", "the leader's role (and name, with consent)"), team_id),
        members=f.integer("members", minimum=1, maximum=10_000),
        join=f.text("join"),
        awards=tuple(f.each("awards", "an award with year and title", _read_award)),
        description=f.markdown("description"),
    )
    return team if name and kind else None


def read_practice(f: Fields) -> Practice | None:
    """One ``{when: ..., hall: id}`` (or ``venue:``) item of ``practice:``."""
    when = read_when(f)
    hall_node = f.scalar("hall")
    venue = f.text("venue")
    if hall_node is None and venue is None:
        f.error(f.node, "hall", "says neither hall: (a hall id) nor venue: (a place)", "请写明练习地点：hall 或 venue")
    if when is None:
        return None
    return Practice(
        when,
        f.node.pos,
        hall=hall_node.value.strip() if hall_node else None,
        hall_pos=hall_node.pos if hall_node else None,
        venue=venue,
    )


def _read_leader(f: Fields | None, team_id: str) -> Leader | None:
    if f is None:
        return None
    role = f.text("role")
    name_node = f.node.get("name")
    name = f.text("name")
    consent = f.boolean("consent")
    f.finish()
    if name is not None and not consent:
        # The name is dropped here, so no page, feed or file can show it.
        pos = name_node.pos if name_node is not None else f.node.pos
        # Reported without the source line: it holds the very name that is not to be shown.
        f.ctx.reporter.problems.add(
            Problem(
                pos,
                f.name("name"),
                f"the leader's name of team '{team_id}' is not published without 'consent: true'; "
                "the page shows the role only",
                "队长本人同意公开后，请加上 consent: true；在此之前只显示职务",
                "warning",
            )
        )
        f.ctx.reporter.problems.notes.append(
            f"{pos.path}:{pos.line}: teams: leader's name of '{team_id}' left out of the site (no consent)"
            "（未发布：未登记本人同意）"
        )
        name = None
    return Leader(role, name) if role or name else Leader()


def _read_award(f: Fields) -> Award | None:
    year = f.integer("year", minimum=1900, maximum=2200)
    title = f.text("title", required=True)
    return Award(year, title) if title else None


def check_team_halls(teams: dict[str, Team], halls: AbcMapping[str, object], ctx: Context) -> None:
    """Second pass: every practice ``hall:`` names a hall that exists."""
    for team in teams.values():
        for i, practice in enumerate(team.practice):
            if practice.hall is not None and practice.hall not in halls:
                ctx.reporter.error(
                    practice.hall_pos or practice.source,
                    f"practice[{i}].hall",
                    f"unknown hall '{practice.hall}'{suggest_hall(practice.hall, halls)} "
                    f"(halls: {', '.join(halls) or 'none'}); or write the place as venue: text",
                    "找不到这个场馆编号；不在场馆列表中的地点请写在 venue 里",
                )
