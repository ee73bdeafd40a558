"""Fitting a printed page: the room a first layout leaves, and paragraphs without a lone last line."""

from __future__ import annotations

import pytest

from community_culture.printing.fit import Fit, Room, next_fit
from community_culture.printing.helpers import keep_last_line


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        (
            "<p>老街在2005年改造时拆除，如今陈列在展陈室的展柜里。</p>",
            '<p>老街在2005年改造时拆除，如今陈列在展陈室<span class="keep">的展柜里。</span></p>',
        ),
        ("<p>一共四个</p>", "<p>一共四个</p>"),  # a paragraph no longer than what is kept stays as it is
        (
            "<p>It had <em>everything</em> the street needed.</p>",
            "<p>It had <em>everything</em> the street\u00a0needed.</p>",
        ),
        ("<ul><li>供销社和理发店</li></ul>", '<ul><li>供销社<span class="keep">和理发店</span></li></ul>'),
    ],
)
def test_the_last_characters_of_a_paragraph_stay_together(html: str, kept: str) -> None:
    assert keep_last_line(html) == kept


def test_pictures_grow_first_then_text_and_never_past_half_again() -> None:
    # 120 mm free under two rows of pictures: each row may grow by 60 mm.
    assert next_fit(Fit(), Room(free_mm=120, rows=2, scalable_mm=200)) == Fit(grow_mm=60)
    # Then text 200 mm tall with 100 mm to spare grows by about √1.5.
    grown = next_fit(Fit(grow_mm=60), Room(free_mm=100, rows=2, scalable_mm=200))
    assert grown is not None and grown.grow_mm == 60 and 1.15 < grown.scale < 1.225
    # However much room there is, text is never set more than half again as large.
    big = next_fit(Fit(), Room(free_mm=5000, scalable_mm=100))
    assert big == Fit(scale=1.5)
    assert next_fit(big, Room(free_mm=5000, scalable_mm=150)) is None
    # Too little room is not worth another layout.
    assert next_fit(Fit(), Room(free_mm=1, rows=1, scalable_mm=100)) is None
