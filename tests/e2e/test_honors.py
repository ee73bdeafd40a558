"""Honor boards end to end: published people are shown, everyone else appears nowhere.

The leak test builds a site holding a canary without consent and a withdrawn one,
then reads every output file the way a search engine, a scraper or a curious
neighbour could: decompressed, unescaped, with PDFs turned into text.
"""

from __future__ import annotations

import gzip
import html
import io
import re
import shutil
import subprocess
import urllib.parse
from pathlib import Path

import pytest
from PIL import Image
from printed import phone_photo

from community_culture.core.media import make_web_image

ROOT = Path(__file__).resolve().parents[2]

MORALITY = """\
entries:
  - id: wang-xiulan-2026
    name: {zh: 王秀兰, en: Wang Xiulan}
    year: 2026
    title: {zh: 孝老爱亲模范, en: Model of filial care}
    category: filial-care
    awarded_by: {zh: 交通街道办事处, en: Jiaotong Subdistrict Office}
    citation:
      zh: 她悉心照料瘫痪的婆婆十二年。
      en: She has nursed her bedridden mother-in-law for twelve years.
    photo: images/honors/wang-xiulan.jpg
    consent: true
  - id: zhao-canary-2026
    name: {zh: 赵金花雀, en: Zhao Canaryflower}
    year: 2026
    title: {zh: 金丝雀模范, en: Model canary}
    citation:
      zh: 金丝雀从未同意公开。
      en: The canary never agreed to be published.
    photo: images/honors/zhao-canary.jpg
  - id: liu-shufen-2025
    name: {zh: 刘淑芬, en: Liu Shufen}
    year: 2025
    title: {zh: 助人为乐模范, en: Model of helping others}
    consent: true
"""

LONGEVITY = """\
entries:
  - id: li-guizhi
    name: {zh: 李桂芝, en: Li Guizhi}
    year: 2026
    born: 1922
    consent: true
  - id: sun-withdrawn-2026
    name: {zh: 孙撤回, en: Sun Withdrawnman}
    year: 2026
    born: 1930
    title: {zh: 撤回寿星, en: Withdrawn elder}
    citation:
      zh: 撤回的人不留痕迹。
      en: A withdrawn person leaves no trace.
    photo: images/honors/sun-withdrawn.jpg
    consent: true
    withdrawn: true
"""

# Everything that could identify the two people who must not be published.
HIDDEN = (
    "赵金花雀",
    "Zhao Canaryflower",
    "zhao-canary-2026",
    "zhao-canary",
    "金丝雀模范",
    "Model canary",
    "金丝雀从未同意公开",
    "never agreed to be published",
    "孙撤回",
    "Sun Withdrawnman",
    "sun-withdrawn-2026",
    "sun-withdrawn",
    "撤回寿星",
    "Withdrawn elder",
    "撤回的人不留痕迹",
    "leaves no trace",
)


def _compact(text: str) -> str:
    # Search indexes split Chinese words with spaces or zero-width spaces.
    return re.sub(r"[\s\u200b\u00ad]+", "", text).lower()


def readable_forms(path: Path) -> list[str]:
    """The text of an output file in every form a reader could decode it into."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    if path.suffix == ".pdf":
        data = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    text = data.decode("utf-8", "replace")
    unescaped = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    decoded = html.unescape(urllib.parse.unquote(unescaped))
    return [text, unescaped, decoded, _compact(decoded)]


def find_in_site(site: Path, needles: tuple[str, ...]) -> dict[str, list[str]]:
    """Which needles occur in which output files (file names included)."""
    found: dict[str, list[str]] = {}
    files = sorted(p for p in site.rglob("*") if p.is_file())
    assert files, "nothing was built"
    for path in files:
        rel = path.relative_to(site).as_posix()
        forms = [rel.lower(), *readable_forms(path)]
        for needle in needles:
            if any(needle in form or _compact(needle) in form for form in forms):
                found.setdefault(needle, []).append(rel)
    return found


@pytest.fixture
def honors(project):  # type: ignore[no-untyped-def]
    project.write("data/honors/morality.yml", MORALITY)
    project.write("data/honors/longevity.yml", LONGEVITY)
    project.write("content/images/honors/wang-xiulan.jpg", phone_photo(960, 1200, (200, 60, 60)))
    project.write("content/images/honors/zhao-canary.jpg", phone_photo(960, 1200, (1, 254, 3)))
    project.write("content/images/honors/sun-withdrawn.jpg", phone_photo(960, 1200, (3, 1, 254)))
    return project


def test_unpublished_people_appear_in_no_output_file(honors, caplog):
    caplog.set_level("INFO")
    honors.build()
    site = honors.site
    assert find_in_site(site, HIDDEN) == {}
    # No copy of their photos under another name either.
    copies = {
        make_web_image(honors.root / f"content/images/honors/{name}.jpg", 1600).data
        for name in ("zhao-canary", "sun-withdrawn")
    }
    assert not [p for p in site.rglob("*") if p.is_file() and p.read_bytes() in copies]
    # The scan does find published people, in pages, file names and the search index.
    shown = find_in_site(site, ("王秀兰", "Wang Xiulan", "wang-xiulan", "悉心照料"))
    assert "honors/morality/index.html" in shown["王秀兰"]
    assert "search/search_index.json" in shown["王秀兰"]
    assert "search/search_index.json" in shown["Wang Xiulan"]
    assert "images/honors/wang-xiulan.jpg" in shown["wang-xiulan"]
    # The build report says what was left out by file and line, never by name or id.
    report = caplog.text
    assert "data/honors/morality.yml:13: honors: an entry left out of the site (consent is not recorded)" in report
    assert "data/honors/longevity.yml:7: honors: an entry left out of the site (withdrawn: true)" in report
    assert "zhao-canary-2026" not in report and "sun-withdrawn-2026" not in report
    assert "赵金花雀" not in report and "孙撤回" not in report and "Canaryflower" not in report


def test_the_scan_would_catch_them_if_published(honors):
    """The control for the test above: with consent, every one of those strings is found."""
    photo = "    photo: images/honors/zhao-canary.jpg\n"
    morality = honors.root / "data/honors/morality.yml"
    morality.write_text(morality.read_text().replace(photo, photo + "    consent: true\n"))
    longevity = honors.root / "data/honors/longevity.yml"
    longevity.write_text(longevity.read_text().replace("    withdrawn: true\n", ""))
    honors.build()
    found = find_in_site(honors.site, HIDDEN)
    assert set(found) == set(HIDDEN)
    assert "search/search_index.json" in found["赵金花雀"]


def test_pdfs_are_searched_too(honors, tmp_path):
    """The scan reads PDFs as text, so a print file that named someone would be caught."""
    if shutil.which("pdftotext") is None:  # pragma: no cover - poppler-utils is in the test command
        pytest.skip("pdftotext is not installed")
    weasyprint = pytest.importorskip("weasyprint")
    site = tmp_path / "pdf-site"
    site.mkdir()
    weasyprint.HTML(string="<p>Zhao Canaryflower</p>").write_pdf(site / "board.pdf")
    assert find_in_site(site, HIDDEN) == {"Zhao Canaryflower": ["board.pdf"]}


def test_honor_pages_are_noindex_and_not_in_the_sitemap(honors):
    honors.build()
    for url in ("honors/", "honors/morality/", "en/honors/", "en/honors/longevity/"):
        robots = honors.html(url).select_one('meta[name="robots"]')
        assert robots is not None and robots["content"] == "noindex", url
    assert honors.html("halls/").select_one('meta[name="robots"]') is None
    plain = (honors.site / "sitemap.xml").read_text(encoding="utf-8")
    packed = gzip.decompress((honors.site / "sitemap.xml.gz").read_bytes()).decode("utf-8")
    for sitemap in (plain, packed):
        locs = re.findall(r"<loc>(.*?)</loc>", sitemap)
        assert "https://example.org/halls/test-auditorium/" in locs
        assert "https://example.org/en/halls/" in locs
        assert not [loc for loc in locs if "/honors/" in loc]


def test_honors_noindex_can_be_turned_off(honors):
    config = honors.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("as_of: 2026-06-01", "as_of: 2026-06-01\n      honors_noindex: false"))
    honors.build()
    assert honors.html("honors/morality/").select_one('meta[name="robots"]') is None
    sitemap = gzip.decompress((honors.site / "sitemap.xml.gz").read_bytes()).decode("utf-8")
    assert "https://example.org/honors/morality/" in sitemap
    assert "https://example.org/en/honors/" in sitemap


def test_boards_in_both_languages(honors):
    honors.build()
    zh = honors.html("honors/morality/")
    assert zh.h1.get_text(strip=True) == "道德榜"
    assert [h.get_text(strip=True) for h in zh.select("section.cc-year h2")] == ["2026年", "2025年"]
    card = zh.select_one("li.cc-honoree#wang-xiulan-2026")
    assert card.h3.get_text(strip=True) == "王秀兰"
    assert card.select_one(".cc-honoree__title").get_text(strip=True) == "孝老爱亲模范"
    assert card.select_one(".cc-tag").get_text(strip=True) == "孝老爱亲"
    assert "她悉心照料瘫痪的婆婆十二年。" in card.get_text()
    assert card.select_one(".cc-honoree__by").get_text(strip=True) == "授予单位：交通街道办事处"
    img = card.select_one("img")
    assert img["alt"] == "王秀兰的照片" and img["src"] == "../../images/honors/wang-xiulan.jpg"
    assert (img["width"], img["height"]) == ("960", "1200")
    en = honors.html("en/honors/morality/")
    assert en.h1.get_text(strip=True) == "Roll of Virtue"
    assert en.title.get_text() == "Roll of Virtue - Test Community"
    card = en.select_one("li.cc-honoree#wang-xiulan-2026")
    assert card.select_one("img")["alt"] == "Photo of Wang Xiulan"
    assert card.select_one(".cc-honoree__by").get_text(strip=True) == "Awarded by: Jiaotong Subdistrict Office"
    # Without a photo, a drawn figure stands in (hidden from screen readers).
    placeholder = en.select_one("#liu-shufen-2025 .cc-face--none")
    assert placeholder["aria-hidden"] == "true" and placeholder.svg is not None


def test_index_lists_every_board_with_count_and_latest(honors):
    honors.build()
    index = honors.html("honors/")
    boards = index.select("li.cc-board")
    assert [b.h2.get_text(strip=True) for b in boards] == ["道德榜", "能人榜", "寿星榜", "身边好人榜", "好家风"]
    assert [b.select_one(".cc-board__count").get_text(strip=True) for b in boards[:3]] == [
        "共 2 位",
        "暂无上榜。",
        "共 1 位",
    ]
    faces = [a["href"] for a in boards[0].select("ul.cc-faces a")]
    assert faces == ["morality/#wang-xiulan-2026", "morality/#liu-shufen-2025"]
    en = honors.html("en/honors/")
    assert en.select_one("li.cc-board .cc-board__count").get_text(strip=True) == "2 on the roll"


def test_longevity_board_shows_ages_never_birth_dates(honors):
    honors.build()
    zh = honors.html("honors/longevity/")
    assert zh.select_one("#li-guizhi .cc-honoree__age").get_text(strip=True) == "今年 104 岁"
    en = honors.html("en/honors/longevity/")
    assert en.select_one("#li-guizhi .cc-honoree__age").get_text(strip=True) == "104 this year"
    assert "1922" not in zh.select_one(".md-content").get_text()
    assert honors.html("honors/morality/").select_one(".cc-honoree__age") is None


def test_published_honor_photos_are_stripped(honors):
    honors.build()
    published = (honors.site / "images/honors/wang-xiulan.jpg").read_bytes()
    assert b"Room 402" not in published and b"Exif" not in published
    with Image.open(io.BytesIO(published)) as im:
        assert not im.getexif()


def test_check_strict_fails_on_missing_consent_only(honors, check):
    status, out = check()
    assert status == 0
    assert "data/honors/morality.yml:13: honors: an entry left out of the site (consent is not recorded)" in out
    status, out = check("--strict")
    assert status == 1
    assert (
        "data/honors/morality.yml:13:5: 提醒：第 2 条荣誉条目的同意公开（consent）：本人（或家属）同意公开后，"
        "请加上 consent: true；在此之前不会发布" in out
    )
    assert "赵金花雀" not in out and "zhao-canary" not in out
    # An explicit refusal is the person's answer, not a slip: strict checking passes.
    morality = honors.root / "data/honors/morality.yml"
    photo = "    photo: images/honors/zhao-canary.jpg\n"
    morality.write_text(morality.read_text().replace(photo, photo + "    consent: false\n"))
    assert check("--strict")[0] == 0


def test_two_builds_are_identical(honors, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    honors.build()
    first = honors.tree_digest()
    honors.build()
    assert honors.tree_digest() == first


# -- the example site -----------------------------------------------------------------------------

EXAMPLE_HIDDEN = ("郝金凤", "Hao Jinfeng", "hao-jinfeng", "每天清晨为独居老人送早餐", "brought breakfast to elders")


@pytest.fixture(scope="module")
def example(example_site: Path) -> Path:
    """The example project, built once for the whole run."""
    return example_site


def test_example_unconsented_entry_appears_nowhere(example: Path) -> None:
    assert (ROOT / "content/images/honors/hao-jinfeng.jpg").is_file()  # the canary is really in the data
    assert "hao-jinfeng" in (ROOT / "data/honors/morality.yml").read_text(encoding="utf-8")
    assert find_in_site(example / "site", EXAMPLE_HIDDEN) == {}
    log = (example / "build.log").read_text(encoding="utf-8")
    assert "data/honors/morality.yml:20: honors: an entry left out of the site (consent: false)" in log
    assert "郝金凤" not in log and "hao-jinfeng" not in log


def test_example_boards_cover_the_seed_plans(example: Path) -> None:
    from bs4 import BeautifulSoup

    def page(url: str) -> BeautifulSoup:
        return BeautifulSoup((example / "site" / url / "index.html").read_text(encoding="utf-8"), "html.parser")

    index = page("honors")
    counts = {
        b.h2.get_text(strip=True): b.select_one(".cc-board__count").get_text(strip=True)
        for b in index.select(".cc-board")
    }
    assert list(counts) == ["道德榜", "能人榜", "寿星榜", "身边好人榜", "好家风"]
    assert all(count.startswith("共 ") for count in counts.values())
    talent = page("honors/talent").get_text()
    assert "二人台" in talent and "剪纸" in talent
    ages = [int(re.sub(r"\D", "", a.get_text())) for a in page("honors/longevity").select(".cc-honoree__age")]
    assert ages and min(ages) >= 90
    assert "Roll of Elders" in page("en/honors/longevity").h1.get_text()
