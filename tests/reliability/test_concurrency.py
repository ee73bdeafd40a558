"""One build at a time, and a swap that survives a crash at any step."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from community_culture.core.staging import StagedOutput

from . import figures

PLUGINS = str(Path(__file__).resolve().parents[2] / "plugins")
ENV = {**os.environ, "PYTHONPATH": PLUGINS, "NO_MKDOCS_2_WARNING": "1"}


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _start(root: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=root,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _wait_for_lock(lock: Path, first: subprocess.Popen[str]) -> None:
    """Until the first build holds the lock on the output folder."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and first.poll() is None:
        if lock.exists():
            fd = os.open(lock, os.O_RDONLY)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(fd, fcntl.LOCK_UN)
            except OSError:
                return
            finally:
                os.close(fd)
        time.sleep(0.05)
    pytest.fail("the first build never took the lock")


@pytest.mark.parametrize("timeout", [0, 300])
def test_two_builds_into_one_folder(project, timeout: int) -> None:
    text = (project.root / "mkdocs.yml").read_text()
    project.write("mkdocs.yml", text.replace("as_of: 2026-06-01", f"as_of: 2026-06-01\n      lock_timeout: {timeout}"))
    for i in range(12):
        project.write(f"content/page{i}.md", f"# 页面 {i}\n\n" + "文字。" * 200)
    project.build()
    reference = _files(project.site)
    first = _start(project.root)
    _wait_for_lock(project.site.with_name(".site.lock"), first)
    second = _start(project.root)
    out1, _ = first.communicate(timeout=300)
    out2, _ = second.communicate(timeout=300)
    figures.tried(2)
    assert first.returncode == 0, out1
    if timeout == 0:
        assert second.returncode != 0
        assert "another build" in out2 and "is writing" in out2 and "Traceback" not in out2, out2
    else:
        assert second.returncode == 0, out2
    assert _files(project.site) == reference, "the site is not whole"
    assert not list(project.root.glob(".site.building-*")) and not list(project.root.glob(".site.old-*"))
    figures.survived()


# Each crash point is a call that is made to end the process on the spot, as `kill -9` would.
CRASHES = {
    "while staging": "staging",
    "after moving the old site aside": "replace:1",
    "after moving the new site in": "replace:2",
    "before removing the old site": "rmtree:1",
    "right after the exchange": "exchange-rmtree:1",
}
SCRIPT = """
import os, shutil, sys
from pathlib import Path
from community_culture.core import staging
point, target, exchange = sys.argv[1], Path(sys.argv[2]), sys.argv[3] == "1"
out = staging.StagedOutput(target, exchange=exchange)
out.lock()
folder = out.begin()
for i in range(50):
    (folder / f"page{i}.html").write_text("new " * 100)
    if point == "staging" and i == 25:
        os._exit(9)
kind, _, n = point.partition(":")
calls = {"n": 0}
def crash(real):
    def wrapper(*args, **kwargs):
        calls["n"] += 1
        done = real(*args, **kwargs) if kind == "replace" else None  # a rename happens, then the crash
        if calls["n"] == int(n):
            os._exit(9)
        return done if kind == "replace" else real(*args, **kwargs)
    return wrapper
if kind == "replace":
    os.replace = crash(os.replace)
elif kind in ("rmtree", "exchange-rmtree"):
    shutil.rmtree = crash(shutil.rmtree)
out.commit()
"""


def _old_site(target: Path) -> None:
    target.mkdir()
    for i in range(50):
        (target / f"page{i}.html").write_text("old " * 100)


def _whole(target: Path) -> str:
    texts = {p.read_text() for p in target.iterdir()}
    assert len(list(target.iterdir())) == 50 and len(texts) == 1, "a half site"
    return texts.pop().split()[0]


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
@pytest.mark.parametrize("crash", list(CRASHES))
def test_a_crash_at_any_step_never_loses_the_site(tmp_path: Path, crash: str, exchange: bool) -> None:
    point = CRASHES[crash]
    if (point.startswith("replace") and exchange) or (point.startswith("exchange") and not exchange):
        pytest.skip("not a step of this way of swapping")
    target = tmp_path / "site"
    _old_site(target)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, point, str(target), "1" if exchange else "0"], env=ENV, capture_output=True
    )
    assert result.returncode == 9, result.stderr
    figures.tried()
    if exchange:
        assert _whole(target) in ("old", "new"), "no site after a crash"
    # The next build repairs what is left: a whole site, and nothing else beside it.
    out = StagedOutput(target)
    out.lock()
    out.recover()
    out.unlock()
    assert _whole(target) in ("old", "new")
    if point == "staging" or point == "replace:1":
        assert _whole(target) == "old"
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name not in ("site", ".site.lock"))
    assert leftovers == []
    figures.survived()
