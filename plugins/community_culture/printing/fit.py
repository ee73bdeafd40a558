"""Fitting a page to its sheet: pictures and text take the room the first layout leaves.

A panel's text is as long as its editor wrote it, so a template cannot know how much
of the sheet its pictures may take. The press lays a page out once, measures the room
left below the content, and lays it out again with that room given away:

1. each picture marked ``fit-grow`` may grow taller by the free height divided by the
   rows of such pictures (pictures side by side share a row). A picture never grows
   past its own pixels at the resolution print shops ask for (the template's
   ``image-resolution``), nor past its column, so this layout takes at most the room
   that was free;
2. then text marked ``fit-scale`` (a roll-up's, which should fill its reading band; an
   honour board's cards) may be set larger, by an estimate; a layout that no longer
   fits is never kept.

The template is given ``fit`` (a :class:`Fit`) and decides what to do with it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .preflight import is_image, walk

_PX_PER_MM = 96 / 25.4
_WORTH_MM = 2.0
"""Less free room than this is not worth another layout."""
_MAX_SCALE = 1.5
"""Text is never set more than half again as large as the template's size."""


@dataclass(frozen=True)
class Fit:
    """What a template is told about the room its page leaves."""

    grow_mm: float = 0.0
    """How much taller each row of ``fit-grow`` pictures may be than the template's base height."""
    scale: float = 1.0
    """How much larger the text marked ``fit-scale`` may be set."""


@dataclass(frozen=True)
class Room:
    """The free room of a laid-out one-page document."""

    free_mm: float
    """Height left between the content's foot and the page area's foot."""
    rows: int = 0
    """Rows of ``fit-grow`` pictures (a row: pictures whose tops are level)."""
    scalable_mm: float = 0.0
    """Height from the top of the text marked ``fit-scale`` to the foot of the content."""


def room(document: Any) -> Room | None:
    """The free room on the only page of ``document``; None when it runs to more pages.

    Measured in the page area (its margins, with what runs in them, do not count), or,
    where boxes of a fixed height are marked ``fit-box`` (the cards of an honour board),
    in the box whose text could grow least. What is marked ``fit-aside`` stands beside
    the text (a card's photo) and is not counted.
    """
    if len(document.pages) != 1:
        return None
    page = document.pages[0]._page_box  # layout boxes are only reachable here
    in_flow = [box for box, _, placed in walk(page) if not placed]
    boxes = [box for box in in_flow if "fit-box" in _classes(box)]
    if not boxes:
        return _room_in(page, page.content_box_y() + page.height, in_flow)
    rooms = [_room_in(box, box.content_box_y() + box.height, [inner for inner, _, _ in walk(box)]) for box in boxes]
    return min(rooms, key=lambda r: r.free_mm / r.scalable_mm if r.scalable_mm else math.inf)


def _room_in(area: Any, floor: float, boxes: list[Any]) -> Room:
    bottom = area.content_box_y()
    tops: set[int] = set()
    text_top: float | None = None
    for box in boxes:
        classes = _classes(box)
        if "fit-aside" in classes:
            continue  # beside the text (a card's photo): the text may grow past its foot
        if box.border_width() > 0 and box.border_height() > 0 and (is_image(box) or not box.children):
            bottom = max(bottom, box.border_box_y() + box.border_height())
        elif type(box).__name__ == "LineBox":
            bottom = max(bottom, box.position_y + box.height)
        if is_image(box) and "fit-grow" in classes:
            tops.add(round(box.border_box_y()))
        if "fit-scale" in classes:
            top = box.border_box_y()
            text_top = top if text_top is None else min(text_top, top)
    # The text's height is where its lines end, not its box's (a flex item is stretched).
    scalable = max(0.0, bottom - text_top) if text_top is not None else 0.0
    return Room(max(0.0, (floor - bottom) / _PX_PER_MM), len(tops), scalable / _PX_PER_MM)


def next_fit(current: Fit, free: Room) -> Fit | None:
    """The fit to lay the page out with next, or None when this one is as good as it gets.

    Pictures first, then text. Text set ``s`` times larger takes about ``s²`` times its
    height (lines get longer and more of them), so it is scaled by the square root of the
    share it may take, less a little for the lines that break differently, and again
    while that leaves room; never by more than half again.
    """
    if free.free_mm < _WORTH_MM:
        return None
    if current == Fit() and free.rows:
        return Fit(grow_mm=free.free_mm / free.rows)
    if free.scalable_mm > 0 and current.scale < _MAX_SCALE:
        scale = min(_MAX_SCALE, current.scale * math.sqrt(1 + free.free_mm / free.scalable_mm) * 0.97)
        if scale > current.scale * 1.02:
            return Fit(grow_mm=current.grow_mm, scale=round(scale, 3))
    return None


def _classes(box: Any) -> tuple[str, ...]:
    element = getattr(box, "element", None)
    if element is None or getattr(box, "element_tag", None) is None:
        return ()
    # Anonymous boxes share their parent's element; only the element's own box counts.
    if type(box).__name__.startswith("Anon"):
        return ()
    return tuple((element.get("class") or "").split())
