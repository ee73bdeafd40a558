"""The strict YAML loader for editors' data files.

PyYAML's defaults are wrong for this data: ``NO`` becomes ``False``, phone numbers
become integers, ``2024-02-30`` crashes without a line number and duplicate keys pass
silently. This loader composes the document with libyaml (fast, and every node keeps
its line and column), keeps every scalar as a string, and rejects what editors never
mean: duplicate keys, anchors and aliases, tags, control characters and huge files.
The schema layer (:mod:`.fields`) converts strings to typed values.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from .problems import Position
from .reporter import Reporter, Sources  # noqa: F401 - re-exported: readers take both from here
from .slips import explain, scan

MAX_DEPTH = 32
"""Deeper nesting is refused before the document is built (900 levels overflow Python's
stack, 30,000 crash libyaml); an editor's file nests five or six levels."""
MAX_ITEMS = 5000
"""The longest list one file may hold (a year of events is a few hundred)."""
MAX_FILE_BYTES = 2 * 1024 * 1024
"""Larger data files are refused: an editor's file is never this big, a mistake might be."""

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f\u2028\u2029]")
# Characters that change how text reads without being seen: bidi overrides and isolates
# (U+202A-202E, U+2066-2069) make "txt.exe" read "exe.txt"; zero-width spaces and
# joiners hide inside names. A zero-width joiner between two pictographs is an emoji
# sequence (a family, a flag) and stays.
_HIDDEN = re.compile(
    r"[\u202a-\u202e\u2066-\u2069\u200b\u200c\u2060\ufeff\u180e]"
    r"|(?<![\u2600-\u27bf\U0001f000-\U0001faff\ufe0f])\u200d|\u200d(?![\u2600-\u27bf\U0001f000-\U0001faff])"
)
_UNSAFE = re.compile(f"{_CONTROL.pattern}|{_HIDDEN.pattern}")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STANDARD_TAG = "tag:yaml.org,2002:"
_IMPLICIT_TAGS = {
    _STANDARD_TAG + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "value", "merge")
}


@dataclass(frozen=True)
class Scalar:
    """A scalar as the editor wrote it, always text."""

    value: str
    pos: Position
    quoted: bool = False

    @property
    def is_null(self) -> bool:
        """True for an empty value (``key:``, ``~``, ``null``) that was not quoted."""
        return not self.quoted and self.value in _NULLS


@dataclass(frozen=True)
class Sequence:
    """A YAML list."""

    items: tuple[Node, ...]
    pos: Position


@dataclass(frozen=True)
class Mapping:
    """A YAML mapping with text keys, in the order written."""

    entries: dict[str, tuple[Scalar, Node]]
    pos: Position

    def get(self, key: str) -> Node | None:
        """The value under ``key``, or None."""
        entry = self.entries.get(key)
        return entry[1] if entry else None

    def keys(self) -> list[str]:
        """The keys in the order written."""
        return list(self.entries)

    def __iter__(self) -> Iterator[tuple[str, Node]]:
        for key, (_, value) in self.entries.items():
            yield key, value


Node = Scalar | Sequence | Mapping


def read_text(path: Path, display: str, reporter: Reporter) -> str | None:
    """Read a UTF-8 file (a BOM is tolerated); report and return None when unreadable."""
    try:
        if not path.is_file():
            reporter.error(Position(display), "", "not a regular file (a device, pipe or folder)", "这不是普通文件")
            return None
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            reporter.error(
                Position(display),
                "",
                f"the file is {size // 1024} KiB; data files may be at most {MAX_FILE_BYTES // 1024} KiB",
                "文件过大，请拆分成几个文件",
            )
            return None
        raw = path.read_bytes()
    except OSError as exc:
        reporter.error(Position(display), "", f"cannot read the file ({exc.strerror})", "文件无法读取")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        reporter.error(
            Position(display, line, col),
            "",
            "the file is not UTF-8 text (was it saved as GBK or from Word?)",
            "请用 UTF-8 编码保存文件",
        )
        return None
    reporter.sources.lines[display] = text.splitlines()
    return text


def load_yaml(path: Path, display: str, reporter: Reporter) -> Node | None:
    """Load one data file into a tree of :class:`Node`; problems go to ``reporter``.

    Args:
        path: The file on disk.
        display: The path shown to editors (relative to the project, forward slashes).
        reporter: Where problems are recorded.

    Returns:
        The root node, or None when the file could not be read or parsed.
    """
    text = read_text(path, display, reporter)
    return None if text is None else parse_file_text(text, display, reporter)


def parse_file_text(text: str, display: str, reporter: Reporter) -> Node | None:
    """A whole file's text (from :func:`read_text`) as nodes, through the parse cache."""
    cache = reporter.cache
    if cache is None:
        return parse_yaml(text, display, reporter)
    cached = cache.get(text, display)
    if cached is not None:
        return cached
    before = len(reporter.problems)
    node = parse_yaml(text, display, reporter)
    if node is not None and len(reporter.problems) == before:
        cache.put(text, node)  # only files without a problem: their messages are always made afresh
    return node


def parse_yaml(text: str, display: str, reporter: Reporter, line_offset: int = 0) -> Node | None:
    """Parse YAML text (already registered in ``reporter.sources``) into nodes."""
    if display not in reporter.sources.lines:
        reporter.sources.lines[display] = text.splitlines()
    bad = _UNSAFE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        _report_hidden(bad.group(), Position(display, line + line_offset, col), reporter, escaped=False)
        return None
    if not _nesting_ok(text, display, reporter, line_offset):
        return None
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        _report_syntax(exc, text, display, reporter, line_offset)
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml always gives marks
        reporter.error(Position(display), "", f"not valid YAML: {exc}", "YAML 格式错误")
        return None
    if root is None:
        return Mapping({}, Position(display, 1 + line_offset, 1))
    # Anchors, aliases and tags leave no trace in composed nodes that is both cheap
    # and certain, so scan the event stream - but only when the text could hold one.
    if any(ch in text for ch in "&*!") and not _check_events(text, display, reporter, line_offset):
        return None
    return _convert(root, display, reporter, line_offset)


def _nesting_ok(text: str, display: str, reporter: Reporter, line_offset: int) -> bool:
    """Refuse nesting deeper than MAX_DEPTH, found from the event stream (which does not recurse)."""
    # Cheap bound first: block nesting needs indentation (or "- " per level), flow
    # nesting needs brackets. Ordinary files never reach the exact check.
    indent = max((len(line) - len(line.lstrip(" -?:")) for line in text.splitlines()), default=0)
    if indent // 2 + text.count("[") + text.count("{") + 2 <= MAX_DEPTH:
        return True
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    reporter.error(
                        Position(display, mark.line + 1 + line_offset, mark.column + 1) if mark else Position(display),
                        "",
                        f"lists and mappings are nested more than {MAX_DEPTH} levels deep here",
                        "嵌套层数太多，请检查括号和缩进",
                    )
                    return False
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return True  # compose reports the syntax error with its position
    return True


def _check_events(text: str, display: str, reporter: Reporter, line_offset: int) -> bool:
    ok = True
    for event in yaml.parse(text, Loader=_Loader):
        mark = event.start_mark
        pos = Position(display, mark.line + 1 + line_offset, mark.column + 1) if mark else Position(display)
        if isinstance(event, yaml.AliasEvent):
            reporter.error(
                pos,
                "",
                f"a YAML alias (*{event.anchor}) is not allowed here; write the value out",
                "不支持 YAML 的锚点和引用（& 和 *），请直接写出内容；若 * 是正文，请给整段文字加引号",
            )
            ok = False
        elif isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            reporter.error(
                pos,
                "",
                f"a YAML anchor (&{event.anchor}) is not allowed here",
                "不支持 YAML 的锚点（&），若 & 是正文，请给整段文字加引号",
            )
            ok = False
        elif isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)) and event.tag not in (None, "!"):
            reporter.error(
                pos,
                "",
                f"a YAML tag ({event.tag}) is not allowed here",
                "不支持以 ! 开头的 YAML 标记；若 ! 是正文，请给整段文字加引号",
            )
            ok = False
    return ok


def _convert(node: yaml.Node, display: str, reporter: Reporter, line_offset: int) -> Node:
    pos = Position(display, node.start_mark.line + 1 + line_offset, node.start_mark.column + 1)
    if isinstance(node, yaml.ScalarNode):
        value = node.value
        if not value.isascii() or not value.isprintable():
            # Escapes in double quotes ("\e", "\0", "\x07", "\u202e") become such
            # characters only now, after the raw text was checked.
            bad = _UNSAFE.search(value)
            if bad is not None:
                _report_hidden(bad.group(), pos, reporter, escaped=True)
                value = _UNSAFE.sub("", value)
            value = unicodedata.normalize("NFC", value)
        return Scalar(value, pos, quoted=node.style in ("'", '"', "|", ">"))
    if isinstance(node, yaml.SequenceNode):
        if len(node.value) > MAX_ITEMS:
            reporter.error(
                pos,
                "",
                f"this list has {len(node.value)} items; a list may hold at most {MAX_ITEMS} (split the file)",
                "列表太长，请拆分成几个文件",
            )
            return Sequence((), pos)
        return Sequence(tuple(_convert(item, display, reporter, line_offset) for item in node.value), pos)
    entries: dict[str, tuple[Scalar, Node]] = {}
    for key_node, value_node in node.value:
        key = _convert(key_node, display, reporter, line_offset)
        value = _convert(value_node, display, reporter, line_offset)
        if not isinstance(key, Scalar):
            reporter.error(key.pos, "", "a key must be plain text, not a list or mapping", "键名必须是文字")
            continue
        if key.value in entries:
            first = entries[key.value][0].pos.line
            reporter.error(
                key.pos,
                key.value,
                f"the key '{key.value}' appears twice in the same block (first on line {first})",
                f"同一层级中“{key.value}”出现了两次，请删除或合并其中一个",
            )
            continue
        entries[key.value] = (key, value)
    return Mapping(entries, pos)


def _report_hidden(char: str, pos: Position, reporter: Reporter, *, escaped: bool) -> None:
    code = f"U+{ord(char):04X}"
    how = " (written as an escape in quotes)" if escaped else ""
    if _CONTROL.match(char):
        message = f"an invisible control character ({code}) is in the text{how}"
        hint = "文中有看不见的控制字符，常见于从网页或 Word 复制粘贴；请删掉后重新输入"
    elif "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        message = f"a bidirectional override ({code}, {unicodedata.name(char)}) is in the text{how}; it makes text read in a different order than it is written"
        hint = "文中有改变文字方向的隐藏字符，会让文字看起来与实际不同；请删掉后重新输入"
    else:
        message = f"a zero-width character ({code}, {unicodedata.name(char, 'ZERO WIDTH')}) is in the text{how}"
        hint = "文中有看不见的零宽字符，常见于从网页或聊天软件复制；请删掉后重新输入"
    reporter.error(pos, "", message, hint)


def _report_syntax(exc: yaml.MarkedYAMLError, text: str, display: str, reporter: Reporter, offset: int) -> None:
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line + 1) if mark else 0
    col = (mark.column + 1) if mark else 0
    lines = text.splitlines()
    problem = exc.problem or "not valid YAML"
    hint = "YAML 格式有误，请检查缩进、冒号和引号"
    nearby = lines[max(0, line - 2) : line] if line else []
    if "\t" in problem or "'\\t'" in problem or any("\t" in ln[: len(ln) - len(ln.lstrip())] for ln in nearby):
        message = "a tab character is used where YAML needs spaces for indentation"
        hint = "缩进请用空格，不要用 Tab 键"
    elif any("：" in ln for ln in nearby):
        message = f"{problem}; a full-width colon '：' cannot separate a key from its value"
        hint = "键和值之间要用英文半角冒号加空格（: ），不能用中文全角冒号（：）"
        for number in (line, line - 1):
            if 0 < number <= len(lines) and "：" in lines[number - 1]:
                line, col = number, lines[number - 1].index("：") + 1
                break
    elif "mapping values are not allowed" in problem:
        message = "a colon followed by a space starts a new key here; quote text that holds ': '"
        hint = "文字中含有“: ”时，请给整段文字加英文引号"
    elif explained := explain(problem):
        message, hint = explained
    else:
        message = f"not valid YAML: {problem}"
    reporter.error(Position(display, line + offset if line else 0, col), "", message, hint)
    # The parser stops here; the other classic slips of the file are still worth telling.
    for number, column, slip, slip_hint in scan(lines):
        if number != line:
            reporter.error(Position(display, number + offset, column), "", slip, slip_hint)
