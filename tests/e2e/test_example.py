"""The bundled example site builds strictly, and `culture check --strict` passes on it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example project, copied and built once with `mkdocs build --strict`."""
    root = tmp_path_factory.mktemp("example")
    for name in ("content", "data", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1780000000", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return root


def page(root: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((root / "site" / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_culture_check_strict_passes_on_example() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "community_culture.cli", "check", "--strict"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout
    assert "culture check: OK" in result.stdout


def test_example_has_every_section_in_both_languages(example: Path) -> None:
    for url in ("", "halls/", "events/", "honors/", "exhibits/", "about/"):
        assert (example / "site" / url / "index.html").is_file(), url
        assert (example / "site" / "en" / url / "index.html").is_file(), url


def test_example_halls_cover_the_seed_plans(example: Path) -> None:
    halls = json.loads((example / "site/data/halls.json").read_text(encoding="utf-8"))
    kinds = {h["kind"] for h in halls}
    assert {"auditorium", "lecture-hall", "exhibition", "library", "square"} <= kinds
    auditorium = next(h for h in halls if h["kind"] == "auditorium" and h["standard"]["met"])
    assert auditorium["area_m2"] >= 200 and {"stage", "lighting", "sound"} <= set(auditorium["facilities"])
    assert any(h["standard"]["met"] is False for h in halls)


def test_example_home_page(example: Path) -> None:
    home = page(example, "")
    assert home.h1.get_text(strip=True) == "锦绣社区"
    links = [a["href"] for a in home.select("ul.cc-tiles a")]
    assert links == ["halls/", "events/", "honors/", "exhibits/"]
    en = page(example, "en")
    assert en.h1.get_text(strip=True) == "Jinxiu Community"
    assert "Errentai folk singers" in en.get_text()
