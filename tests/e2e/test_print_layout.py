"""Layouts made for where they hang, read off the built PDFs: a roll-up's text and QR code
at reading height, pictures that take the room the text leaves, captions large enough to
read from a step away, and honour boards whose cards fill the page without holes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import zxingcpp
from conftest import AUDITORIUM, COMMUNITY, MKDOCS_YML, Project
from PIL import Image
from printed import phone_photo, run

MM_PER_PT = 25.4 / 72
BLEED_MM = 3.0

EXHIBIT = """\
title: {zh: 社区历史沿革, en: A history of the community}
section: overview
hall: test-auditorium
panels:
  - id: wall
    title: {zh: 老街记忆, en: The old street}
    body:
      zh: 九十年代的老街不到三百米长，却样样都有：供销社、理发店、照相馆和新华书店。
      en: The old street of the 1990s was less than three hundred metres long, yet it had everything.
    images:
      - {src: images/street.jpg, caption: {zh: 九十年代的老街, en: The old street}, credit: 社区供图}
    print: {size: A1}
  - id: banner
    title: {zh: 今日锦绣, en: Jinxiu today}
    body:
      zh: 2003年，村委会改为社区居委会，锦绣社区正式成立。平房变成了楼房，土路变成了锦绣路。
      en: In 2003 the village committee became a residents' committee and Jinxiu Community was founded.
    images:
      - {src: images/square.jpg, caption: {zh: 社区广场的傍晚, en: An evening on the square}}
    print: {size: rollup-80x200}
"""


def entries(board: str, count: int) -> str:
    return "entries:\n" + "".join(
        f"  - {{id: {board}-{i}, name: 居民{'一二三四五六'[i]}, year: 2026, consent: true, photo: images/p{i}.jpg,"
        f" title: 助人为乐好人, citation: 多年来坚持为邻居义务修理家电，从不收一分钱。}}\n"
        for i in range(count)
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    p = Project(tmp_path_factory.mktemp("layout"))
    p.write("mkdocs.yml", MKDOCS_YML)
    p.write("data/community.yml", COMMUNITY)
    p.write("data/halls/test-auditorium.yml", AUDITORIUM)
    p.write("content/about.md", "# 关于\n")
    p.write("content/images/street.jpg", phone_photo(6600, 4400, (180, 150, 90)))
    p.write("content/images/square.jpg", phone_photo(3000, 2000, (90, 140, 200)))
    for i in range(5):
        p.write(f"content/images/p{i}.jpg", phone_photo(1200, 1500, (120, 90, 60)))
    p.write("data/exhibits/history/exhibit.yml", EXHIBIT)
    p.write("data/honors/morality.yml", entries("morality", 5))
    p.write("data/honors/family.yml", entries("family", 2))
    p.build(strict=True)  # no warning either: every picture prints at 300 ppi or more
    return p


def words(pdf: Path) -> tuple[float, list[tuple[float, float, float, float, str]]]:
    """The trim height in mm and every word of page 1 as (left, top, right, bottom) in mm
    from the trim's top left, from ``pdftotext -bbox``."""
    out = run("pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-")
    trim = [float(v) for v in run("pdfinfo", "-box", pdf).split("TrimBox:")[1].split()[:4]]
    media_h = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', out).group(1))  # type: ignore[union-attr]
    top = media_h - trim[3]  # pdftotext measures from the MediaBox's top
    found = [
        (
            (float(x1) - trim[0]) * MM_PER_PT,
            (float(y1) - top) * MM_PER_PT,
            (float(x2) - trim[0]) * MM_PER_PT,
            (float(y2) - top) * MM_PER_PT,
            word,
        )
        for x1, y1, x2, y2, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out
        )
    ]
    return (trim[3] - trim[1]) * MM_PER_PT, found


def placed_images(pdf: Path) -> list[tuple[float, float]]:
    """Each image of page 1 as printed: (width, height) in mm, from ``pdfimages -list``'s ppi."""
    rows = run("pdfimages", "-list", "-f", "1", "-l", "1", pdf).splitlines()[2:]
    sizes = []
    for row in rows:
        cols = row.split()
        width, height, x_ppi, y_ppi = int(cols[3]), int(cols[4]), float(cols[12]), float(cols[13])
        if cols[2] == "image":
            sizes.append((width / x_ppi * 25.4, height / y_ppi * 25.4))
    return sizes


def test_a_wall_panels_picture_takes_a_real_share_of_the_page_at_300_ppi(built: Project) -> None:
    pdf = built.site / "exhibits/history/wall/panel.pdf"
    [(width, height)] = placed_images(pdf)
    # The text is two short paragraphs: the picture grows into the room they leave, to
    # the column's full width (its 6,600 px would go to 559 mm at 300 ppi).
    assert width * height / (594 * 841) > 0.25
    assert width > 500
    rows = run("pdfimages", "-list", built.site / "exhibits/history/wall/panel.pdf").splitlines()[2:]
    assert all(float(row.split()[12]) >= 299.5 for row in rows if row.split()[2] == "image")


def test_captions_and_credits_are_24_pt_on_a1(built: Project) -> None:
    _, found = words(built.site / "exhibits/history/wall/panel.pdf")
    # A Chinese character is one em wide: a word of them is as many ems wide as it is long.
    caption = [w for w in found if w[4] == "九十年代的老街"]
    credit = [w for w in found if "社区供图" in w[4]]
    assert len(caption) == 1 and len(credit) == 1
    for x1, _, x2, _, word in caption + credit:
        em_pt = (x2 - x1) / MM_PER_PT / len(word)
        assert em_pt >= 24, (word, em_pt)


def test_a_rollups_text_and_qr_code_are_at_reading_height(built: Project, tmp_path: Path) -> None:
    pdf = built.site / "exhibits/history/banner/panel.pdf"
    height, found = words(pdf)
    assert round(height) == 2000

    def above_floor(y: float) -> float:
        return height - y

    body = [w for w in found if "平房变成了楼房" in w[4] or "village" in w[4] or "2003年" in w[4]]
    assert body
    for _, top, _, bottom, word in body:
        assert above_floor(bottom) >= 800 and above_floor(top) <= 1800, (word, above_floor(top), above_floor(bottom))
    # The text is set larger than the panel's base size (a unit of 16 mm) to fill its band.
    [(x1, _, x2, _, first)] = [w for w in found if w[4].startswith("2003年")][:1]
    assert (x2 - x1) / len(first) > 16 * 1.2

    # The QR code hangs where a phone is held: between 0.9 and 1.6 m.
    run("pdftoppm", "-r", "20", "-png", "-singlefile", pdf, tmp_path / "page")
    with Image.open(tmp_path / "page.png") as im:
        [code] = zxingcpp.read_barcodes(im)
        px_per_mm = im.height / (height + 2 * BLEED_MM + 2 * 10)  # trim, bleed and a 10 mm slug
        # pdftoppm renders the MediaBox; measure from its bottom, less slug and bleed.
        ys = [code.position.top_left.y, code.position.bottom_left.y]
        floor_px = im.height - (BLEED_MM + 10) * px_per_mm
        centre = (floor_px - sum(ys) / 2) / px_per_mm
    assert code.text == "https://example.org/exhibits/history/banner/"
    assert 900 <= centre <= 1600, centre

    # The picture stands below the band, above the stand's dead zone (its caption above it).
    caption = [w for w in found if "社区广场的傍晚" in w[4]]
    assert caption and 100 < above_floor(caption[0][3]) < 800


def card_rows(pdf: Path, folder: Path, x_share: float) -> list[float]:
    """Where, as shares of the page's height, a card's white shows at ``x_share`` of its width."""
    run("pdftoppm", "-r", "12", "-png", "-singlefile", pdf, folder / "board")
    with Image.open(folder / "board.png") as im:
        rgb = im.convert("RGB")
        x = int(im.width * x_share)
        # Inside the bleed: the slug around it is bare paper.
        inside = range(int(im.height * 0.03), int(im.height * 0.97))
        return [y / im.height for y in inside if rgb.getpixel((x, y)) == (255, 255, 255)]


def test_a_short_boards_cards_fill_the_page(built: Project, tmp_path: Path) -> None:
    # Two cards, one above the other, reach down to the footer (which begins at about 80 %).
    rows = card_rows(built.site / "honors/family/board.pdf", tmp_path, 0.75)
    assert rows and max(rows) > 0.7, max(rows, default=0)


def test_a_boards_grid_has_no_holes(built: Project, tmp_path: Path) -> None:
    pdf = built.site / "honors/morality/board.pdf"
    # Five cards in two columns: the fifth takes its whole row, so the gap between the
    # columns is white only there, in the lowest row of cards.
    middle = card_rows(pdf, tmp_path, 0.5)
    assert middle, "no card spans the middle of the page"
    assert min(middle) > 0.5
    _, found = words(pdf)
    names = {w[4]: w for w in found if w[4].startswith("居民")}
    assert len(names) == 5
    assert round(names["居民一"][1]) == round(names["居民二"][1])
    assert names["居民五"][1] > names["居民三"][1] + 50
