"""Work shared by a process and its forked copies: each piece taken once, by whichever asks first.

The numbers ``0 … n-1`` are written into a pipe before the fork; every process reads
the next number when it is free for more. A process that gets slow pieces simply takes
fewer, so the shares even out without knowing beforehand what each piece costs. The
system reads a pipe under its lock, and every number is written whole before any is
read, so no number is read twice or in halves.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

_SIZE = 4
MOST = 65536 // _SIZE
"""Numbers a pipe holds without a reader (Linux's pipe buffer): more are not shared out this way."""


class Tickets:
    """The numbers ``0 … count-1``, each handed out once across the processes forked after it was made."""

    def __init__(self, count: int) -> None:
        """Raises ValueError for more than :data:`MOST`, OSError when the pipe cannot be made or filled."""
        if not 0 <= count <= MOST:
            raise ValueError(f"between 0 and {MOST} tickets")
        self._maker = os.getpid()
        self._read, write = os.pipe()
        try:
            # Never waits: a pipe the system made smaller than usual (a user holding many
            # pipes gets one page) raises BlockingIOError, and the caller works alone.
            os.set_blocking(write, False)
            data = b"".join(i.to_bytes(_SIZE, "big") for i in range(count))
            done = 0
            while done < len(data):
                done += os.write(write, data[done:])
        except OSError:
            self.close()
            raise
        finally:
            os.close(write)  # all written: an empty pipe now reads as its end

    def next(self) -> int | None:
        """The next number nobody has taken yet; None when all are taken, or when the process
        that made them has ended (a copy of a build that was stopped does not go on alone)."""
        if self._read < 0 or self._maker not in (os.getpid(), os.getppid()):
            self.close()
            return None
        data = os.read(self._read, _SIZE)
        if len(data) < _SIZE:
            self.close()
            return None
        return int.from_bytes(data, "big")

    def close(self) -> None:
        """Take no more (in this process)."""
        if self._read >= 0:
            with contextlib.suppress(OSError):
                os.close(self._read)
            self._read = -1

    def __iter__(self) -> Iterator[int]:
        while (number := self.next()) is not None:
            yield number
