"""Build output into a staging folder and swap it into place only on success.

A failed build - bad data, a crash, strict-mode warnings - must leave the site that
was there before byte for byte untouched, because that site is what residents and
printed QR codes reach. Two builds into one folder (a timer and a person, two CI jobs)
take turns: a lock beside the output folder lets one build at a time stage and swap.
The swap exchanges the two folders in one step where the system allows it; elsewhere
it takes two renames, and a crash between them is repaired by the next build, which
puts the old site back. At no moment is there no site.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .files import walk

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
REMOVERS = 4
"""Threads deleting an old site's folders at once: the system overlaps their deletes (about a third quicker)."""


class BuildLocked(Exception):
    """Another build holds the output folder."""


class StagedOutput:
    """A sibling folder that becomes ``target`` when :meth:`commit` is called."""

    def __init__(self, target: Path, exchange: bool = True) -> None:
        self.target = target.resolve()
        self.staging: Path | None = None
        self.exchange = exchange
        self._lock: int | None = None

    @property
    def lock_path(self) -> Path:
        """The lock file beside the output folder."""
        return self.target.with_name(f".{self.target.name}.lock")

    def lock(self, timeout: float = 0.0, waiting: object = None) -> None:
        """Take the output folder for this build, waiting up to ``timeout`` seconds.

        Raises:
            BuildLocked: when another build still holds it after ``timeout``.
        """
        self.target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    os.close(fd)
                    raise
                if time.monotonic() >= deadline:
                    holder = _read_holder(fd)
                    os.close(fd)
                    raise BuildLocked(
                        f"another build{holder} is writing {self.target} (lock: {self.lock_path}); "
                        f"waited {timeout:g} s. Run this build again when it has finished."
                    ) from None
                if not told and callable(waiting):
                    waiting()
                    told = True
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._lock = fd

    def unlock(self) -> None:
        """Let the next build have the output folder."""
        if self._lock is not None:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            os.close(self._lock)
            self._lock = None

    def recover(self) -> list[str]:
        """Repair what an interrupted build left (call with the lock held); returns what was done."""
        parent, name = self.target.parent, self.target.name
        done: list[str] = []
        olds = sorted(parent.glob(f".{name}.old-*"), key=lambda p: p.stat().st_mtime)
        if not self.target.exists() and olds:
            # A crash between the two renames of a swap: the old site goes back.
            os.replace(olds.pop(), self.target)
            done.append(f"restored the previous site from {self.target.name}.old")
        for leftover in [*olds, *parent.glob(f".{name}.building-*")]:
            remove(leftover)
            done.append(f"removed {leftover.name}")
        return done

    def begin(self) -> Path:
        """Create a fresh staging folder (after repairing what interrupted builds left)."""
        parent = self.target.parent
        parent.mkdir(parents=True, exist_ok=True)
        self.recover()
        self.staging = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.building-", dir=parent))
        return self.staging

    def commit(self) -> None:
        """Put the staged build in place of ``target``."""
        if self.staging is None:
            return
        # mkdtemp makes the folder private (0700); a published site is world-readable.
        self.staging.chmod(0o755)
        if self.target.exists() and self.exchange and _exchange(self.staging, self.target):
            # One step: the staging name now holds the old site.
            remove(self.staging)
        else:
            old = self.target.with_name(f".{self.target.name}.old-{os.getpid()}")
            if self.target.exists():
                os.replace(self.target, old)
            os.replace(self.staging, self.target)
            remove(old)
        self.staging = None

    def abort(self) -> None:
        """Throw the staged build away; ``target`` stays as it was."""
        if self.staging is not None:
            remove(self.staging)
            self.staging = None


def remove(folder: Path) -> None:
    """Delete ``folder`` and all below it (what cannot be deleted stays); the folders two levels
    down are deleted by a few threads at once: a site is thousands of small files."""
    parts: list[str] = []
    try:
        with os.scandir(folder) as tops:
            for top in tops:
                if top.is_dir(follow_symlinks=False):
                    with os.scandir(top.path) as below:
                        parts += [entry.path for entry in below]
    except OSError:
        parts = []
    if len(parts) > 1:
        with ThreadPoolExecutor(REMOVERS, thread_name_prefix="remove") as pool:
            list(pool.map(_remove_one, parts))
    shutil.rmtree(folder, ignore_errors=True)


def _remove_one(path: str) -> None:
    try:
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.unlink(path)
    except OSError:
        pass


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2``); False where the system cannot."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def _read_holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode().strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (process {pid})" if pid.isdigit() else ""


MIN_FREE_BYTES = 4 * 1024 * 1024
"""Headroom on top of the size of the site being replaced."""


def output_fault(site_dir: Path) -> str | None:
    """Why a build could not write ``site_dir`` (read-only, no space), or None."""
    parent = site_dir.parent
    probe = parent
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    test = probe / f".{site_dir.name}.write-test-{os.getpid()}"
    try:
        test.write_bytes(b"x" * 4096)
        test.unlink()
    except OSError as exc:
        return describe(exc, site_dir)
    needed = MIN_FREE_BYTES + (_size(site_dir) if site_dir.is_dir() else 0)
    free = shutil.disk_usage(probe).free
    if free < needed:
        return (
            f"there is not enough free space to build into {site_dir}: {free // 2**20} MB free, about "
            f"{needed // 2**20} MB needed (the new site is built beside the old one)（磁盘空间不足）"
        )
    return None


def describe(exc: OSError, where: Path) -> str:
    """One sentence for a file-system fault."""
    if exc.errno == errno.ENOSPC:
        return f"the disk holding {where} is full（磁盘已满）"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"{where} cannot be written ({exc.strerror}); build into another folder with -d（输出文件夹不可写）"
    return f"{where}: {exc.strerror or exc}"


def _size(folder: Path) -> int:
    """The bytes of the files below ``folder`` (links not counted)."""
    total = 0
    for _, entry in walk(folder):
        with contextlib.suppress(OSError):
            if not entry.is_symlink():
                total += entry.stat(follow_symlinks=False).st_size
    return total
