"""Parts of the build run in forked copies (bodies, feeds, print files): the same site as without them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, Project, make_project
from mkdocs.exceptions import Abort

from community_culture.output import site as site_output
from community_culture.output.background import Forked

_start = Forked.start.__func__  # type: ignore[attr-defined]


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
    apart: list[int] = []
    render_apart = site_output.SiteOutput.render_apart

    def counted(self: site_output.SiteOutput) -> None:
        render_apart(self)
        apart.append(len(self._apart))

    monkeypatch.setattr(site_output.SiteOutput, "render_apart", counted)
    project.build(strict=True)
    with_copies = project.tree_digest()
    assert apart and apart[0] > 50  # a third of the example's pages

    # A copy that dies: the build renders those pages itself.
    def dying(cls: type[Forked[object]], work: object, *, nice: int = 0) -> Forked[object] | None:
        if nice == site_output.NICE_APART["bodies"]:
            return _start(cls, lambda: os._exit(3), nice=nice)  # type: ignore[no-any-return]
        return _start(cls, work, nice=nice)  # type: ignore[no-any-return]

    monkeypatch.setattr(Forked, "start", classmethod(dying))
    project.build(strict=True)
    assert project.tree_digest() == with_copies

    # No fork at all (a system without one): everything in the build itself.
    monkeypatch.setattr(Forked, "start", classmethod(lambda cls, work, nice=0: None))
    project.build(strict=True)
    assert project.tree_digest() == with_copies


def test_a_broken_link_in_a_page_rendered_apart_is_reported(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(site_output, "SHARE_APART", 1.0)  # every generated page's body apart
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
