"""Parts of the build run in forked copies (bodies, feeds, print files): the same site as without them."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import ROOT, Project, make_project
from mkdocs.exceptions import Abort

from community_culture.output.background import Forked, Streamed
from community_culture.output.writing import Writing

_start = Streamed.start.__func__  # type: ignore[attr-defined]


def example(root: Path) -> Project:
    for name in ("content", "data", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # Without print files, which other tests build: this is about the pages, feeds and data.
    config = config.replace("      data_dir: data\n", "      data_dir: data\n      print_files: false\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return Project(root)


def test_pages_rendered_apart_are_the_pages_the_build_renders(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    project = example(tmp_path)
    taken: list[int] = []
    made_apart = Writing.made_apart

    def counted(self: Writing, key: str) -> str | None:
        index = self._apart.get(key)
        made = made_apart(self, key)
        taken.extend([index] if made is not None and index is not None else [])
        return made

    monkeypatch.setattr(Writing, "made_apart", counted)
    project.build(strict=True)
    with_copies = project.tree_digest()
    # The copy made part of the example's pages (about half on a quiet machine; how many
    # depends on what else the machine runs, so only that it made some is asserted).
    assert taken
    assert taken == sorted(taken)  # the last ones: the build met the copy, then took the rest

    # A copy that dies at once: the build renders those pages itself.
    def dying(cls: type[Streamed[object]], make: object, *, nice: int = 0) -> Streamed[object] | None:
        return _start(cls, lambda: iter([os._exit(3)]), nice=nice)  # type: ignore[no-any-return]

    monkeypatch.setattr(Streamed, "start", classmethod(dying))
    taken.clear()
    project.build(strict=True)
    assert project.tree_digest() == with_copies and taken == []

    # No fork at all (a system without one): everything in the build itself.
    monkeypatch.setattr(Streamed, "start", classmethod(lambda cls, make, nice=0: None))
    monkeypatch.setattr(Forked, "start", classmethod(lambda cls, work, nice=0: None))
    project.build(strict=True)
    assert project.tree_digest() == with_copies


def test_a_broken_link_in_a_page_rendered_apart_is_reported(tmp_path, monkeypatch, caplog):
    # The build takes every body from the copy: it waits for each until the copy sent it.
    made_apart = Writing.made_apart

    def waiting(self: Writing, key: str) -> str | None:
        if key not in self._apart:  # a page the copy does not render
            return None
        while (made := made_apart(self, key)) is None:
            time.sleep(0.01)
        return made

    monkeypatch.setattr(Writing, "made_apart", waiting)
    project = make_project(tmp_path)
    hall = (tmp_path / "data/halls/test-auditorium.yml").read_text(encoding="utf-8")
    project.write(
        "data/halls/test-auditorium.yml",
        hall + 'description:\n  zh: "见[场地须知](../no-such-page/)。"\n  en: "See the [rules](../no-such-page/)."\n',
    )
    with pytest.raises(Abort):
        project.build(strict=True)
    reported = [r.getMessage() for r in caplog.records if "no-such-page" in r.getMessage()]
    assert any(
        m.endswith(
            "/halls/test-auditorium/: a link in text from data goes to '../no-such-page/', which is not a page or file of the site"
        )
        for m in reported
    )
    assert any("/en/halls/test-auditorium/: a link" in m for m in reported)
