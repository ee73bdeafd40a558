"""Localized text: a value per language, falling back to the default language."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LText:
    """Text in one or more languages, e.g. ``{zh: 锦绣社区, en: Jinxiu Community}``.

    A plain string in the data is taken as the default language.
    """

    values: tuple[tuple[str, str], ...]
    """(language code, text) pairs in the order written."""

    @classmethod
    def of(cls, **values: str) -> LText:
        """Build from keyword arguments, e.g. ``LText.of(zh="舞台", en="Stage")``."""
        return cls(tuple(values.items()))

    def has(self, lang: str) -> bool:
        """True when a translation for ``lang`` exists."""
        return any(code == lang for code, _ in self.values)

    def get(self, lang: str, default: str) -> str:
        """The text in ``lang``, else in ``default``, else the first one written."""
        return self.resolve(lang, default)[0]

    def resolve(self, lang: str, default: str) -> tuple[str, str]:
        """The text for ``lang`` and the language it is actually in (for fallback notes)."""
        # The last pair of a language counts, as in a mapping; no mapping is built (this runs for every text shown).
        for wanted in (lang, default):
            for code, text in reversed(self.values):
                if code == wanted:
                    return text, code
        code, text = self.values[0]
        return text, code

    def as_dict(self) -> dict[str, str]:
        """A plain mapping by language code (for JSON output)."""
        return dict(self.values)

    def __str__(self) -> str:  # pragma: no cover - debugging aid
        return self.values[0][1] if self.values else ""
