"""The reliability suite: hostile input, faults and concurrency; prints its figures."""

from __future__ import annotations

import pytest

from .figures import TALLY


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TALLY:
        return
    terminalreporter.section("reliability figures")
    for key in ("inputs tried", "faults survived", "leaked"):
        terminalreporter.write_line(f"{key}: {TALLY[key]}")
