"""The JSON Schemas for editors' tools agree with the loaders and with the example data."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from community_culture.core.fields import Context, Fields
from community_culture.core.loader import Mapping, Reporter
from community_culture.core.problems import Position
from community_culture.model import boards, event, exhibit, hall, honor, plan, team
from community_culture.model.schema import build_schemas
from community_culture.model.taxonomy import DEFAULTS, load_taxonomies

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "plugins/community_culture/schemas"
SCHEMAS = build_schemas()


class _TextLoader(yaml.SafeLoader):
    """Reads dates as text, as editors' tools do."""


_TextLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# YAML 1.2, as editors' tools read it: only true/false are booleans; `on:` (of `every:`) is a key.
_TextLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def test_committed_schemas_are_up_to_date() -> None:
    committed = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in COMMITTED.glob("*.json")}
    assert set(committed) == set(SCHEMAS), "run: culture schemas plugins/community_culture/schemas"
    for name, schema in SCHEMAS.items():
        body = {k: v for k, v in committed[name].items() if k not in ("$schema", "title")}
        assert body == json.loads(json.dumps(schema)), f"{name} is stale: run culture schemas"


def _files() -> list[tuple[str, Path]]:
    data = ROOT / "data"
    pairs = [("community.schema.json", data / "community.yml")]
    pairs += [("hall.schema.json", p) for p in sorted((data / "halls").glob("*.yml"))]
    pairs += [("events.schema.json", p) for p in sorted((data / "events").glob("*.yml"))]
    pairs += [("honors.schema.json", p) for p in sorted((data / "honors").glob("*.yml")) if p.name != "boards.yml"]
    pairs += [("boards.schema.json", p) for p in (data / "honors").glob("boards.yml")]
    pairs += [("exhibit.schema.json", p) for p in sorted((data / "exhibits").glob("*/exhibit.yml"))]
    pairs += [("team.schema.json", p) for p in sorted((data / "teams").glob("*.yml"))]
    pairs += [("plan.schema.json", p) for p in sorted((data / "plan").glob("*.yml"))]
    return pairs


@pytest.mark.parametrize("schema,path", _files(), ids=lambda v: v.name if isinstance(v, Path) else v)
def test_example_data_validates(schema: str, path: Path) -> None:
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=_TextLoader)
    jsonschema.Draft202012Validator(SCHEMAS[schema]).validate(document)


def test_a_wrong_field_fails_validation() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(SCHEMAS["hall.schema.json"]).validate(
            {"name": "x", "kind": "library", "seat": 3}
        )


def _keys_read(reader: Callable[[Fields], Any]) -> set[str]:
    """The keys a reader asks for, read off an empty mapping."""
    f = Fields(Mapping({}, Position("x.yml", 1, 1)), Context(Reporter()), "")
    reader(f)
    return set(f._seen)


TAX = load_taxonomies(None, DEFAULTS, Context(Reporter()))


@pytest.mark.parametrize(
    "reader,schema",
    [
        (lambda f: hall.read_hall(f, "x", TAX), SCHEMAS["hall.schema.json"]),
        (lambda f: event.read_event(f, TAX), SCHEMAS["events.schema.json"]["properties"]["events"]["items"]),
        (
            lambda f: honor.read_entry(f, "morality", TAX, dt.date(2026, 1, 1)),
            SCHEMAS["honors.schema.json"]["properties"]["entries"]["items"],
        ),
        (boards.read_board, SCHEMAS["boards.schema.json"]["properties"]["boards"]["items"]),
        (lambda f: exhibit.read_exhibit(f, "x"), SCHEMAS["exhibit.schema.json"]),
        (
            lambda f: exhibit._read_panel(f, exhibit._read_print(None)),
            SCHEMAS["exhibit.schema.json"]["properties"]["panels"]["items"],
        ),
        (lambda f: team.read_team(f, "x", TAX), SCHEMAS["team.schema.json"]),
        (lambda f: plan.read_target(f, 2026, TAX), SCHEMAS["plan.schema.json"]["properties"]["targets"]["items"]),
    ],
    ids=["hall", "event", "honor-entry", "board", "exhibit", "panel", "team", "target"],
)
def test_schema_lists_exactly_the_keys_the_loader_reads(reader: Callable[[Fields], Any], schema: dict) -> None:
    assert _keys_read(reader) == set(schema["properties"])
