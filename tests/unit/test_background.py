"""Feeds, data and print files written by forked copies of the build: all of them, or the build stops with the reason."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from community_culture.core import cachefile
from community_culture.output.background import write_files
from community_culture.output.files import OutputError, OutputFile

DATA = {"data": lambda: "written"}


def write(item: OutputFile, site_dir: Path) -> Path:
    target = site_dir / item.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(item.content())
    return target


def items(n: int = 50) -> list[OutputFile]:
    made = [OutputFile(f"events/e{i}/event.ics", make=lambda i=i: f"BEGIN:VCALENDAR {i}".encode()) for i in range(n)]
    return [*made, OutputFile("print/poster.pdf", make=lambda: b"%PDF-1.6", kind="print")]


def test_every_file_is_there_once_waited_for(tmp_path):
    written, copies = write_files(items(), tmp_path, write, DATA)
    assert list(copies) == ["data"]
    assert (tmp_path / "print/poster.pdf").read_bytes() == b"%PDF-1.6"  # not apart: by the build itself
    assert copies["data"].result() == "written"
    assert [path for path, _, _ in written] == [item.path for item in items()]
    for i in range(50):
        assert (tmp_path / f"events/e{i}/event.ics").read_bytes() == f"BEGIN:VCALENDAR {i}".encode()
    assert all(target == tmp_path / path for path, target, _ in written)
    # The engine is told which files a copy writes (it must not copy those itself).
    assert [apart for _, _, apart in written] == [True] * 50 + [False]


def test_without_background_everything_is_written_at_once(tmp_path):
    written, copies = write_files(items(3), tmp_path, write, {})
    assert copies == {}
    assert all(target.is_file() and not apart for _, target, apart in written)


def test_each_kind_apart_returns_what_follows_its_files(tmp_path):
    """The print copy hands back the reprint list, made after its files (here: the files it finds)."""

    def listed() -> list[str]:
        return sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.pdf"))

    pdfs = [
        OutputFile(f"print/{i}.pdf", make=lambda i=i: b"%PDF-1.6 " + bytes([48 + i]), kind="print") for i in range(3)
    ]
    _, copies = write_files([*items(5)[:5], *pdfs], tmp_path, write, {**DATA, "print": listed})
    assert sorted(copies) == ["data", "print"]
    assert copies["print"].result() == ["print/0.pdf", "print/1.pdf", "print/2.pdf"]
    assert copies["data"].result() == "written"
    assert (tmp_path / "print/2.pdf").read_bytes() == b"%PDF-1.6 2"


def test_cache_entries_a_copy_used_are_kept_by_pruning(tmp_path):
    cache = tmp_path / "cache"
    for name in ("used", "unused"):
        cachefile.write_verified(cache / f"{name}.pdf", name.encode())
    cachefile.USE.reset()

    def uses() -> bytes:
        assert cachefile.read_verified(cache / "used.pdf") == b"used"
        return b"%PDF-1.6"

    _, copies = write_files([OutputFile("a.pdf", make=uses, kind="print")], tmp_path / "site", write, {"print": list})
    copies["print"].result()
    assert cachefile.prune(cache) == 1
    assert sorted(p.name for p in cache.iterdir()) == ["used.pdf", "used.pdf.sha256"]


def test_a_file_that_cannot_be_made_stops_the_build_with_its_reason(tmp_path):
    def failing(item: OutputFile, site_dir: Path) -> Path:
        if item.path.endswith("e7/event.ics"):
            raise OutputError("nothing was built: events/e7/event.ics: no space left on the disk")
        return write(item, site_dir)

    _, copies = write_files(items(), tmp_path, failing, DATA)
    with pytest.raises(OutputError, match=r"e7/event\.ics: no space left"):
        copies["data"].result()


def test_a_fault_in_the_copy_is_reported_not_lost(tmp_path):
    bad = [OutputFile("data/events.json", make=lambda: {}["missing"])]
    _, copies = write_files(bad, tmp_path, write, DATA)
    with pytest.raises(OutputError, match=r"data/events.json cannot be made \(KeyError"):
        copies["data"].result()


def test_a_copy_that_dies_is_an_error(tmp_path):
    dying = [OutputFile("data/halls.json", make=lambda: os._exit(3))]
    _, copies = write_files(dying, tmp_path, write, DATA)
    with pytest.raises(OutputError, match="ended unexpectedly"):
        copies["data"].result()


def test_a_copy_can_give_way_to_the_build(tmp_path):
    _, copies = write_files(items(1), tmp_path, write, {"data": lambda: os.nice(0)}, {"data": 5})
    assert copies["data"].result() == os.nice(0) + 5


def test_a_failed_build_ends_the_copy(tmp_path):
    slow = [OutputFile(f"data/{i}.json", make=lambda: time.sleep(0.2) or b"{}") for i in range(100)]
    _, copies = write_files(slow, tmp_path, write, DATA)
    writer = copies["data"]
    pid = writer.pid
    writer.stop()
    writer.stop()  # a second time does nothing
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert len(list(tmp_path.rglob("*.json"))) < 100


def test_forked_work_returns_its_result_or_its_reason():
    from community_culture.output.background import Forked

    done = Forked.start(lambda: ["/a.html: names a person who is not published"])
    assert done is not None and done.result() == ["/a.html: names a person who is not published"]
    failed = Forked.start(lambda: 1 / 0)
    assert failed is not None
    with pytest.raises(OutputError, match="ZeroDivisionError"):
        failed.result()
