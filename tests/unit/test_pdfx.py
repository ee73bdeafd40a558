"""Print files as a print shop's preflight reads them: PDF/X, CMYK only, marks outside the bleed.

Read with pikepdf (structure), Ghostscript (which inks print) and poppler (renders).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from printed import inkcov, rgb_uses, run

from community_culture.model.print_settings import DEFAULT_PROFILE, PrintSettings, read_settings
from community_culture.model.sizes import custom_size
from community_culture.printing.images import print_copy, source_quality
from community_culture.printing.inks import inks_for
from community_culture.printing.press import Press, PrintError, PrintJob

PT_PER_MM = 72 / 25.4
PAGE = """\
{% extends "print/_base/page.html" %}
{% block title %}{{ heading }}{% endblock %}
{% block stylesheet %}
body { margin: 0; font-family: "Noto Sans CJK SC"; }
.rule { border-top: 0.25mm solid #231f1a; }
{% endblock %}
{% block body %}
<p>{{ heading }}</p>
<div class="rule"></div>
{% if src %}<img src="{{ press.image(src) }}" style="width: 60mm" alt="">{% endif %}
<img src="{{ qr }}" style="width: 40mm" alt="">
{% endblock %}
"""


@pytest.fixture
def folders(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "templates/print").mkdir(parents=True)
    (tmp_path / "templates/print/page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "content/images").mkdir(parents=True)
    photo = io.BytesIO()
    Image.new("RGB", (900, 600), (220, 30, 40)).save(photo, "JPEG", quality=98)
    (tmp_path / "content/images/red.jpg").write_bytes(photo.getvalue())
    return {"templates": tmp_path / "templates", "content": tmp_path / "content", "cache": tmp_path / "cache"}


def printed(folders: dict[str, Path], tmp_path: Path, settings: PrintSettings | None = None, **context: object) -> Path:
    press = Press(
        folders["content"], ("zh", "en"), [folders["templates"]], folders["cache"], "https://example.org/", settings
    )
    values = {"heading": "锦绣社区文化礼堂", "src": None, **context}
    job = press.add(
        PrintJob(
            "exhibits/x/one/panel.pdf", "panel 'one'", custom_size(150, 200), "print/page.html", "zh", values, "x/"
        )
    )
    path = tmp_path / "out.pdf"
    path.write_bytes(press.pdf([job]))
    return path


def test_pdf_x4_with_a_cmyk_output_intent_and_its_profile_embedded(folders: dict[str, Path], tmp_path: Path) -> None:
    path = printed(folders, tmp_path, src="images/red.jpg")
    with pikepdf.open(path) as pdf:
        assert pdf.pdf_version == "1.6"
        assert str(pdf.docinfo["/GTS_PDFXVersion"]) == "PDF/X-4"
        assert pdf.docinfo["/Trapped"] == "/False"
        assert str(pdf.docinfo["/Title"]) == "锦绣社区文化礼堂"
        assert "/CreationDate" in pdf.docinfo and "/ModDate" in pdf.docinfo
        assert len(pdf.trailer.ID) == 2
        xmp = pdf.Root.Metadata.read_bytes().decode()
        assert "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in xmp
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFX"
        assert str(intent.OutputConditionIdentifier) == "CGATS TR 001"
        assert str(intent.RegistryName) == "http://www.color.org"
        profile = intent.DestOutputProfile
        assert profile.N == 4 and profile.read_bytes() == DEFAULT_PROFILE.read_bytes()
        (image,) = [x for x in pdf.pages[0].get_images().values() if x.Subtype == "/Image"]
        assert image.ColorSpace == "/DeviceCMYK"
    assert rgb_uses(path) == []


def test_pdf_x1a_when_the_shop_asks_for_it(folders: dict[str, Path], tmp_path: Path) -> None:
    path = printed(folders, tmp_path, PrintSettings(standard="pdf/x-1a", condition="FOGRA39"))
    with pikepdf.open(path) as pdf:
        assert pdf.pdf_version == "1.4"
        assert str(pdf.docinfo["/GTS_PDFXVersion"]) == "PDF/X-1a:2003"
        assert str(pdf.docinfo["/GTS_PDFXConformance"]) == "PDF/X-1a:2003"
        assert str(pdf.Root.OutputIntents[0].OutputConditionIdentifier) == "FOGRA39"
        # X-1a allows no transparency: no soft masks, no transparency groups.
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                assert "/SMask" not in obj or obj.SMask == "/None"
                assert obj.get("/S") != "/Transparency"
    assert rgb_uses(path) == []


def test_text_rules_and_the_qr_code_print_on_the_black_plate_alone(folders: dict[str, Path], tmp_path: Path) -> None:
    path = printed(folders, tmp_path, PrintSettings(marks=False))
    c, m, y, k = inkcov(path)
    assert (c, m, y) == (0, 0, 0) and k > 0.02, (c, m, y, k)


def test_a_photo_is_converted_through_the_profile(folders: dict[str, Path], tmp_path: Path) -> None:
    copy = print_copy(folders["content"] / "images/red.jpg", tmp_path / "copies", inks_for(DEFAULT_PROFILE))
    with Image.open(copy) as image:
        assert image.mode == "CMYK"
        c, m, y, _ = image.getpixel((10, 10))  # type: ignore[misc]
        assert m > 200 and y > 150 and c < 60  # red: magenta and yellow
        # Never encoded below the original's quality (98 here; at least 95 always).
        assert source_quality(image) >= 98
    path = printed(folders, tmp_path, PrintSettings(marks=False), src="images/red.jpg")
    _, m, y, _ = inkcov(path)
    assert m > 0 and y > 0


def test_crop_marks_lie_in_a_slug_outside_the_bleed(folders: dict[str, Path], tmp_path: Path) -> None:
    path = printed(folders, tmp_path)
    with pikepdf.open(path) as pdf:
        page = pdf.pages[0]
        media, bleed, trim = ([float(v) for v in page.obj[key]] for key in ("/MediaBox", "/BleedBox", "/TrimBox"))
        assert trim[2] - trim[0] == pytest.approx(150 * PT_PER_MM, abs=0.02)
        assert bleed[0] == pytest.approx(trim[0] - 3 * PT_PER_MM, abs=0.02)
        assert media[0] == pytest.approx(bleed[0] - 10 * PT_PER_MM, abs=0.02)
        assert media[3] == pytest.approx(bleed[3] + 10 * PT_PER_MM, abs=0.02)
        assert "/Group" not in page.obj
        marks = page.obj.Contents[-1].read_bytes().decode()
        assert "0 0 0 1 K" in marks and "rg" not in marks and "gs" not in marks
    # Rendered at 254 dpi (10 px a mm) from the sheet's corner: the slug is 10 mm, the bleed 3 mm.
    run("pdftoppm", "-r", "254", "-png", "-singlefile", "-W", "140", "-H", "140", path, tmp_path / "corner")
    with Image.open(tmp_path / "corner.png") as im:
        grey = im.convert("L")
        row = 130  # the trim line, 13 mm in from the sheet's edge
        dark = [x for x in range(140) if grey.getpixel((x, row)) < 128]  # type: ignore[operator]
        assert dark and max(dark) < 100  # the mark runs in the slug and stops before the bleed (100 px)
        assert all(grey.getpixel((x, y)) > 200 for x in range(101, 140) for y in range(101, 140))  # type: ignore[operator]


def test_marks_can_be_switched_off(folders: dict[str, Path], tmp_path: Path) -> None:
    path = printed(folders, tmp_path, PrintSettings(marks=False))
    with pikepdf.open(path) as pdf:
        page = pdf.pages[0]
        assert list(page.obj.MediaBox) == list(page.obj.BleedBox)
        assert "/TrimBox" in page.obj


def test_font_subsets_are_tagged_per_file(folders: dict[str, Path], tmp_path: Path) -> None:
    first = run("pdffonts", printed(folders, tmp_path))
    press = Press(folders["content"], ("zh",), [folders["templates"]], tmp_path / "other", "https://example.org/")
    job = press.add(
        PrintJob("exhibits/x/two/panel.pdf", "panel 'two'", custom_size(150, 200), "print/page.html", "zh",
                 {"heading": "锦绣社区文化礼堂", "src": None}, "x/")
    )  # fmt: skip
    (tmp_path / "two.pdf").write_bytes(press.pdf([job]))
    second = run("pdffonts", tmp_path / "two.pdf")
    tags = [set(re.findall(r"([A-Z]{6})\+", text)) for text in (first, second)]
    assert tags[0] and tags[1] and not tags[0] & tags[1]


def test_a_site_points_at_its_shops_profile(folders: dict[str, Path], tmp_path: Path) -> None:
    settings = read_settings({"profile": "print/shop.icc", "condition": "FOGRA39", "marks": False}, tmp_path)
    assert settings.profile == tmp_path / "print/shop.icc" and settings.condition == "FOGRA39" and not settings.marks
    with pytest.raises(ValueError, match=r"print\.standard must be one of pdf/x-4, pdf/x-1a"):
        read_settings({"standard": "pdf/x-3"}, tmp_path)
    # A profile that is not there (or not CMYK) is a problem in mkdocs.yml, not a traceback.
    press = Press(folders["content"], ("zh",), [folders["templates"]], None, "https://example.org/", settings)
    press.add(PrintJob("a.pdf", "page a", custom_size(150, 200), "print/page.html", "zh", {"heading": "x"}))
    with pytest.raises(PrintError) as caught:
        press.run()
    assert str(caught.value).startswith("mkdocs.yml: print.profile: cannot read the colour profile")
    (tmp_path / "print").mkdir()
    (tmp_path / "print/shop.icc").write_bytes((Path(DEFAULT_PROFILE).parent / "srgb.icc").read_bytes())
    again = Press(folders["content"], ("zh",), [folders["templates"]], None, "https://example.org/", settings)
    again.add(PrintJob("a.pdf", "page a", custom_size(150, 200), "print/page.html", "zh", {"heading": "x"}))
    with pytest.raises(PrintError, match="is not a CMYK output profile"):
        again.run()
