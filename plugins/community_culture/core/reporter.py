"""Where a run's problems are recorded, each with the line of its file it is about."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .problems import Position, Problem, Problems, Untranslated, redact

if TYPE_CHECKING:
    from .parsecache import ParseCache


@dataclass
class Sources:
    """The text of every file read in a run, so problems can quote their line."""

    lines: dict[str, list[str]] = field(default_factory=dict)

    def line(self, path: str, lineno: int) -> str | None:
        """Line ``lineno`` (1-based) of ``path``, or None."""
        text = self.lines.get(path)
        if text is None or not 0 < lineno <= len(text):
            return None
        return text[lineno - 1]


@dataclass
class Reporter:
    """Adds problems with their source line; one per run, shared by every loader."""

    problems: Problems = field(default_factory=Problems)
    sources: Sources = field(default_factory=Sources)
    private: dict[str, frozenset[str]] = field(default_factory=dict)
    """Files that hold private details, with the words their messages may quote (field
    names): problems there never quote a line or a value."""
    cache: ParseCache | None = None
    """Parsed files by the hash of their text (:mod:`.parsecache`); None: parse every file."""

    def error(self, pos: Position, fieldname: str, message: str, hint: str = "") -> None:
        """Record an error at ``pos``."""
        self._add(pos, fieldname, message, hint, "error")

    def warning(self, pos: Position, fieldname: str, message: str, hint: str = "") -> None:
        """Record a warning at ``pos``."""
        self._add(pos, fieldname, message, hint, "warning")

    def untranslated(self, pos: Position, fieldname: str, missing: tuple[str, ...]) -> None:
        """Record a text that has no version in the ``missing`` languages."""
        self.problems.untranslated.append(Untranslated(pos, fieldname, missing))

    def _add(self, pos: Position, fieldname: str, message: str, hint: str, severity: str) -> None:
        safe = self.private.get(pos.path)
        if safe is not None:
            self.problems.add(
                Problem(
                    pos=pos,
                    field=".".join(part if part.split("[")[0] in safe else "…" for part in fieldname.split("."))
                    if fieldname
                    else "",
                    message=redact(message, safe),
                    hint=redact(hint, safe),
                    severity="error" if severity == "error" else "warning",
                    private=True,
                )
            )
            return
        self.problems.add(
            Problem(
                pos=pos,
                field=fieldname,
                message=message,
                hint=hint,
                severity="error" if severity == "error" else "warning",
                source_line=self.sources.line(pos.path, pos.line),
            )
        )
