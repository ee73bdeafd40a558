"""The cache of parsed data files: found only for the same text, never for a file with problems."""

from __future__ import annotations

from pathlib import Path

from community_culture.core.loader import Reporter, load_yaml
from community_culture.core.parsecache import ParseCache
from community_culture.model.site import Options, load_site

EVENTS = """\
events:
  - id: film-night
    title: {zh: 电影之夜, en: "Film night: a classic"}
    category: film
    when: {rrule: "FREQ=MONTHLY;BYDAY=2SA", start: 2026-01-01, until: 2026-12-31, time: "19:00-21:00"}
    hall: test-auditorium
    summary: |
      第二个周六晚上。
"""


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.parsed"))


def test_a_cached_file_reads_back_as_the_same_nodes(tmp_path):
    path = tmp_path / "events.yml"
    path.write_text(EVENTS, encoding="utf-8")
    cache = ParseCache(tmp_path / "cache")
    first = load_yaml(path, "data/events/a.yml", Reporter(cache=cache))
    assert len(entries(tmp_path / "cache")) == 1
    again = load_yaml(path, "data/events/b.yml", Reporter(cache=ParseCache(tmp_path / "cache")))
    plain = load_yaml(path, "data/events/b.yml", Reporter())
    assert again == plain  # text, quoting, and every line and column, in the path it is read under now
    assert first != plain  # (the path is part of every position)


def test_an_edit_misses_and_the_old_entry_is_pruned(tmp_path):
    path = tmp_path / "events.yml"
    path.write_text(EVENTS, encoding="utf-8")
    load_yaml(path, "e.yml", Reporter(cache=ParseCache(tmp_path / "cache")))
    (old,) = entries(tmp_path / "cache")
    path.write_text(EVENTS.replace("电影之夜", "露天电影"), encoding="utf-8")
    cache = ParseCache(tmp_path / "cache")
    node = load_yaml(path, "e.yml", Reporter(cache=cache))
    assert "露天电影" in repr(node)
    cache.prune()
    assert [p.name for p in entries(tmp_path / "cache")] != [old.name]
    assert len(entries(tmp_path / "cache")) == 1


def test_a_file_with_a_problem_is_never_cached_and_reported_every_time(tmp_path):
    path = tmp_path / "hall.yml"
    path.write_text("name: 礼堂\nname: 又一个\n", encoding="utf-8")
    for _ in range(2):
        reporter = Reporter(cache=ParseCache(tmp_path / "cache"))
        load_yaml(path, "data/halls/x.yml", reporter)
        assert [p.pos.line for p in reporter.problems] == [2]
    assert entries(tmp_path / "cache") == []


def test_a_damaged_entry_is_ignored(tmp_path):
    path = tmp_path / "events.yml"
    path.write_text(EVENTS, encoding="utf-8")
    load_yaml(path, "e.yml", Reporter(cache=ParseCache(tmp_path / "cache")))
    (entry,) = entries(tmp_path / "cache")
    entry.write_bytes(entry.read_bytes()[:100])
    assert load_yaml(path, "e.yml", Reporter(cache=ParseCache(tmp_path / "cache"))) == load_yaml(
        path, "e.yml", Reporter()
    )


def test_check_with_a_cache_sees_the_same_site_and_problems(project):
    project.write("data/events/2026.yml", EVENTS)
    project.write("data/halls/broken.yml", "name: 礼堂\nname: 又一个\n")
    plain = Options(root=project.root, data_dir=project.root / "data", content_dir=project.root / "content")
    cached = Options(
        root=project.root,
        data_dir=project.root / "data",
        content_dir=project.root / "content",
        cache_dir=project.root / ".c",
    )
    expected = [p.format() for p in load_site(plain)[1]]
    for _ in range(2):  # the first run fills the cache, the second reads it
        assert [p.format() for p in load_site(cached)[1]] == expected
    assert expected and entries(project.root / ".c" / "parsed")
    (project.root / "data/halls/broken.yml").unlink()
    site, problems = load_site(cached)
    assert site is not None and "film-night" in site.events and not problems.errors
