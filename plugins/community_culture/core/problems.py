"""Problems found in editors' data, collected and reported all at once.

A run never stops at the first problem: every loader and validator adds what it
finds to one :class:`Problems` collector, and the caller decides at the end whether
to fail. Each problem names the file, line, column and field, says what was expected
and what was found, shows the source line with a caret, and carries a short Chinese
hint for editors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

_SUGGESTION = re.compile(r"; did you mean '[^']*'\?")
Severity = Literal["error", "warning"]

_WIDTH = 120
MAX_SHOWN = 200
"""A report shows this many problems and counts the rest: 100,000 bad items must not print 50 MB."""

# Terminal control (escape sequences can clear a screen and print a fake "OK"), bidi
# overrides and zero-width characters are shown as their code point, never sent raw.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


_QUOTED = re.compile(r"'([^'\n]*)'|“([^”\n]*)”")
_IMAGE_PATH = re.compile(r"^[\w./-]+\.(?:jpe?g|png|webp|gif)$", re.IGNORECASE)
_LONG_NUMBER = re.compile(r"\+?\d[\d\s().-]{4,}\d")


def redact(text: str, safe: frozenset[str] = frozenset()) -> str:
    """``text`` with every quoted value (except the words in ``safe``) and every long number replaced by '…'.

    For messages about files that hold private details: a key, a value or a line of an
    honour file may be a phone number or the name of someone who is not published.
    """

    def keep(m: re.Match[str]) -> str:
        value = m.group(1) or m.group(2) or ""
        # Field names, and the image path the editor wrote (to find the slip in it).
        return m.group(0) if value in safe or _IMAGE_PATH.match(value) else "'…'"

    text = _QUOTED.sub(keep, text)
    return _LONG_NUMBER.sub("…", text)


def excerpt(line: str, col: int) -> tuple[str, int]:
    """A long source line cut around column ``col`` (a 60 KB line is one line), and the column in the cut."""
    if len(line) <= _WIDTH:
        return line, col
    start = max(0, col - 1 - _WIDTH // 2)
    return ("…" if start else "") + line[start : start + _WIDTH] + "…", col - start + (1 if start else 0)


def printable(text: str) -> str:
    """``text`` with every invisible or terminal-controlling character written as its code point, e.g. ``<U+200B>``."""
    return _UNPRINTABLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


@dataclass(frozen=True)
class Position:
    """Where something stands in a source file (1-based line and column)."""

    path: str
    """The file's path relative to the project root, with forward slashes."""
    line: int = 0
    """1-based line; 0 when the problem concerns the whole file."""
    col: int = 0
    """1-based column; 0 when unknown."""


@dataclass(frozen=True)
class Problem:
    """One thing an editor has to fix (or, for a warning, should look at)."""

    pos: Position
    field: str
    """Dotted path of the field inside the file, e.g. ``photos[0].src``; empty for the file."""
    message: str
    """What was expected and what was found, in plain English."""
    hint: str = ""
    """A short hint in Chinese for editors."""
    severity: Severity = "error"
    source_line: str | None = None
    """The text of the offending line, shown with a caret under the column."""
    private: bool = False
    """The line may hold a private detail (an honour entry): never quote it."""

    def format(self) -> str:
        """Render as ``path:line:col: field: problem`` plus source line, caret and hint."""
        where = self.pos.path
        if self.pos.line:
            where += f":{self.pos.line}"
            if self.pos.col:
                where += f":{self.pos.col}"
        label = "" if self.severity == "error" else "warning: "
        head = f"{where}: {label}{self.field + ': ' if self.field else ''}{self.message}"
        lines = [printable(head)]
        if self.source_line is not None and self.pos.line and not self.private:
            text, col = excerpt(self.source_line.rstrip("\r\n"), self.pos.col)
            text = printable(text)
            lines.append(f"    {text}")
            if col:
                # Keep tabs and wide characters aligned: reuse the line's own
                # whitespace and pad CJK characters with two columns.
                pad = "".join(ch if ch == "\t" else ("  " if _is_wide(ch) else " ") for ch in text[: col - 1])
                lines.append(f"    {pad}^")
        if self.hint:
            lines.append(f"    提示：{self.hint}")
        return "\n".join(lines)

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by file, then position, so reports read top to bottom."""
        return (self.pos.path, self.pos.line, self.pos.col, self.field)


def _is_wide(ch: str) -> bool:
    return ch >= "\u1100" and (
        "\u2e80" <= ch <= "\ua4cf"
        or "\uac00" <= ch <= "\ud7a3"
        or "\uf900" <= ch <= "\ufaff"
        or "\ufe30" <= ch <= "\ufe4f"
        or "\uff00" <= ch <= "\uff60"
        or "\uffe0" <= ch <= "\uffe6"
    )


@dataclass(frozen=True)
class Untranslated:
    """A text that lacks some of the site's languages (its pages fall back to another)."""

    pos: Position
    field: str
    missing: tuple[str, ...]
    """The language codes it has no version in."""


@dataclass
class Problems:
    """Collects every problem of a run."""

    items: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Report lines that are not problems (e.g. who was left out of the site and why)."""
    untranslated: list[Untranslated] = field(default_factory=list)
    """Texts without every language: told by ``culture check`` (a warning per file and language)."""

    def add(self, problem: Problem) -> None:
        """Record a problem."""
        self.items.append(problem)

    def extend(self, other: Problems) -> None:
        """Take over every problem and note of another collector."""
        self.items.extend(other.items)
        self.notes.extend(other.notes)
        self.untranslated.extend(other.untranslated)

    @property
    def errors(self) -> list[Problem]:
        """The problems that fail a build, in file order."""
        return sorted((p for p in self.items if p.severity == "error"), key=Problem.sort_key)

    @property
    def warnings(self) -> list[Problem]:
        """The problems that do not fail a build unless checking strictly."""
        return sorted((p for p in self.items if p.severity == "warning"), key=Problem.sort_key)

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(self.items, key=Problem.sort_key))

    def __len__(self) -> int:
        return len(self.items)

    def redact(self, words: Iterable[str], unsuggested: Iterable[str] = ()) -> None:
        """Take ``words`` (people who are not published) out of every message and hint.

        A suggestion that would name one (``did you mean 'hao-jinfeng.jpg'?``), or any of
        ``unsuggested`` (files that are not published), is dropped whole; any other
        mention of ``words`` becomes "…". The position still leads the editor to the
        line in their own file.
        """
        hidden = sorted({w for w in words if len(w) >= 2}, key=len, reverse=True)
        unsaid = hidden + [w for w in unsuggested if len(w) >= 2]
        if not unsaid:
            return

        def clean(text: str) -> str:
            text = _SUGGESTION.sub(lambda m: "" if any(w in m.group(0) for w in unsaid) else m.group(0), text)
            for word in hidden:
                text = text.replace(word, "…")
            return text

        for i, p in enumerate(self.items):
            if any(w in p.message or w in p.hint for w in unsaid):
                self.items[i] = replace(p, message=clean(p.message), hint=clean(p.hint))
        self.notes = [clean(note) for note in self.notes]

    def report(self, *, warnings: bool = True, lang: str | None = None) -> str:
        """All problems as one text block, errors first, with a count at the end.

        Args:
            warnings: Include the warnings.
            lang: Tell each problem for people in this language (Chinese first for
                ``zh``); None keeps the technical ``path:line:col: field: message`` form.
        """
        from .wording import render

        shown = self.errors + (self.warnings if warnings else [])
        body = "\n\n".join((p.format() if lang is None else render(p, lang)) for p in shown[:MAX_SHOWN])
        if len(shown) > MAX_SHOWN:
            rest = len(shown) - MAX_SHOWN
            body += f"\n\n... and {rest} more problem{'s' if rest != 1 else ''} not shown（另有 {rest} 个问题未列出）"
        n_err, n_warn = len(self.errors), len(self.warnings)
        summary = f"{n_err} error{'s' if n_err != 1 else ''}, {n_warn} warning{'s' if n_warn != 1 else ''}"
        summary += f"（{n_err} 个错误，{n_warn} 个提醒）"
        return f"{body}\n\n{summary}" if body else summary


class DataError(Exception):
    """Raised when the data holds errors; carries every problem of the run."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        super().__init__(problems.report())
