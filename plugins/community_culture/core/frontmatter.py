"""Front matter of hand-written pages under ``content/``, checked strictly.

MkDocs' own reader swallows a YAML error in front matter and publishes the raw text
as the page body; this check reports it with the line instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from .loader import Mapping, Reporter, parse_yaml, read_text
from .problems import Position

_FENCE = re.compile(r"^-{3}[ \t]*\r?\n(.*?)^(?:-{3}|\.{3})[ \t]*\r?$", re.DOTALL | re.MULTILINE)


def check_front_matter(content_dir: Path, root: Path, reporter: Reporter) -> int:
    """Check every Markdown page's front matter; return how many pages were read."""
    count = 0
    for path in sorted(content_dir.rglob("*.md")):
        if any(part.startswith(".") for part in path.relative_to(content_dir).parts):
            continue
        count += 1
        display = path.relative_to(root).as_posix()
        text = read_text(path, display, reporter)
        if text is None or not text.startswith("---"):
            continue
        m = _FENCE.match(text)
        if m is None:
            reporter.error(
                Position(display, 1, 1),
                "front matter",
                "the front matter opened by '---' on line 1 is never closed by another '---'",
                "页首的 --- 需要另一行 --- 来结束",
            )
            continue
        node = parse_yaml(m.group(1), display, reporter, line_offset=1)
        if node is not None and not isinstance(node, Mapping):
            reporter.error(
                node.pos,
                "front matter",
                "expected 'key: value' lines between the '---' lines",
                "页首信息应是“键: 值”形式",
            )
    return count
