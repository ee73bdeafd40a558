"""The press's pages shared with another process, each taken by whichever process is free.

The caller hands the press a way to start a function in another process (``Apart``: a
forked copy of the build, where the system can make one); the press numbers its pages
(:class:`~community_culture.core.tickets.Tickets`) and both processes print the next
free one until none is left. The copy leaves its PDFs in the cache folder and sends back
each page's fingerprint, its problems and its figures (:class:`PressShare`). A copy that
fails or dies, or whose PDFs are not in the folder, leaves its pages to be printed here,
as if alone.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..core.problems import Problem, Problems
from ..core.tickets import MOST, Tickets
from .cache import PdfCache
from .jobs import PressStats, PrintJob


class Copy(Protocol):
    """Another process printing some of the pages."""

    def result(self) -> PressShare:
        """What it printed (waits for it); raises when it failed or died."""
        ...

    def stop(self) -> None:
        """End it without waiting."""
        ...


Apart = Callable[[Callable[[], "PressShare"]], Copy | None]
"""Starts a function in another process (None: it cannot be started)."""


@dataclass(frozen=True)
class PressShare:
    """What another process printed of a press's pages: each page's (fingerprint, printed), its problems and figures."""

    done: dict[str, tuple[str, bool]]
    problems: list[Problem]
    stats: PressStats


class SharedPrinting:
    """The press's printing of a list of pages, with another process where it is given one."""

    # The press's own (see press.py).
    _done: dict[str, tuple[str, bool]]
    problems: Problems
    stats: PressStats
    cache: PdfCache

    def _print(self, job: PrintJob) -> None:
        raise NotImplementedError

    def _print_shared(self, jobs: Sequence[PrintJob], apart: Apart | None) -> None:
        """Print ``jobs``, with another process started by ``apart`` if it can be, page by page as each is free."""
        started = self._start_copy(jobs, apart) if apart is not None else None
        if started is None:
            for job in jobs:
                self._print(job)
            return
        copy, tickets = started
        try:
            for number in tickets:
                self._print(jobs[number])
        except BaseException:  # a failure here (or Ctrl-C) ends the copy too
            copy.stop()
            tickets.close()
            raise
        self._take(jobs, copy)

    def _start_copy(self, jobs: Sequence[PrintJob], apart: Apart) -> tuple[Copy, Tickets] | None:
        """The other process and the tickets it shares with this one; None when there is no sharing."""
        if not 2 <= len(jobs) <= MOST:
            return None
        try:
            tickets = Tickets(len(jobs))
        except OSError:  # no pipe to share them through
            return None
        copy = apart(functools.partial(self._share, jobs, tickets))
        if copy is None:
            tickets.close()
            return None
        return copy, tickets

    def _share(self, jobs: Sequence[PrintJob], tickets: Tickets) -> PressShare:
        """In another process: print the pages of ``jobs`` whose tickets it gets, and say what came of them.

        Their PDFs are left in the cache folder.
        """
        self.problems, self.stats = Problems(), PressStats()
        taken = []
        for number in tickets:  # one at a time: the next is taken only once this one is printed
            taken.append(jobs[number])
            self._print(jobs[number])
        return PressShare({job.key: self._done[job.key] for job in taken}, self.problems.items, self.stats)

    def _take(self, jobs: Sequence[PrintJob], copy: Copy) -> None:
        """Take over what another process printed of ``jobs``, and print here what it did not."""
        try:
            share: PressShare | None = copy.result()
        except Exception:  # the copy failed or died: what it took is printed here, as if alone
            share = None
        if share is not None and all(self.cache.has(key) for key, printed in share.done.values() if printed):
            self._done.update(share.done)
            for problem in share.problems:
                self.problems.add(problem)
            self.stats.add(share.stats)
        for job in jobs:
            if job.key not in self._done:
                self._print(job)
