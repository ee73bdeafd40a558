"""Print files checked the way a print shop checks them: poppler's pdfinfo, pdffonts,
pdftotext and pdftoppm, and a QR code decoded from the rendered page."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from conftest import AUDITORIUM, COMMUNITY, MKDOCS_YML, Project
from mkdocs.exceptions import Abort
from PIL import Image
from printed import boxes, phone_photo, qr_codes, run

PT_PER_MM = 72 / 25.4

EXHIBIT = """\
title: {zh: 社区历史沿革, en: A history of the community}
section: overview
hall: test-auditorium
print: {size: A4}
panels:
  - id: founding
    title: {zh: 河滩上的村落, en: A village on the riverbank}
    body:
      zh: 锦绣社区所在的地方，六十多年前还是城南的一片河滩地。
      en: Sixty years ago the land Jinxiu stands on was river flats.
    images:
      - {src: images/exhibits/village.jpg, caption: {zh: 河滩村落, en: The village}, credit: 社区供图}
  - id: coal-years
    title: 煤城岁月
    body: 运煤的车队从村边的土路上日夜经过。
    print: {size: A3, orientation: landscape}
  - id: today
    title: {zh: 今日锦绣, en: Jinxiu today}
    body: {zh: 社区有常住居民约六千人。, en: Some six thousand people live here.}
    print: {size: {width_mm: 150, height_mm: 200}}
"""
SIZES = {"founding": (210, 297), "coal-years": (420, 297), "today": (150, 200)}


def make_project(root: Path, exhibit: str = EXHIBIT) -> Project:
    p = Project(root)
    p.write("mkdocs.yml", MKDOCS_YML)
    p.write("data/community.yml", COMMUNITY)
    p.write("data/halls/test-auditorium.yml", AUDITORIUM)
    p.write("content/about.md", "# 关于\n")
    p.write("content/images/exhibits/village.jpg", phone_photo(2000, 1334, (200, 160, 90)))
    p.write("data/exhibits/history/exhibit.yml", exhibit)
    return p


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("print"))
    project.build()
    return project


@pytest.mark.parametrize("panel", SIZES)
def test_one_page_at_trim_size_with_3mm_bleed(built: Project, panel: str) -> None:
    pdf = built.site / f"exhibits/history/{panel}/panel.pdf"
    assert "Pages:           1" in run("pdfinfo", pdf)
    b = boxes(pdf)
    width, height = SIZES[panel]
    media, trim, bleed = b[(1, "MediaBox")], b[(1, "TrimBox")], b[(1, "BleedBox")]
    assert trim[2] - trim[0] == pytest.approx(width * PT_PER_MM, abs=0.02)
    assert trim[3] - trim[1] == pytest.approx(height * PT_PER_MM, abs=0.02)
    for inset in (trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3]):
        assert inset == pytest.approx(3 * PT_PER_MM, abs=0.02)
    # The sheet is the bleed plus a 10 mm slug that carries the crop marks.
    for inset in (bleed[0] - media[0], bleed[1] - media[1], media[2] - bleed[2], media[3] - bleed[3]):
        assert inset == pytest.approx(10 * PT_PER_MM, abs=0.02)


def test_fonts_are_embedded_subset_and_named(built: Project) -> None:
    for pdf in sorted((built.site / "exhibits").rglob("*.pdf")):
        rows = run("pdffonts", pdf).splitlines()[2:]
        assert rows, pdf
        for row in rows:
            name, *_, emb, sub, uni, _obj, _gen = row.split()
            assert (emb, sub, uni) == ("yes", "yes", "yes"), row
            # The families the stylesheet names, never a Japanese or Latin stand-in.
            assert re.fullmatch(r"[A-Z]{6}\+Noto-(Sans|Serif)-CJK-SC(-Bold)?", name), row


def test_the_text_is_there(built: Project) -> None:
    text = run("pdftotext", built.site / "exhibits/history/founding/panel.pdf", "-")
    for snippet in (
        "河滩上的村落",
        "A village on the riverbank",
        "六十多年前还是城南的一片河滩地",
        "Sixty years ago",
        "河滩村落",
        "https://example.org/exhibits/history/founding/",
        "扫码在手机上阅读本展板",
        "测试社区",
    ):
        assert snippet in text, snippet
    # A panel whose title is only in Chinese is printed in Chinese only.
    single = run("pdftotext", built.site / "exhibits/history/coal-years/panel.pdf", "-")
    assert "煤城岁月" in single and "Scan to read" not in single


@pytest.mark.parametrize("panel", ["founding", "today"])
def test_the_qr_code_leads_to_the_panel_page(built: Project, panel: str, tmp_path: Path) -> None:
    pdf = built.site / f"exhibits/history/{panel}/panel.pdf"
    assert qr_codes(pdf, 1, tmp_path, dpi=100) == [f"https://example.org/exhibits/history/{panel}/"]
    assert (built.site / f"exhibits/history/{panel}/index.html").is_file()


def test_crop_marks_are_drawn_in_the_slug_outside_the_bleed(built: Project, tmp_path: Path) -> None:
    # At 254 dpi a millimetre is 10 pixels: the slug is 100 px, the bleed 30 px more, so the
    # trim line is 130 px in from the sheet's edge; the marks run along it in the slug only.
    pdf = built.site / "exhibits/history/today/panel.pdf"
    run("pdftoppm", "-r", "254", "-png", "-singlefile", "-W", "160", "-H", "160", pdf, tmp_path / "c")
    with Image.open(tmp_path / "c.png") as im:
        grey = im.convert("L")
        assert grey.getpixel((50, 130)) < 128 and grey.getpixel((130, 50)) < 128  # the marks, in the slug
        assert all(grey.getpixel((x, 130)) > 200 for x in range(100, 125))  # nothing in the bleed
        assert grey.getpixel((150, 150)) > 200  # the page itself, untouched


def test_the_exhibits_one_file_holds_its_panels_of_one_size(built: Project) -> None:
    # A4, A3 landscape and 150×200 mm, one each: the first panel's size wins the tie.
    pdf = built.site / "exhibits/history/panels.pdf"
    assert "Pages:           1" in run("pdfinfo", pdf)
    trim = boxes(pdf)[(1, "TrimBox")]
    assert trim[2] - trim[0] == pytest.approx(210 * PT_PER_MM, abs=0.02)
    assert "河滩上的村落" in run("pdftotext", pdf, "-")
    link = built.html("exhibits/history/").select_one(".cc-print a[href$='panels.pdf']")
    assert link is not None and "1 页" in link.get_text()


def test_the_photo_is_printed_from_the_original_without_metadata(built: Project) -> None:
    pdf = (built.site / "exhibits/history/founding/panel.pdf").read_bytes()
    assert b"Room 402" not in pdf and b"Exif" not in pdf
    out = run("pdfimages", "-list", built.site / "exhibits/history/founding/panel.pdf")
    sizes = {tuple(map(int, row.split()[3:5])) for row in out.splitlines()[2:]}
    # From the original, not the 1600-pixel web copy; WeasyPrint brings it down to 300 dpi at its printed size.
    assert [w for w, _ in sizes if w > 1600]


def test_the_same_data_gives_the_same_bytes_wherever_it_is_built(built: Project, tmp_path: Path) -> None:
    elsewhere = make_project(tmp_path / "elsewhere")
    elsewhere.build()
    for pdf in sorted((built.site / "exhibits").rglob("*.pdf")):
        assert (elsewhere.site / pdf.relative_to(built.site)).read_bytes() == pdf.read_bytes(), pdf


def test_an_unchanged_panel_is_not_typeset_again(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    exhibit = EXHIBIT.replace("    print: {size: A3, orientation: landscape}\n", "")
    project = make_project(tmp_path, exhibit)
    caplog.set_level(logging.INFO)
    project.build()
    first = {p: p.read_bytes() for p in sorted((project.site / "exhibits").rglob("*.pdf"))}
    assert "print files: 3 pages typeset, 0 from the cache, 1 combined file" in caplog.text
    caplog.clear()
    project.build()
    assert "print files: 0 pages typeset, 3 from the cache, 1 combined file" in caplog.text
    assert {p: p.read_bytes() for p in first} == first
    caplog.clear()
    project.write("data/exhibits/history/exhibit.yml", exhibit.replace("日夜经过", "日夜不停地经过"))
    project.build()
    assert "print files: 1 page typeset, 2 from the cache, 1 combined file" in caplog.text
    assert (project.site / "exhibits/history/founding/panel.pdf").read_bytes() == first[
        project.site / "exhibits/history/founding/panel.pdf"
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("site_url: https://example.org/\n", ""),
            "mkdocs.yml: site_url: panel 'founding' of exhibit 'history' carries a QR code to its web page, "
            "which needs the site's public address: set site_url in mkdocs.yml",
        ),
        (
            ("en: Sixty years ago the land Jinxiu stands on was river flats.", "en: " + "Sixty years ago. " * 300),
            "data/exhibits/history/exhibit.yml:6:5: panels[0]: panel 'founding' of exhibit 'history', A4 (210 × 297 mm): "
            "the content does not fit on the page",
        ),
        (
            ("title: 煤城岁月", "title: 煤城岁月\U00013000"),
            "data/exhibits/history/exhibit.yml:13:5: panels[1]: panel 'coal-years' of exhibit 'history', "
            "A3 landscape (420 × 297 mm): the character '\U00013000' (U+13000 EGYPTIAN HIEROGLYPH A001)",
        ),
    ],
)
def test_a_panel_that_cannot_be_printed_stops_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, change: tuple[str, str], message: str
) -> None:
    project = make_project(tmp_path)
    old, new = change
    for name in ("mkdocs.yml", "data/exhibits/history/exhibit.yml"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        if old in text:
            (tmp_path / name).write_text(text.replace(old, new), encoding="utf-8")
            break
    else:
        raise AssertionError(old)
    with pytest.raises(Abort):
        project.build()
    assert message in caplog.text
    # The headline names no file of the ones asked for: the first one is rarely the culprit.
    assert "the print files cannot be made" in caplog.text
    assert "Traceback" not in caplog.text
    assert not project.site.exists()


def test_a_missing_translation_prints_the_complete_language_and_builds_the_site(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    exhibit = EXHIBIT.replace("      en: Sixty years ago the land Jinxiu stands on was river flats.\n", "")
    project = make_project(tmp_path, exhibit)
    project.build()
    assert "data/exhibits/history/exhibit.yml:9:" in caplog.text
    assert "panel 'founding' is meant to be printed in zh and en" in caplog.text
    text = run("pdftotext", project.site / "exhibits/history/founding/panel.pdf", "-")
    assert "六十多年前" in text and "A village on the riverbank" not in text and "Scan to read" not in text
    # The web pages are all there; the English one falls back to Chinese and says so.
    english = project.html("en/exhibits/history/founding/").get_text(" ", strip=True)
    assert "六十多年前" in english and "not yet translated" in english


def test_a_missing_translation_fails_a_strict_build(tmp_path: Path) -> None:
    exhibit = EXHIBIT.replace("      en: Sixty years ago the land Jinxiu stands on was river flats.\n", "")
    project = make_project(tmp_path, exhibit)
    project.write("mkdocs.yml", MKDOCS_YML.replace("as_of: 2026-06-01", "as_of: 2026-06-01\n      strict: true"))
    with pytest.raises(Abort):
        project.build()
