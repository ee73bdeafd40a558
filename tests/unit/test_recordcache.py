"""Validated records kept per data file: the same messages every run, and never a stale answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from community_culture.model import event as event_module

EVENTS = """\
events:
  - id: film-night
    title: {zh: 电影之夜, en: "Film night"}
    category: film
    when: {rrule: "FREQ=MONTHLY;BYDAY=2SA", start: 2026-01-01, until: 2026-12-31, time: "19:00-21:00"}
    hall: test-auditorium
  - id: spring-fair
    title: 春季游园
    category: festival
    when: {date: 2026-04-18}
    records:
      - date: 2026-04-18
        attendance: 120
        photos:
          - {src: images/fair.jpg, caption: 游园现场}
"""


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the events actually read (not taken from the cache) in a run."""
    seen: list[str] = []
    real = event_module.read_event

    def counting(f, tax):  # type: ignore[no-untyped-def]
        found = real(f, tax)
        seen.append(found.id if found else "?")
        return found

    monkeypatch.setattr(event_module, "read_event", counting)
    return seen


def records(project) -> list[Path]:  # type: ignore[no-untyped-def]
    return sorted((project.root / ".cache" / "community-culture" / "records").glob("*.records"))


def test_an_unchanged_file_is_not_read_again_and_says_the_same(project, check, reads):
    project.write("data/events/2026.yml", EVENTS)
    project.write("content/images/fair.jpg", b"\xff\xd8\xff\xe0 not a real photo")
    first = check("--no-print")
    assert reads == ["film-night", "spring-fair"] and len(records(project)) == 1
    # The untitled English and the missing place are warnings the second run still gives.
    assert "spring-fair" in first[1] and "hall" in first[1]
    reads.clear()
    assert check("--no-print") == first
    assert reads == []


def test_an_edited_file_is_read_again(project, check, reads):
    project.write("data/events/2026.yml", EVENTS)
    project.write("content/images/fair.jpg", b"\xff\xd8\xff\xe0 not a real photo")
    check("--no-print")
    project.write("data/events/2026.yml", EVENTS.replace("category: film", "category: flim"))
    reads.clear()
    status, out = check("--no-print")
    assert status == 1 and "flim" in out and reads == ["?", "spring-fair"]  # the first is now invalid
    assert records(project) == []  # the edited version is not kept (it has an error); the old one is pruned


def test_a_photo_removed_since_is_an_error_though_the_file_is_unchanged(project, check, reads):
    project.write("data/events/2026.yml", EVENTS)
    project.write("content/images/fair.jpg", b"\xff\xd8\xff\xe0 not a real photo")
    assert check("--no-print")[0] == 0
    (project.root / "content/images/fair.jpg").unlink()
    reads.clear()
    status, out = check("--no-print")
    assert status == 1 and "content/images/fair.jpg" in out and "spring-fair" in reads


def test_a_vocabulary_change_reads_the_events_again(project, check, reads):
    project.write("data/events/2026.yml", EVENTS)
    project.write("content/images/fair.jpg", b"\xff\xd8\xff\xe0 not a real photo")
    check("--no-print")
    project.write("data/taxonomies.yml", "categories:\n  film: {zh: 露天电影, en: Open-air film}\n")
    reads.clear()
    assert check("--no-print")[0] == 0
    assert reads == ["film-night", "spring-fair"]


def test_a_damaged_entry_is_read_again(project, check, reads):
    project.write("data/events/2026.yml", EVENTS)
    project.write("content/images/fair.jpg", b"\xff\xd8\xff\xe0 not a real photo")
    first = check("--no-print")
    (entry,) = records(project)
    entry.write_bytes(entry.read_bytes()[:50])
    reads.clear()
    assert check("--no-print") == first and reads == ["film-night", "spring-fair"]
