"""Build-speed benchmark: generated pages against the same pages written by hand for Material.

Usage (from the project folder, with the plugin importable)::

    python bench/run.py 1000 5000 --pairs 3 --check 10000 --print

For each N it writes a project of N records (``bench/generate.py``), builds it once to
warm the caches and to learn its pages, writes the hand-made Material project with the
same pages, then builds the two in interleaved pairs and prints the medians of wall
time, CPU time (user + system of the build process and its children), peak memory
(the largest process's maxrss, and the whole build's: the sum of its processes'
proportional set sizes, sampled twice a second, so that pages a forked copy shares are counted once),
and their ratios. ``--check`` times ``culture check`` on that many events; ``--print``
times one build with an empty print cache (cold) and one with a full cache (warm).
Figures come from the build processes themselves (``os.wait4``), not from this one.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_handwritten, write_project

EPOCH = "1780000000"  # 2026-05-28: the build date, so "upcoming" and every output are fixed


@dataclass
class Run:
    """One measured process."""

    wall: float
    cpu: float
    rss_mib: float
    tree_mib: float = 0.0
    """The most the build's processes held together (PSS, sampled every half second)."""


class TreeMemory(threading.Thread):
    """Samples the memory of a process and all its descendants; :attr:`peak_mib` is the largest sum."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_mib = 0.0
        self.done = threading.Event()

    def run(self) -> None:
        # Reading a process's PSS walks its page tables: often enough to catch the peaks,
        # seldom enough (a few % of a core) not to slow the build it measures.
        while not self.done.wait(0.5):
            self.peak_mib = max(self.peak_mib, sum(map(_pss_kib, _tree(self.pid))) / 1024)


def _tree(pid: int) -> list[int]:
    """``pid`` and every process below it (Linux's /proc children lists)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                todo += [int(child) for child in task.read_text().split()]
    return found


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def measure(args: list[str], cwd: Path) -> Run:
    """Run ``args`` in ``cwd`` and measure it; a failure stops the benchmark with its output."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
    with tempfile.TemporaryFile() as log:
        began = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        tree = TreeMemory(proc.pid)
        tree.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - began
        tree.done.set()
        tree.join()
        if os.waitstatus_to_exitcode(status) != 0:
            log.seek(0)
            sys.exit(f"bench: {' '.join(args)} failed in {cwd}:\n{log.read().decode(errors='replace')[-4000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, tree.peak_mib)


def build(project: Path) -> Run:
    """``mkdocs build`` of a project, quietly."""
    return measure([sys.executable, "-m", "mkdocs", "build", "-q"], project)


def median(runs: list[Run], attr: str) -> float:
    """The median of one figure."""
    return statistics.median(getattr(r, attr) for r in runs)


def compare(n: int, work: Path, pairs: int, cache: Path | None = None) -> dict[str, float]:
    """Build N generated records and the same pages by hand in ``pairs`` interleaved pairs."""
    gen, hand = work / f"gen-{n}", work / f"hand-{n}"
    made = write_project(gen, n, cache=cache)
    print(
        f"\nN = {n}: {made['events']} events, {made['halls']} halls, {made['honours']} honour entries, "
        f"{made['exhibits']} exhibits",
        flush=True,
    )
    first = build(gen)  # fills the print and image caches, like any build after the first
    pages = write_handwritten(gen / "site", hand)
    print(
        f"  {pages} pages; first build (fills the caches): {first.wall:.1f} s wall, {first.rss_mib:.0f} MiB",
        flush=True,
    )
    ours: list[Run] = []
    theirs: list[Run] = []
    for i in range(pairs):
        # Alternate which goes first, so neither always meets a warmer machine.
        for which in ("gen", "hand") if i % 2 == 0 else ("hand", "gen"):
            run = build(gen if which == "gen" else hand)
            (ours if which == "gen" else theirs).append(run)
            print(
                f"  pair {i + 1} {which:4}: {run.wall:7.2f} s wall {run.cpu:7.2f} s CPU {run.rss_mib:6.0f} MiB "
                f"largest process, {run.tree_mib:6.0f} MiB all processes",
                flush=True,
            )
    row = {"n": n, "pages": pages}
    for attr in ("wall", "cpu", "rss_mib", "tree_mib"):
        row[f"gen_{attr}"], row[f"hand_{attr}"] = median(ours, attr), median(theirs, attr)
        row[f"ratio_{attr}"] = row[f"gen_{attr}"] / row[f"hand_{attr}"]
    row["gen_ms_per_page"] = 1000 * row["gen_wall"] / pages
    row["hand_ms_per_page"] = 1000 * row["hand_wall"] / pages
    return row


def check(events: int, work: Path, repeats: int, *options: str) -> float:
    """Median wall time of ``culture check`` (the whole process) on a project of ``events`` events.

    The first run reads every file (and typesets the print files, unless ``--no-print``);
    the others find them in the caches, as an editor's next check does.
    """
    project = work / f"check-{events}"
    if not (project / "mkdocs.yml").is_file():
        write_project(project, events, events_only=True)
    command = [sys.executable, "-m", "community_culture.cli", "check", *options]
    runs = [measure(command, project) for _ in range(repeats)]
    for run in runs:
        print(
            f"  culture check {' '.join(options)}, {events} events: {run.wall:.2f} s wall, {run.cpu:.2f} s CPU, "
            f"{run.rss_mib:.0f} MiB",
            flush=True,
        )
    return median(runs, "wall")


def print_times(n: int, work: Path) -> tuple[float, float]:
    """Wall time of a build with an empty print cache, then of one with a full cache."""
    project = work / f"gen-{n}"
    if not project.is_dir():
        write_project(project, n)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    cold = build(project)
    warm = build(project)
    print(f"  print: cold build {cold.wall:.1f} s wall ({cold.cpu:.1f} s CPU), warm {warm.wall:.1f} s wall")
    return cold.wall, warm.wall


def panel_times(panels: int, work: Path) -> tuple[float, float]:
    """Wall time of building a small site with ``panels`` A1 exhibit panels, with an empty print cache and a full one."""
    exhibits = -(-panels // 4)  # of four panels each
    panels = exhibits * 4
    project = work / f"panels-{panels}"
    if not project.is_dir():
        write_project(project, 100, events_only=True, exhibits=exhibits)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    cold = build(project)
    warm = build(project)
    print(
        f"  {panels} panels (and a small calendar's posters): cold build {cold.wall:.1f} s wall "
        f"({cold.cpu:.1f} s CPU, {cold.tree_mib:.0f} MiB all processes), warm {warm.wall:.1f} s wall"
    )
    return cold.wall, warm.wall


def print_table(rows: list[dict[str, float]]) -> None:
    """The figures of each N as a Markdown table."""
    print(
        "\n| N | pages | wall gen / hand (s) | ratio | CPU gen / hand (s) | ratio "
        "| peak MiB, largest process, gen / hand | ratio | peak MiB, all processes, gen / hand | ratio "
        "| ms per page gen / hand |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(
            f"| {r['n']} | {r['pages']} | {r['gen_wall']:.2f} / {r['hand_wall']:.2f} | {r['ratio_wall']:.2f}× "
            f"| {r['gen_cpu']:.2f} / {r['hand_cpu']:.2f} | {r['ratio_cpu']:.2f}× "
            f"| {r['gen_rss_mib']:.0f} / {r['hand_rss_mib']:.0f} | {r['ratio_rss_mib']:.2f}× "
            f"| {r['gen_tree_mib']:.0f} / {r['hand_tree_mib']:.0f} | {r['ratio_tree_mib']:.2f}× "
            f"| {r['gen_ms_per_page']:.1f} / {r['hand_ms_per_page']:.1f} |"
        )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="*", type=int, help="numbers of records to build (none: only the other figures)")
    parser.add_argument("--pairs", type=int, default=3, help="interleaved pairs of builds per N (default 3)")
    parser.add_argument("--check", type=int, metavar="EVENTS", help="also time `culture check` on this many events")
    parser.add_argument("--check-repeats", type=int, default=3)
    parser.add_argument("--print", dest="print_n", type=int, metavar="N", help="also time cold and warm print at N")
    parser.add_argument("--panels", type=int, metavar="P", help="also time cold and warm builds of P exhibit panels")
    parser.add_argument(
        "--cache", type=Path, help="the plugin's cache folder, shared by every N (default: each project's own)"
    )
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="culture-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        rows = [compare(n, work, args.pairs, args.cache) for n in args.n]
        if rows:
            print_table(rows)
        if len(rows) > 1:
            a, b = rows[0], rows[-1]
            print(
                f"\nseconds per page, N = {b['n']} ÷ N = {a['n']}: generated "
                f"{b['gen_ms_per_page'] / a['gen_ms_per_page']:.2f}×, by hand "
                f"{b['hand_ms_per_page'] / a['hand_ms_per_page']:.2f}×"
            )
        if args.check:
            plain = check(args.check, work, args.check_repeats, "--no-print")
            with_print = check(args.check, work, args.check_repeats)
            print(
                f"\nculture check, {args.check} events: median {plain:.2f} s without print, "
                f"{with_print:.2f} s with the print preflight"
            )
        if args.print_n:
            print_times(args.print_n, work)
        if args.panels:
            panel_times(args.panels, work)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
