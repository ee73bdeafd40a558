"""JSON Schemas of the data files, for editors' tools (completion, underlines).

An editor who adds ``# yaml-language-server: $schema=<path>`` to a file, or maps the
folders in their editor's settings, gets the fields, the known vocabularies and the
shapes of ``when:`` while typing. The schemas describe what the loaders accept; a
test checks the two agree, and ``culture schemas`` writes them out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..core.dates import FESTIVALS
from ..core.fields import Context
from ..core.loader import Reporter
from .event import STATUSES
from .exhibit import SECTIONS
from .plan import METRICS, PERIODS
from .taxonomy import DEFAULTS, load_taxonomies

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
    return {"description": description, "anyOf": [{"type": "string"}, per_lang]}


def obj(properties: dict[str, Schema], required: tuple[str, ...] = (), description: str = "") -> Schema:
    """A mapping with exactly these keys."""
    out: Schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        out["required"] = list(required)
    if description:
        out["description"] = description
    return out


def terms(vocabulary: dict[str, Any], description: str) -> Schema:
    """One term of a vocabulary: the shipped ones are offered, a site's own are allowed."""
    return {"description": description, "anyOf": [{"enum": list(vocabulary)}, SLUG]}


def many(item: Schema) -> Schema:
    """A list of items."""
    return {"type": "array", "items": item}


def build_schemas() -> dict[str, Schema]:
    """Every data file's schema by file name."""
    tax = load_taxonomies(None, DEFAULTS, Context(Reporter()))
    contact = obj(
        {
            "person": text("联系人 contact person"),
            "phone": {"type": "string"},
            "email": {"type": "string", "format": "email"},
        }
    )
    photo = obj(
        {
            "src": {"type": "string", "description": "path below content/"},
            "caption": text("说明 caption"),
            "credit": text("来源 credit"),
        },
        ("src",),
    )
    community = obj(
        {
            "name": text("社区名称"),
            "district": text("所属街道"),
            "address": text("地址"),
            "timezone": {"type": "string", "default": "Asia/Shanghai"},
            "contact": contact,
            "about": text("Markdown"),
        },
        ("name",),
    )
    hall = obj(
        {
            "name": text("场馆名称"),
            "kind": terms(tax.hall_kinds, "场馆类型"),
            "address": text("地址"),
            "location": obj({"lat": {"type": "number"}, "lon": {"type": "number"}}, ("lat", "lon")),
            "area_m2": {"type": "number", "minimum": 0},
            "seats": {"type": "integer", "minimum": 0},
            "facilities": many(terms(tax.facilities, "设施")),
            "functions": many(terms(tax.functions, "功能")),
            "opening_hours": {"type": "string", "description": "OpenStreetMap syntax, e.g. Mo-Fr 08:30-17:30"},
            "signature": text("一堂一品"),
            "contact": contact,
            "photos": many(photo),
            "description": text("Markdown"),
        },
        ("name", "kind"),
    )
    extra = {"except": many(DATE), "notes": text("说明")}
    shapes = [
        obj({"date": DATE, "time": TIME, **extra}, ("date",), "one day"),
        obj({"start": DATE, "end": DATE, **extra}, ("start", "end"), "a span of days"),
        obj({"month": MONTH, "part": {"enum": ["early", "mid", "late"]}, **extra}, ("month",), "(part of) a month"),
        obj({"from": MONTH, "to": MONTH, **extra}, ("from", "to"), "across months"),
        obj(
            {"festival": {"enum": list(FESTIVALS)}, "year": {"type": "integer"}, "time": TIME, **extra},
            ("festival", "year"),
            "a named festival",
        ),
        obj(
            {
                "lunar": {"type": "string", "pattern": "^(闰|leap-?)?\\d{1,2}-\\d{1,2}$"},
                "year": {"type": "integer"},
                "time": TIME,
                **extra,
            },
            ("lunar", "year"),
            "a Chinese-calendar date",
        ),
        obj(
            {"rrule": {"type": "string"}, "start": DATE, "until": DATE, "time": TIME, **extra},
            ("rrule", "start"),
            "repeating (RFC 5545)",
        ),
        obj(
            {"every": EVERY, "on": {"anyOf": [ON, many(ON)]}, "start": DATE, "until": DATE, "time": TIME, **extra},
            ("every", "start", "until"),
            "repeating, in words: every: month, on: 2nd saturday / every: 每月, on: 第二个周六",
        ),
    ]
    record = obj(
        {
            "date": DATE,
            "attendance": {"type": "integer", "minimum": 0, "description": "参加人数"},
            "signed_in": {"type": "integer", "minimum": 0, "description": "签到人数"},
            "lecturer": text("主讲 lecturer"),
            "summary": text("Markdown"),
            "photos": many(photo),
        },
        description="活动记录：one per held occurrence",
    )
    event = obj(
        {
            "id": SLUG,
            "title": text("活动名称"),
            "category": terms(tax.categories, "类别"),
            "when": {"oneOf": shapes},
            "hall": SLUG,
            "venue": text("地点"),
            "organizer": text("主办"),
            "audience": text("对象"),
            "status": {"enum": list(STATUSES)},
            "registration": {"type": "string", "format": "uri"},
            "summary": text("简介"),
            "body": text("Markdown"),
            "teams": many(SLUG),
            "records": many(record),
        },
        ("id", "title", "category", "when"),
    )
    entry = obj(
        {
            "id": SLUG,
            "name": text("姓名"),
            "consent": {"type": "boolean"},
            "guardian_consent": {"type": "boolean", "description": "未成年人：监护人同意公开"},
            "withdrawn": {"type": "boolean"},
            "year": {"type": "integer"},
            "title": text("称号"),
            "category": terms(tax.honor_categories, "好人类别"),
            "awarded_by": text("授予单位"),
            "citation": text("Markdown"),
            "photo": {"type": "string"},
            "born": {"type": "integer", "description": "birth YEAR only 只填出生年份"},
        },
        ("id", "name", "consent"),
    )
    board = obj(
        {"id": SLUG, "title": text("榜单名称"), "show_age": {"type": "boolean"}, "intro": text("简介")}, ("id", "title")
    )
    size = {
        "anyOf": [
            {"enum": ["A0", "A1", "A2", "A3", "A4", "rollup-80x200", "rollup-85x200"]},
            obj({"width_mm": {"type": "number"}, "height_mm": {"type": "number"}}, ("width_mm", "height_mm")),
        ]
    }
    printing = obj(
        {"size": size, "orientation": {"enum": ["portrait", "landscape"]}, "languages": many({"enum": ["zh", "en"]})}
    )
    panel = obj(
        {"id": SLUG, "title": text("展板标题"), "body": text("Markdown"), "images": many(photo), "print": printing},
        ("id", "title"),
    )
    exhibit = obj(
        {
            "title": text("展陈标题"),
            "section": {"enum": list(SECTIONS)},
            "hall": SLUG,
            "intro": text("Markdown"),
            "print": printing,
            "panels": many(panel),
        },
        ("title", "section", "panels"),
    )
    team = obj(
        {
            "name": text("队名"),
            "kind": terms(tax.team_kinds, "类型"),
            "speciality": text("一社一品"),
            "practice": many(
                obj({"when": {"oneOf": shapes}, "hall": SLUG, "venue": text("地点")}, ("when",), "练习时间和地点")
            ),
            "leader": obj({"role": text("职务"), "name": text("姓名（须本人同意）"), "consent": {"type": "boolean"}}),
            "members": {"type": "integer", "minimum": 1},
            "join": text("如何加入"),
            "awards": many(obj({"year": {"type": "integer"}, "title": text("奖项")}, ("title",))),
            "description": text("Markdown"),
        },
        ("name", "kind"),
    )
    periods = {period: {"type": "integer", "minimum": 1} for period in PERIODS}
    target = obj(
        {
            "id": SLUG,
            "title": text("目标"),
            "category": terms(tax.categories, "统计此类活动"),
            "event": SLUG,
            "metric": {"enum": list(METRICS)},
            "manual": obj({"value": {"type": "number", "minimum": 0}, "as_of": DATE}, ("value", "as_of")),
            "within": obj({"start": DATE, "end": DATE}, ("start", "end")),
            "hall": SLUG,
            "min": {**obj(periods), "minProperties": 1},
        },
        ("id", "title", "min"),
    )
    target["oneOf"] = [{"required": [key]} for key in ("category", "event", "metric", "manual")]
    labels = {"type": "object", "additionalProperties": text("名称 label"), "propertyNames": SLUG}
    return {
        "community.schema.json": community,
        "hall.schema.json": hall,
        "events.schema.json": obj({"events": many(event)}, ("events",)),
        "honors.schema.json": obj({"entries": many(entry)}, ("entries",)),
        "boards.schema.json": obj({"boards": many(board)}, ("boards",)),
        "exhibit.schema.json": exhibit,
        "team.schema.json": team,
        "plan.schema.json": obj({"targets": many(target)}, ("targets",)),
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
