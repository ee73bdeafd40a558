"""End-to-end builds of a tiny site in tmp_path; the HTML is parsed and asserted."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from PIL import Image
from printed import phone_photo


def test_hall_pages_in_both_languages(project):
    project.build()
    zh = project.html("halls/test-auditorium/")
    en = project.html("en/halls/test-auditorium/")
    assert zh.html["lang"] == "zh" and en.html["lang"] == "en"
    assert zh.h1.get_text(strip=True) == "测试礼堂"
    assert en.h1.get_text(strip=True) == "Test Auditorium"
    assert en.title.get_text() == "Test Auditorium - Test Community"
    # Each page links to its twin, in the head and in the language selector.
    alternates = {a["hreflang"]: a["href"] for a in en.select('link[rel="alternate"][hreflang]')}
    assert alternates == {"zh": "../../../halls/test-auditorium/", "en": "./"}
    # Material's own interface follows the page's language.
    assert en.select_one("input.md-search__input")["placeholder"] == "Search"
    assert zh.select_one("input.md-search__input")["placeholder"] == "搜索"
    facts = dict(
        zip(
            [dt.get_text(strip=True) for dt in en.select("dl.cc-facts dt")],
            [dd.get_text(" ", strip=True) for dd in en.select("dl.cc-facts dd")],
            strict=True,
        )
    )
    assert facts == {"Floor area": "210 m²", "Seats": "100", "Opening hours": "Monday to Friday 09:00–17:00"}
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in en.select("table.cc-checklist tbody tr")]
    assert rows[0] == ["Floor area of at least 200 m²", "210 m²", "✓ Yes"]
    assert ["Has: Stage lighting", "Yes", "✓ Yes"] in rows
    # The checklist is for staff: folded away from residents, its verdict inside.
    assert en.select_one("details#standard .cc-badge").get_text(strip=True) == "✓ Meets the standard"
    assert en.select_one(".cc-lead .cc-badge") is None


def test_english_navigation_mirrors_the_default(project):
    project.build()
    en = project.html("en/halls/")
    tabs = [a.get_text(strip=True) for a in en.select("nav.md-nav--primary > ul > li > a")]
    assert tabs[:2] == ["Test Community", "Cultural venues"]
    assert "Activity calendar" in tabs
    # Records are reached from their index, not listed in the navigation.
    assert not [a for a in en.select("nav.md-nav--primary a") if "test-auditorium" in a.get("href", "")]
    zh_tabs = [a.get_text(strip=True) for a in project.html("halls/").select("nav.md-nav--primary > ul > li > a")]
    assert zh_tabs[:2] == ["测试社区", "文化场馆"]


def test_halls_index_and_open_data(project):
    project.write("data/halls/small.yml", "name: {zh: 小礼堂, en: Small}\nkind: auditorium\narea_m2: 120\n")
    project.build()
    index = project.html("halls/")
    cards = index.select("li.cc-card")
    assert [c.h3.get_text(strip=True) for c in cards] == ["小礼堂", "测试礼堂"]
    # Residents' cards carry no compliance verdict; the staff page gathers them.
    assert "未达标准" not in cards[0].get_text()
    staff = project.html("staff/").select("table.cc-checklist tbody tr")
    assert "未达标准" in staff[0].get_text() and "尚缺：面积、舞台、灯光、音响" in staff[0].get_text()
    assert project.html("staff/").find("a", href="../data/halls.json") is not None
    data = json.loads((project.site / "data/halls.json").read_text(encoding="utf-8"))
    assert data[1] == {
        "id": "test-auditorium",
        "url": "https://example.org/halls/test-auditorium/",
        "kind": "auditorium",
        "name": {"zh": "测试礼堂", "en": "Test Auditorium"},
        "area_m2": 210,
        "seats": 100,
        "facilities": ["stage", "lighting", "sound"],
        "functions": ["ceremonies", "cultural-activities", "council-meetings", "film-screenings"],
        "location": None,
        "standard": {"kind": "auditorium", "met": True, "missing": []},
    }
    assert data[0]["standard"] == {
        "kind": "auditorium",
        "met": False,
        "missing": [
            "area_m2",
            "stage",
            "lighting",
            "sound",
            "ceremonies",
            "cultural-activities",
            "council-meetings",
            "film-screenings",
        ],
    }


def test_standard_null_for_kinds_without_one(project):
    project.write("data/halls/lib.yml", "name: 书屋\nkind: library\n")
    project.build()
    data = {h["id"]: h for h in json.loads((project.site / "data/halls.json").read_text(encoding="utf-8"))}
    assert data["lib"]["standard"] == {"kind": "library", "met": None, "missing": []}


def test_hand_written_page_wins_and_receives_the_data(project):
    project.write("content/halls/test-auditorium.md", "# 我们的礼堂\n\n编辑亲手写的介绍。\n")
    project.build()
    page = project.html("halls/test-auditorium/")
    text = page.get_text(" ", strip=True)
    assert "编辑亲手写的介绍。" in text
    assert "面积 210 平方米" in text  # the data is still shown around it


def test_photos_are_resized_and_stripped(project):
    project.write("content/images/stage.jpg", phone_photo(2400, 1200))
    project.write(
        "data/halls/test-auditorium.yml",
        "name: 礼堂\nkind: library\nphotos:\n  - {src: images/stage.jpg, caption: {zh: 舞台, en: The stage}, "
        "credit: 社区}\n",
    )
    project.build()
    published = (project.site / "images/stage.jpg").read_bytes()
    assert b"Room 402" not in published and b"Exif" not in published
    with Image.open(io.BytesIO(published)) as im:
        assert im.size == (1600, 800)
        assert not im.getexif() and "comment" not in im.info
    img = project.html("en/halls/test-auditorium/").select_one("figure.cc-photo img")
    assert img["alt"] == "The stage" and img["width"] == "1600" and img["height"] == "800"
    assert img["src"] == "../../../images/stage.jpg"


def test_markdown_from_data_is_sanitized(project):
    project.write(
        "data/halls/test-auditorium.yml",
        "name: 礼堂\nkind: library\ndescription: |\n  **欢迎**<script>alert(1)</script>"
        '<a href="javascript:alert(2)" onclick="x()">链接</a><img src=x onerror=y()>\n',
    )
    project.build()
    html = str(project.html("halls/test-auditorium/").select_one(".cc-markdown"))
    assert "<strong>欢迎</strong>" in html
    assert "<script" not in html and "javascript:" not in html and "onclick" not in html and "onerror" not in html


def test_nothing_is_loaded_from_outside(project):
    project.build()
    for page in project.site.rglob("*.html"):
        soup = project.html(page.relative_to(project.site).as_posix())
        for tag in soup.select("script[src], link[href], img[src], iframe[src]"):
            ref = tag.get("src") or tag.get("href")
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not re.match(r"^(https?:)?//", ref), f"{page}: {tag}"
    css = "".join(p.read_text(encoding="utf-8") for p in project.site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_bad_data_fails_before_touching_the_old_site(project, caplog):
    project.build()
    before = project.tree_digest()
    project.write("data/halls/test-auditorium.yml", "name: 礼堂\nkind: auditorum\nseats: lots\n")
    with pytest.raises(Abort):
        project.build()
    message = caplog.text
    # Chinese first, the English beside it.
    assert "data/halls/test-auditorium.yml:2:7: 类型（kind）：" in message
    assert "    unknown hall kind 'auditorum'; did you mean 'auditorium'?" in message
    assert "data/halls/test-auditorium.yml:3:8: 座位数（seats）：请填写阿拉伯数字" in message
    assert "Traceback" not in message
    assert project.tree_digest() == before
    assert not list(project.root.glob(".site.building-*"))


def override_hall(project, template: str) -> None:  # type: ignore[no-untyped-def]
    """Give the project an overrides/ folder with its own hall.html."""
    config = (project.root / "mkdocs.yml").read_text()
    project.write("mkdocs.yml", config.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n"))
    project.write("overrides/culture/hall.html", template)


def test_failure_during_rendering_leaves_old_site(project):
    project.build()
    before = project.tree_digest()
    # A site override with a template error breaks the build halfway through.
    override_hall(
        project,
        "{% extends 'culture/_base/hall.html' %}{% block header %}{{ culture.nothing_here() }}{% endblock %}",
    )
    with pytest.raises(Exception):  # noqa: B017 - any failure must leave the site alone
        project.build()
    assert project.tree_digest() == before
    assert not list(project.root.glob(".site.building-*"))


def test_strict_warnings_leave_old_site(project):
    project.build()
    before = project.tree_digest()
    project.write("data/halls/test-auditorium.yml", "name: 礼堂\nkind: library\nopening_hours: 'sunrise-sunset'\n")
    with pytest.raises(Abort):
        project.build(strict=True)
    assert project.tree_digest() == before


def test_site_override_replaces_one_block(project):
    override_hall(
        project,
        "{% extends 'culture/_base/hall.html' %}{% block map %}<p class='local-map'>本地地图</p>{% endblock %}",
    )
    project.build()
    page = project.html("halls/test-auditorium/")
    assert page.select_one("p.local-map").get_text() == "本地地图"
    assert page.select_one("table.cc-checklist") is not None  # the other blocks remain


def test_check_and_build_agree(project, check, caplog):
    status, out = check()
    assert status == 0 and "culture check: 检查通过" in out
    project.write("data/halls/test-auditorium.yml", "name: 礼堂\nkind: auditorium\nseats: 10\nseats: 11\n")
    status, out = check()
    assert status == 1
    # The whole message - head, source line, caret, English - is the same in both.
    block = next(b for b in out.split("\n\n") if b.startswith("data/halls/test-auditorium.yml:4:1: 座位数（seats）："))
    assert "the key 'seats' appears twice" in block and block.count("\n") >= 3
    with pytest.raises(Abort):
        project.build()
    assert block in caplog.text


def test_check_strict_fails_on_warnings(project, check):
    project.write("data/halls/test-auditorium.yml", "name: 礼堂\nkind: library\nopening_hours: 'sunrise-sunset'\n")
    assert check()[0] == 0
    status, out = check("--strict")
    assert status == 1 and "提醒：开放时间（opening_hours）" in out


def test_directory_urls_are_required(project, caplog):
    project.write("mkdocs.yml", (project.root / "mkdocs.yml").read_text() + "use_directory_urls: false\n")
    with pytest.raises(Abort):
        project.build()
    assert "`use_directory_urls` must stay true" in caplog.text


def test_two_builds_are_identical(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    project.build()
    first = project.tree_digest()
    project.build()
    assert project.tree_digest() == first


def test_template_folders_are_not_published(project):
    project.build()
    # /print/ is the reprint list's folder (manifest.json); the print templates stay out of it.
    templates = Path(__file__).resolve().parents[2] / "plugins/community_culture/templates/print"
    published = {p.relative_to(project.site / "print").as_posix() for p in (project.site / "print").rglob("*")}
    assert published <= {"manifest.json", "changed.zip"}, published
    assert not any((project.site / "print" / p.relative_to(templates)).exists() for p in templates.rglob("*"))
    assert not (project.site / "patches").exists()
    assert (project.site / "sitemap.xml").is_file()
