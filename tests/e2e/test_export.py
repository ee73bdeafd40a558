"""`culture export`: the docs tree it writes, and the folders it refuses to replace."""

from __future__ import annotations

import contextlib
import io

import yaml

from community_culture.cli import main


def export(project, *args: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["export", "-f", str(project.root / "mkdocs.yml"), "--no-print", *args])
    return code, out.getvalue() + err.getvalue()


def test_the_tree_has_every_page_with_front_matter_and_a_config_without_the_plugin(project):
    code, text = export(project, "-o", str(project.root / "export"))
    assert code == 0, text
    tree = project.root / "export"
    config = yaml.safe_load((tree / "mkdocs.yml").read_text(encoding="utf-8").split("\n", 1)[1])
    assert config["docs_dir"] == "docs" and config["theme"]["custom_dir"] == "overrides"
    assert all("community-culture" not in p for p in config["plugins"])
    assert config["extra_css"][:2] == ["assets/culture/palette.css", "assets/culture/culture.css"]
    page = (tree / "docs/en/halls/test-auditorium/index.md").read_text(encoding="utf-8")
    front, body = page.split("---\n", 2)[1:]
    meta = yaml.safe_load(front)
    assert meta["title"] == "Test Auditorium" and meta["lang"] == "en"
    assert meta["template"] == "culture/page.html"
    assert {"lang": "zh", "link": "halls/test-auditorium/", "name": "中文"} in meta["alternates"]
    assert "210" in body
    # The hand-written page is rendered and sanitized, at its own path.
    assert (tree / "docs/about.md").read_text(encoding="utf-8").startswith("---\ntitle: 关于\n")
    assert (tree / "docs/events.ics").is_file() and (tree / "docs/data/halls.json").is_file()
    assert not list(tree.rglob("*.pdf")), "--no-print leaves the print files out"
    assert (tree / "overrides/culture/page.html").is_file()
    # Exporting again replaces the earlier export.
    assert export(project, "-o", str(tree))[0] == 0


def test_it_never_replaces_the_project_or_a_folder_of_other_files(project):
    (project.root / "elsewhere").mkdir()
    (project.root / "elsewhere/keep.txt").write_text("mine", encoding="utf-8")
    for target in ("content", ".", "data", "elsewhere"):
        code, text = export(project, "-o", str(project.root / target))
        assert code == 2, (target, text)
        assert "culture export:" in text and "Traceback" not in text
    assert (project.root / "elsewhere/keep.txt").read_text(encoding="utf-8") == "mine"
    assert (project.root / "content/about.md").is_file()
    assert (project.root / "data/community.yml").is_file()
