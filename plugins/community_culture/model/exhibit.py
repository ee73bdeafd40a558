"""Exhibits (展陈) and their panels: ``data/exhibits/<exhibit-id>/exhibit.yml``.

An exhibit hangs in one of the four sections the seed plans name (社区基本情况,
乡风民俗, 崇德尚贤, 美好家园) and is made of panels, each printed on a page of its own.
The folder name is the exhibit's id and a panel's id is its address below it, so
both are printed in QR codes and never change. A panel is printed in the languages its
title is written in (or those ``print: {languages: [...]}`` names), narrowed to the
languages in which every one of its texts is written: a printed panel has no "not yet
translated" note to fall back on, so a language with a missing text is left off the
panel, with a warning that names the text (never an error: one untranslated caption
must not stop the site).
"""

from __future__ import annotations

from collections.abc import Mapping as AbcMapping
from dataclasses import dataclass
from pathlib import Path

from ..core.fields import SLUG, Context, Fields, describe, read_text, suggest
from ..core.loader import Mapping, Scalar, Sequence, load_yaml
from ..core.problems import Position
from ..core.text import LText
from ..core.values import suggest_hall
from .hall import Photo, read_photo
from .sizes import (
    ISO_A,
    MAX_SIDE_MM,
    MIN_SIDE_MM,
    NAMED,
    ORIENTATIONS,
    ROLLUPS,
    PageSize,
    custom_size,
    named_size,
)

SECTIONS = ("overview", "customs", "virtue", "homeland")
"""The four sections of an exhibition room, in the seed plans' order."""
DEFAULT_SIZE = "A1"
"""Exhibition panels are most often A1 portrait; an exhibit without ``print:`` gets that."""
_HINT = "这段文字缺少译文，展板暂时只印已齐全的语言；请补上译文"


@dataclass(frozen=True)
class Panel:
    """One printed panel of an exhibit, and its web page."""

    id: str
    """展板编号。The panel's id."""
    title: LText
    """展板标题。The panel's title."""
    source: Position
    """Where the panel is written (messages about its print name this place)."""
    size: PageSize
    """The printed size: the panel's own ``print:``, else the exhibit's, else A1 portrait."""
    languages: tuple[str, ...]
    """The languages printed on the panel, the site's default first."""
    body: LText | None = None
    """Markdown; a panel is read standing, so it is short."""
    images: tuple[Photo, ...] = ()
    """图片（src、说明、来源）。Images with captions and credits."""


@dataclass(frozen=True)
class Exhibit:
    """An exhibit: an introduction and its panels in hanging order."""

    id: str
    """编号：文件夹名 data/exhibits/<id>/。The exhibit's id, its folder."""
    title: LText
    """展陈标题，印在每块展板上。The exhibit's title, printed on every panel."""
    section: str
    """One of :data:`SECTIONS`."""
    source: Position
    panels: tuple[Panel, ...]
    """展板，按悬挂顺序。The panels, in hanging order."""
    hall: str | None = None
    """The hall where it hangs, checked against ``data/halls/`` once every file is read."""
    hall_pos: Position | None = None
    intro: LText | None = None
    """Markdown."""


@dataclass(frozen=True)
class _Print:
    """A ``print:`` mapping as written; what is left out comes from the exhibit."""

    size: str | tuple[float, float] | None = None
    """A size name, or (width, height) in millimetres."""
    orientation: str | None = None
    languages: tuple[str, ...] | None = None


def load_exhibits(data_dir: Path, root: Path, ctx: Context) -> dict[str, Exhibit]:
    """Read every ``data/exhibits/<id>/exhibit.yml``, sorted by id."""
    exhibits: dict[str, Exhibit] = {}
    folder = data_dir / "exhibits"
    if not folder.is_dir():
        return exhibits
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        display = entry.relative_to(root).as_posix()
        if not entry.is_dir():
            if entry.suffix in (".yml", ".yaml"):
                ctx.reporter.error(
                    Position(display),
                    "",
                    f"an exhibit lives in a folder of its own: move this file to "
                    f"data/exhibits/{entry.stem}/exhibit.yml (the folder name is the exhibit's id)",
                    "每个展陈单独建一个文件夹，文件名为 exhibit.yml",
                )
            continue
        if not SLUG.match(entry.name):
            ctx.reporter.error(
                Position(display),
                "",
                f"the folder name '{entry.name}' must be a valid id (lowercase letters, digits, hyphens), "
                "because it becomes the exhibit's address",
                "文件夹名即展陈编号，只能用小写英文字母、数字和连字符",
            )
            continue
        path = entry / "exhibit.yml"
        if not path.is_file():
            others = sorted(p.name for p in entry.iterdir() if p.suffix in (".yml", ".yaml"))
            ctx.reporter.error(
                Position(display),
                "",
                f"the folder holds no exhibit.yml{suggest('exhibit.yml', others)}",
                "展陈文件夹里应有一个名为 exhibit.yml 的文件",
            )
            continue
        f = Fields.open(load_yaml(path, path.relative_to(root).as_posix(), ctx.reporter), ctx, "", "an exhibit")
        if f is None:
            continue
        exhibit = read_exhibit(f, entry.name)
        f.finish()
        if exhibit is not None:
            exhibits[exhibit.id] = exhibit
    return exhibits


def check_exhibit_halls(exhibits: dict[str, Exhibit], halls: AbcMapping[str, object], ctx: Context) -> None:
    """Second pass: every ``hall:`` names a hall that exists."""
    for exhibit in exhibits.values():
        if exhibit.hall is not None and exhibit.hall not in halls:
            ctx.reporter.error(
                exhibit.hall_pos or exhibit.source,
                "hall",
                f"unknown hall '{exhibit.hall}'{suggest_hall(exhibit.hall, halls)} (halls: {', '.join(halls) or 'none'})",
                "找不到这个场馆编号，请对照 data/halls/ 中的文件名",
            )


def read_exhibit(f: Fields, exhibit_id: str) -> Exhibit | None:
    """Read one exhibit mapping and its panels."""
    title, title_pos = _text(f, "title", required=True)
    section = f.choice("section", SECTIONS, "section", required=True)
    hall = f.slug("hall")
    hall_node = f.node.get("hall")
    defaults = _read_print(f.sub("print", "print settings (size, orientation, languages)"))
    listed = f.raw("panels", required=True)
    panels: list[Panel] = []
    seen: dict[str, Position] = {}
    for panel in f.each("panels", "a panel with id, title and body", lambda p: _read_panel(p, defaults)):
        if panel.id in seen:
            f.error(
                panel.source,
                "panels",
                f"the panel id '{panel.id}' is used twice (first on line {seen[panel.id].line})",
                "同一展陈中的展板编号不能重复",
            )
            continue
        seen[panel.id] = panel.source
        panels.append(panel)
    if isinstance(listed, Sequence) and not listed.items:
        f.error(listed, "panels", "an exhibit needs at least one panel", "展陈至少要有一块展板")
    if title is not None and title_pos is not None:
        _check_exhibit_title(f, title, title_pos, panels)
    intro = f.markdown("intro")
    if title is None or section is None or not panels:
        return None
    return Exhibit(
        id=exhibit_id,
        title=title,
        section=section,
        source=f.node.pos,
        panels=tuple(panels),
        hall=hall,
        hall_pos=hall_node.pos if hall_node is not None else None,
        intro=intro,
    )


def _read_panel(f: Fields, defaults: _Print) -> Panel | None:
    panel_id = f.slug("id", required=True)
    title, title_pos = _text(f, "title", required=True)
    own = _read_print(f.sub("print", "print settings (size, orientation, languages)"))
    body, body_pos = _text(f, "body")
    images: list[tuple[Photo, Mapping]] = f.each(
        "images", "an image with src, caption and credit", lambda i: _with_node(read_photo(i), i.node)
    )
    if panel_id is None or title is None or title_pos is None:
        return None
    wanted = (
        own.languages
        or defaults.languages
        or tuple(lang for lang in f.ctx.languages if title.has(lang))
        or (f.ctx.default_language,)
    )
    texts: list[tuple[str, LText, Position]] = [("title", title, title_pos)]
    if body is not None and body_pos is not None:
        texts.append(("body", body, body_pos))
    for i, (photo, node) in enumerate(images):
        caption = node.get("caption")
        if photo.caption is not None and caption is not None:
            texts.append((f"images[{i}].caption", photo.caption, caption.pos))
    complete = tuple(lang for lang in wanted if all(text.has(lang) for _, text, _ in texts))
    panel = Panel(
        id=panel_id,
        title=title,
        source=f.node.pos,
        size=_resolve_size(own, defaults),
        languages=complete or wanted[:1],
        body=body,
        images=tuple(photo for photo, _ in images),
    )
    for key, text, pos in texts:
        _check_translated(f, key, text, pos, panel, wanted)
    return panel


def _with_node(photo: Photo | None, node: Mapping) -> tuple[Photo, Mapping] | None:
    return (photo, node) if photo is not None else None


def _text(f: Fields, key: str, required: bool = False) -> tuple[LText | None, Position | None]:
    """Localized text and where it is written (read_text drops the position)."""
    node = f.raw(key, required)
    if node is None:
        return None, None
    return (f.markdown(key) if key == "body" else read_text(node, f.name(key), f.ctx)), node.pos


def _check_translated(f: Fields, key: str, text: LText, pos: Position, panel: Panel, wanted: tuple[str, ...]) -> None:
    """Warn about a text printed on ``panel`` that lacks a language the panel was meant to print."""
    missing = [lang for lang in wanted if not text.has(lang)]
    if not missing:
        return
    printed = " and ".join(panel.languages)
    f.ctx.reporter.warning(
        pos,
        f.name(key),
        f"panel '{panel.id}' is meant to be printed in {' and '.join(wanted)}, but this text has no "
        f"{', '.join(missing)} version, so the panel is printed in {printed} only; add the translation "
        f"(or write print: {{languages: [{panel.languages[0]}]}} to say so)",
        _HINT,
    )


def _check_exhibit_title(f: Fields, title: LText, pos: Position, panels: list[Panel]) -> None:
    """The exhibit's title is printed on every panel, in the languages it is written in."""
    bilingual = [p for p in panels if len(p.languages) > 1]
    needed = [lang for lang in f.ctx.languages if any(lang in p.languages for p in bilingual)]
    missing = [lang for lang in needed if not title.has(lang)]
    if not missing:
        return
    names = ", ".join(f"'{p.id}'" for p in bilingual)
    f.ctx.reporter.warning(
        pos,
        f.name("title"),
        f"the exhibit's title is printed on every panel, and panels {names} are printed in "
        f"{' and '.join(needed)}; this text has no {', '.join(missing)} version, so their headers "
        "carry it in fewer languages; add the translation",
        _HINT,
    )


def _read_print(f: Fields | None) -> _Print:
    if f is None:
        return _Print()
    size: str | tuple[float, float] | None = None
    node = f.raw("size")
    if isinstance(node, Scalar):
        size = _size_name(f, node)
    elif isinstance(node, Mapping):
        size = _custom(f)
    elif node is not None:
        f.error(node, "size", f"expected a size such as A1 or rollup-80x200, found {describe(node)}", "尺寸格式不正确")
    orientation = f.choice("orientation", ORIENTATIONS, "orientation")
    if orientation is not None and size is not None and not (isinstance(size, str) and size in ISO_A):
        at = f.node.get("orientation")
        f.error(
            at or f.node,
            "orientation",
            "orientation applies to the A sizes only; a roll-up or a size in millimetres is written "
            "as it hangs (width first)",
            "横竖方向只适用于 A0–A4；易拉宝和自定义尺寸请直接按宽×高填写",
        )
        orientation = None
    chosen = f.choices("languages", f.ctx.languages, "language")
    # Printed in the site's order, whatever order they are listed in.
    languages = tuple(lang for lang in f.ctx.languages if lang in chosen)
    strays = [key for key in ("width_mm", "height_mm") if key in f.node.entries]
    if strays:
        f.error(
            f.node.entries[strays[0]][0],
            strays[0],
            "write a size in millimetres under size: as size: {width_mm: 600, height_mm: 900}",
            "自定义尺寸请写成 size: {width_mm: 600, height_mm: 900}",
        )
        for key in strays:
            f.raw(key)
    f.finish()
    return _Print(size, orientation, languages or None)


def _size_name(f: Fields, node: Scalar) -> str | None:
    value = node.value.strip()
    for name in NAMED:
        if value.lower() == name.lower():
            return name
    f.error(
        node,
        "size",
        f"unknown print size '{value}'{suggest(value, NAMED)} (known: {', '.join(NAMED)}, "
        "or {width_mm: W, height_mm: H})",
        "尺寸可选 A0–A4、rollup-80x200、rollup-85x200，或 {width_mm: 宽, height_mm: 高}",
    )
    return None


def _custom(f: Fields) -> tuple[float, float] | None:
    sub = f.sub("size", "a size in millimetres {width_mm: W, height_mm: H}")
    if sub is None:
        return None
    width = sub.number("width_mm", required=True, minimum=MIN_SIDE_MM, maximum=MAX_SIDE_MM, unit="millimetres")
    height = sub.number("height_mm", required=True, minimum=MIN_SIDE_MM, maximum=MAX_SIDE_MM, unit="millimetres")
    sub.finish()
    return (width, height) if width is not None and height is not None else None


def _resolve_size(own: _Print, defaults: _Print) -> PageSize:
    """The panel's size: its own settings over the exhibit's over A1 portrait."""
    size = own.size or defaults.size or DEFAULT_SIZE
    if isinstance(size, tuple):
        return custom_size(*size)
    if size in ROLLUPS:
        return named_size(size)
    orientation = own.orientation or defaults.orientation
    return named_size(size, orientation)
