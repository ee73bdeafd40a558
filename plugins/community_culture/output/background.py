"""Parts of a build run in a forked copy of it, on the machine's second core.

The engine renders its pages one after the other on one core. Parts of a build that
depend on nothing the pages do are run apart while it renders (``writing.py`` decides
which, and waits for them):

- the feeds and data files (:func:`write_files`): a district's calendar is thousands of
  ``.ics`` feeds and JSON files, a sixth of a build;
- the print files, by a copy of their own, which returns the press's reprint list and
  warnings (:meth:`~community_culture.printing.press.Press.adopt`);
- page bodies, sent one by one as a copy makes them (:class:`Streamed`);
- the scan for unpublished people in the finished site (``verify.py``), while the build
  follows its links.

What a copy used of the build caches is counted as used, so pruning keeps it.

What a copy returns comes back through a pipe; a failure in it stops the build with
its reason, and a copy that dies is an error too. Where there is no ``fork`` (or in the
live preview, whose server has threads of its own), the work is done in the build.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Generic, TypeVar

from ..core import cachefile
from .files import OutputError, OutputFile

T = TypeVar("T")


_SENDING: set[int] = set()
"""The pipe this process (a forked copy) sends its result through, closed in copies it makes."""


def _fork(nice: int, child: Callable[[int], int]) -> tuple[int, int] | None:
    """Run ``child`` in a forked copy with the write end of a pipe; it ends with the code ``child`` returns.

    Returns the copy's pid and the pipe's read end, or None where the system cannot fork.
    ``nice``: how much the copy gives way to the build.
    """
    if not hasattr(os, "fork"):
        return None
    try:
        read_end, write_end = os.pipe()
    except OSError:  # out of file descriptors: the work is done here
        return None
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError:  # out of processes or memory: the work is done here
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # pragma: no cover - the forked copy (checked through what it sends)
        code = 1
        try:
            os.close(read_end)
            # What this copy's parent sends to its own parent is not this copy's to hold
            # open: the parent's reader would otherwise wait for this copy to end too.
            for inherited in _SENDING:
                with contextlib.suppress(OSError):
                    os.close(inherited)
            _SENDING.clear()
            _SENDING.add(write_end)
            if nice:
                with contextlib.suppress(OSError):  # giving way is a courtesy, never a reason to fail
                    os.nice(nice)
            code = child(write_end)
        finally:
            os._exit(code)
    os.close(write_end)
    return pid, read_end


def _send_result(work: Callable[[], object], out: int) -> int:  # pragma: no cover - in the forked copy
    """Send what ``work`` returned (with the cache entries it used), or why it failed."""
    cachefile.USE.reset()  # what the copy uses of the caches goes back with its result
    code = 0
    try:
        data = pickle.dumps((work(), cachefile.USE.used, cachefile.USE.repaired))
    except BaseException as exc:  # anything reaches the build as a message
        code = 1
        data = (str(exc) if isinstance(exc, OutputError) else f"{type(exc).__name__}: {exc}").encode()
    with contextlib.suppress(OSError):
        _write_all(out, data)
    return code


def _send_items(make: Callable[[], Iterable[object]], out: int) -> int:  # pragma: no cover - in the forked copy
    """Send each item ``make`` yields as it is made, length-prefixed; a failure just ends the items."""
    with contextlib.suppress(BaseException):
        for item in make():
            data = pickle.dumps(item)
            _write_all(out, len(data).to_bytes(8, "big") + data)
    return 0


def _write_all(fd: int, data: bytes) -> None:
    while data:
        data = data[os.write(fd, data) :]


class Forked(Generic[T]):
    """A function run in a forked copy of the build; :meth:`result` waits for what it returned."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid = pid
        self.pipe = pipe

    @classmethod
    def start(cls, work: Callable[[], T], *, nice: int = 0) -> Forked[T] | None:
        """Run ``work`` in a forked copy; None where the system cannot fork.

        ``nice``: how much the copy gives way to the build (and other copies) for the machine's cores.
        """
        forked = _fork(nice, partial(_send_result, work))
        return cls(*forked) if forked is not None else None

    def result(self) -> T:
        """What the work returned; :class:`OutputError` with the reason when it failed or the copy died."""
        with os.fdopen(self.pipe, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        code = os.waitstatus_to_exitcode(status)
        if code == 0:
            result, used, repaired = pickle.loads(data)
            cachefile.USE.merge(used, repaired)  # so that pruning keeps what the copy used
            return result  # type: ignore[no-any-return]
        message = data.decode("utf-8", "replace") if code == 1 else ""
        raise OutputError(
            message or f"a part of the build run apart ended unexpectedly (exit {code}); nothing was built"
        )

    def stop(self) -> None:
        """End the copy without waiting for it (the build failed elsewhere); again: nothing."""
        if not self.pid:
            return
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.close(self.pipe)
        with contextlib.suppress(ChildProcessError, OSError):
            os.waitpid(self.pid, 0)
        self.pid = 0


TYPESETTING_MIB = 1536
"""Memory the system must have available before a second process typesets print files:
WeasyPrint lays out a month's poster of a thousand lines in 450-700 MiB."""


def run_apart(work: Callable[[], T], *, needs_mib: int = 0) -> Forked[T] | None:
    """Start ``work`` in a forked copy, or None where the system cannot fork or has less than
    ``needs_mib`` of memory available."""
    available = available_mib()
    if needs_mib and available is not None and available < needs_mib:
        return None
    return Forked.start(work)


def available_mib() -> float | None:
    """The memory the system can give this process without swapping (Linux's MemAvailable, and
    what is left below the limit of the process's control group, if it has one); None: unknown."""
    found = []
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text(encoding="ascii").splitlines():
            if line.startswith("MemAvailable:"):
                found.append(int(line.split()[1]) / 1024)
    with contextlib.suppress(OSError, ValueError, IndexError):
        # cgroup v2: "0::/the/group" (a container's limit is not in MemAvailable)
        group = Path("/proc/self/cgroup").read_text(encoding="ascii").splitlines()[0].split("::", 1)[1]
        folder = Path("/sys/fs/cgroup") / group.lstrip("/")
        limit = (folder / "memory.max").read_text(encoding="ascii").strip()
        if limit != "max":
            used = int((folder / "memory.current").read_text(encoding="ascii"))
            found.append((int(limit) - used) / 2**20)
    return min(found) if found else None


class Streamed(Generic[T]):
    """Items a forked copy makes one after the other, taken as they arrive (:meth:`take`).

    Nothing the build needs waits for it: a copy that fails or dies just makes no more
    items, and the build makes what it did not get itself.
    """

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid = pid
        self._items: list[T] = []
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, args=(pipe,), name="apart-items", daemon=True)
        self._reader.start()

    @classmethod
    def start(cls, make: Callable[[], Iterable[T]], *, nice: int = 0) -> Streamed[T] | None:
        """Run ``make`` in a forked copy that sends each item as it is made; None where there is no fork."""
        forked = _fork(nice, partial(_send_items, make))
        return cls(*forked) if forked is not None else None

    def take(self) -> list[T]:
        """The items that arrived since the last call."""
        with self._lock:
            items, self._items = self._items, []
        return items

    def stop(self) -> None:
        """End the copy (its items are not wanted any more); again: nothing."""
        if not self.pid:
            return
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError, OSError):
            os.waitpid(self.pid, 0)
        self.pid = 0
        self._reader.join(timeout=10)

    def _read(self, pipe: int) -> None:
        with os.fdopen(pipe, "rb") as stream:
            while len(head := stream.read(8)) == 8:
                data = stream.read(int.from_bytes(head, "big"))
                try:
                    item = pickle.loads(data)
                except Exception:  # a copy killed mid-item
                    return
                with self._lock:
                    self._items.append(item)


def write_files(
    items: Sequence[OutputFile],
    site_dir: Path,
    write: Callable[[OutputFile, Path], Path],
    apart: Mapping[str, Callable[[], object]],
    nice: Mapping[str, int] | None = None,
) -> tuple[list[tuple[str, Path, bool]], dict[str, Forked[object]]]:
    """Write ``items`` into ``site_dir``; the files of each kind in ``apart`` by a forked copy of its own.

    ``apart`` maps a kind (``data``, ``print``) to what its copy returns once its files
    are written (e.g. the press's reprint list); ``nice``, a kind to how much its copy
    gives way (see :meth:`Forked.start`). Returns each file's path, where it is (or will
    be) on disk and whether a copy writes it, and the copies by kind, to
    :meth:`~Forked.result` for.
    """
    copies: dict[str, Forked[object]] = {}

    def write_kind(kind: str, then: Callable[[], object]) -> object:
        for item in items:
            if item.kind != kind:
                continue
            try:
                write(item, site_dir)
            except OutputError:
                raise
            except Exception as exc:
                raise OutputError(
                    f"{item.path} cannot be made ({type(exc).__name__}: {exc}); nothing was built"
                ) from exc
        return then()

    try:
        for kind, then in apart.items():
            if any(item.kind == kind for item in items):
                copy = Forked.start(partial(write_kind, kind, then), nice=(nice or {}).get(kind, 0))
                if copy is not None:
                    copies[kind] = copy
        return [
            (item.path, site_dir / item.path, True)
            if item.kind in copies
            else (item.path, write(item, site_dir), False)
            for item in items
        ], copies
    except BaseException:
        for copy in copies.values():
            copy.stop()  # a file failed here: the build stops, and so do the copies
        raise
