"""Typed reading of a mapping node, with every problem reported in editors' words.

Each model module reads its files through :class:`Fields`: it asks for the fields it
knows (``f.text("name", required=True)``, ``f.integer("seats", minimum=0)``), and at
the end :meth:`Fields.finish` reports every key it did not ask for, with a "did you
mean" suggestion. Nothing raises: a bad value is reported and read as None, so one
run lists every problem in every file.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from collections.abc import Mapping as AbcMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .loader import Mapping, Node, Reporter, Scalar, Sequence
from .markup import MarkdownRenderer, external_images
from .problems import Position
from .recordcache import ImageLog, RecordCache
from .text import LText
from .values import (  # noqa: F401 - re-exported for the model modules
    SLUG,
    check_choice,
    check_image,
    check_slug,
    colon_slip,
    describe,
    parse_date,
    read_text,
    suggest,
)

T = TypeVar("T")
_BOOL_SLIPS = {"yes", "no", "on", "off", "y", "n", "是", "否", "1", "0"}


@dataclass(frozen=True)
class Context:
    """What every reader needs: where to report, the site's languages and folders."""

    reporter: Reporter
    languages: tuple[str, ...] = ("zh", "en")
    """Language codes, the default first."""
    content_dir: Path | None = None
    """Where images live; None skips the file-exists check."""
    images: ImageLog | None = None
    """Where the images checked are noted (for :mod:`.recordcache`); None: not noted."""
    records: RecordCache | None = None
    """Validated records of files read before; None: read every file."""

    @property
    def default_language(self) -> str:
        """The site's default language."""
        return self.languages[0]


@dataclass
class Fields:
    """Reads the fields of one mapping and reports what is wrong with them."""

    node: Mapping
    ctx: Context
    prefix: str = ""
    """Field path of this mapping inside its file, e.g. ``photos[0]``."""
    _seen: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, node: Node | None, ctx: Context, prefix: str, what: str) -> Fields | None:
        """Start reading ``node`` as a mapping; report and return None if it is not one."""
        if node is None:
            return None
        if not isinstance(node, Mapping):
            ctx.reporter.error(
                node.pos,
                prefix,
                f"expected {what} written as 'key: value' lines, found {describe(node)}",
                "这里应是“键: 值”形式的若干行",
            )
            return None
        return cls(node, ctx, prefix)

    # -- plumbing ---------------------------------------------------------------
    def name(self, key: str) -> str:
        """The dotted field path of ``key``."""
        return f"{self.prefix}.{key}" if self.prefix else key

    def raw(self, key: str, required: bool = False) -> Node | None:
        """The node under ``key`` (None when absent or empty); reports a missing required key."""
        self._seen.add(key)
        value = self.node.get(key)
        if value is None or (isinstance(value, Scalar) and value.is_null):
            if required:
                pos = value.pos if value is not None else self.node.pos
                self.ctx.reporter.error(pos, self.name(key), "is required but missing", f"缺少必填项“{key}”")
            return None
        return value

    def error(self, node: Node | Position, key: str, message: str, hint: str = "") -> None:
        """Report an error on ``key`` at ``node``."""
        pos = node if isinstance(node, Position) else node.pos
        self.ctx.reporter.error(pos, self.name(key), message, hint)

    def scalar(self, key: str, required: bool = False) -> Scalar | None:
        """The scalar under ``key``; a list or mapping there is reported."""
        node = self.raw(key, required)
        if node is None:
            return None
        if not isinstance(node, Scalar):
            self.error(node, key, f"expected a single value, found {describe(node)}", "这里只需填写一个值")
            return None
        return node

    def finish(self) -> None:
        """Report every key that was not read, with a suggestion."""
        for key, (key_node, value) in self.node.entries.items():
            if key in self._seen:
                continue
            if isinstance(value, Scalar) and value.is_null and (slip := colon_slip(key)):
                self.error(key_node, key.split("：", 1)[0].strip(), slip[0], slip[1])
                continue
            if isinstance(value, Scalar) and value.is_null and not key.isascii():
                # `{zh: 东胜区, 交通街道}` makes "交通街道" a key of its own.
                msg = f"'{key}' is read as a key of its own; quote text that holds a comma"
                self.error(key_node, key, msg, "文字里有逗号时，请给整段文字加引号")
                continue
            allowed = sorted(self._seen)
            self.error(
                key_node,
                key,
                f"unknown field '{key}'{suggest(key, allowed)} (known: {', '.join(allowed)})",
                "无法识别的字段名，请检查拼写",
            )

    # -- typed values -------------------------------------------------------------
    def string(
        self, key: str, required: bool = False, pattern: re.Pattern[str] | None = None, expected: str = ""
    ) -> str | None:
        """Plain text, optionally matching ``pattern``."""
        node = self.scalar(key, required)
        if node is None:
            return None
        value = node.value.strip()
        if pattern is not None and not pattern.match(value):
            self.error(node, key, f"expected {expected}, found '{node.value}'", "格式不正确")
            return None
        return value

    def slug(self, key: str, required: bool = False) -> str | None:
        """An id: lowercase ASCII letters, digits and hyphens."""
        node = self.scalar(key, required)
        if node is None:
            return None
        return check_slug(node, self.name(key), self.ctx.reporter)

    def integer(
        self, key: str, required: bool = False, minimum: int | None = None, maximum: int | None = None, unit: str = ""
    ) -> int | None:
        """A whole number within bounds."""
        node = self.scalar(key, required)
        if node is None:
            return None
        text = node.value.strip().replace("_", "")
        if not re.fullmatch(r"[+-]?\d+", text) or node.quoted:
            self.error(
                node,
                key,
                f"expected a whole number{unit and ' of ' + unit}, found '{node.value}'",
                "请填写阿拉伯数字，例如 260",
            )
            return None
        return self._bounded(node, key, int(text), minimum, maximum)

    def number(
        self,
        key: str,
        required: bool = False,
        minimum: float | None = None,
        maximum: float | None = None,
        unit: str = "",
    ) -> float | None:
        """A decimal number within bounds."""
        node = self.scalar(key, required)
        if node is None:
            return None
        try:
            if node.quoted:
                raise ValueError
            value = float(node.value.strip())
        except ValueError:
            self.error(
                node,
                key,
                f"expected a number{unit and ' of ' + unit}, found '{node.value}'",
                "请填写阿拉伯数字，例如 39.608",
            )
            return None
        if value != value or value in (float("inf"), float("-inf")):
            self.error(node, key, f"expected a number, found '{node.value}'", "请填写阿拉伯数字")
            return None
        return self._bounded(node, key, value, minimum, maximum)

    def _bounded(self, node: Scalar, key: str, value: T, minimum: float | None, maximum: float | None) -> T | None:
        if minimum is not None and value < minimum:  # type: ignore[operator]
            self.error(node, key, f"must be at least {minimum}, found {node.value}", f"不能小于 {minimum}")
            return None
        if maximum is not None and value > maximum:  # type: ignore[operator]
            self.error(node, key, f"must be at most {maximum}, found {node.value}", f"不能大于 {maximum}")
            return None
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        """``true`` or ``false``; ``yes``/``no`` are explained rather than guessed."""
        node = self.scalar(key)
        if node is None:
            return default
        value = node.value.strip().lower()
        if value in ("true", "false") and not node.quoted:
            return value == "true"
        slip = " (YAML reads yes/no inconsistently, so this project asks for true/false)"
        self.error(
            node,
            key,
            f"expected true or false, found '{node.value}'" + (slip if value in _BOOL_SLIPS else ""),
            "请填写 true（是）或 false（否）",
        )
        return default

    def date(self, key: str, required: bool = False) -> dt.date | None:
        """A real calendar date written ``YYYY-MM-DD``."""
        node = self.scalar(key, required)
        if node is None:
            return None
        return parse_date(node, self.name(key), self.ctx.reporter)

    def choice(
        self, key: str, choices: AbcMapping[str, object] | Iterable[str], what: str, required: bool = False
    ) -> str | None:
        """One of a set of ids; a vocabulary's labels (``节庆活动``) are pointed to their id."""
        node = self.scalar(key, required)
        if node is None:
            return None
        return check_choice(node, self.name(key), list(choices), what, self.ctx.reporter, _labels(choices))

    def choices(self, key: str, choices: AbcMapping[str, object] | Iterable[str], what: str) -> tuple[str, ...]:
        """A list of ids, each from a set; duplicates are reported."""
        known = list(choices)
        out: list[str] = []
        for i, item in self.items(key, single_ok=True):
            if not isinstance(item, Scalar):
                self.error(item, f"{key}[{i}]", f"expected a {what}, found {describe(item)}")
                continue
            value = check_choice(item, self.name(f"{key}[{i}]"), known, what, self.ctx.reporter, _labels(choices))
            if value is not None and value in out:
                self.error(item, f"{key}[{i}]", f"'{value}' is listed twice", "重复了")
            elif value is not None:
                out.append(value)
        return tuple(out)

    def items(self, key: str, required: bool = False, single_ok: bool = False) -> list[tuple[int, Node]]:
        """The items of a list under ``key`` with their index."""
        node = self.raw(key, required)
        if node is None:
            return []
        if isinstance(node, Sequence):
            return list(enumerate(node.items))
        if single_ok and isinstance(node, Scalar):
            return [(0, node)]
        self.error(
            node,
            key,
            f"expected a list ('- item' lines or [a, b]), found {describe(node)}",
            "这里应是列表：每项一行，以“- ”开头",
        )
        return []

    def sub(self, key: str, what: str, required: bool = False) -> Fields | None:
        """A nested mapping under ``key``."""
        return Fields.open(self.raw(key, required), self.ctx, self.name(key), what)

    def text(self, key: str, required: bool = False) -> LText | None:
        """Localized text: a plain string (default language) or ``{zh: ..., en: ...}``."""
        node = self.raw(key, required)
        if node is None:
            return None
        return read_text(node, self.name(key), self.ctx)

    def markdown(self, key: str, required: bool = False) -> LText | None:
        """Localized Markdown: text whose images must come from the site itself."""
        node = self.raw(key, required)
        if node is None:
            return None
        value = read_text(node, self.name(key), self.ctx)
        if value is not None:
            # An image in Markdown is written ![...] or as an <img> tag: other texts need no conversion.
            for lang, text in value.values:
                if "![" not in text and "<img" not in text.lower():
                    continue
                for src in external_images(_markdown().convert(text)):
                    self.error(
                        node,
                        key,
                        f"an image in the {lang} text loads from another site ({src}); pages load nothing from other sites",
                        "正文中的图片来自外部网站；请把图片放进 content/images/ 并用相对路径引用",
                    )
        return value

    def image(self, key: str, required: bool = False) -> str | None:
        """A path to an image inside ``content/``."""
        node = self.scalar(key, required)
        if node is None:
            return None
        return check_image(node, self.name(key), self.ctx)

    def each(self, key: str, what: str, reader: Callable[[Fields], T | None], required: bool = False) -> list[T]:
        """Read every mapping in the list under ``key`` with ``reader``."""
        out: list[T] = []
        for i, item in self.items(key, required):
            f = Fields.open(item, self.ctx, self.name(f"{key}[{i}]"), what)
            if f is not None:
                value = reader(f)
                f.finish()
                if value is not None:
                    out.append(value)
        return out


@functools.cache
def _markdown() -> MarkdownRenderer:
    return MarkdownRenderer()


def _labels(choices: AbcMapping[str, object] | Iterable[str]) -> dict[str, str] | None:
    """Label -> id of a vocabulary (term id -> LText); None for a fixed list of choices."""
    if not isinstance(choices, AbcMapping):
        return None
    return {text: term for term, label in choices.items() if isinstance(label, LText) for _, text in label.values}
