"""Honor boards (道德榜, 能人榜, 寿星榜 ...): ``data/honors/boards.yml`` and ``data/honors/<board>.yml``.

The people on these boards are real residents, many of them elderly. Every entry is
read and checked, but only entries with ``consent: true`` and without
``withdrawn: true`` leave this module: the site is handed published entries only, so
no page, feed, search index or print file can show anyone else. Who was left out,
and why, goes into the build report by file, line and id — never by name. Personal
details that do not belong on a public board (a birth date, a phone or ID-card
number, a home address) are errors in any entry, published or not.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..core.fields import Context, Fields, suggest
from ..core.loader import Mapping, Node, Scalar, Sequence, load_yaml
from ..core.problems import Position, Problem
from ..core.text import LText
from .boards import BOARDS_FILE, Board, load_boards
from .privacy import FULL_DATE, find_private
from .taxonomy import Taxonomies

ENTRY_FIELDS = frozenset(
    {
        "entries",
        "id",
        "name",
        "year",
        "title",
        "category",
        "awarded_by",
        "citation",
        "photo",
        "consent",
        "guardian_consent",
        "withdrawn",
        "born",
        "zh",
        "en",
        "consent: true",
        "guardian_consent: true",
        "entries:",
        "born:",
        *BOARDS_FILE.split(),
    }
)
"""What a message about an honour file may quote: field names, never values."""
ADULT_AGE = 18
OLDEST_BIRTH_YEAR = 1880
"""An earlier ``born`` is a typing slip, not an elder."""


@dataclass(frozen=True)
class Entry:
    """One published person (or family) on a board."""

    id: str
    """Unique across every board; the entry's anchor on its board page."""
    board: str
    name: LText
    """姓名（须本人或家属同意公开）。The person's name (published only with consent)."""
    source: Position
    """Where the entry was written."""
    year: int | None = None
    """The year of the honor; entries are grouped by it, newest first."""
    title: LText | None = None
    """The honor itself, e.g. 孝老爱亲模范."""
    category: str | None = None
    """One of the five national 好人 categories (``honor_categories``)."""
    awarded_by: LText | None = None
    """授予单位。Who awarded the honour."""
    citation: LText | None = None
    """Markdown: why the person is honored."""
    photo: str | None = None
    """Path relative to ``content/``."""
    born: int | None = None
    """The birth year only; a birth date is never stored."""

    def age(self, on: dt.date) -> int | None:
        """The age the person reaches in the year of ``on`` (None without a birth year)."""
        return None if self.born is None else on.year - self.born


@dataclass(frozen=True)
class HonorRoll:
    """Every board with its published entries, and what must stay out of the site."""

    boards: dict[str, Board] = field(default_factory=dict)
    """Boards by id, in the order they are listed."""
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    """Published entries by board id, in the order written."""
    withheld_photos: tuple[str, ...] = ()
    """Images (relative to ``content/``) that must not be copied into the site."""
    withheld_words: tuple[str, ...] = ()
    """Ids, names and photo file names of people who are not published: no message may show them."""


@dataclass(frozen=True)
class _Read:
    """An entry as read, before deciding whether it is published."""

    entry: Entry
    reason: str | None
    """Why it is left out (``no-consent``, ``consent-false``, ``withdrawn``), or None."""


_REASONS = {
    "no-consent": ("consent is not recorded", "未登记本人同意"),
    "consent-false": ("consent: false", "本人未同意公开"),
    "consent-unreadable": ("consent is neither true nor false", "consent 只能写 true 或 false"),
    "withdrawn": ("withdrawn: true", "已撤下"),
    "minor": ("under 18 without 'guardian_consent: true'", "未成年人，未登记监护人同意"),
}


def load_honors(data_dir: Path, root: Path, ctx: Context, tax: Taxonomies, as_of: dt.date) -> HonorRoll:
    """Read the boards and their entries; keep only the published ones.

    Args:
        data_dir: The ``data/`` folder.
        root: The project folder (paths in messages are relative to it).
        ctx: Where problems go, the site's languages and the content folder.
        tax: The vocabularies (``honor_categories``).
        as_of: The build date, against which birth years and honor years are checked.
    """
    folder = data_dir / "honors"
    boards = load_boards(folder, root, ctx)
    read: list[_Read] = []
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            vocabulary = ENTRY_FIELDS | set(boards) | set(tax.honor_categories) | {path.stem}
            ctx.reporter.private[path.relative_to(root).as_posix()] = frozenset(vocabulary)
            if path.suffix not in (".yml", ".yaml") or path.name.startswith(".") or path.name == BOARDS_FILE:
                continue
            if path.stem == "boards":
                display = path.relative_to(root).as_posix()
                ctx.reporter.error(Position(display), "", f"name the file '{BOARDS_FILE}'", "文件扩展名请用 .yml")
                continue
            read += _load_board_file(path, root, ctx, tax, boards, as_of)
    _check_unique(read, ctx)
    published: dict[str, list[Entry]] = {board_id: [] for board_id in boards}
    withheld: set[str] = set()
    words: set[str] = set()
    for item in read:
        if item.reason is None:
            published[item.entry.board].append(item.entry)
            continue
        english, chinese = _REASONS[item.reason]
        # By place only: an unpublished person's name or id never reaches a build log.
        where = f"{item.entry.source.path}:{item.entry.source.line}"
        # The line tells the editor which entry; the note itself names no one.
        ctx.reporter.problems.notes.append(
            f"{where}: honors: an entry left out of the site ({english})（未发布：{chinese}）"
        )
        words.add(item.entry.id)
        words.update(text for _, text in item.entry.name.values)
        if item.entry.photo:
            withheld.add(item.entry.photo)
    left_out = sum(1 for item in read if item.reason is not None)
    if left_out:
        ctx.reporter.problems.notes.append(
            f"honors: {left_out} entr{'y' if left_out == 1 else 'ies'} left out of the site（共 {left_out} 条未发布）"
        )
    _check_shared_photos(published, withheld, ctx)
    # The photos of entries left out name a person; stray files name no one.
    words.update(photo.rsplit("/", 1)[-1] for photo in withheld)
    withheld |= _unused_photos(published, withheld, ctx)
    return HonorRoll(boards, published, tuple(sorted(withheld)), tuple(sorted(w for w in words if len(w) >= 2)))


def _load_board_file(
    path: Path, root: Path, ctx: Context, tax: Taxonomies, boards: dict[str, Board], as_of: dt.date
) -> list[_Read]:
    display = path.relative_to(root).as_posix()
    if path.stem not in boards:
        known = ", ".join(boards) or "none"
        ctx.reporter.error(
            Position(display),
            "",
            f"there is no board '{path.stem}'{suggest(path.stem, boards)} (boards: {known}); "
            f"the file name is the board's id, and boards are listed in {BOARDS_FILE}",
            "文件名就是榜单编号；新的榜单请先在 data/honors/boards.yml 中登记",
        )
        return []
    f = Fields.open(load_yaml(path, display, ctx.reporter), ctx, "", "a file with an 'entries:' list")
    if f is None:
        return []
    read = f.each("entries", "an honor entry", lambda item: read_entry(item, path.stem, tax, as_of), required=True)
    f.finish()
    return read


def read_entry(f: Fields, board: str, tax: Taxonomies, as_of: dt.date) -> _Read | None:
    """Read one entry of a board's ``entries:`` list, with its publication decision."""
    _scan(f.node, f.prefix, f.ctx)
    entry_id = f.slug("id", required=True)
    name = f.text("name", required=True)
    consent_node = f.node.get("consent")
    consent = f.boolean("consent")
    guardian = f.boolean("guardian_consent")
    withdrawn = f.boolean("withdrawn")
    entry = Entry(
        id=entry_id or "",
        board=board,
        name=name or LText(()),
        source=f.node.pos,
        year=f.integer("year", minimum=1900, maximum=as_of.year),
        title=f.text("title"),
        category=f.choice("category", tax.honor_categories, "honor category"),
        awarded_by=f.text("awarded_by"),
        citation=f.markdown("citation"),
        photo=_normalized(f.image("photo")),
        born=_read_born(f, as_of),
    )
    if not (entry_id and name):
        return None
    if withdrawn:
        return _Read(entry, "withdrawn")
    if consent and entry.born is not None and as_of.year - entry.born < ADULT_AGE and not guardian:
        # A child's own "yes" is not enough: a parent or guardian must agree, and the
        # record of it is `guardian_consent: true`.
        _add(
            f.ctx,
            f.node.pos,
            f.name("guardian_consent"),
            "this entry is of a person under 18, so it is left out of the site until a parent's or "
            "guardian's consent is recorded as 'guardian_consent: true'",
            "未满18岁的居民，须征得监护人同意并填写 guardian_consent: true 后才能公开",
            "warning",
        )
        return _Read(entry, "minor")
    if consent:
        return _Read(entry, None)
    if consent_node is None or (isinstance(consent_node, Scalar) and consent_node.is_null):
        # A forgotten consent is a slip to fix, so `culture check --strict` fails on it;
        # an explicit `consent: false` is the person's answer and needs no fixing.
        _add(
            f.ctx,
            consent_node.pos if consent_node is not None else f.node.pos,
            f.name("consent"),
            "this entry has no 'consent: true', so it is left out of the site; "
            "add it once the person (or their family) has agreed to be published",
            "本人（或家属）同意公开后，请加上 consent: true；在此之前不会发布",
            "warning",
        )
        return _Read(entry, "no-consent")
    if isinstance(consent_node, Scalar) and consent_node.value.strip().lower() != "false":
        # `consent: yes` is reported as an error above; it is not the person's "no".
        return _Read(entry, "consent-unreadable")
    return _Read(entry, "consent-false")


def _normalized(src: str | None) -> str | None:
    # `./images/x.jpg` and `images/x.jpg` are one file: compare and withhold them as one.
    return str(PurePosixPath(src)) if src else None


def _read_born(f: Fields, as_of: dt.date) -> int | None:
    node = f.scalar("born")
    if node is None:
        return None
    value = node.value.strip()
    if FULL_DATE.search(value):
        _add(
            f.ctx,
            node.pos,
            f.name("born"),
            "a full birth date is not published; write the year of birth only, e.g. born: 1932",
            "出生日期不公开，只填写出生年份，例如 born: 1932",
        )
        return None
    if not re.fullmatch(r"\d{4}", value) or node.quoted:
        f.error(node, "born", f"expected a year of birth such as 1932, found '{value}'", "只填写出生年份，例如 1932")
        return None
    year = int(value)
    if not OLDEST_BIRTH_YEAR <= year <= as_of.year:
        f.error(
            node,
            "born",
            f"expected a year of birth between {OLDEST_BIRTH_YEAR} and {as_of.year}, found {year}",
            "出生年份不对，请核对",
        )
        return None
    return year


def _scan(node: Mapping, prefix: str, ctx: Context) -> None:
    """Report a birth date, phone number, ID number or home address anywhere in an entry."""
    for key, value in node:
        name = f"{prefix}.{key}" if prefix else key
        for fieldname, scalar in _scalars(value, name):
            for found in find_private(scalar.value):
                if found.kind == "birth-date" and key == "born":
                    continue  # `born` explains a full date in its own words
                english, chinese = _KINDS[found.kind]
                _add(
                    ctx,
                    _locate(scalar, scalar.value[found.start : found.end], ctx),
                    fieldname,
                    f"looks like {english}; an honor entry must not hold birth dates, phone or ID-card "
                    "numbers or home addresses",
                    f"荣誉榜不公开{chinese}，请删除",
                )


_KINDS = {
    "birth-date": ("a birth date (give the year of birth as born: instead)", "出生日期（只写出生年份 born）"),
    "phone": ("a phone number", "电话号码"),
    "id-card": ("an ID-card number", "身份证号码"),
    "address": ("a home address", "家庭住址"),
}


def _scalars(node: Node, name: str) -> list[tuple[str, Scalar]]:
    if isinstance(node, Scalar):
        return [(name, node)]
    if isinstance(node, Sequence):
        return [pair for i, item in enumerate(node.items) for pair in _scalars(item, f"{name}[{i}]")]
    return [pair for key, value in node for pair in _scalars(value, f"{name}.{key}")]


def _locate(scalar: Scalar, needle: str, ctx: Context) -> Position:
    """Where ``needle`` stands in the file: block text (``|``) runs over the lines below its key."""
    first = scalar.pos.line
    for line in range(first, first + scalar.value.count("\n") + 2):
        source = ctx.reporter.sources.line(scalar.pos.path, line)
        if source is None:
            break
        col = source.find(needle, scalar.pos.col - 1 if line == first else 0)
        if col >= 0:
            return Position(scalar.pos.path, line, col + 1)
    return scalar.pos  # folded or escaped text: the start of the value is near enough


def _add(ctx: Context, pos: Position, fieldname: str, message: str, hint: str, severity: str = "error") -> None:
    # Added without the source line: the line may hold a resident's name or the very
    # number at fault, and build logs are read by more people than the data is.
    ctx.reporter.problems.add(
        Problem(pos, fieldname, message, hint, "warning" if severity == "warning" else "error", None)
    )


def _check_unique(read: list[_Read], ctx: Context) -> None:
    seen: dict[str, Position] = {}
    for item in read:
        first = seen.get(item.entry.id)
        if first is None:
            seen[item.entry.id] = item.entry.source
        else:
            ctx.reporter.error(
                item.entry.source,
                "id",
                f"this id is already used by the entry at {first.path}:{first.line}",
                "荣誉榜条目的编号重复，每条的编号必须唯一",
            )


def _check_shared_photos(published: dict[str, list[Entry]], withheld: set[str], ctx: Context) -> None:
    for entries in published.values():
        for entry in entries:
            if entry.photo in withheld:
                ctx.reporter.error(
                    entry.source,
                    "photo",
                    "this entry uses the photo of an entry that is not published; "
                    "each person needs a photo of their own",
                    "这张照片也属于一位未发布的居民，请为每人使用各自的照片",
                )


def _unused_photos(published: dict[str, list[Entry]], withheld: set[str], ctx: Context) -> set[str]:
    """Files under ``images/honors/`` that no published entry shows: they stay out too.

    An editor who deletes a withdrawn person's entry may leave the photo behind;
    published, it would sit at an address anyone can guess from the person's name.
    """
    if ctx.content_dir is None or not (ctx.content_dir / "images" / "honors").is_dir():
        return set()
    shown = {entry.photo for entries in published.values() for entry in entries if entry.photo}
    unused: set[str] = set()
    for path in sorted((ctx.content_dir / "images" / "honors").rglob("*")):
        src = PurePosixPath(path.relative_to(ctx.content_dir).as_posix())
        if not path.is_file() or str(src) in shown or str(src) in withheld:
            continue
        unused.add(str(src))
        ctx.reporter.problems.notes.append(
            f"content/{src}: honors: not copied into the site: it is not the photo of a published entry"
            "（未发布：不是已公开条目的照片）"
        )
    return unused
