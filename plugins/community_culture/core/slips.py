"""The classic slips of a YAML file, found by reading its lines.

A YAML syntax error stops the parser at the first one, which used to hide every other
slip in the file. After a syntax error the loader scans every line for the slips
editors make most — a tab in the indentation, a full-width colon after a key, a comma
that splits a value inside ``{...}`` — so one run still lists them all. The scan is
deliberately narrow: it reports only what is certainly wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_FULL_WIDTH_KEY = re.compile(r"(?:^\s*(?:-\s+)?|[{,]\s*)([A-Za-z_][\w-]*)\s*：")
# `{en: Jinxiu, Dongsheng}`: after a value, a comma and then words that are not a key.
_SPLIT_VALUE = re.compile(r"(\b[A-Za-z_][\w-]*):\s+([^\"'{}\[\],\n#]+?),\s*([^\"'{}\[\],:\n#]+?)\s*(?=[,}])")

# PyYAML's words -> what an editor should look at.
PROBLEMS = (
    (
        "could not find expected ':'",
        "a line here has no 'key: value' colon, or a quote is not closed",
        "这一行缺少“键: 值”中的半角冒号，或者引号没有配对",
    ),
    (
        "did not find expected key",
        "the indentation here does not line up with the lines above it",
        "缩进没有对齐：同一层的字段要用相同数量的空格开头",
    ),
    (
        "did not find expected ',' or '}'",
        "a { ... } is not closed, or text inside it holds ': ' and needs quotes",
        "花括号 { } 没有配对，或者其中的文字含有冒号，请给文字加引号",
    ),
    (
        "did not find expected ',' or ']'",
        "a [ ... ] is not closed, or text inside it holds ': ' and needs quotes",
        "方括号 [ ] 没有配对，或者其中的文字含有冒号，请给文字加引号",
    ),
    (
        "found unexpected end of stream",
        "a quote is opened and never closed",
        "引号没有配对：开头有引号，结尾也要有",
    ),
    (
        "did not find expected '-' indicator",
        "a list item here is not lined up with the items above it",
        "列表项没有对齐：每一项的“- ”要在同一列",
    ),
)


def explain(problem: str) -> tuple[str, str] | None:
    """Editors' words for a PyYAML problem, or None."""
    for words, message, hint in PROBLEMS:
        if words in problem:
            return message, hint
    return None


def scan(lines: list[str]) -> Iterator[tuple[int, int, str, str]]:
    """(line, column, message, hint) of every certain slip, 1-based."""
    in_block = False
    block_indent = 0
    for number, line in enumerate(lines, 1):
        indent = len(line) - len(line.lstrip(" \t"))
        # Text of a `|` block is prose: only its indentation is YAML.
        if in_block and (not line.strip() or indent > block_indent):
            if "\t" in line[:indent]:
                yield number, line.index("\t") + 1, *_TAB
            continue
        in_block = False
        if "\t" in line[:indent]:
            yield number, line.index("\t") + 1, *_TAB
        code = _strip_comment(line)
        m = _FULL_WIDTH_KEY.search(code)
        if m:
            key = m.group(1)
            yield (
                number,
                code.index("：", m.start(1)) + 1,
                f"a full-width colon '：' follows '{key}'; YAML needs a plain colon and a space: '{key}: '",
                f"“{key}”后面用了中文全角冒号“：”，请改成英文半角冒号加空格“: ”",
            )
        for m in _SPLIT_VALUE.finditer(code):
            if "{" not in code[: m.start()]:
                continue
            yield (
                number,
                m.start(3) + 1,
                f"the comma after '{m.group(2).strip()}' ends the value of '{m.group(1)}', and "
                f"'{m.group(3).strip()}' becomes a key of its own; quote text that holds a comma",
                f'文字里有逗号时，请给整段文字加引号，例如 {m.group(1)}: "{m.group(2).strip()}, {m.group(3).strip()}"',
            )
        if re.search(r":\s*[|>][-+]?\s*(#.*)?$", code):
            in_block, block_indent = True, indent


_TAB = (
    "a tab character is used where YAML needs spaces for indentation",
    "缩进请用空格，不要用 Tab 键",
)


def _strip_comment(line: str) -> str:
    """The line without a trailing ``# comment``, quoted text blanked out (same length)."""
    out = []
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            out.append(ch if ch == quote else "x")
            if ch == quote:
                quote = ""
        elif ch in "\"'" and (i == 0 or line[i - 1] in " \t{[,:"):
            quote = ch
            out.append(ch)
        elif ch == "#" and (i == 0 or line[i - 1].isspace()):
            break
        else:
            out.append(ch)
    return "".join(out)
