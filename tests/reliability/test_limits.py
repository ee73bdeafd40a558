"""Limits that hold before work starts: `culture check` and the build refuse the same data,
with a position, quickly, and print a bounded report."""

from __future__ import annotations

import time

import pytest
from mkdocs.exceptions import Abort, PluginError

from . import figures

EVENT = "events:\n  - id: {id}\n    title: 活动\n    category: festival\n    when: {when}\n    hall: test-auditorium\n"

CASES = {
    "flow nesting, 900 levels": ("data/events/deep.yml", "events: " + "[" * 900 + "]" * 900 + "\n", ":1:"),
    "flow nesting, 30,000 levels": ("data/events/deep.yml", "events: " + "[" * 30000 + "]" * 30000 + "\n", ":1:"),
    "block nesting, 900 levels": (
        "data/events/deep.yml",
        "events:\n" + "".join("  " * i + f"- k{i}:\n" for i in range(1, 900)),
        "data/events/deep.yml:",
    ),
    "compact nesting": ("data/events/deep.yml", "events:\n  " + "- " * 400 + "x\n", "data/events/deep.yml:2:"),
    "a date in the year 9999": (
        "data/events/2026.yml",
        EVENT.format(id="far", when="{date: 9999-12-31}"),
        "data/events/2026.yml:5:",
    ),
    "a 261-character id": ("data/events/2026.yml", EVENT.format(id="a" * 261, when="{date: 2026-05-01}"), ":2:"),
    "a span from 1901 to 2099": (
        "data/events/2026.yml",
        EVENT.format(id="long", when="{start: 1901-01-01, end: 2099-12-31}"),
        "data/events/2026.yml:5:",
    ),
    "a span of three years": (
        "data/events/2026.yml",
        EVENT.format(id="long", when="{start: 2026-01-01, end: 2029-01-01}"),
        "data/events/2026.yml:5:",
    ),
    "months across four years": (
        "data/events/2026.yml",
        EVENT.format(id="long", when="{from: 2026-01, to: 2029-12}"),
        "data/events/2026.yml:5:",
    ),
    "a rule that never matches": (
        "data/events/2026.yml",
        EVENT.format(
            id="never", when='{rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", start: 2026-01-01, until: 2035-12-31}'
        ),
        "data/events/2026.yml:5:",
    ),
    "a rule over fifty years": (
        "data/events/2026.yml",
        EVENT.format(id="decades", when='{rrule: "FREQ=MONTHLY;BYDAY=2SA", start: 2026-01-01, until: 2076-12-31}'),
        "data/events/2026.yml:5:",
    ),
    "a list of 6,000 items": (
        "data/events/2026.yml",
        "events:\n" + "".join(f"  - {{id: e{i}}}\n" for i in range(6000)),
        "data/events/2026.yml:2:",
    ),
}
BUILT = {"flow nesting, 30,000 levels", "a date in the year 9999", "a 261-character id", "a span from 1901 to 2099"}


@pytest.mark.parametrize("case", list(CASES))
def test_limits_are_checked_before_work_starts(project, check, case: str) -> None:
    path, text, where = CASES[case]
    project.write(path, text)
    started = time.monotonic()
    status, out = check()
    elapsed = time.monotonic() - started
    figures.tried()
    assert status == 1, out
    assert where in out, out
    assert "Traceback" not in out and len(out) < 20000
    assert elapsed < 15, f"{case}: the check took {elapsed:.1f} s"
    if case in BUILT:
        with pytest.raises((PluginError, Abort)):
            project.build()
        assert not project.site.exists()
        figures.survived()


def test_a_flood_of_problems_prints_a_bounded_report(project, check) -> None:
    items = "".join(f"  - {{id: e{i}, title: x, category: nope, when: {{date: 2026-02-30}}}}\n" for i in range(3000))
    project.write("data/events/2026.yml", "events:\n" + items)
    started = time.monotonic()
    status, out = check()
    figures.tried(3000)
    assert status == 1
    assert "more problems not shown" in out
    assert out.count("提示") <= 200
    assert len(out.encode()) < 200_000
    assert time.monotonic() - started < 60
