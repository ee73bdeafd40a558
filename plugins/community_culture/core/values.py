"""Checks of single values that editors write: ids, choices, dates, text, image paths.

Each check reports what is wrong at the value's position and returns None, so a run
goes on and lists every problem.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from .loader import Node, Reporter, Scalar, Sequence
from .text import LText

if TYPE_CHECKING:
    from .fields import Context

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def suggest(word: str, candidates: Iterable[str]) -> str:
    """A ``; did you mean 'x'?`` suffix, or an empty string."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def suggest_hall(value: str, halls: Mapping[str, object]) -> str:
    """Like :func:`suggest`, and a hall written by its name (``锦绣社区文化礼堂``) gets its id."""
    wanted = value.strip()
    for hall_id, hall in halls.items():
        name = getattr(hall, "name", None)
        texts = [t for _, t in name.values] if isinstance(name, LText) else []
        if any(wanted == t or (len(wanted) >= 2 and wanted in t) for t in texts):
            return f"; '{wanted}' is the name of the hall '{hall_id}': write its id, hall: {hall_id}"
    return suggest(wanted, halls)


# Chinese words editors write for fixed choices, and the id each stands for.
CHOICE_WORDS = {
    "计划": "planned",
    "计划中": "planned",
    "筹备": "planned",
    "确定": "confirmed",
    "已确定": "confirmed",
    "确认": "confirmed",
    "延期": "postponed",
    "推迟": "postponed",
    "取消": "cancelled",
    "已取消": "cancelled",
    "完成": "done",
    "已完成": "done",
    "已举办": "done",
    "举办完": "done",
    "上旬": "early",
    "中旬": "mid",
    "下旬": "late",
    "社区基本情况": "overview",
    "乡风民俗": "customs",
    "崇德尚贤": "virtue",
    "美好家园": "homeland",
}


def colon_slip(key: str) -> tuple[str, str] | None:
    """A key like ``zh：锦绣`` holds a full-width colon where ``: `` belongs: the message and hint."""
    if "：" not in key:
        return None
    head = key.split("：", 1)[0].strip()
    return (
        f"a full-width colon '：' follows '{head}'; YAML needs a plain colon and a space: '{head}: '",
        f"“{head}”后面用了中文全角冒号“：”，请改成英文半角冒号加空格“: ”",
    )


def describe(node: Node) -> str:
    """How a node looks to an editor, for 'found ...' messages."""
    if isinstance(node, Scalar):
        return "nothing" if node.is_null else f"'{node.value}'"
    return "a list" if isinstance(node, Sequence) else "a mapping (key: value pairs)"


MAX_ID = 64
"""An id is part of file names and printed addresses: longer ones break file systems and QR codes."""
YEARS = (1900, 2100)
"""Dates outside these years are typing slips; 9999-12-31 would plan pages to the year 9999."""


def check_slug(node: Scalar, fieldname: str, reporter: Reporter) -> str | None:
    """An id must be a lowercase ASCII slug of at most MAX_ID characters."""
    value = node.value.strip()
    if SLUG.match(value) and len(value) > MAX_ID:
        reporter.error(
            node.pos,
            fieldname,
            f"an id may be at most {MAX_ID} characters long, found {len(value)}",
            f"编号太长，最多 {MAX_ID} 个字符",
        )
        return None
    if SLUG.match(value):
        return value
    better = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    tip = f"; for example '{better}'" if better and better != value else ""
    reporter.error(
        node.pos,
        fieldname,
        f"an id may hold only lowercase letters a-z, digits and hyphens, found '{value}'{tip}",
        "编号只能用小写英文字母、数字和连字符，例如 jinxiu-auditorium",
    )
    return None


def check_choice(
    node: Scalar,
    fieldname: str,
    known: list[str],
    what: str,
    reporter: Reporter,
    labels: Mapping[str, str] | None = None,
) -> str | None:
    """A value from ``known``; otherwise report it with a suggestion.

    Args:
        labels: Words that stand for an id (a vocabulary's labels, ``节庆活动`` -> ``festival``).
            Given for vocabularies a site may extend (``data/taxonomies.yml``).
    """
    value = node.value.strip()
    if value in known:
        return value
    meant = (labels or {}).get(value) or CHOICE_WORDS.get(value)
    if meant in known:
        reporter.error(
            node.pos,
            fieldname,
            f"'{value}' is what the {what} '{meant}' is called; write its id: {meant}",
            f"这里请写编号 {meant}（{value}），不写中文名称",
        )
        return None
    hint = (
        "不在可选范围内；请从列出的编号中选择，确需新增再在 data/taxonomies.yml 中添加"
        if labels is not None
        else "不在可选范围内，只能从列出的编号中选择"
    )
    reporter.error(
        node.pos, fieldname, f"unknown {what} '{value}'{suggest(value, known)} (known: {', '.join(known)})", hint
    )
    return None


def parse_date(node: Scalar, fieldname: str, reporter: Reporter) -> dt.date | None:
    """A real date written YYYY-MM-DD; February 30th is reported as such."""
    m = _DATE.match(node.value.strip())
    if not m:
        reporter.error(
            node.pos,
            fieldname,
            f"expected a date written YYYY-MM-DD, found '{node.value}'",
            "日期请写成 2026-05-01 这样的格式",
        )
        return None
    year, month, day = (int(g) for g in m.groups())
    if not YEARS[0] <= year <= YEARS[1]:
        reporter.error(
            node.pos,
            fieldname,
            f"expected a date between {YEARS[0]} and {YEARS[1]}, found the year {year}",
            "年份不对，请核对日期",
        )
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        reporter.error(
            node.pos, fieldname, f"'{node.value}' is not a real date", "这一天不存在，请核对日期（例如 2 月没有 30 日）"
        )
        return None


def read_text(node: Node, fieldname: str, ctx: Context) -> LText | None:
    """Read localized text from a scalar or a mapping by language code."""
    reporter = ctx.reporter
    if isinstance(node, Scalar):
        if not node.value.strip():
            return None
        _note_missing(node, fieldname, ctx, {ctx.default_language})
        return LText(((ctx.default_language, node.value.strip()),))
    if isinstance(node, Sequence):
        reporter.error(
            node.pos,
            fieldname,
            "expected text, found a list; quote text that starts with '['",
            "这里应填写文字；以“[”开头的文字请加引号",
        )
        return None
    values: list[tuple[str, str]] = []
    for lang, (key, value) in node.entries.items():
        if lang not in ctx.languages:
            if isinstance(value, Scalar) and value.is_null and (slip := colon_slip(lang)):
                reporter.error(key.pos, fieldname, slip[0], slip[1])
            elif isinstance(value, Scalar) and value.is_null:
                msg = f"'{lang}' is read as a language of its own; quote text that holds a comma"
                reporter.error(
                    key.pos, fieldname, msg, '文字里有逗号时，请给整段文字加引号，例如 en: "Jinxiu, Dongsheng"'
                )
            else:
                reporter.error(
                    key.pos,
                    fieldname,
                    f"unknown language '{lang}'{suggest(lang, ctx.languages)} "
                    f"(this site's languages: {', '.join(ctx.languages)})",
                    "语言代码应为 zh（中文）或 en（英文）",
                )
            continue
        if not isinstance(value, Scalar):
            reporter.error(
                value.pos, f"{fieldname}.{lang}", f"expected text, found {describe(value)}", "这里应填写文字"
            )
            continue
        if value.value.strip():
            values.append((lang, value.value.strip()))
    if values:
        _note_missing(node, fieldname, ctx, {lang for lang, _ in values})
    return LText(tuple(values)) if values else None


def _note_missing(node: Node, fieldname: str, ctx: Context, present: set[str]) -> None:
    missing = tuple(lang for lang in ctx.languages if lang not in present)
    if missing:
        ctx.reporter.untranslated(node.pos, fieldname, missing)


_IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")


def check_image(node: Scalar, fieldname: str, ctx: Context) -> str | None:
    """An image path relative to content/ that stays inside it and exists."""
    value = node.value.strip()
    path = PurePosixPath(value)
    if path.is_absolute() or ".." in path.parts or "\\" in value or re.match(r"^[a-z]+:", value):
        ctx.reporter.error(
            node.pos,
            fieldname,
            f"an image path must stay inside content/, found '{value}'",
            "图片路径应相对于 content/ 文件夹，例如 images/halls/stage.jpg",
        )
        return None
    if path.suffix.lower() not in _IMAGE_SUFFIXES:
        ctx.reporter.error(
            node.pos, fieldname, f"expected a JPEG, PNG, WebP or GIF image, found '{value}'", "图片格式应为 jpg 或 png"
        )
        return None
    if ctx.content_dir is not None:
        target = ctx.content_dir / path
        found = target.is_file()
        if ctx.images is not None:
            ctx.images.seen[value] = found
        if not found:
            near = ""
            if target.parent.is_dir():
                near = suggest(path.name, sorted(p.name for p in target.parent.iterdir()))
            ctx.reporter.error(
                node.pos,
                fieldname,
                f"the image 'content/{value}' does not exist{near}",
                "找不到这张图片，请检查文件名和文件夹（注意大小写）",
            )
            return None
    return value
