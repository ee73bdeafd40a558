"""The bundled example site builds strictly, and `culture check --strict` passes on it."""

from __future__ import annotations

import calendar
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example(example_site: Path) -> Path:
    """The example project, built once for the whole run."""
    return example_site


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
    assert "culture check: 检查通过 — 场馆 7、活动 37" in result.stdout


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
    assert links == ["halls/", "events/", "honors/", "exhibits/", "teams/", "reports/"]
    en = page(example, "en")
    assert en.h1.get_text(strip=True) == "Jinxiu Community"
    assert "Errentai folk singers" in en.get_text()


def test_example_calendar_covers_the_plans(example: Path) -> None:
    from community_culture.model.site import Options, load_site

    site, problems = load_site(Options(ROOT, ROOT / "data", ROOT / "content"))
    assert site is not None and not problems.errors
    events = site.events.values()
    assert len(site.events) >= 25
    assert {e.when.shape for e in events} == {"date", "span", "month", "months", "festival", "lunar", "rrule", "every"}
    assert {e.category for e in events} == set(site.taxonomies.categories)
    assert any(e.when.rrule and e.when.excluded for e in events)
    assert any(e.status == "postponed" for e in events)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """Independent of dateutil: the nth (or last, -1) weekday of a month."""
    days = [date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]
    matching = [d for d in days if d.weekday() == weekday]
    return matching[nth - 1] if nth > 0 else matching[nth]


def test_every_example_date_against_independent_sources(example: Path) -> None:
    """Festival and lunar dates against lunardate and a published table; recurring ones by hand."""
    import lunardate

    rows = json.loads((example / "site/data/events.json").read_text(encoding="utf-8"))
    by_id: dict[str, list[str]] = {}
    for row in rows:
        by_id.setdefault(row["id"], []).append(row["occurrence"])
    published = {  # Hong Kong Observatory / State Council tables
        "2026-double-ninth-elders": "2026-10-18",
        "2026-mid-autumn-evening": "2026-09-25",
        "2026-lantern-riddles": "2026-03-03",
        "2026-qingming-martyrs": "2026-04-05",
        "2026-winter-solstice-dumplings": "2026-12-22",
        "2026-dragon-boat-zongzi": "2026-06-19",
        "2026-qixi-concert": "2026-08-19",
        "2026-laba-porridge": "2027-01-15",
        "2027-lantern-riddles": "2027-02-20",
    }
    for event_id, day in published.items():
        assert by_id[event_id] == [day], event_id
    lunar = {
        "2026-double-ninth-elders": (2026, 9, 9),
        "2026-mid-autumn-evening": (2026, 8, 15),
        "2026-dragon-boat-zongzi": (2026, 5, 5),
        "2026-laba-porridge": (2026, 12, 8),
        "2027-spring-couplets": (2026, 12, 20),
        "2027-lantern-riddles": (2027, 1, 15),
    }
    for event_id, (y, m, d) in lunar.items():
        assert by_id[event_id] == [lunardate.LunarDate(y, m, d).to_solar_date().isoformat()], event_id
    film = [_nth_weekday(2026, m, 5, 2).isoformat() for m in range(1, 13)]
    assert by_id["2026-film-night"] == film
    civility = [_nth_weekday(2026, m, 3, 3).isoformat() for m in range(1, 13) if m != 2]
    assert by_id["2026-civility-school"] == civility  # no class in Spring Festival week
    assert by_id["2026-reading-club"] == [_nth_weekday(2026, m, 5, -1).isoformat() for m in range(1, 13)]
    assert by_id["2026-science-lectures"] == [_nth_weekday(2026, m, 5, 3).isoformat() for m in (3, 6, 9, 12)]
    assert by_id["2026-legal-education"] == ["2026-01-15", "2026-04-15", "2026-07-15", "2026-10-15"]
