"""The print core without MkDocs: sizes, image copies, the cache, preflight and the press API.

Every page here is A4 or smaller, and made from a small generic template, the way the
honour boards and monthly posters will use the press.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from community_culture.core.problems import Position
from community_culture.model.print_settings import PrintSettings
from community_culture.model.sizes import custom_size, named_size
from community_culture.printing.cache import Cached, PdfCache, fingerprint
from community_culture.printing.helpers import join_cjk_lines
from community_culture.printing.images import print_copy
from community_culture.printing.pdfx import combine
from community_culture.printing.press import Press, PrintError, PrintJob

CARD = """\
{% extends "print/_base/page.html" %}
{% block title %}{{ heading }}{% endblock %}
{% block stylesheet %}
body { margin: 0; }
:lang(zh) { font-family: "Noto Sans CJK SC"; }
p { font-size: {{ font }}; margin: 0; }
img.photo { width: {{ width }}; margin-left: {{ shift }}; display: block; }
{% endblock %}
{% block body %}
<p>{{ heading }}</p>
{% if src %}<img class="photo" src="{{ press.image(src) }}" alt="">{% endif %}
{% if outside %}<img src="{{ outside }}" alt="">{% endif %}
{% if show_qr %}<img src="{{ qr }}" style="width: 40mm" alt="">{% endif %}
{% endblock %}
"""


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (30, 120, 200)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def folders(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "templates/print").mkdir(parents=True)
    (tmp_path / "templates/print/card.html").write_text(CARD, encoding="utf-8")
    (tmp_path / "content/images").mkdir(parents=True)
    (tmp_path / "content/images/small.png").write_bytes(png(200, 100))
    (tmp_path / "content/images/sharp.png").write_bytes(png(800, 400))
    return {"templates": tmp_path / "templates", "content": tmp_path / "content", "cache": tmp_path / "cache"}


def press(
    folders: dict[str, Path], site_url: str | None = "https://example.org/", settings: PrintSettings | None = None
) -> Press:
    return Press(folders["content"], ("zh", "en"), [folders["templates"]], folders["cache"], site_url, settings)


def job(**context: object) -> PrintJob:
    values = {
        "heading": "荣誉榜",
        "font": "12pt",
        "width": "50mm",
        "shift": "0",
        "src": None,
        "outside": None,
        "show_qr": False,
    }
    values.update(context)
    return PrintJob(
        key="honors/morality/board.pdf",
        label="honour board 'morality'",
        size=custom_size(148, 210),
        template="print/card.html",
        lang="zh",
        context=values,
        page="honors/morality/",
        source=Position("data/honors/morality.yml", 1, 1),
    )


def test_sizes() -> None:
    a1 = named_size("A1")
    assert (a1.width_mm, a1.height_mm, a1.orientation, a1.describe()) == (594, 841, "portrait", "A1 (594 × 841 mm)")
    landscape = named_size("A3", "landscape")
    assert (landscape.width_mm, landscape.height_mm, landscape.name) == (420, 297, "A3 landscape")
    rollup = named_size("rollup-80x200")
    assert (rollup.width_mm, rollup.height_mm, rollup.dead_zone_mm, rollup.kind) == (800, 2000, 100, "rollup")
    assert custom_size(600, 900).name == "600×900 mm" and custom_size(600, 900).media_mm == (606, 906)
    # Type, margins and the QR code grow with the page, within reason.
    assert named_size("A4").unit_mm < a1.unit_mm < named_size("A0").unit_mm
    assert 25 <= named_size("A4").qr_mm < a1.qr_mm


def test_chinese_line_breaks_are_joined_and_others_kept() -> None:
    assert join_cjk_lines("农民\n**“走西口”**来到\n这里。\n\n第二段\n1. 一\n2. 二") == (
        "农民**“走西口”**来到这里。\n\n第二段\n1. 一\n2. 二"
    )
    assert join_cjk_lines("Jinxiu\n社区\nand more") == "Jinxiu\n社区\nand more"


def test_print_copy_keeps_pixels_and_drops_metadata(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (39.0, 48.0, 58.0)}  # GPS
    exif[0x0112] = 6  # taken with the phone turned: to be shown rotated
    out = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 30, 30)).save(out, "JPEG", exif=exif, comment=b"Room 402")
    (tmp_path / "photo.jpg").write_bytes(out.getvalue())
    copy = print_copy(tmp_path / "photo.jpg", tmp_path / "copies")
    data = copy.read_bytes()
    assert b"Room 402" not in data and b"Exif" not in data
    with Image.open(copy) as im:
        assert im.size == (300, 400)  # full resolution, upright
        assert not im.getexif()
    mtime = copy.stat().st_mtime_ns
    assert print_copy(tmp_path / "photo.jpg", tmp_path / "copies") == copy and copy.stat().st_mtime_ns == mtime


def test_cache_round_trip(tmp_path: Path) -> None:
    cache = PdfCache(tmp_path)
    key = fingerprint("a", b"b")
    assert key != fingerprint("ab", b"") and cache.get(key) is None
    # The cache hands back only what looks like a whole PDF (header to end-of-file marker).
    pdf = b"%PDF-1.7\n%%EOF\n"
    cache.put(key, Cached(pdf, (("low dpi", "提示"),)))
    assert cache.get(key) == Cached(pdf, (("low dpi", "提示"),))
    assert PdfCache(None).get(key) is None


def test_press_prints_a_generic_page_once_and_then_from_the_cache(folders: dict[str, Path]) -> None:
    first = press(folders)
    card = first.add(job())
    data = first.pdf([card])
    assert data.startswith(b"%PDF") and (first.stats.typeset, first.stats.cached) == (1, 0)
    # A new build with the same cache: nothing is typeset, the bytes are the same.
    second = press(folders)
    assert second.pdf([second.add(job())]) == data
    assert (second.stats.typeset, second.stats.cached) == (0, 1)
    # Anything that shapes the page makes it new.
    third = press(folders)
    third.pdf([third.add(job(heading="能人榜"))])
    assert (third.stats.typeset, third.stats.cached) == (1, 0)
    # The QR code leads to the page's absolute address.
    assert first.url_of("honors/morality/") == "https://example.org/honors/morality/"


def test_text_that_does_not_fit_fails_with_the_page_named(folders: dict[str, Path]) -> None:
    p = press(folders)
    p.add(job(heading="锦绣社区" * 400, font="30pt"))
    with pytest.raises(PrintError) as caught:
        p.run()
    line = caught.value.problems.errors[0].format().splitlines()[0]
    assert re.match(
        r"data/honors/morality.yml:1:1: honour board 'morality', 148×210 mm: the content does not fit on the page: "
        r"about \d+ mm more room is needed, from '锦绣社区锦绣社区.*' on",
        line,
    ), line
    assert "内容超出版面" in str(caught.value)


def test_a_word_wider_than_the_page_fails(folders: dict[str, Path]) -> None:
    p = press(folders)
    p.add(job(heading="Supercalifragilisticexpialidocious" * 3, font="30pt"))
    with pytest.raises(PrintError, match="mm past the right edge of the page"):
        p.run()


def test_a_picture_off_the_page_runs_on_to_the_bleed_edge(folders: dict[str, Path]) -> None:
    # The page margin is 10 mm: shifted by 11 mm the picture stops 1 mm past the trim.
    short = press(folders)
    short.add(job(src="images/sharp.png", shift="-11mm"))
    with pytest.raises(PrintError, match=r"an image runs over the left edge of the page but stops 2\.0 mm short"):
        short.run()
    full = press(folders)  # 13 mm: out to the bleed's outer edge, as a print shop wants it
    full.add(job(src="images/sharp.png", shift="-13mm"))
    full.run()
    assert not full.problems.errors


def test_a_glyph_no_font_has_fails(folders: dict[str, Path]) -> None:
    p = press(folders)
    p.add(job(heading="锦绣\U00013000社区"))
    with pytest.raises(PrintError) as caught:
        p.run()
    assert (
        "the character '\U00013000' (U+13000 EGYPTIAN HIEROGLYPH A001) in '锦绣\U00013000社区' is in none of the fonts "
        "named for it (Noto Sans CJK SC) and no installed font has it" in str(caught.value)
    )


def test_a_glyph_from_another_font_fails(folders: dict[str, Path]) -> None:
    p = press(folders)
    p.add(job(heading="棋王♔"))  # the chess king is in DejaVu Sans, not in Noto Sans CJK
    with pytest.raises(PrintError, match=r"'♔' \(U\+2654 WHITE CHESS KING\).* it would print in 'DejaVu Sans'"):
        p.run()


def test_an_image_below_300_ppi_is_a_warning_that_survives_the_cache(folders: dict[str, Path]) -> None:
    p = press(folders)
    data = p.pdf([p.add(job(src="images/sharp.png", width="100mm"))])
    assert data.startswith(b"%PDF")
    (warning,) = p.warnings
    assert warning.severity == "warning"
    assert (
        "'images/sharp.png' prints at 203 ppi (800×400 px over 100×50 mm): print shops ask for 300 ppi, "
        "that is 1181 px wide or more" in warning.message
    )
    again = press(folders)
    again.pdf([again.add(job(src="images/sharp.png", width="100mm"))])
    assert again.stats.cached == 1 and [w.message for w in again.warnings] == [warning.message]


def test_an_image_below_150_ppi_is_an_error_and_the_limits_are_the_sites(folders: dict[str, Path]) -> None:
    p = press(folders)
    p.add(job(src="images/small.png", width="100mm"))
    with pytest.raises(PrintError) as caught:
        p.run()
    assert (
        "'images/small.png' prints at 51 ppi (200×100 px over 100×50 mm): below 150 ppi it prints visibly soft; "
        "it needs 591 px wide or more (1181 px for 300 ppi)" in str(caught.value)
    )
    lenient = press(folders, settings=PrintSettings(min_ppi=40, good_ppi=50))
    lenient.pdf([lenient.add(job(src="images/small.png", width="100mm"))])
    assert not lenient.problems.errors and not lenient.warnings


def test_a_page_may_not_load_anything_but_print_copies(folders: dict[str, Path]) -> None:
    original = (folders["content"] / "images/small.png").as_uri()
    p = press(folders)
    p.add(job(outside=original))
    with pytest.raises(PrintError, match="which a print file may not use"):
        p.run()


def test_a_qr_code_needs_the_site_url(folders: dict[str, Path]) -> None:
    p = press(folders, site_url=None)
    p.add(job())
    with pytest.raises(PrintError) as caught:
        p.run()
    assert str(caught.value).startswith(
        "mkdocs.yml: site_url: honour board 'morality' carries a QR code to its web page, which needs the site's "
        "public address: set site_url in mkdocs.yml"
    )
    assert p.stats.typeset == 0


def test_combined_pages_keep_their_boxes_and_get_subsets_of_their_own(folders: dict[str, Path], tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = press(folders)
    one = p.add(job())
    two = p.add(PrintJob("b.pdf", "page b", named_size("A4", "landscape"), "print/card.html", "zh", one.context))
    data = p.pdf([one, two], title="两页")
    path = tmp_path / "both.pdf"
    path.write_bytes(data)
    boxes = subprocess.run(["pdfinfo", "-box", "-f", "1", "-l", "2", str(path)], capture_output=True, text=True).stdout
    assert "Page    1 TrimBox:       0.00     0.00   419.53   595.28" in boxes  # 148 × 210 mm
    assert "Page    2 TrimBox:       0.00     0.00   841.89   595.28" in boxes  # A4 landscape
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout.splitlines()[2:]
    names = [line.split()[0] for line in fonts]
    assert len(names) == 2 and len(set(names)) == 2 and all(n.endswith("+Noto-Sans-CJK-SC") for n in names)
    assert combine([p.pdf([one])], None, "one") == combine([p.pdf([one])], None, "one")  # deterministic


def test_qr_codes_are_sized_for_where_readers_stand() -> None:
    # The code itself a tenth of the viewing distance: 100 mm from 1 m before a wall panel.
    for name in ("A0", "A1", "rollup-80x200", "rollup-85x200"):
        size = named_size(name)
        assert size.viewing_m == 1.0 and size.qr_mm / 1.3 >= 100, name
    assert named_size("A2").qr_mm / 1.3 >= 80 and named_size("A4").qr_mm < named_size("A3").qr_mm
    assert custom_size(100, 150).qr_mm <= 100 / 3  # never more than a third of a small sheet
