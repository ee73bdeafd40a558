"""Hall pages: ``/halls/``, ``/halls/<id>/`` in every language, and ``/data/halls.json``."""

from __future__ import annotations

import json

from ..build import Build
from ..core.strings import translate
from ..model.hall import Hall, assess
from .plan import Asset, PageSpec, Plan


def contribute(site: Build, plan: Plan) -> None:
    """Add the halls index, one page per hall, and the open data file."""
    default = site.default_language
    assessments = {hall_id: assess(hall, site.standards) for hall_id, hall in site.halls.items()}
    groups = group_by_kind(site)
    for lang in site.options.languages:
        plan.pages.append(
            PageSpec(
                "halls/",
                lang,
                "culture/halls.html",
                translate(lang, default, "halls"),
                {"groups": groups, "assessments": assessments},
            )
        )
        for hall in site.halls.values():
            plan.pages.append(
                PageSpec(
                    f"halls/{hall.id}/",
                    lang,
                    "culture/hall.html",
                    hall.name.get(lang, default),
                    {"hall": hall, "assessment": assessments[hall.id]},
                )
            )
    plan.assets.append(Asset("data/halls.json", lambda: halls_json(site)))


def group_by_kind(site: Build) -> list[tuple[str, list[Hall]]]:
    """Halls grouped by kind, kinds in vocabulary order, halls by id."""
    order = list(site.taxonomies.hall_kinds)
    kinds = sorted({h.kind for h in site.halls.values()}, key=lambda k: (order.index(k) if k in order else 99, k))
    return [(kind, [h for h in site.halls.values() if h.kind == kind]) for kind in kinds]


def halls_json(site: Build) -> bytes:
    """``/data/halls.json`` as the contract specifies (fields may be added, never renamed)."""
    base = (site.options.site_url or "/").rstrip("/") + "/"
    rows = []
    for hall in site.halls.values():
        result = assess(hall, site.standards)
        rows.append(
            {
                "id": hall.id,
                "url": f"{base}halls/{hall.id}/",
                "kind": hall.kind,
                "name": hall.name.as_dict(),
                "area_m2": _number(hall.area_m2),
                "seats": hall.seats,
                "facilities": list(hall.facilities),
                "functions": list(hall.functions),
                "location": {"lat": hall.location.lat, "lon": hall.location.lon} if hall.location else None,
                "standard": {"kind": hall.kind, "met": result.met, "missing": result.missing},
            }
        )
    return (json.dumps(rows, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode()


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
