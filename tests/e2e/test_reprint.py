"""The reprint list: which print files changed, with names a print shop can file."""

from __future__ import annotations

import hashlib
import io
import json
import logging
import zipfile
from pathlib import Path

import pytest
from test_print_shop import EXHIBIT, make_project

CHANGED_TEXT = ("日夜经过", "日夜不停地经过")  # in the body of panel 'coal-years'


def manifest(project) -> dict:  # type: ignore[no-untyped-def]
    return json.loads((project.site / "print/manifest.json").read_text(encoding="utf-8"))


def test_the_manifest_lists_every_print_file_with_its_checksum(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    project.build()
    data = manifest(project)
    files = {f["path"]: f for f in data["files"]}
    assert set(files) == {
        "exhibits/history/founding/panel.pdf",
        "exhibits/history/coal-years/panel.pdf",
        "exhibits/history/today/panel.pdf",
        "exhibits/history/panels.pdf",
    }
    founding = files["exhibits/history/founding/panel.pdf"]
    assert (founding["product"], founding["size"], founding["pages"]) == ("panel", "A4", 1)
    for path, entry in files.items():
        assert entry["sha256"] == hashlib.sha256((project.site / path).read_bytes()).hexdigest()
        assert entry["changed"] == "2026-06-01" and entry["changed_now"]
    # Names for the shop: community, exhibit, the panel's place and id, size; unique.
    names = [f["bundle_name"] for f in data["files"]]
    assert "test_exhibit-history-01-founding_A4.pdf" in names
    assert "test_exhibit-history-02-coal-years_A3-landscape.pdf" in names
    assert "test_exhibit-history-03-today_150x200-mm.pdf" in names
    assert len(set(names)) == len(names)
    # One page size per file: the exhibit's panels.pdf holds only its commonest size (first on a tie).
    assert files["exhibits/history/panels.pdf"]["pages"] == 1
    assert data["standard"] == "PDF/X-4"


def test_an_edit_changes_only_its_own_panel_and_the_build_says_which(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    exhibit = EXHIBIT.replace("    print: {size: A3, orientation: landscape}\n", "")  # all A4
    project = make_project(tmp_path, exhibit)
    project.build()
    first = {f["path"]: f for f in manifest(project)["files"]}
    # A later build, a panel edited and one added at the end of the exhibit.
    config = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    project.write("mkdocs.yml", config.replace("as_of: 2026-06-01", "as_of: 2026-07-15"))
    added = exhibit.replace(*CHANGED_TEXT) + "  - {id: added, title: 新展板, body: 新的内容。}\n"
    project.write("data/exhibits/history/exhibit.yml", added)
    caplog.set_level(logging.INFO)
    project.build()
    second = {f["path"]: f for f in manifest(project)["files"]}
    changed = {path for path, f in second.items() if f["changed_now"]}
    assert changed == {
        "exhibits/history/coal-years/panel.pdf",
        "exhibits/history/added/panel.pdf",
        "exhibits/history/panels.pdf",
    }
    for path in ("exhibits/history/founding/panel.pdf", "exhibits/history/today/panel.pdf"):
        assert second[path]["changed"] == "2026-06-01" and second[path]["sha256"] == first[path]["sha256"]
    assert second["exhibits/history/coal-years/panel.pdf"]["changed"] == "2026-07-15"
    assert (
        "print files changed on 2026-07-15 (3): exhibits/history/added/panel.pdf, "
        "exhibits/history/coal-years/panel.pdf, exhibits/history/panels.pdf" in caplog.text
    )
    # The zip for the shop holds exactly the changed files, under their descriptive names.
    with zipfile.ZipFile(io.BytesIO((project.site / "print/changed.zip").read_bytes())) as archive:
        assert sorted(archive.namelist()) == [
            "manifest.json",
            "test_exhibit-history-02-coal-years_A4.pdf",
            "test_exhibit-history-04-added_A4.pdf",
            "test_exhibits-history-panels_A4.pdf",
        ]
        assert (
            archive.read("test_exhibit-history-02-coal-years_A4.pdf")
            == (project.site / "exhibits/history/coal-years/panel.pdf").read_bytes()
        )
    # The same build again says the same (two builds of one commit are identical) ...
    digest = project.tree_digest()
    project.build()
    assert project.tree_digest() == digest
    # ... and a later one with nothing edited says that nothing goes back to the shop.
    caplog.clear()
    project.write("mkdocs.yml", config.replace("as_of: 2026-06-01", "as_of: 2026-08-01"))
    project.build()
    assert "no print file changed on 2026-08-01: nothing to reprint" in caplog.text
    assert not manifest(project)["changed"]


def test_the_staff_page_lists_the_files_and_marks_what_changed(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    project.build()
    rows = project.html("staff/").select("table.cc-reprint tbody tr")
    assert len(rows) == 4
    link = rows[0].select_one("a")
    assert link is not None and link["download"].startswith("test_exhibit-history-")
    assert all("cc-reprint--changed" in row.get("class", []) for row in rows)
    assert "本次更新" in rows[0].get_text()
    assert project.html("en/staff/").select_one("a[href$='print/manifest.json']") is not None
