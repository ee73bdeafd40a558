"""The strict gate holds under -q and -v; links in data are checked; faults of the project
or the output folder end with one clear message and the old site untouched."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from . import figures

PLUGINS = str(Path(__file__).resolve().parents[2] / "plugins")
ENV = {**os.environ, "PYTHONPATH": PLUGINS, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=root,
        env=env or ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.parametrize("verbosity", ["-q", "-v", None])
def test_strict_fails_on_broken_links_whatever_the_verbosity(project, verbosity: str | None) -> None:
    project.write("content/about.md", "# 关于\n\n[缺页](missing/) [锚点](#nope) [绝对](/halls/)\n")
    result = mkdocs(project.root, "--strict", *([verbosity] if verbosity else []))
    figures.tried()
    assert result.returncode == 1, result.stderr
    said = result.stdout + result.stderr
    assert "Aborted with 3 warnings in strict mode" in said
    assert "Traceback" not in said
    assert not project.site.exists()
    if verbosity == "-q":
        assert "WARNING" not in said  # still quiet
    assert mkdocs(project.root, "-q").returncode == 0  # without --strict they are warnings only


def test_links_in_data_markdown_are_checked_against_the_site(project) -> None:
    hall = project.root / "data/halls/test-auditorium.yml"
    base = hall.read_text()
    hall.write_text(
        base + "description: |\n  见[活动](../../events/)、[日历](/events.ics)和[外站](https://example.org/)。\n"
    )
    project.build(strict=True)
    assert (project.site / "halls/test-auditorium/index.html").exists()
    before = project.tree_digest()
    for bad in ("[没有](../../events/nope/)", "[锚点](../../events/#nowhere)", "[文件](/files/x.pdf)"):
        hall.write_text(base + f"description: |\n  见{bad}。\n")
        with pytest.raises((PluginError, Abort)):
            project.build(strict=True)
        assert project.tree_digest() == before
        figures.tried()


# -- faults ------------------------------------------------------------------------------


@pytest.fixture
def mount_point(tmp_path: Path) -> Iterator[Path]:
    """A small tmpfs of our own (root only); skipped with the reason where it cannot be made."""
    point = tmp_path / "mnt"
    point.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", str(point)], capture_output=True, text=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({made.stderr.strip() or 'not root'})")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def _digest(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _clear_failure(result: subprocess.CompletedProcess[str], *words: str) -> None:
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in said, said
    assert any(w in said for w in words), said


def test_a_read_only_output_folder(project, mount_point: Path) -> None:
    out = mount_point / "site"
    assert mkdocs(project.root, "-q", "-d", str(out)).returncode == 0
    old = _digest(out)
    subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True)
    result = mkdocs(project.root, "-q", "-d", str(out))
    figures.tried()
    _clear_failure(result, "cannot be written", "不可写")
    assert _digest(out) == old
    figures.survived()


def test_a_full_disk(project, mount_point: Path) -> None:
    out = mount_point / "site"
    assert mkdocs(project.root, "-q", "-d", str(out)).returncode == 0
    old = _digest(out)
    filler = mount_point / "filler"
    with filler.open("wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass
    result = mkdocs(project.root, "-q", "-d", str(out))
    figures.tried()
    _clear_failure(result, "free space", "disk", "磁盘")
    assert _digest(out) == old
    figures.survived()


def test_a_read_only_project(project, mount_point: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    # The project on a read-only mount, the site built elsewhere, the cache in the user's folder.
    copy = mount_point / "project"
    shutil.copytree(project.root, copy, ignore=shutil.ignore_patterns("site", ".cache", "mnt"))
    subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True)
    out = tmp_path_factory.mktemp("out") / "site"
    home = tmp_path_factory.mktemp("home")
    env = {**ENV, "XDG_CACHE_HOME": str(home)}
    result = mkdocs(copy, "-d", str(out), env=env)
    figures.tried()
    assert result.returncode == 0, result.stderr
    assert (out / "halls/test-auditorium/index.html").exists()
    assert "cannot be written; the build cache is kept in" in result.stderr
    # Into the project itself: one clear message, nothing half-made.
    result = mkdocs(copy, "-q", env=env)
    _clear_failure(result, "cannot be written", "不可写")
    assert not (copy / "site").exists()
    figures.survived(2)


@pytest.mark.parametrize(
    "fault", [ImportError("libpango-1.0.so.0: cannot open shared object file"), OSError(28, "No space left on device")]
)
def test_a_missing_library_or_a_fault_while_printing(
    project, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, fault: Exception
) -> None:
    from printed import phone_photo

    from community_culture.printing import render

    project.write("content/images/exhibits/street.jpg", phone_photo(1600, 1200))
    project.write(
        "data/exhibits/history/exhibit.yml",
        "title: {zh: 老照片, en: Old photos}\nsection: overview\nprint: {size: A4}\npanels:\n"
        "  - id: street\n    title: {zh: 老街, en: The old street}\n    body: {zh: 老街。, en: The old street.}\n"
        "    images:\n      - {src: images/exhibits/street.jpg, caption: {zh: 老街, en: Old street}}\n",
    )
    project.build()
    before = project.tree_digest()

    def broken(*args: object, **kwargs: object) -> None:
        raise fault

    monkeypatch.setattr(render.Typesetter, "__init__", broken)
    (project.root / ".cache").rename(project.root / ".cache-old")  # nothing from the cache: print afresh
    with pytest.raises((PluginError, Abort)):
        project.build()
    figures.tried()
    assert "panel.pdf cannot be made" in caplog.text and "Traceback" not in caplog.text
    assert project.tree_digest() == before
    figures.survived()
