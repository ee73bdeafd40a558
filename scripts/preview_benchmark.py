"""How long a one-file data edit takes to appear in the preview (``culture serve``).

Usage::

    python scripts/preview_benchmark.py [--events N] [--edits K]

Copies the example project into a temporary folder (adding ``N`` generated one-day
events to ``data/events/bench.yml`` when asked, to measure at 1,000 records), starts
``culture serve`` on a free loopback port, then ``K`` times changes the title of one
event and measures the seconds from the save until the served event page shows the
new title. Also measures a bad save (until the problems page answers) and the good save
after it. Prints one line per measurement and the median.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVENT_FILE = "data/events/2026.yml"
EVENT_ID = "2026-double-ninth-elders"
TITLE = "重阳敬老联欢会"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", "replace")


def _until(url: str, needle: str, limit: float = 600, without: str = "") -> float:
    start = time.monotonic()
    while time.monotonic() - start < limit:
        _, body = _fetch(url)
        if needle in body and not (without and without in body):
            return time.monotonic() - start
        time.sleep(0.1)
    raise SystemExit(f"'{needle}' did not appear at {url} within {limit} s")


def _generate(root: Path, count: int) -> None:
    lines = ["events:"]
    for i in range(count):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        lines += [
            f"  - id: bench-{i:04d}",
            f"    title: {{zh: 测试活动{i}, en: Test event {i}}}",
            "    category: training",
            f'    when: {{date: 2026-{month:02d}-{day:02d}, time: "09:00-10:00"}}',
            "    hall: jinxiu-lecture-hall",
        ]
    (root / "data/events/bench.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=0, help="extra generated events (e.g. 1000)")
    parser.add_argument("--edits", type=int, default=3, help="edits to time")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="culture-bench-"))
    for name in ("content", "data", "overrides"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, work / name)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    if args.events:
        _generate(work, args.events)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "plugins"), *sys.path])}
    log = (work / "serve.log").open("w", encoding="utf-8")
    started = time.monotonic()
    server = subprocess.Popen(
        [sys.executable, "-m", "community_culture.cli", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=work,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}/events/{EVENT_ID}/"
    try:
        while "Serving on" not in (work / "serve.log").read_text(encoding="utf-8"):
            if server.poll() is not None:
                raise SystemExit((work / "serve.log").read_text(encoding="utf-8"))
            time.sleep(0.2)
        print(f"first build: {time.monotonic() - started:.1f} s ({args.events} extra events)")
        source = work / EVENT_FILE
        original = source.read_text(encoding="utf-8")
        times = []
        for i in range(args.edits):
            title = f"{TITLE}{i + 1}"
            source.write_text(original.replace(TITLE, title, 1), encoding="utf-8")
            times.append(_until(url, title))
            print(f"edit {i + 1}: {times[-1]:.2f} s")
        source.write_text(original.replace("category: festival", "category: 节庆活动", 1), encoding="utf-8")
        print(f"bad save -> problems page: {_until(url, '数据有误'):.2f} s")
        source.write_text(original, encoding="utf-8")
        print(f"good save -> page again: {_until(url, TITLE, without='数据有误'):.2f} s")
        print(f"median of {len(times)} edits: {statistics.median(times):.2f} s")
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
