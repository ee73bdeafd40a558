"""Figures of the reliability suite, printed at the end of the run."""

from __future__ import annotations

from collections import Counter

TALLY: Counter[str] = Counter()


def tried(n: int = 1) -> None:
    """Hostile inputs put through the system."""
    TALLY["inputs tried"] += n


def survived(n: int = 1) -> None:
    """Faults injected that ended with a clear message and the old site intact."""
    TALLY["faults survived"] += n


def leaked(n: int) -> None:
    """Scripts run, outside files, broken files or private values published (must stay 0)."""
    TALLY["leaked"] += n
