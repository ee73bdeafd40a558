"""Work shared out across forked processes: every piece taken exactly once, however the processes race."""

from __future__ import annotations

import os
import time

import pytest

from community_culture.core.tickets import MOST, Tickets


def test_forked_processes_take_every_number_once() -> None:
    tickets = Tickets(300)
    go_read, go_write = os.pipe()  # every process starts taking at the same moment
    readers = []
    for pause in (0.0002, 0.0005, 0.001):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - a racing copy
            os.close(read_end)
            os.read(go_read, 1)
            taken = []
            for number in tickets:
                taken.append(number)
                time.sleep(pause)  # as if printing it
            os.write(write_end, ",".join(map(str, taken)).encode())
            os._exit(0)
        os.close(write_end)
        readers.append((pid, read_end))
    os.write(go_write, b"go!")
    mine = []
    for number in tickets:
        mine.append(number)
        time.sleep(0.0002)
    theirs = []
    for pid, read_end in readers:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read().decode()
        os.waitpid(pid, 0)
        theirs.append([int(n) for n in data.split(",") if n])
    everything = mine + [n for taken in theirs for n in taken]
    assert sorted(everything) == list(range(300))  # none lost, none twice
    assert all(taken == sorted(taken) for taken in [mine, *theirs])  # each takes them in order
    assert sum(1 for taken in [mine, *theirs] if taken) >= 3  # shared, not all taken by one


def test_none_left_is_none_and_stays_none() -> None:
    tickets = Tickets(2)
    assert [tickets.next(), tickets.next(), tickets.next(), tickets.next()] == [0, 1, None, None]
    assert list(Tickets(0)) == []


def test_more_than_a_pipe_holds_is_refused() -> None:
    with pytest.raises(ValueError):
        Tickets(MOST + 1)
    assert len(list(Tickets(MOST))) == MOST


def test_a_pipe_too_small_for_them_is_an_error_not_a_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    import fcntl

    made = os.pipe

    def one_page() -> tuple[int, int]:
        read_end, write_end = made()
        fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)  # what a user holding many pipes gets
        return read_end, write_end

    monkeypatch.setattr(os, "pipe", one_page)
    assert list(Tickets(1024)) == list(range(1024))  # 4 KB: fits
    with pytest.raises(BlockingIOError):
        Tickets(1025)
