"""Caches that cannot lie: every entry damaged three ways, for each cache; purge and prune."""

from __future__ import annotations

import hashlib
import io
import logging
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from community_culture.core.cachefile import DIGEST_SUFFIX

from . import figures

EXHIBIT = """\
title: {zh: 老照片, en: Old photos}
section: overview
print: {size: A4, orientation: portrait}
panels:
  - id: street
    title: {zh: 老街, en: The old street}
    body: {zh: 一九五八年的老街。, en: The old street in 1958.}
    images:
      - {src: images/exhibits/street.jpg, caption: {zh: 老街, en: Old street}}
"""
HONORS = """\
entries:
  - id: wang
    name: 王秀兰
    year: 2026
    photo: images/honors/wang.jpg
    consent: true
"""


def _photo(color: tuple[int, int, int]) -> bytes:
    from printed import phone_photo

    return phone_photo(1600, 1200, color)


@pytest.fixture
def printed_project(project):
    project.write("content/images/exhibits/street.jpg", _photo((160, 120, 60)))
    project.write("content/images/honors/wang.jpg", _photo((30, 90, 200)))
    project.write("data/exhibits/history/exhibit.yml", EXHIBIT)
    project.write("data/honors/morality.yml", HONORS)
    project.build()
    return project


def _cache(project) -> Path:
    return project.root / ".cache/community-culture"


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.endswith(DIGEST_SUFFIX))


def _check_published(project) -> dict[str, bytes]:
    """Every published JPEG decodes whole and every PDF parses; returns them by path."""
    out = {}
    for path in sorted(project.site.rglob("*")):
        if path.suffix in (".jpg", ".pdf"):
            data = path.read_bytes()
            if path.suffix == ".jpg":
                with Image.open(io.BytesIO(data)) as im:
                    im.load()
            else:
                assert len(PdfReader(io.BytesIO(data)).pages) >= 1
            out[path.relative_to(project.site).as_posix()] = data
    return out


DAMAGE = {
    "truncated": lambda data: data[: len(data) // 3],
    "garbage": lambda data: b"\x00garbage\xff" * 50,
    "wrong type": lambda data: b"%PDF-1.7\n%%EOF\n" if not data.startswith(b"%PDF") else _photo((0, 0, 0)),
}


CACHES = ("media", "print", "print-images")


@pytest.mark.parametrize("how", list(DAMAGE))
def test_damaged_entries_are_made_again(printed_project, how: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    project = printed_project
    good = _check_published(project)
    assert any(p.endswith(".pdf") for p in good) and any(p.endswith(".jpg") for p in good)
    damaged = 0
    for cache in CACHES:
        entries = _entries(_cache(project) / cache)
        assert entries, f"nothing in {cache}"
        for entry in entries:
            entry.write_bytes(DAMAGE[how](entry.read_bytes()))
            damaged += 1
    caplog.clear()
    project.build()
    figures.tried(damaged)
    rebuilt = _check_published(project)
    assert rebuilt == good, f"{how}: the published files changed"
    assert f"{damaged} damaged cache entries were found and made again" in caplog.text, caplog.text
    for cache in CACHES:
        for entry in _entries(_cache(project) / cache):
            digest = entry.with_name(entry.name + DIGEST_SUFFIX).read_text()
            assert hashlib.sha256(entry.read_bytes()).hexdigest() == digest
    figures.survived(damaged)


def test_withdrawn_people_leave_the_cache(printed_project) -> None:
    project = printed_project
    media = _cache(project) / "media"
    before = {p.name for p in _entries(media)}
    boards = {p.name for p in _entries(_cache(project) / "print")}
    project.write("data/honors/morality.yml", HONORS.replace("consent: true", "withdrawn: true"))
    project.build()
    after = {p.name for p in _entries(media)}
    assert len(after) == len(before) - 1, "the photo copy of the withdrawn person is still cached"
    # The board PDF that showed the person is gone too (a new, empty board replaces it).
    assert not boards <= {p.name for p in _entries(_cache(project) / "print")}
    assert not (project.site / "images/honors/wang.jpg").exists()


def test_unused_entries_are_pruned(printed_project) -> None:
    project = printed_project
    stale = _cache(project) / "media" / ("0" * 32 + ".jpg")
    stale.write_bytes(b"old")
    project.build()
    assert not stale.exists()
    assert all(p.with_name(p.name + DIGEST_SUFFIX).exists() for p in _entries(_cache(project) / "media"))


def test_cache_dir_option_moves_the_cache(project, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("cache")
    text = (project.root / "mkdocs.yml").read_text()
    project.write("mkdocs.yml", text.replace("as_of: 2026-06-01", f"as_of: 2026-06-01\n      cache_dir: {elsewhere}"))
    project.write("content/images/a.jpg", _photo((1, 2, 3)))
    project.build()
    assert _entries(elsewhere / "media")
    assert not (project.root / ".cache").exists()
