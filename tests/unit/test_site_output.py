"""The core's site output, without any engine: which page wins, each page's metadata and
language twins, the files, the media allow-list and the navigation of every language."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from community_culture.model.site import Options, load_site
from community_culture.output.nav import NavItem
from community_culture.output.site import MediaRefused, Settings, SiteOutput


def _jpeg(red: int = 200) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (red, 30, 30)).save(buffer, "JPEG")
    return buffer.getvalue()


def output_of(project, **settings: object) -> SiteOutput:  # type: ignore[no-untyped-def]
    root = project.root
    site, problems = load_site(Options(root, root / "data", root / "content", as_of=dt.date(2026, 6, 1)))
    assert site is not None, problems.report()
    output, too_big = SiteOutput.make(site, Settings(site_name="测试社区", **settings))  # type: ignore[arg-type]
    assert output is not None, too_big
    return output


def test_a_hand_written_page_at_a_planned_url_wins_and_carries_the_data(project):
    output = output_of(project)
    hand_written = {"": "index.md", "halls/test-auditorium/": "halls/test-auditorium.md", "about/": "about.md"}
    generated = output.attach(hand_written)
    assert "halls/test-auditorium/" not in {p.url for p in generated}
    assert "en/halls/test-auditorium/" in {p.url for p in generated}
    assert output.page("halls/test-auditorium/index.md") is None
    page = output.page("halls/test-auditorium.md")
    assert page is not None and page.hand_written and page.url == "halls/test-auditorium/"
    body = BeautifulSoup(output.body(page, page_html="<p>手写的介绍。</p>"), "html.parser")
    assert "手写的介绍。" in body.select_one(".cc-markdown").get_text()
    assert "210" in body.get_text(), "the hall's facts are still there"
    assert output.urls >= {"", "about/", "halls/", "en/halls/test-auditorium/"}
    # The page keeps its own title (from its heading); a generated page's title comes from the data.
    assert "title" not in output.meta(page)
    assert output.meta(output.page("en/halls/index.md"))["title"] == "Cultural venues"  # type: ignore[arg-type]


def test_language_twins_fall_back_to_the_language_home(project):
    output = output_of(project)
    output.attach({"about/": "about.md"})
    assert output.alternates("halls/test-auditorium/") == [
        {"name": "中文", "lang": "zh", "link": "halls/test-auditorium/"},
        {"name": "English", "lang": "en", "link": "en/halls/test-auditorium/"},
    ]
    # The hand-written page has no English twin: its alternate is the English home page.
    assert [a["link"] for a in output.alternates("about/")] == ["about/", "en/"]
    assert [a["link"] for a in output.alternates("en/")] == ["./", "en/"]


def test_the_site_name_follows_the_page_language_and_is_escaped(project):
    project.write(
        "data/community.yml",
        "name: {zh: 测试社区, en: Test & <Co>}\ndistrict: {zh: 东胜区, en: Dongsheng}\ntimezone: Asia/Shanghai\n",
    )
    output = output_of(project)
    output.attach({})
    assert output.frame("halls/")["site_name"] == "测试社区"
    frame = output.frame("en/halls/")
    assert frame["site_name"] == "Test &amp; &lt;Co&gt;"
    assert frame["lang"] == "en" and frame["links"] == {"search": "en/search/", "staff": "en/staff/"}
    assert frame["ui"]["skip"] == "Skip to content"


def test_page_metadata_escapes_titles_and_keeps_honour_boards_out_of_search_engines(project):
    project.write("data/halls/a-b.yml", "name: {zh: 甲<乙>, en: A<B>}\nkind: auditorium\n")
    project.write(
        "data/honors/morality.yml",
        "entries:\n  - {id: wang, name: {zh: 王秀兰, en: Wang Xiulan}, year: 2026, consent: true}\n",
    )
    output = output_of(project)
    output.attach({})
    meta = output.meta(output.page("en/halls/a-b/index.md"))  # type: ignore[arg-type]
    assert meta["title"] == "A&lt;B&gt;" and meta["template"] == "culture/page.html"
    assert output.meta(output.page("honors/index.md"))["robots"] == "noindex"  # type: ignore[arg-type]
    assert output.meta(output.page("staff/index.md")).get("search") == {"exclude": True}  # type: ignore[arg-type]


def test_a_withheld_persons_photo_is_refused_whoever_asks(project, tmp_path):
    project.write("content/images/honors/wang.jpg", _jpeg())
    project.write("content/images/honors/zhao.jpg", _jpeg(red=20))
    project.write(
        "data/honors/morality.yml",
        "entries:\n"
        "  - {id: wang, name: 王秀兰, year: 2026, photo: images/honors/wang.jpg, consent: true}\n"
        "  - {id: zhao, name: 赵金花, year: 2026, photo: images/honors/zhao.jpg, consent: false}\n",
    )
    output = output_of(project)
    assert output.withheld == {"images/honors/zhao.jpg"}
    with pytest.raises(MediaRefused):
        output.publish_image("images/honors/zhao.jpg", project.root / "content/images/honors/zhao.jpg")
    image = output.publish_image("images/honors/wang.jpg", project.root / "content/images/honors/wang.jpg")
    assert image.data.startswith(b"\xff\xd8") and (image.width, image.height) == (40, 30)
    # The page that shows the photo now knows its size (no layout shift on a phone).
    output.attach({})
    board = BeautifulSoup(output.body(output.page("honors/morality/index.md")), "html.parser")  # type: ignore[arg-type]
    img = board.select_one('img[src$="wang.jpg"]')
    assert img is not None and img["width"] == "40"
    assert "赵金花" not in board.get_text()


def test_files_put_the_palette_first_and_leave_print_out_on_request(project):
    output = output_of(project)
    files = output.files(with_print=False)
    paths = [f.path for f in files]
    assert not [p for p in paths if p.endswith(".pdf") or p.startswith("print/")]
    statics = [f.path for f in files if f.kind == "static"]
    assert statics == ["assets/culture/palette.css", "assets/culture/culture.css", "assets/culture/culture.js"]
    assert "events.ics" in paths and "data/halls.json" in paths
    palette = next(f for f in files if f.path.endswith("palette.css")).content().decode()
    assert "--md-primary-fg-color" in palette


def test_an_unreadable_palette_colour_is_a_config_problem_not_a_crash(project):
    output = output_of(project, palette={"primary": "red-ish"})
    assert output.config_problems and "primary" in output.config_problems[0]


def test_navigation_mirrors_the_default_language_with_links_where_no_twin_exists(project):
    output = output_of(project)
    output.attach({"": "index.md", "about/": "about.md"})
    navs = output.navigation()
    sections = ["", "halls/", "events/", "honors/", "exhibits/", "teams/", "reports/"]
    assert [item.url for item in navs["zh"]] == [*sections, "about/", "search/", "staff/"]
    en = navs["en"]
    assert en[1] == NavItem(url="en/halls/")
    assert en[7].link and en[7].url == "about/", "no English page: a link to the Chinese one"
    assert en[8] == NavItem(url="en/search/")
    site_nav = [NavItem("场馆", None, (NavItem(None, "halls/"), NavItem("外部", "https://example.org/", link=True)))]
    mirrored = output.navigation(site_nav)["en"][0]
    assert mirrored.title_from_page and mirrored.children[0].url == "en/halls/"
    assert mirrored.children[1].url == "https://example.org/"


def test_the_core_output_needs_no_engine():
    code = (
        "import sys; import community_culture.output.site, community_culture.output.export, "
        "community_culture.output.options; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'properdocs', 'zensical', 'material')); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
