"""The notice-board prints, checked the way a print shop and a passer-by would: the honour
board (``/honors/<board>/board.pdf``, A1) and the month's activities
(``/events/<yyyy>/<mm>/poster.pdf``, A3), read back with poppler and a QR decoder.

One tiny project serves most tests: a board long enough for two pages that also holds
a canary without consent and a withdrawn one, an elders' board, and a calendar whose
April has a fuzzy, a cancelled, a postponed, a month-long and a multi-day activity, and
whose May is too long for one page.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from conftest import AUDITORIUM, COMMUNITY, MKDOCS_YML, Project
from mkdocs.exceptions import Abort
from PIL import Image
from printed import boxes, page_count, phone_photo, qr_codes, run, text_of

from community_culture.model.print_settings import DEFAULT_PROFILE
from community_culture.printing.inks import inks_for

PT_PER_MM = 72 / 25.4
A1, A3 = (594, 841), (297, 420)

SHOWN_PHOTO, CANARY_PHOTO, WITHDRAWN_PHOTO = (200, 60, 60), (1, 254, 3), (3, 1, 254)

FILLERS = "".join(
    f"""\
  - id: neighbour-{i}
    name: 好邻居{"一二三四五"[i]}
    year: 2024
    title: 助人为乐模范
    citation: 常年帮助邻居。
    consent: true
"""
    for i in range(5)
)

MORALITY = (
    """\
entries:
  - id: wang-xiulan-2026
    name: {zh: 王秀兰, en: Wang Xiulan}
    year: 2026
    title: {zh: 孝老爱亲模范, en: Model of filial care}
    awarded_by: {zh: 交通街道办事处, en: Jiaotong Subdistrict Office}
    citation: {zh: 她悉心照料瘫痪的婆婆十二年。, en: She nursed her mother-in-law.}
    photo: images/honors/wang-xiulan.jpg
    consent: true
  - id: zhao-canary-2026
    name: {zh: 赵金花雀, en: Zhao Canaryflower}
    year: 2026
    title: {zh: 金丝雀模范, en: Model canary}
    citation: {zh: 金丝雀从未同意公开。, en: The canary never agreed to be published.}
    photo: images/honors/zhao-canary.jpg
  - id: sun-withdrawn-2026
    name: {zh: 孙撤回, en: Sun Withdrawnman}
    year: 2026
    title: {zh: 撤回模范, en: Withdrawn model}
    citation: {zh: 撤回的人不留痕迹。, en: A withdrawn person leaves no trace.}
    photo: images/honors/sun-withdrawn.jpg
    consent: true
    withdrawn: true
  - id: liu-shufen-2025
    name: 刘淑芬
    year: 2025
    title: 助人为乐模范
    consent: true
"""
    + FILLERS
)
HIDDEN = ("赵金花雀", "Canaryflower", "金丝雀", "canary", "孙撤回", "Withdrawnman", "撤回", "withdrawn")

LONGEVITY = """\
entries:
  - {id: li-guizhi, name: 李桂芝, year: 2026, born: 1922, title: 百岁寿星, consent: true}
"""

EVENTS = """\
events:
  - id: basketball
    title: 篮球友谊赛
    category: sports
    when: {month: 2026-04, part: late}
    hall: test-auditorium
  - id: lecture
    title: 防灾减灾讲座
    category: civic-education
    when: {date: 2026-04-18, time: "09:00-11:30"}
    venue: 社区广场
  - id: concert
    title: 春季音乐会
    category: performance
    when: {date: 2026-04-11, time: "19:30"}
    hall: test-auditorium
    status: cancelled
  - id: contest
    title: 书法比赛
    category: performance
    when: {date: 2026-04-25}
    hall: test-auditorium
    status: postponed
  - id: reading-month
    title: 全民读书月
    category: reading
    when: {month: 2026-04}
    hall: test-auditorium
  - id: core-values
    title: 核心价值观宣传
    category: publicity
    when: {from: 2026-03, to: 2026-05}
    venue: 社区宣传栏
  - id: exhibition
    title: 春季书画展
    category: performance
    when: {start: 2026-04-28, end: 2026-05-03}
    hall: test-auditorium
  - id: morning-exercise
    title: 晨练太极拳
    category: sports
    when: {rrule: "FREQ=DAILY", start: 2026-05-01, until: 2026-05-31, time: "06:30-07:30"}
    venue: 社区广场
"""


def make_project(root: Path) -> Project:
    p = Project(root)
    p.write("mkdocs.yml", MKDOCS_YML)
    p.write("data/community.yml", COMMUNITY)
    p.write("data/halls/test-auditorium.yml", AUDITORIUM)
    p.write("content/about.md", "# 关于\n")
    p.write("data/honors/morality.yml", MORALITY)
    p.write("data/honors/longevity.yml", LONGEVITY)
    p.write("data/events/2026.yml", EVENTS)
    for name, color in (
        ("wang-xiulan", SHOWN_PHOTO),
        ("zhao-canary", CANARY_PHOTO),
        ("sun-withdrawn", WITHDRAWN_PHOTO),
    ):
        p.write(f"content/images/honors/{name}.jpg", phone_photo(480, 600, color))
    return p


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("posters"))
    project.build()
    return project


BOARD = "honors/morality/board.pdf"
APRIL = "events/2026/04/poster.pdf"
MAY = "events/2026/05/poster.pdf"


@pytest.mark.parametrize(("path", "size"), [(BOARD, A1), ("honors/longevity/board.pdf", A1), (APRIL, A3), (MAY, A3)])
def test_every_page_at_trim_size_with_3mm_bleed(built: Project, path: str, size: tuple[int, int]) -> None:
    pdf = built.site / path
    found = boxes(pdf)
    assert {page for page, _ in found} == set(range(1, page_count(pdf) + 1))
    width, height = size
    for page in range(1, page_count(pdf) + 1):
        media, trim, bleed = found[(page, "MediaBox")], found[(page, "TrimBox")], found[(page, "BleedBox")]
        # The sheet: 3 mm bleed round the trim, then a 10 mm slug for the crop marks.
        assert media[2] - media[0] == pytest.approx((width + 26) * PT_PER_MM, abs=0.02)
        assert media[3] - media[1] == pytest.approx((height + 26) * PT_PER_MM, abs=0.02)
        assert trim[2] - trim[0] == pytest.approx(width * PT_PER_MM, abs=0.02)
        assert trim[3] - trim[1] == pytest.approx(height * PT_PER_MM, abs=0.02)
        for inset in (trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3]):
            assert inset == pytest.approx(3 * PT_PER_MM, abs=0.02)


def test_fonts_are_embedded_subset_and_named(built: Project) -> None:
    pdfs = [*sorted((built.site / "honors").rglob("*.pdf")), *sorted((built.site / "events").rglob("*.pdf"))]
    assert len(pdfs) == 2 + 12  # two boards with someone on them; every month of 2026
    for pdf in pdfs:
        rows = run("pdffonts", pdf).splitlines()[2:]
        assert rows, pdf
        for row in rows:
            name, *_, emb, sub, uni, _obj, _gen = row.split()
            assert (emb, sub, uni) == ("yes", "yes", "yes"), row
            assert re.fullmatch(r"[A-Z]{6}\+Noto-(Sans|Serif)-CJK-SC(-Bold)?", name), row


def test_the_board_shows_published_entries_newest_first(built: Project) -> None:
    pdf = built.site / BOARD
    first = text_of(pdf, 1)
    joined = "".join(first.split())  # a citation wraps where its card's width says
    for snippet in (
        "道德榜",
        "Roll of Virtue",
        "王秀兰",
        "Wang Xiulan",
        "孝老爱亲模范",
        "她悉心照料瘫痪的婆婆十二年",
        "交通街道办事处",
        "2026年",
        "刘淑芬",
        "https://example.org/honors/morality/",
        "第1页，共2页",
    ):
        assert snippet.replace(" ", "") in joined, snippet
    # In the default language only, with the other language's name beneath where there is one.
    assert "She nursed" not in first and "Model of filial care" not in first
    assert first.index("王秀兰") < first.index("刘淑芬") < first.index("好邻居一")
    # Seven published entries: four on the first page, the three oldest on the second.
    assert page_count(pdf) == 2
    second = text_of(pdf, 2)
    assert "好邻居五" in second and "好邻居五" not in first and "第 2 页，共 2 页" in second
    assert "https://example.org/honors/morality/" in second
    elders = text_of(built.site / "honors/longevity/board.pdf")
    assert "李桂芝" in elders and "2026 年 104 岁" in elders and "1922" not in elders
    # A board with no one on it prints nothing.
    assert not (built.site / "honors/talent/board.pdf").exists()


@pytest.mark.parametrize(
    ("path", "page", "target"),
    [
        (BOARD, 1, "honors/morality/"),
        (BOARD, 2, "honors/morality/"),
        (APRIL, 1, "events/2026/04/"),
        (MAY, 2, "events/2026/05/"),
    ],
)
def test_the_qr_code_leads_to_the_web_page(built: Project, tmp_path: Path, path: str, page: int, target: str) -> None:
    assert qr_codes(built.site / path, page, tmp_path) == [f"https://example.org/{target}"]
    assert (built.site / target / "index.html").is_file()


def test_the_poster_lists_the_month_honestly(built: Project) -> None:
    text = text_of(built.site / APRIL)
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    for snippet in (
        "2026年4月活动安排",
        "Activities in April 2026",
        "https://example.org/events/2026/04/",
        "测试社区",
    ):
        assert snippet in text, snippet
    # Month-long activities are told once, in the box at the top, not as lines.
    box = text[text.index("本月全月") : text.index("日期")]
    assert "全民读书月" in box and "核心价值观宣传" in box and "3月至5月" in box
    assert text.count("全民读书月") == 1
    # Lines in date order: day and weekday, time, title, place.
    order = ["春季音乐会", "防灾减灾讲座", "篮球友谊赛", "书法比赛", "春季书画展"]
    assert [min(i for i, line in enumerate(lines) if title in line) for title in order] == sorted(
        min(i for i, line in enumerate(lines) if title in line) for title in order
    )
    assert "4月18日" in text and "星期六" in text and "09:00–11:30" in text and "社区广场" in text
    # The fuzzy one says what is known, never a false day (下旬 starts on the 21st).
    assert "4月下旬" in text and "日期待定" in text and "4月21日" not in text
    assert "4月28日至5月3日" in text
    assert "已取消" in text and "延期" in text


def test_a_long_month_runs_on_to_a_second_page_in_the_same_type(built: Project) -> None:
    pdf = built.site / MAY
    assert page_count(pdf) == 2
    first, second = text_of(pdf, 1), text_of(pdf, 2)
    assert "5月1日" in first and "5月31日" in second
    assert "2026年5月活动安排（续）" in second and "2026年5月活动安排（续）" not in first
    assert "https://example.org/events/2026/05/" in second
    # A month with nothing on it still has its poster.
    assert "本月没有安排活动" in text_of(built.site / "events/2026/12/poster.pdf")


def test_the_type_is_large(built: Project) -> None:
    """Read standing at a notice board: no Chinese on the poster under 14 pt, the lines and title larger."""
    out = run("pdftotext", "-bbox", "-f", "1", "-l", "1", built.site / MAY, "-")
    words = [
        (float(x1), float(y1), float(x2), float(y2), word)
        for x1, y1, x2, y2, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out
        )
    ]
    # A Chinese character is one em wide: a word of them is as many ems wide as it is long.
    sizes = {w: (x2 - x1) / len(w) for x1, _, x2, _, w in words if re.fullmatch(r"[\u4e00-\u9fff]+", w)}
    assert len(sizes) > 10
    assert min(sizes.values()) >= 14, min(sizes.items(), key=lambda item: item[1])
    assert sizes["晨练太极拳"] >= 16
    # The title is more than twice as tall as a line.
    height = {w: y2 - y1 for _, y1, _, y2, w in words}
    assert height["2026年5月活动安排"] > 2 * height["晨练太极拳"]


def test_web_pages_link_their_print_files(built: Project) -> None:
    for url, pdf, label in (
        ("honors/morality/", BOARD, "打印海报（PDF）"),
        ("en/honors/morality/", BOARD, "Print poster (PDF)"),
        ("events/2026/04/", APRIL, "打印海报（PDF）"),
        ("en/events/2026/04/", APRIL, "Print poster (PDF)"),
    ):
        link = built.html(url).select_one('.cc-print a[type="application/pdf"]')
        assert link is not None and link.get_text(strip=True) == label, url
        assert (built.site / url / link["href"]).resolve() == (built.site / pdf).resolve()
    assert built.html("honors/talent/").select_one(".cc-print") is None


def test_unpublished_people_are_not_on_the_board(built: Project, tmp_path: Path) -> None:
    for pdf in sorted((built.site / "honors").rglob("*.pdf")):
        text = text_of(pdf).lower()
        assert not [needle for needle in HIDDEN if needle.lower() in text], pdf
        assert b"Exif" not in pdf.read_bytes()
    # The pictures in the file: the one published photo (and no copy of another), nothing else.
    run("pdfimages", "-all", built.site / BOARD, tmp_path / "img")
    colours = []
    for image in sorted(tmp_path.glob("img-*")):
        with Image.open(image) as im:
            if im.width > 100:  # the QR code is vector art; anything raster is a photo
                colours.append(im.getpixel((im.width // 2, im.height // 2)))
    assert len(colours) == 1
    # The photo is printed in CMYK: compare with the published photo's colour converted the same way.
    expected = inks_for(DEFAULT_PROFILE).image(Image.new("RGB", (1, 1), SHOWN_PHOTO)).getpixel((0, 0))
    assert all(abs(a - b) <= 8 for a, b in zip(colours[0], expected, strict=True))  # type: ignore[arg-type]


def test_an_unchanged_site_typesets_nothing(built: Project, caplog: pytest.LogCaptureFixture) -> None:
    before = {p: p.read_bytes() for p in sorted(built.site.rglob("*.pdf"))}
    caplog.set_level(logging.INFO)
    built.build()
    # Two board pages and the elders' board, twelve posters, the year's and first half's reports;
    # the board's two pages combined.
    assert "print files: 0 pages typeset, 17 from the cache, 1 combined file" in caplog.text
    assert {p: p.read_bytes() for p in before} == before


def test_a_card_too_long_for_its_page_stops_the_build(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = Project(tmp_path)
    project.write("mkdocs.yml", MKDOCS_YML)
    project.write("data/community.yml", COMMUNITY)
    project.write("data/halls/test-auditorium.yml", AUDITORIUM)
    project.write("content/about.md", "# 关于\n")
    project.write(
        "data/honors/talent.yml",
        "entries:\n  - {id: long, name: 张师傅, year: 2026, consent: true, citation: "
        + "剪纸手艺代代相传。" * 150
        + "}\n",
    )
    with pytest.raises(Abort):
        project.build()
    assert (
        "(built-in) boards.yml:10:5: honour board 'talent', A1 (594 × 841 mm): the content does not fit on the page"
        in caplog.text
    )
    assert not project.site.exists()
