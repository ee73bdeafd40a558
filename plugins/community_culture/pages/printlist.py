"""The reprint list for staff: ``/print/manifest.json`` and ``/print/changed.zip``.

The manifest lists every print file of the build (product, size, pages, SHA-256, the
build date its content last changed, and a descriptive file name for the shop:
community, exhibit, panel, size). ``changed.zip`` holds the files whose content changed
on this build's date under those names — what goes back to the print shop after an edit. The
staff page shows the list; ``culture bundle`` copies every file of a built site into a
folder under the same names.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from typing import Any

from ..build import Build
from .plan import Asset, Plan

MANIFEST = "print/manifest.json"
CHANGED = "print/changed.zip"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Every member's date in the zip: the same files give the same bytes."""


def contribute(site: Build, plan: Plan) -> None:
    """Add the manifest and the zip of changed files; made after every PDF (assets are made in order)."""
    plan.assets.append(Asset(MANIFEST, lambda: _json(manifest(site))))
    plan.assets.append(Asset(CHANGED, lambda: changed_zip(site)))


def manifest(site: Build) -> dict[str, Any]:
    """The reprint list of the build, as published in ``print/manifest.json``."""
    community = community_slug(site)
    files = []
    for entry in site.press.manifest():
        size = re.sub(r"[^A-Za-z0-9]+", "-", entry["size"].replace("×", "x")).strip("-")
        files.append({**entry, "url": entry["path"], "bundle_name": f"{community}_{entry['name']}_{size}.pdf"})
    settings = site.press.settings
    return {
        "build_date": site.press.build_date.isoformat(),
        "community": community,
        "standard": settings.standard.upper().replace("PDF/X-1A", "PDF/X-1a"),
        "output_condition": settings.condition,
        "marks": settings.marks,
        "changed": [f["path"] for f in files if f["changed_now"]],
        "files": files,
    }


def changed_zip(site: Build) -> bytes:
    """The files whose content changed in this build, under their descriptive names, with the manifest."""
    data = manifest(site)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for entry in data["files"]:
            if entry["changed_now"]:
                pdf = site.press.pdf_at(entry["path"])
                if pdf is not None:
                    archive.writestr(zipfile.ZipInfo(entry["bundle_name"], _ZIP_DATE), pdf)
        archive.writestr(zipfile.ZipInfo("manifest.json", _ZIP_DATE), _json(data))
    return out.getvalue()


def community_slug(site: Build) -> str:
    """The community's name as a file-name word: its English name, else the pinyin of the first."""
    name = site.community.name
    text = name.get("en", site.default_language) if name.has("en") else name.get(site.default_language, "")
    words = [text]
    if not text.isascii():
        # Imported only for a name in Chinese: its dictionaries take most of a second to
        # load and about 45 MiB for as long as the build runs.
        from pypinyin import lazy_pinyin  # type: ignore[import-untyped, unused-ignore]

        words = lazy_pinyin(text, errors=lambda chars: chars)
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-")
    return slug.removesuffix("-community") or "community"


def _json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode()
