"""Preflight: what a print shop would send back, found before the file leaves the build.

Checked on the laid-out document and the fonts WeasyPrint embedded:

- the content fits on its one page (a list that may run on, on its pages); no text
  sticks out of its column or past the trim (where it is cut off), and a picture that
  runs off the page runs on to the bleed's outer edge (else a white sliver shows after
  cutting);
- every character is drawn from a font the stylesheet names, and that font has a glyph
  for it. WeasyPrint falls back silently: to another installed face (a Japanese glyph
  shape in Chinese text, a serif in a sans title) or to an empty box;
- every raster image has enough pixels for the size it is printed at: its effective
  resolution below 150 ppi is an error (it prints visibly soft), below 300 ppi — what
  print shops ask for — a warning; both limits are the site's to set.

Findings are in plain words for editors, with a short Chinese hint.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

MIN_DPI = 150
"""Below this, print looks soft even from a few steps away (an error)."""
GOOD_DPI = 300
"""What print shops ask for (below it, a warning)."""
ROOM_TO_SPARE = 1.15
"""A picture that could print this much larger, but for its pixels, is worth a larger original (a warning)."""
_TOLERANCE_PX = 1.0
"""Layout rounding: a box 1 px (0.26 mm) past its edge is no overflow."""
_PX_PER_MM = 96 / 25.4
GENERIC_FAMILIES = frozenset({"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "math", "emoji"})


@dataclass(frozen=True)
class Finding:
    """One preflight result."""

    severity: Literal["error", "warning"]
    message: str
    hint: str = ""


def preflight(
    document: Any,
    images: Mapping[str, str],
    refused: Sequence[str] = (),
    flow: bool = False,
    min_dpi: float = MIN_DPI,
    good_dpi: float = GOOD_DPI,
) -> list[Finding]:
    """Check a laid-out and written WeasyPrint document.

    Args:
        document: A ``weasyprint.Document`` whose PDF has been written (so that
            ``document.fonts`` lists every font drawn from).
        images: Image URLs of the page by the path editors know them by.
        refused: URLs the page tried to load and was refused.
        flow: The content may run on over more pages (a list that grows); every
            page is then checked. Otherwise it must fit on the first.
    """
    findings: list[Finding] = []
    if not flow:
        findings += _extra_pages(document)
    boxes: list[tuple[Any, Any]] = []
    for page in document.pages if flow else document.pages[:1]:
        # Layout boxes are only reachable through the page's private box tree.
        on_page = [(box, block) for box, block, _ in walk(page._page_box)]
        findings += _outside(on_page, page)
        boxes += on_page
    findings += _glyphs(document, [box for box, _ in boxes if _is_text(box)])
    findings += _resolution(boxes, images, min_dpi, good_dpi)
    findings += [
        Finding(
            "error",
            f"the template loads '{url}', which a print file may not use; print images through press.image()",
            "印刷模板只能使用经过处理的图片",
        )
        for url in refused
    ]
    return findings


# -- fitting -------------------------------------------------------------------------
def _extra_pages(document: Any) -> list[Finding]:
    if len(document.pages) < 2:
        return []
    more = 0.0
    first_words = ""
    for page in document.pages[1:]:
        boxes = [box for box, _, placed in walk(page._page_box) if not placed and (_is_text(box) or is_image(box))]
        if not boxes:
            continue
        top = min(box.border_box_y() for box in boxes)
        more += max(box.border_box_y() + box.border_height() for box in boxes) - top
        if not first_words:
            first_words = next((box.text.strip() for box in boxes if _is_text(box) and box.text.strip()), "")
    start = f", from '{_snippet(first_words)}' on" if first_words else ""
    return [
        Finding(
            "error",
            f"the content does not fit on the page: about {_mm(more)} mm more room is needed{start}; "
            "shorten the text, use fewer or smaller images, or print on a bigger size",
            "内容超出版面：请删减文字或图片，或改用更大的尺寸",
        )
    ]


def _outside(boxes: list[tuple[Any, Any]], page: Any) -> list[Finding]:
    findings: list[Finding] = []
    for box, block in boxes:
        if not (_is_text(box) or is_image(box)) or box.border_width() <= 0:
            continue
        left, top = box.border_box_x(), box.border_box_y()
        right, bottom = left + box.border_width(), top + box.border_height()
        past = {"left": -left, "top": -top, "right": right - page.width, "bottom": bottom - page.height}
        edge, by = max(past.items(), key=lambda item: item[1])
        if by > _TOLERANCE_PX and _is_text(box):
            findings.append(
                Finding(
                    "error",
                    f"'{_snippet(box.text)}' reaches {_mm(by)} mm past the {edge} edge of the page, where it is cut off",
                    "有文字超出裁切线，会被裁掉",
                )
            )
            continue
        # A picture may run off the page, but then on into the bleed's outer edge:
        # stopping between the trim and that edge leaves a white sliver after cutting.
        short = {side: page.bleed[side] - more for side, more in past.items() if more > _TOLERANCE_PX}
        if short and max(short.values()) > _TOLERANCE_PX:
            side = max(short, key=lambda k: short[k])
            findings.append(
                Finding(
                    "error",
                    f"an image runs over the {side} edge of the page but stops {_mm(short[side])} mm short of the "
                    f"bleed's outer edge ({_mm(page.bleed[side])} mm past it): a white sliver may show after cutting",
                    "图片超出裁切线时须一直延伸到出血边缘，否则裁切后可能露出白边",
                )
            )
            continue
        if block is not None and _is_text(box) and box.text.strip():
            column = block.content_box_x() + block.width
            if right - column > _TOLERANCE_PX:
                findings.append(
                    Finding(
                        "error",
                        f"'{_snippet(box.text)}' is {_mm(right - column)} mm wider than its column "
                        "and runs into what is beside it",
                        "有一段文字（常见于很长的英文单词或网址）超出了栏宽",
                    )
                )
    return findings


# -- fonts ---------------------------------------------------------------------------
def _glyphs(document: Any, texts: list[Any]) -> list[Finding]:
    named: set[str] = set()
    for box in texts:
        named.update(f for f in box.style["font_family"] if f.lower() not in GENERIC_FAMILIES)
    findings: list[Finding] = []
    for font in sorted(document.fonts.values(), key=lambda f: f.family):
        drawn = sorted({ch for text in font.to_unicode.values() for ch in text if _printable(ch)})
        cmap = _cmap(font)
        missing = [ch for ch in drawn if ord(ch) not in cmap]
        fallback = [ch for ch in drawn if ord(ch) in cmap] if font.family not in named else []
        for ch in missing:
            findings.append(
                Finding(
                    "error",
                    f"{_char(ch)}{_context(ch, texts)} is in none of the fonts named for it "
                    f"({_families(ch, texts)}) and no installed font has it: it would print as an empty box",
                    "这个字符在字体中没有，印出来会是空框；请换用常用字符或删除",
                )
            )
        for ch in fallback:
            findings.append(
                Finding(
                    "error",
                    f"{_char(ch)}{_context(ch, texts)} is not in the fonts named for it ({_families(ch, texts)}): "
                    f"it would print in '{font.family}', a face that does not match the rest",
                    "这个字符在指定字体中没有，会用别的字体代替；请换用常用字符",
                )
            )
    return findings


_CMAPS: dict[tuple[str, int, int, int], frozenset[int]] = {}


def _cmap(font: Any) -> frozenset[int]:
    """The code points a face has glyphs for, read once per face and process."""
    key = (font.family, int(font.weight), int(font.style), int(font.index))
    if key not in _CMAPS:
        from fontTools.ttLib import TTFont
        from weasyprint.text.fonts import get_hb_object_data

        # After writing, `font.file_content` is the embedded subset, whose cmap lacks the
        # glyphs drawn through OpenType features (proportional digits...): read the
        # whole face (the font collection, for CJK) that HarfBuzz shaped with instead.
        data = get_hb_object_data(font.hb_face)
        with TTFont(io.BytesIO(data), fontNumber=int(font.index), lazy=True) as face:
            _CMAPS[key] = frozenset(face.getBestCmap() or {})
    return _CMAPS[key]


def _printable(ch: str) -> bool:
    return unicodedata.category(ch)[0] not in ("Z", "C")


def _char(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"the character '{ch}' (U+{ord(ch):04X}{' ' + name if name else ''})"


def _context(ch: str, texts: list[Any]) -> str:
    for box in texts:
        at = box.text.find(ch)
        if at >= 0:
            return f" in '{_snippet(box.text[max(0, at - 12) : at + 12])}'"
    return ""


def _families(ch: str, texts: list[Any]) -> str:
    for box in texts:
        if ch in box.text:
            return ", ".join(box.style["font_family"])
    return "?"


# -- images --------------------------------------------------------------------------
def _resolution(
    boxes: list[tuple[Any, Any]], images: Mapping[str, str], min_dpi: float, good_dpi: float
) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[str] = set()
    for box, _ in boxes:
        if not is_image(box) or box.width <= 0 or box.height <= 0:
            continue
        image = box.replacement
        if type(image).__name__ != "RasterImage":
            continue  # vector art (QR codes, SVG drawings) is sharp at any size
        dpi = effective_ppi(image.width, image.height, box.width, box.height, box.style["object_fit"])
        src = box.element.get("src", "") if box.element is not None else ""
        name = images.get(src, "an image")
        if name in seen:
            continue
        # Half a ppi is layout rounding: a picture set at its own 300 ppi measures 299.99.
        if dpi >= good_dpi - 0.5:
            if dpi < good_dpi * 1.01 and _held_back(box):
                seen.add(name)
                size = f"{_mm(box.width)}×{_mm(box.height)} mm"
                findings.append(
                    Finding(
                        "warning",
                        f"'{name}' has only {image.width}×{image.height} px: at the {round(good_dpi)} ppi print "
                        f"shops ask for it prints {size}, smaller than the room the page has for it; "
                        "a larger original would print larger",
                        f"图片像素不足，只能印成 {size.replace(' mm', ' 毫米')}，版面还有空间；如有更大的原图，画面可以更大",
                    )
                )
            continue
        seen.add(name)
        placed = f"'{name}' prints at {round(dpi)} ppi ({image.width}×{image.height} px over {_mm(box.width)}×{_mm(box.height)} mm)"
        wanted = round(image.width * good_dpi / dpi)
        if dpi < min_dpi - 0.5:
            findings.append(
                Finding(
                    "error",
                    f"{placed}: below {round(min_dpi)} ppi it prints visibly soft; it needs "
                    f"{round(image.width * min_dpi / dpi)} px wide or more ({wanted} px for {round(good_dpi)} ppi), "
                    "or a smaller place on the page",
                    "图片分辨率太低，印出来会模糊；请换用更清晰的原图",
                )
            )
        else:
            findings.append(
                Finding(
                    "warning",
                    f"{placed}: print shops ask for {round(good_dpi)} ppi, that is {wanted} px wide or more",
                    "图片分辨率低于印刷厂要求的 300 ppi；如有更清晰的原图请换用",
                )
            )
    return findings


def _held_back(box: Any) -> bool:
    """Whether a picture that may grow (``fit-grow``) stopped at its own pixels well short
    (by more than :data:`ROOM_TO_SPARE`) of both the width and the height the page gives it."""
    element = box.element
    if element is None or "fit-grow" not in (element.get("class") or "").split():
        return False
    return box.width * ROOM_TO_SPARE < box.max_width and box.height * ROOM_TO_SPARE < box.max_height


def effective_ppi(px_w: int, px_h: int, box_w: float, box_h: float, fit: str = "fill") -> float:
    """Pixels per inch of an image of ``px_w``×``px_h`` pixels placed in a box of CSS pixels (96 a inch).

    ``cover`` crops and enlarges, so the axis scaled most decides; ``contain`` the other.
    """
    per_inch_x = px_w / (box_w / 96)
    per_inch_y = px_h / (box_h / 96)
    return max(per_inch_x, per_inch_y) if fit in ("contain", "scale-down") else min(per_inch_x, per_inch_y)


# -- the box tree --------------------------------------------------------------------
def walk(box: Any, block: Any = None, placed: bool = False) -> Iterator[tuple[Any, Any, bool]]:
    """Every box below ``box``, with the block whose lines hold it (None outside lines) and
    whether it is placed out of the flow (in a page margin, fixed or absolute: a footer
    repeated on every page, not text that overflows)."""
    for child in getattr(box, "children", ()):
        out = placed or type(child).__name__ == "MarginBox" or child.style["position"] in ("absolute", "fixed")
        yield child, block, out
        if type(child).__name__ == "LineBox":
            yield from walk(child, box, out)
        elif _is_inline(child):
            yield from walk(child, block, out)
        else:
            yield from walk(child, None, out)


def _is_text(box: Any) -> bool:
    return type(box).__name__ == "TextBox"


def is_image(box: Any) -> bool:
    return hasattr(box, "replacement") and box.replacement is not None


def _is_inline(box: Any) -> bool:
    return type(box).__name__ in ("InlineBox", "TextBox")


def _snippet(text: str, limit: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _mm(px: float) -> str:
    return f"{px / _PX_PER_MM:.0f}" if px / _PX_PER_MM >= 10 else f"{px / _PX_PER_MM:.1f}"
