"""JSON Schemas of the data files, for editors' tools (completion, underlines), recorded from the readers.

An editor who adds ``# yaml-language-server: $schema=<path>`` to a file, or maps the
folders in their editor's settings, gets the fields, the known vocabularies and the
shapes of ``when:`` while typing. The schemas are not written by hand: each reader is
run once on a :class:`Recorder`, which notes every field it asks for, typed as asked,
and the model's field docs become the descriptions. ``culture schemas`` writes them
out; a test checks the committed copies are current and the example data validates.
"""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import itertools
import json
import re
import textwrap
from collections.abc import Callable, Iterable
from collections.abc import Mapping as AbcMapping
from pathlib import Path
from typing import Any, TypeVar

from ..core.dates import FESTIVALS
from ..core.fields import Context, Fields
from ..core.loader import Mapping as LoaderMapping
from ..core.loader import Node, Reporter, Scalar
from ..core.problems import Position
from . import boards, community, event, exhibit, hall, honor, plan, team
from .plan import PERIODS
from .record import Record
from .sizes import NAMED
from .taxonomy import DEFAULTS, load_taxonomies

T = TypeVar("T")

Schema = dict[str, Any]
SLUG = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
DATE = {"type": "string", "pattern": "^\\d{4}-\\d{1,2}-\\d{1,2}$", "description": "YYYY-MM-DD"}
MONTH = {"type": "string", "pattern": "^\\d{4}-\\d{1,2}$", "description": "YYYY-MM"}
TIME = {"type": "string", "pattern": "^\\d{1,2}:\\d{2}(\\s*[-–~]\\s*\\d{1,2}:\\d{2})?$", "description": "19:00-21:00"}

EVERY = {
    "type": "string",
    "description": "day, week, 2 weeks, month, quarter, year, N weeks, N months; 每天、每周、每两周、每月、每季度、每年",
    "examples": ["week", "2 weeks", "month", "quarter", "year", "每周", "每两周", "每月", "每季度"],
}
ON = {
    "type": "string",
    "description": "tuesday, 2nd saturday, last sunday, day 15; 周二、第二个周六、最后一个周日、15日",
    "examples": ["monday", "tuesday", "2nd saturday", "last sunday", "day 15", "周二", "第二个周六", "15日"],
}


def text(description: str = "") -> Schema:
    """Localized text: a string (default language) or one per language."""
    per_lang = {
        "type": "object",
        "properties": {"zh": {"type": "string"}, "en": {"type": "string"}},
        "additionalProperties": False,
    }
    schema: Schema = {"anyOf": [{"type": "string"}, per_lang]}
    return {"description": description, **schema} if description else schema


def obj(properties: dict[str, Schema], required: tuple[str, ...] = (), description: str = "") -> Schema:
    """A mapping with exactly these keys."""
    out: Schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        out["required"] = list(required)
    if description:
        out["description"] = description
    return out


def terms(vocabulary: AbcMapping[str, Any], description: str) -> Schema:
    """One term of a vocabulary: the shipped ones are offered, a site's own are allowed."""
    return {"description": description, "anyOf": [{"enum": list(vocabulary)}, SLUG]}


def many(item: Schema) -> Schema:
    """A list of items."""
    return {"type": "array", "items": item}


_EXTRA = {"except": many(DATE), "notes": text("说明")}
WHEN: Schema = {
    "description": "什么时候 when: one day, a span, (part of) a month, a festival, a Chinese-calendar date, or a repeat",
    "oneOf": [
        obj({"date": DATE, "time": TIME, **_EXTRA}, ("date",), "one day"),
        obj({"start": DATE, "end": DATE, **_EXTRA}, ("start", "end"), "a span of days"),
        obj({"month": MONTH, "part": {"enum": ["early", "mid", "late"]}, **_EXTRA}, ("month",), "(part of) a month"),
        obj({"from": MONTH, "to": MONTH, **_EXTRA}, ("from", "to"), "across months"),
        obj(
            {"festival": {"enum": list(FESTIVALS)}, "year": {"type": "integer"}, "time": TIME, **_EXTRA},
            ("festival", "year"),
            "a named festival",
        ),
        obj(
            {
                "lunar": {"type": "string", "pattern": "^(闰|leap-?)?\\d{1,2}-\\d{1,2}$"},
                "year": {"type": "integer"},
                "time": TIME,
                **_EXTRA,
            },
            ("lunar", "year"),
            "a Chinese-calendar date",
        ),
        obj(
            {"rrule": {"type": "string"}, "start": DATE, "until": DATE, "time": TIME, **_EXTRA},
            ("rrule", "start"),
            "repeating (RFC 5545)",
        ),
        obj(
            {"every": EVERY, "on": {"anyOf": [ON, many(ON)]}, "start": DATE, "until": DATE, "time": TIME, **_EXTRA},
            ("every", "start", "until"),
            "repeating, in words: every: month, on: 2nd saturday / every: 每月, on: 第二个周六",
        ),
    ],
}
SHAPES: dict[str, Schema] = {
    "when": WHEN,
    "hall": {**SLUG, "description": "场馆编号 a hall id (data/halls/<id>.yml)"},
    "event": SLUG,
    "teams": many({**SLUG, "description": "文艺队编号 a team id"}),
    "date": DATE,
    "timezone": {"type": "string", "default": "Asia/Shanghai"},
    "opening_hours": {"type": "string", "description": "OpenStreetMap syntax, e.g. Mo-Fr 08:30-17:30"},
    "born": {"type": "integer", "description": "birth YEAR only 只填出生年份"},
    "title": text("标题 title"),
    "body": text("Markdown"),
    "panels": many({}),
    "size": {
        "anyOf": [
            {"enum": list(NAMED)},
            obj({"width_mm": {"type": "number"}, "height_mm": {"type": "number"}}, ("width_mm", "height_mm")),
        ]
    },
    "min": {**obj({period: {"type": "integer", "minimum": 1} for period in PERIODS}), "minProperties": 1},
}
"""The shapes of fields the readers parse by hand (as raw nodes), by field name."""


class Recorder(Fields):
    """A :class:`Fields` that reads nothing and writes down what a reader asks for.

    Each typed question (``f.integer("seats", minimum=0)``, ``f.choice("kind", ...)``,
    ``f.each("photos", ..., read_photo)``) becomes that field's schema, so the schemas
    say exactly what the readers accept. Fields a reader parses by hand (``when:``, a
    print ``size:``) are read as raw nodes; their shapes are given in :data:`SHAPES`.
    Descriptions are the model's field docs (the docstring under each dataclass field).
    """

    def __init__(self, docs: dict[str, str], parent: Recorder | None = None, key: str = "", required: bool = False):
        super().__init__(LoaderMapping({}, Position("schema.yml", 1, 1)), Context(Reporter()), key)
        self.docs = docs
        self.properties: dict[str, Schema] = {}
        self.required: list[str] = []
        self._hand_read: set[str] = set()
        self._parent, self._key, self._is_required = parent, key, required

    def _record(self, key: str, schema: Schema, required: bool, by_hand: bool = False) -> None:
        self._seen.add(key)
        if key not in self.properties or (key in self._hand_read and not by_hand):
            described = {**schema}
            doc = self.docs.get(key)
            if doc:  # the model's field doc says it best
                described = {"description": doc, **{k: v for k, v in described.items() if k != "description"}}
            self.properties[key] = described
            self._hand_read.discard(key)
            if by_hand:
                self._hand_read.add(key)
        if required and key not in self.required:
            self.required.append(key)

    def schema(self, description: str = "") -> Schema:
        return obj(self.properties, tuple(self.required), description)

    # Read by hand: the shape is declared.
    def raw(self, key: str, required: bool = False) -> Node | None:
        self._record(key, SHAPES.get(key, {}), required, by_hand=True)
        return None

    def scalar(self, key: str, required: bool = False) -> Scalar | None:
        self._record(key, SHAPES.get(key, {"type": "string"}), required, by_hand=True)
        return None

    def items(self, key: str, required: bool = False, single_ok: bool = False) -> list[tuple[int, Node]]:
        self._record(key, SHAPES.get(key, many({})), required, by_hand=True)
        return []

    # Typed questions: the reader says what the field is.
    def string(
        self, key: str, required: bool = False, pattern: re.Pattern[str] | None = None, expected: str = ""
    ) -> None:  # type: ignore[override]
        schema: Schema = {"type": "string"}
        if pattern is not None:
            schema["pattern"] = pattern.pattern
        if expected:
            schema["description"] = expected
        self._record(key, schema, required)

    def slug(self, key: str, required: bool = False) -> None:  # type: ignore[override]
        self._record(key, SLUG, required)

    def integer(  # type: ignore[override]
        self, key: str, required: bool = False, minimum: int | None = None, maximum: int | None = None, unit: str = ""
    ) -> None:
        self._record(key, _bounded("integer", minimum, maximum), required)

    def number(  # type: ignore[override]
        self,
        key: str,
        required: bool = False,
        minimum: float | None = None,
        maximum: float | None = None,
        unit: str = "",
    ) -> None:
        self._record(key, _bounded("number", minimum, maximum), required)

    def boolean(self, key: str, default: bool = False) -> bool:
        self._record(key, {"type": "boolean"}, False)
        return default

    def date(self, key: str, required: bool = False) -> None:  # type: ignore[override]
        self._record(key, DATE, required)

    def choice(  # type: ignore[override]
        self, key: str, choices: AbcMapping[str, object] | Iterable[str], what: str, required: bool = False
    ) -> None:
        self._record(key, _one_of(choices, what), required)

    def choices(self, key: str, choices: AbcMapping[str, object] | Iterable[str], what: str) -> tuple[str, ...]:
        self._record(key, many(_one_of(choices, what)), False)
        return ()

    def text(self, key: str, required: bool = False) -> None:  # type: ignore[override]
        self._record(key, text(), required)

    def markdown(self, key: str, required: bool = False) -> None:  # type: ignore[override]
        self._record(key, text("Markdown"), required)

    def image(self, key: str, required: bool = False) -> None:  # type: ignore[override]
        self._record(
            key, {"type": "string", "description": "an image below content/, e.g. images/halls/x.jpg"}, required
        )

    def sub(self, key: str, what: str, required: bool = False) -> Recorder:  # type: ignore[override]
        return Recorder(self.docs, self, key, required)

    def each(self, key: str, what: str, reader: Callable[[Fields], T | None], required: bool = False) -> list[T]:
        child = Recorder(self.docs)
        reader(child)
        self._record(key, many(child.schema(what)), required)
        return []

    def finish(self) -> None:
        if self._parent is not None:
            self._parent._record(self._key, self.schema(), self._is_required)


def _bounded(kind: str, minimum: float | None, maximum: float | None) -> Schema:
    schema: Schema = {"type": kind}
    if minimum is not None:
        schema["minimum"] = minimum
    if maximum is not None:
        schema["maximum"] = maximum
    return schema


def _one_of(choices: AbcMapping[str, object] | Iterable[str], what: str) -> Schema:
    if isinstance(choices, AbcMapping):
        return terms(choices, what)
    return {"description": what, "enum": list(choices)}


def field_docs(*classes: type) -> dict[str, str]:
    """The docstring under each field of ``classes`` (the first class naming a field wins)."""
    docs: dict[str, str] = {}
    for cls in classes:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
        body = tree.body[0].body  # type: ignore[attr-defined]
        for node, after in itertools.pairwise(body):
            documented = isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and documented:
                value = after.value.value  # type: ignore[attr-defined]
                if isinstance(value, str):
                    docs.setdefault(node.target.id, " ".join(value.split()))
    return docs


def record(reader: Callable[[Fields], object], *classes: type, description: str = "") -> Schema:
    """The schema of the mapping ``reader`` reads, described by the fields of ``classes``."""
    recorder = Recorder(field_docs(*classes))
    reader(recorder)
    return recorder.schema(description)


def build_schemas() -> dict[str, Schema]:
    """Every data file's schema by file name, recorded from the readers."""
    tax = load_taxonomies(None, DEFAULTS, Context(Reporter()))
    as_of = dt.date(2100, 12, 31)
    photo = (hall.Photo,)
    hall_schema = record(lambda f: hall.read_hall(f, "x", tax), hall.Hall, hall.Location, *photo, community.Contact)
    event_schema = record(lambda f: event.read_event(f, tax), event.Event, Record, *photo)
    entry = record(lambda f: honor.read_entry(f, "x", tax, as_of), honor.Entry)
    board = record(boards.read_board, boards.Board)
    exhibit_schema = record(lambda f: exhibit.read_exhibit(f, "x"), exhibit.Exhibit, exhibit.Panel, *photo)
    team_schema = record(lambda f: team.read_team(f, "x", tax), team.Team, team.Practice, team.Leader, team.Award)
    target = record(lambda f: plan.read_target(f, 2026, tax), plan.Target, plan.Manual)
    target["oneOf"] = [{"required": [key]} for key in plan.BASES]
    community_schema = record(community.read_community, community.Community, community.Contact)
    labels = {"type": "object", "additionalProperties": text("名称 label"), "propertyNames": SLUG}
    return {
        "community.schema.json": community_schema,
        "hall.schema.json": hall_schema,
        "events.schema.json": obj({"events": many(event_schema)}, ("events",)),
        "honors.schema.json": obj({"entries": many(entry)}, ("entries",)),
        "boards.schema.json": obj({"boards": many(board)}, ("boards",)),
        "exhibit.schema.json": exhibit_schema,
        "team.schema.json": team_schema,
        "plan.schema.json": obj({"targets": many(target)}, ("targets",)),
        # Vocabularies and standards are maps of ids the community chooses, read by hand.
        "standards.schema.json": {
            "type": "object",
            "additionalProperties": obj(
                {
                    "min_area_m2": {"type": "number"},
                    "requires": many(terms(tax.facilities, "设施")),
                    "functions": many(terms(tax.functions, "功能")),
                }
            ),
        },
        "taxonomies.schema.json": obj(
            {
                group: labels
                for group in ("categories", "hall_kinds", "facilities", "functions", "honor_categories", "team_kinds")
            }
        ),
    }


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in build_schemas().items():
        path = folder / name
        document = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": name.split(".")[0], **schema}
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
