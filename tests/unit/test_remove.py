"""Deleting an old site: everything below the folder goes, nothing a link points to outside it."""

from __future__ import annotations

from pathlib import Path

from community_culture.core.staging import remove


def test_an_old_site_is_deleted_whole_and_links_out_of_it_are_not_followed(tmp_path: Path):
    outside = tmp_path / "outside"
    (outside / "keep").mkdir(parents=True)
    (outside / "keep" / "precious.txt").write_text("x", encoding="utf-8")
    old = tmp_path / ".site.old"
    for i in range(30):
        page = old / "events" / f"e{i}"
        page.mkdir(parents=True)
        (page / "index.html").write_text("<p>x</p>", encoding="utf-8")
        (page / "event.ics").write_text("BEGIN", encoding="utf-8")
    (old / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (old / "assets").mkdir()
    (old / "assets" / "linked").symlink_to(outside / "keep")  # two levels down
    (old / "linked-top").symlink_to(outside)  # at the top
    (old / "events" / "e0" / "linked-deep").symlink_to(outside / "keep")  # deeper
    remove(old)
    assert not old.exists() and not old.is_symlink()
    assert (outside / "keep" / "precious.txt").read_text(encoding="utf-8") == "x"
    remove(tmp_path / "never-was")  # nothing there: nothing happens
