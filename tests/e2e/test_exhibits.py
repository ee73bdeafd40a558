"""Exhibit web pages in both languages, the hall page's list, template overrides and `mkdocs serve`."""

from __future__ import annotations

import posixpath
import subprocess
from pathlib import Path

import pytest
from conftest import AUDITORIUM, COMMUNITY, MKDOCS_YML, Project

HISTORY = """\
title: {zh: 社区历史沿革, en: A history of the community}
section: overview
hall: test-auditorium
intro: {zh: 七十年的变化。, en: Seventy years of change.}
print: {size: {width_mm: 148, height_mm: 210}}
panels:
  - {id: founding, title: {zh: 建村溯源, en: Founding}, body: {zh: 河滩上的村落。, en: A riverbank village.}}
  - {id: coal-years, title: {zh: 煤城岁月, en: The coal years}, body: {zh: 运煤的车队。, en: Coal lorries.}}
  - {id: today, title: 今日锦绣, body: 六千居民。}
"""
CUSTOMS = """\
title: {zh: 乡风民俗, en: Local customs}
section: customs
print: {size: {width_mm: 148, height_mm: 210}}
panels:
  - {id: errentai, title: {zh: 二人台, en: Errentai}, body: {zh: 民间小戏。, en: A folk opera.}}
"""


def make_project(root: Path) -> Project:
    p = Project(root)
    p.write("mkdocs.yml", MKDOCS_YML.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n"))
    p.write("data/community.yml", COMMUNITY)
    p.write("data/halls/test-auditorium.yml", AUDITORIUM)
    p.write("content/about.md", "# 关于\n")
    p.write("data/exhibits/history/exhibit.yml", HISTORY)
    p.write("data/exhibits/customs/exhibit.yml", CUSTOMS)
    # A site's own print template wins over ours, one block at a time.
    p.write(
        "overrides/print/panel.html",
        '{% extends "print/_base/panel.html" %}{% block masthead %}<p lang="zh">锦绣社区文化礼堂 · 展陈室</p>{% endblock %}',
    )
    return p


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("exhibits"))
    project.build()
    return project


def text(project: Project, url: str) -> str:
    return project.html(url).select_one("article, .md-content__inner").get_text(" ", strip=True)


def test_index_groups_exhibits_by_the_four_sections(built: Project) -> None:
    page = built.html("exhibits/")
    sections = [h.get_text(strip=True) for h in page.select(".md-content h2")]
    assert sections == ["社区基本情况", "乡风民俗", "崇德尚贤", "美好家园"]
    cards = {c.h3.get_text(strip=True): c.get_text(" ", strip=True) for c in page.select("li.cc-card")}
    assert cards.keys() == {"社区历史沿革", "乡风民俗"}
    assert "3 块展板" in cards["社区历史沿革"] and "测试礼堂" in cards["社区历史沿革"]
    assert "这个板块暂时还没有展陈。" in page.get_text()
    en = built.html("en/exhibits/")
    assert [h.get_text(strip=True) for h in en.select(".md-content h2")] == [
        "The community",
        "Local customs",
        "People of virtue",
        "Our homeland",
    ]
    assert en.select_one("li.cc-card h3 a")["href"] == "history/"


def test_exhibit_page_has_intro_panels_hall_and_print_files(built: Project) -> None:
    page = built.html("exhibits/history/")
    assert page.h1.get_text(strip=True) == "社区历史沿革"
    assert "七十年的变化。" in page.get_text()
    assert [a.get_text(strip=True) for a in page.select("ol.cc-panels h3 a")] == ["建村溯源", "煤城岁月", "今日锦绣"]
    assert page.select_one(".cc-where a")["href"] == "../../halls/test-auditorium/"
    links = [a["href"] for a in page.select('a[type="application/pdf"]')]
    assert links == [
        "founding/panel.pdf",
        "coal-years/panel.pdf",
        "today/panel.pdf",
        "panels.pdf",
    ]
    for link in links:
        assert (built.site / "exhibits/history" / link).is_file(), link
    en = built.html("en/exhibits/history/")
    assert en.h1.get_text(strip=True) == "A history of the community"
    assert [a["href"] for a in en.select('a[type="application/pdf"]')][-1] == "../../../exhibits/history/panels.pdf"
    # A panel written only in Chinese says so on the English page.
    assert "(not yet translated; shown in Chinese)" in en.select("ol.cc-panels > li")[2].get_text()


def test_panel_page_is_what_the_qr_code_opens(built: Project) -> None:
    page = built.html("exhibits/history/coal-years/")
    assert page.h1.get_text(strip=True) == "煤城岁月"
    body = page.select_one("article").get_text(" ", strip=True)
    assert "第 2 块，共 3 块" in body and "运煤的车队。" in body and "测试礼堂" in body
    assert page.select_one('a[rel="prev"]')["href"] == "../founding/"
    assert page.select_one('a[rel="next"]')["href"] == "../today/"
    pdf = page.select_one('a[type="application/pdf"]')["href"]
    assert posixpath.normpath(posixpath.join("exhibits/history/coal-years/", pdf)) == (
        "exhibits/history/coal-years/panel.pdf"
    )
    en = built.html("en/exhibits/history/coal-years/")
    assert en.h1.get_text(strip=True) == "The coal years" and "Panel 2 of 3" in en.get_text()
    alternates = {a["hreflang"]: a["href"] for a in en.select('link[rel="alternate"][hreflang]')}
    assert alternates["zh"] == "../../../../exhibits/history/coal-years/"


def test_hall_page_lists_its_exhibits(built: Project) -> None:
    hall = built.html("halls/test-auditorium/")
    heading = hall.select_one("h2#exhibits")
    assert heading.get_text(strip=True) == "本场馆的展陈"
    items = [li.get_text(" ", strip=True) for li in heading.find_next("ul").select("li")]
    assert items == ["社区历史沿革 社区基本情况 · 3 块展板"]
    en = built.html("en/halls/test-auditorium/")
    assert en.select_one("h2#exhibits").find_next("ul").a["href"] == "../../exhibits/history/"


def test_a_site_print_template_overrides_one_block(built: Project) -> None:
    pdf = built.site / "exhibits/customs/errentai/panel.pdf"
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "锦绣社区文化礼堂 · 展陈室" in out  # the site's block
    assert "二人台" in out and "扫码在手机上阅读本展板" in out  # our other blocks remain


def test_serve_leaves_print_files_out_unless_asked(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = make_project(tmp_path)

    def serve_build(**options: object) -> None:
        config = load_config(str(tmp_path / "mkdocs.yml"))
        config.plugins["community-culture"].config.update(options)
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()

    serve_build()
    assert (project.site / "exhibits/history/founding/index.html").is_file()
    assert not list(project.site.rglob("*.pdf"))
    serve_build(pdf_in_serve=True)
    assert (project.site / "exhibits/history/founding/panel.pdf").is_file()
