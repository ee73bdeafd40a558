"""What each language lacks: untranslated texts as warnings and as a report.

A text without English is published (the English page shows the Chinese and says so),
so it is a warning, never an error: one per file and language, naming the fields, so
``culture check --strict`` fails until the translations are in. ``culture check
--translations`` prints every such text, language by language.
"""

from __future__ import annotations

from collections import defaultdict

from .problems import Position, Problem, Problems, Untranslated
from .wording import field_words

LANGUAGE_NAMES = {"zh": ("中文", "Chinese"), "en": ("英文", "English")}
_SHOWN = 6
"""Fields named in one warning; the rest are counted."""


def _names(lang: str) -> tuple[str, str]:
    return LANGUAGE_NAMES.get(lang, (lang, lang))


def by_file_and_language(items: list[Untranslated]) -> dict[tuple[str, str], list[Untranslated]]:
    """Untranslated texts grouped by (file, missing language), in file order."""
    groups: dict[tuple[str, str], list[Untranslated]] = defaultdict(list)
    for item in sorted(items, key=lambda u: (u.pos.path, u.pos.line, u.pos.col, u.field)):
        for lang in item.missing:
            groups[(item.pos.path, lang)].append(item)
    return dict(sorted(groups.items()))


def translation_warnings(problems: Problems, default: str) -> list[Problem]:
    """One warning per file and missing language, at the first such text."""
    out = []
    for (path, lang), items in by_file_and_language(problems.untranslated).items():
        zh_name, en_name = _names(lang)
        fallback_zh, fallback_en = _names(default)
        fields = ", ".join(f"{field_words(u.field, 'en')} (line {u.pos.line})" for u in items[:_SHOWN])
        zh_fields = "、".join(f"{field_words(u.field, 'zh')}（第 {u.pos.line} 行）" for u in items[:_SHOWN])
        more = f" and {len(items) - _SHOWN} more" if len(items) > _SHOWN else ""
        zh_more = f"等 {len(items)} 处" if len(items) > _SHOWN else ""
        first = items[0].pos
        shown_in_en = fallback_en if lang != default else "another language"
        shown_in_zh = fallback_zh if lang != default else "其他语言"
        out.append(
            Problem(
                pos=Position(path, first.line, first.col),
                field="",
                message=f"{len(items)} text{'s' if len(items) != 1 else ''} without {en_name} ({lang}): "
                f"{fields}{more}; the {en_name} pages show them in {shown_in_en}",
                hint=f"缺少{zh_name}（{lang}）版本：{zh_fields}{zh_more}；{zh_name}页面将显示{shown_in_zh}。"
                "用 culture check --translations 查看全部",
                severity="warning",
            )
        )
    return out


def translations_report(problems: Problems, languages: tuple[str, ...]) -> str:
    """Every untranslated text, language by language (``culture check --translations``)."""
    lines = []
    for lang in languages:
        zh_name, en_name = _names(lang)
        items = [u for u in problems.untranslated if lang in u.missing]
        items.sort(key=lambda u: (u.pos.path, u.pos.line, u.pos.col))
        lines.append(f"{zh_name}（{lang}）缺少 {len(items)} 处 / {en_name} ({lang}) lacks {len(items)}:")
        lines += [f"  {u.pos.path}:{u.pos.line}:{u.pos.col}: {u.field}" for u in items]
    return "\n".join(lines)
