"""`culture check` runs the print preflight too, through the build's cache, and agrees with the build."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import re
from pathlib import Path

import pytest
from conftest import Project
from mkdocs.exceptions import Abort
from printed import phone_photo, qr_codes
from test_print_shop import EXHIBIT, make_project

from community_culture.cli import main
from community_culture.output import background
from community_culture.printing.cache import PdfCache
from community_culture.printing.press import Press

TOO_LONG = ("en: Sixty years ago the land Jinxiu stands on was river flats.", "en: " + "Sixty years ago. " * 300)
DETAIL = "panel 'founding' of exhibit 'history', A4 (210 × 297 mm): the content does not fit on the page"
# The check names the panel in editors' words ("panel 1") at its file:line; the build says the same.
HEADLINE = f"data/exhibits/history/exhibit.yml:6:5: panel 1: {DETAIL}"


def check(project, *args: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(["check", "--lang", "en", *args, "-f", str(project.root / "mkdocs.yml")])
    return code, out.getvalue()


def test_check_finds_an_overflowing_panel_where_the_build_does(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = make_project(tmp_path, EXHIBIT.replace(*TOO_LONG))
    code, out = check(project)
    assert code == 1 and HEADLINE in out and "FAILED" in out
    assert check(project, "--no-print")[0] == 0  # the data itself is fine
    with pytest.raises(Abort):
        project.build()
    assert DETAIL in caplog.text


def test_check_warns_of_low_resolution_and_reuses_the_cache(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = make_project(tmp_path)
    project.write("content/images/exhibits/village.jpg", phone_photo(1000, 667, (200, 160, 90)))
    code, out = check(project)
    assert code == 0
    # At 300 ppi its 1,000 pixels print 85 mm wide, where the page has room for more.
    assert (
        "'images/exhibits/village.jpg' has only 1000×667 px: at the 300 ppi print shops ask for it prints 85×56 mm"
        in out
    )
    assert "print files: 3 pages typeset, 0 from the cache" in out
    assert check(project, "--strict")[0] == 1
    # The build then typesets nothing: check filled the same cache.
    caplog.set_level(logging.INFO)
    project.build()
    assert "print files: 0 pages typeset, 3 from the cache" in caplog.text
    assert "'images/exhibits/village.jpg' has only 1000×667 px" in caplog.text


@pytest.mark.parametrize("size", ["A1", "rollup-80x200"])
def test_a_wall_panels_qr_code_scans_from_a_metre_away(tmp_path: Path, size: str) -> None:
    project = make_project(tmp_path, EXHIBIT.replace("print: {size: A4}", f"print: {{size: {size}}}"))
    project.write("content/images/exhibits/village.jpg", phone_photo(6000, 4000, (200, 160, 90)))
    project.build()
    pdf = project.site / "exhibits/history/founding/panel.pdf"
    # A phone's scanner frames about 1.15 m at 1 m in a preview some 1280 pixels wide:
    # about 1.1 pixels a millimetre, i.e. a render at 28 dpi.
    assert qr_codes(pdf, 1, tmp_path, dpi=28) == ["https://example.org/exhibits/history/founding/"]


# A panel that overflows (an error) and one whose photo is too small (a warning): the
# check's two processes share the three pages, and what it says must not depend on which took which.
SHARED = EXHIBIT.replace(*TOO_LONG).replace(
    "body: {zh: 社区有常住居民约六千人。, en: Some six thousand people live here.}",
    "body: {zh: 社区有常住居民约六千人。, en: Some six thousand people live here.}\n"
    "    images:\n      - {src: images/exhibits/small.jpg, caption: 小图}",
)
SECONDS = re.compile(r"; typesetting took .*")


SYSTEM_MEMORY = background.available_mib


@pytest.fixture(autouse=True)
def memory_to_spare(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the machine running the tests has: a second typesetting process is started."""
    monkeypatch.setattr(background, "available_mib", lambda: None)


def shared_project(root: Path) -> Project:
    project = make_project(root, SHARED)
    project.write("content/images/exhibits/small.jpg", phone_photo(400, 300, (90, 120, 160)))
    return project


def test_the_check_shares_the_pages_with_a_copy_and_says_what_it_alone_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = Press._share
    taken = tmp_path / "taken"

    def noted_share(self, jobs, tickets):  # type: ignore[no-untyped-def]
        result = share(self, jobs, tickets)  # in the forked copy: it leaves a note of what it took
        taken.write_text("\n".join(result.done))
        return result

    monkeypatch.setattr(Press, "_share", noted_share)
    code, shared = check(shared_project(tmp_path / "shared"))
    assert taken.read_text().strip(), "the copy printed none of the pages"

    monkeypatch.setattr(background.Forked, "start", lambda *a, **k: None)  # no copy: every page here
    alone_code, alone = check(shared_project(tmp_path / "alone"))
    assert (code, SECONDS.sub("", shared)) == (alone_code, SECONDS.sub("", alone))
    assert code == 1 and HEADLINE in shared
    assert shared.count("'images/exhibits/small.jpg' has only 400×300 px") == 1
    assert "print files: 3 pages typeset, 0 from the cache" in shared


def test_a_copy_that_dies_midway_leaves_its_pages_to_the_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started = tmp_path / "started"

    def dying_share(self, jobs, tickets):  # type: ignore[no-untyped-def]
        started.write_text("started")
        tickets.next()  # takes a page, then dies without a word
        os._exit(3)

    monkeypatch.setattr(Press, "_share", dying_share)
    code, out = check(shared_project(tmp_path / "dies"))
    assert started.exists()
    assert code == 1 and HEADLINE in out
    assert out.count("'images/exhibits/small.jpg' has only 400×300 px") == 1
    assert "print files: 3 pages typeset, 0 from the cache" in out
    assert "Traceback" not in out and "ended unexpectedly" not in out


def test_a_build_shares_its_typesetting_and_only_when_there_is_some(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    share = Press._share
    started = tmp_path / "started"

    def noted_share(self, jobs, tickets):  # type: ignore[no-untyped-def]
        started.write_text("started")  # in the print files' copy's own copy
        return share(self, jobs, tickets)

    monkeypatch.setattr(Press, "_share", noted_share)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    shared = make_project(tmp_path / "shared")
    shared.build()
    assert started.is_file(), "the first build typeset every page in one process"
    listed = json.loads((shared.site / "print/manifest.json").read_text(encoding="utf-8"))["files"]
    assert len(listed) == 4
    for entry in listed:  # every file there, whole, and the one the list says
        assert entry["sha256"] == hashlib.sha256((shared.site / entry["path"]).read_bytes()).hexdigest()

    # Typeset by one process, the files are the same bytes.
    monkeypatch.setattr(background.Forked, "start", lambda *a, **k: None)
    alone = make_project(tmp_path / "alone")
    alone.build()
    assert [e["sha256"] for e in listed] == [
        e["sha256"] for e in json.loads((alone.site / "print/manifest.json").read_text(encoding="utf-8"))["files"]
    ]

    # Nothing to typeset: no copy is made for it.
    monkeypatch.undo()
    monkeypatch.setattr(Press, "_share", noted_share)
    started.unlink()
    caplog.set_level(logging.INFO)
    shared.build()
    assert "print files: 0 pages typeset, 3 from the cache" in caplog.text
    assert not started.exists()


def test_without_a_pipe_to_share_through_the_check_prints_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pipe(count: int) -> None:
        raise OSError(24, "Too many open files")

    monkeypatch.setattr("community_culture.printing.sharing.Tickets", no_pipe)
    code, out = check(shared_project(tmp_path / "no-pipe"))
    assert code == 1 and HEADLINE in out
    assert out.count("'images/exhibits/small.jpg' has only 400×300 px") == 1
    assert "print files: 3 pages typeset, 0 from the cache" in out


def test_without_memory_for_a_second_typesetting_process_the_check_prints_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = tmp_path / "started"

    def noted_share(self, jobs, tickets):  # type: ignore[no-untyped-def]
        started.write_text("started")
        os._exit(3)

    monkeypatch.setattr(Press, "_share", noted_share)
    monkeypatch.setattr(background, "available_mib", lambda: background.TYPESETTING_MIB - 1.0)
    code, out = check(shared_project(tmp_path / "small"))
    assert not started.exists()
    assert code == 1 and "print files: 3 pages typeset, 0 from the cache" in out
    monkeypatch.setattr(background, "available_mib", lambda: None)  # not known: shared
    check(shared_project(tmp_path / "unknown"))
    assert started.exists()


def test_the_memory_available_is_read_from_the_system() -> None:
    available = SYSTEM_MEMORY()
    assert available is not None and 0 < available < os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**20


def test_pages_whose_pdfs_the_copy_did_not_leave_in_the_cache_are_printed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PdfCache, "has", lambda self, key: False)  # as if the copy kept them to itself
    code, out = check(shared_project(tmp_path / "lost"))
    assert code == 1 and HEADLINE in out
    assert out.count("'images/exhibits/small.jpg' has only 400×300 px") == 1  # told once, not once a process
    # Printed again here: typeset, or found where the copy left them after all.
    typeset, cached = map(int, re.search(r"print files: (\d+) pages? typeset, (\d+) from the cache", out).groups())
    assert typeset + cached == 3
