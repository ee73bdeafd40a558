"""The whole site's data, loaded and validated in one run.

:func:`load_site` is what both faces of the project call — ``culture check`` and the
MkDocs plugin — so they always agree. It reads every file, collects every problem,
then checks cross-references in a second pass once every file has parsed.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..core import strings
from ..core.fields import Context
from ..core.files import check_svgs, outside_links
from ..core.frontmatter import check_front_matter
from ..core.loader import Reporter
from ..core.media import IMAGE_SUFFIXES
from ..core.parsecache import ParseCache
from ..core.problems import Position, Problems
from ..core.recordcache import RecordCache
from .boards import Board
from .community import Community, load_community
from .event import Event, check_event_halls, load_events
from .exhibit import Exhibit, check_exhibit_halls, load_exhibits
from .hall import Hall, Standard, load_halls, load_standards
from .honor import Entry, HonorRoll, load_honors
from .plan import YearPlan, check_plan_refs, load_plans
from .print_settings import PrintSettings
from .record import check_event_teams, check_records
from .taxonomy import Taxonomies, load_taxonomies
from .team import Team, check_team_halls, load_teams

KNOWN_DATA = (
    "community.yml",
    "standards.yml",
    "taxonomies.yml",
    "halls",
    "events",
    "honors",
    "exhibits",
    "teams",
    "plan",
)


@dataclass(frozen=True)
class Options:
    """Where the project lives and how to read it; independent of any site engine."""

    root: Path
    """The project folder (where ``mkdocs.yml`` is); paths in messages are relative to it."""
    data_dir: Path
    content_dir: Path
    languages: tuple[str, ...] = ("zh", "en")
    """Language codes, the default (served at the site root) first."""
    as_of: dt.date | None = None
    """The date ages and "upcoming" are computed against; None: SOURCE_DATE_EPOCH or today."""
    site_url: str | None = None
    honors_noindex: bool = True
    """Ask search engines not to index the honor boards (and leave them out of the sitemap)."""
    cache_dir: Path | None = None
    """Where print files and image copies are kept between builds; None: nowhere."""
    template_dirs: tuple[Path, ...] = ()
    """Template folders searched before the plugin's own (a site's ``overrides/``)."""
    print: PrintSettings = field(default_factory=PrintSettings)
    """PDF/X flavour, colour profile, marks and resolution limits of the print files."""
    reminder_minutes: int | None = None
    """Calendar feeds carry a reminder (VALARM) this many minutes before each activity; None: none."""

    def build_date(self) -> dt.date:
        """One date for the whole build: ``as_of``, else SOURCE_DATE_EPOCH, else today (UTC+8)."""
        if self.as_of is not None:
            return self.as_of
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone(dt.timedelta(hours=8))).date()
        return dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()


@dataclass(frozen=True)
class Site:
    """Everything the pages are made from."""

    options: Options
    community: Community
    taxonomies: Taxonomies
    standards: dict[str, Standard]
    halls: dict[str, Hall] = field(default_factory=dict)
    """Halls by id, sorted by id."""
    events: dict[str, Event] = field(default_factory=dict)
    """Events by id, sorted by id."""
    boards: dict[str, Board] = field(default_factory=dict)
    """Honor boards by id, in the order listed."""
    honors: dict[str, list[Entry]] = field(default_factory=dict)
    """PUBLISHED honor entries by board id; people without consent or withdrawn are never here."""
    withheld_photos: tuple[str, ...] = ()
    """Images (relative to ``content/``) of people who are not published: never copied into the site."""
    withheld_words: tuple[str, ...] = ()
    """Ids, names and photo file names of people who are not published: no message may show them."""
    exhibits: dict[str, Exhibit] = field(default_factory=dict)
    """Exhibits by id, sorted by id."""
    teams: dict[str, Team] = field(default_factory=dict)
    """Amateur teams by id, sorted by id; leaders' names only where they consented."""
    plans: dict[int, YearPlan] = field(default_factory=dict)
    """Work-plan targets by year, sorted by year."""

    @property
    def default_language(self) -> str:
        """The language served at the site root."""
        return self.options.languages[0]


@functools.cache
def _readers_code() -> bytes:
    """A digest of the model's modules: the readers whose records :class:`RecordCache` keeps."""
    h = hashlib.sha256()
    for source in sorted(Path(__file__).parent.glob("*.py")):
        h.update(source.name.encode() + b"\0" + source.read_bytes())
    return h.digest()


def load_site(options: Options) -> tuple[Site | None, Problems]:
    """Load and validate every data file and page front matter.

    Returns:
        The site (None when any error was found) and every problem of the run.
    """
    cache = ParseCache(options.cache_dir / "parsed") if options.cache_dir is not None else None
    reporter = Reporter(cache=cache)
    records = RecordCache(options.cache_dir / "records", _readers_code()) if options.cache_dir is not None else None
    ctx = Context(reporter, options.languages, options.content_dir, records=records)
    root, data = options.root, options.data_dir
    if not data.is_dir():
        reporter.error(Position(_rel(data, root)), "", "the data folder does not exist", "找不到 data 文件夹")
        return None, reporter.problems
    _report_unknown_entries(data, root, reporter)
    # Nothing is read before every link out of the project is known: a data file linked
    # to /proc/self/environ would otherwise be quoted in a syntax error.
    links = outside_links(data, root, reporter)
    if options.content_dir.is_dir():
        links += outside_links(options.content_dir, root, reporter)
        check_svgs(options.content_dir, root, reporter)
    if links:
        return None, reporter.problems
    strings.use_template_dirs(options.template_dirs)
    for path, message in strings.problems(options.template_dirs):
        reporter.warning(
            Position(_rel(path, root)),
            "",
            f"{message}; the site's own words in it are not used",
            "界面文字文件格式不对：每行写“键: 文字”，本站暂用默认文字",
        )
    taxonomies = load_taxonomies(data, root, ctx)
    standards = load_standards(data, root, ctx, taxonomies)
    community = load_community(data, root, ctx)
    halls = load_halls(data, root, ctx, taxonomies)
    events = load_events(data, root, ctx, taxonomies)
    check_event_halls(events, halls, ctx)
    teams = load_teams(data, root, ctx, taxonomies)
    check_team_halls(teams, halls, ctx)
    check_event_teams(events, teams, ctx)
    check_records(events, options.build_date(), ctx)
    plans = load_plans(data, root, ctx, taxonomies)
    check_plan_refs(plans, events, halls, ctx)
    honors = load_honors(data, root, ctx, taxonomies, options.build_date())
    exhibits = load_exhibits(data, root, ctx)
    check_exhibit_halls(exhibits, halls, ctx)
    withheld = _withhold_everywhere(honors, halls, exhibits, options.content_dir, reporter)
    if options.content_dir.is_dir():
        check_front_matter(options.content_dir, root, reporter)
    else:
        reporter.error(
            Position(_rel(options.content_dir, root)), "", "the content folder does not exist", "找不到 content 文件夹"
        )
    problems = reporter.problems
    # Suggestions come from published data only: no file that stays out of the site.
    problems.redact(honors.withheld_words, (photo.rsplit("/", 1)[-1] for photo in honors.withheld_photos))
    if cache is not None:
        cache.prune()
    if records is not None:
        records.prune()
    if problems.errors or community is None:
        return None, problems
    site = Site(
        options,
        community,
        taxonomies,
        standards,
        dict(sorted(halls.items())),
        events=events,
        boards=honors.boards,
        honors=honors.entries,
        withheld_photos=withheld,
        withheld_words=honors.withheld_words,
        exhibits=exhibits,
        teams=dict(sorted(teams.items())),
        plans=dict(sorted(plans.items())),
    )
    return site, problems


def _withhold_everywhere(
    honors: HonorRoll, halls: dict[str, Hall], exhibits: dict[str, Exhibit], content: Path, reporter: Reporter
) -> tuple[str, ...]:
    """The photos of people who are not published, and every copy of them under another name.

    None of them may appear on any page or print file: a hall photo or an exhibit panel
    that uses one is an error (named by place, never by person).
    """
    withheld = set(honors.withheld_photos)
    digests = {d for d in (_digest(content / src) for src in withheld) if d}
    if digests and content.is_dir():
        for path in sorted(content.rglob("*")):
            if path.suffix.lower() in IMAGE_SUFFIXES and path.is_file() and not path.is_symlink():
                src = path.relative_to(content).as_posix()
                if src not in withheld and _digest(path) in digests:
                    withheld.add(src)
    uses = [(hall.source, photo.src, "photos") for hall in halls.values() for photo in hall.photos]
    # The very same file on a published entry is reported by the honour boards.
    uses += [
        (e.source, e.photo, "photo")
        for entries in honors.entries.values()
        for e in entries
        if e.photo and e.photo not in honors.withheld_photos
    ]
    uses += [(p.source, image.src, "images") for ex in exhibits.values() for p in ex.panels for image in p.images]
    for pos, src, fieldname in uses:
        if str(PurePosixPath(src)) in withheld:
            reporter.error(
                pos,
                fieldname,
                f"content/{src} is (a copy of) the photo of a person who is not published on an honour "
                "board; it cannot appear on any page or print file",
                "这张照片是未公开（未同意或已撤下）人员的照片，不能用在任何页面或印刷品上",
            )
    return tuple(sorted(withheld))


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _report_unknown_entries(data: Path, root: Path, reporter: Reporter) -> None:
    from ..core.fields import suggest

    for entry in sorted(data.iterdir()):
        if entry.name.startswith(".") or entry.name in KNOWN_DATA:
            continue
        if entry.suffix == ".yaml" and entry.with_suffix(".yml").name in KNOWN_DATA:
            reporter.error(
                Position(_rel(entry, root)), "", f"name the file '{entry.stem}.yml' (with .yml)", "文件扩展名请用 .yml"
            )
            continue
        reporter.warning(
            Position(_rel(entry, root)),
            "",
            f"'{entry.name}' is not read by the site{suggest(entry.name, KNOWN_DATA)}",
            "这个文件或文件夹不会被网站读取，请检查名称",
        )


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
