"""Honor boards: who is published, what is refused, and how boards and pages are planned."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from community_culture.build import Build
from community_culture.model.privacy import find_private
from community_culture.model.site import Options, Site, load_site
from community_culture.pages.honors import ages, group_by_year, summarize
from community_culture.pages.plan import build_plan

AS_OF = dt.date(2026, 6, 1)
PUBLISHED = """\
  - id: wang-xiulan-2026
    name: {zh: 王秀兰, en: Wang Xiulan}
    year: 2026
    consent: true
"""


def load(project, **options: object) -> tuple[Site | None, list[str], list[str]]:  # type: ignore[no-untyped-def]
    """The site, the first line of every problem, and the report notes."""
    root: Path = project.root
    opts = Options(root, root / "data", root / "content", as_of=AS_OF, **options)  # type: ignore[arg-type]
    site, problems = load_site(opts)
    return site, [p.format().splitlines()[0] for p in problems], problems.notes


def board(project, text: str, name: str = "morality") -> None:  # type: ignore[no-untyped-def]
    project.write(f"data/honors/{name}.yml", "entries:\n" + text)


# -- what is published -----------------------------------------------------------------


def test_only_consented_entries_reach_the_site(project):
    board(
        project,
        PUBLISHED
        + "  - {id: no-answer, name: 赵金花}\n"
        + "  - {id: said-no, name: 钱玉兰, consent: false}\n"
        + "  - {id: gone, name: 孙大海, consent: true, withdrawn: true}\n",
    )
    site, problems, notes = load(project)
    assert site is not None
    assert [e.id for e in site.honors["morality"]] == ["wang-xiulan-2026"]
    # Only a forgotten consent is a problem (a warning: `--strict` fails on it).
    assert problems == [
        "data/honors/morality.yml:6:5: warning: entries[1].consent: this entry has no 'consent: true', "
        "so it is left out of the site; add it once the person (or their family) has agreed to be published"
    ]
    assert notes == [
        "data/honors/morality.yml:6: honors: an entry left out of the site (consent is not recorded)"
        "（未发布：未登记本人同意）",
        "data/honors/morality.yml:7: honors: an entry left out of the site (consent: false)（未发布：本人未同意公开）",
        "data/honors/morality.yml:8: honors: an entry left out of the site (withdrawn: true)（未发布：已撤下）",
        "honors: 3 entries left out of the site（共 3 条未发布）",
    ]
    report = "\n".join(notes + problems)
    for name in ("赵金花", "钱玉兰", "孙大海"):
        assert name not in report


def test_report_never_quotes_the_line_of_a_left_out_person(project):
    board(project, "  - {id: no-answer, name: 赵金花, citation: 热心肠}\n")
    _, problems = load_site(Options(project.root, project.root / "data", project.root / "content", as_of=AS_OF))
    (warning,) = problems.warnings
    assert "赵金花" not in warning.format() and "热心肠" not in warning.format()


def test_photos_of_unpublished_people_and_stray_files_are_withheld(project):
    for name in ("wang.jpg", "zhao.jpg", "sun.jpg", "old-entry.jpg"):
        project.write(f"content/images/honors/{name}", b"\xff\xd8" + name.encode())
    board(
        project,
        PUBLISHED.replace("consent: true", "photo: ./images/honors/wang.jpg\n    consent: true")
        + "  - {id: zhao, name: 赵金花, photo: images/honors/zhao.jpg, consent: false}\n"
        + "  - {id: sun, name: 孙大海, photo: images/honors/sun.jpg, consent: true, withdrawn: true}\n",
    )
    site, problems, notes = load(project)
    assert site is not None and problems == []
    assert site.honors["morality"][0].photo == "images/honors/wang.jpg"
    assert site.withheld_photos == ("images/honors/old-entry.jpg", "images/honors/sun.jpg", "images/honors/zhao.jpg")
    assert notes[-1].startswith("content/images/honors/old-entry.jpg: honors: not copied into the site")


def test_a_published_entry_may_not_share_an_unpublished_photo(project):
    project.write("content/images/honors/shared.jpg", b"\xff\xd8")
    board(
        project,
        "  - {id: a, name: 甲, photo: images/honors/shared.jpg, consent: true}\n"
        "  - {id: b, name: 乙, photo: images/honors/shared.jpg, consent: false}\n",
    )
    _, problems, _ = load(project)
    assert problems == [
        "data/honors/morality.yml:2:5: photo: this entry uses the photo of an entry that is not published; "
        "each person needs a photo of their own"
    ]


# -- what is refused ----------------------------------------------------------------------


def test_birth_date_in_born_is_an_error(project):
    board(project, "  - {id: li, name: 李桂芝, born: 1922-03-04, consent: true}\n", "longevity")
    _, problems, _ = load(project)
    assert problems == [
        "data/honors/longevity.yml:2:31: entries[0].born: a full birth date is not published; "
        "write the year of birth only, e.g. born: 1932"
    ]


@pytest.mark.parametrize(
    ("born", "message"),
    [
        ("1922年", "expected a year of birth such as 1932, found '…'"),
        ("'1922'", "expected a year of birth such as 1932, found '…'"),
        ("2027", "expected a year of birth between 1880 and 2026, found 2027"),
        ("1822", "expected a year of birth between 1880 and 2026, found 1822"),
    ],
)
def test_born_takes_a_plausible_year(project, born, message):
    board(project, f"  - {{id: li, name: 李桂芝, born: {born}, consent: true}}\n", "longevity")
    _, problems, _ = load(project)
    assert problems == [f"data/honors/longevity.yml:2:31: entries[0].born: {message}"]


def test_private_details_are_found_where_they_stand(project):
    board(
        project,
        "  - id: wang\n"
        "    name: 王秀兰\n"
        "    citation: |\n"
        "      她照顾婆婆十二年。\n"
        "      有事请打 139 1234 5678，或到3号楼2单元402室找她。\n"
        "    awarded_by: {zh: 街道, en: 'Lives in Room 402'}\n"
        "    title: 身份证 11010519491231002X\n"
        "    consent: false\n",
    )
    _, problems = load_site(Options(project.root, project.root / "data", project.root / "content", as_of=AS_OF))
    heads = [p.format().splitlines()[0] for p in problems]
    suffix = "; an honor entry must not hold birth dates, phone or ID-card numbers or home addresses"
    assert heads == [
        "data/honors/morality.yml:6:12: entries[0].citation: looks like a phone number" + suffix,
        "data/honors/morality.yml:6:28: entries[0].citation: looks like a home address" + suffix,
        "data/honors/morality.yml:7:40: entries[0].awarded_by.en: looks like a home address" + suffix,
        "data/honors/morality.yml:8:16: entries[0].title: looks like an ID-card number" + suffix,
    ]
    # The number at fault is not echoed into build logs.
    assert all("5678" not in p.format() and "1002X" not in p.format() for p in problems)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("手机13912345678", "phone"),
        ("+86 139-1234-5678", "phone"),
        ("0477-8561234", "phone"),
        ("电话：8561234", "phone"),
        ("call 400-123-4567", "phone"),
        ("Tel. 856 1234", "phone"),
        ("11010519491231002X", "id-card"),
        ("110105 19491231 0021", "id-card"),
        ("家住锦绣小区3号楼", "address"),
        ("五单元", "address"),
        ("402室", "address"),
        ("3-2-402", "address"),
        ("门牌号", "address"),
        ("Room 402", "address"),
        ("Building 3, Flat 12", "address"),
        ("生于1922年3月4日", "birth-date"),
        ("1922-03-04出生", "birth-date"),
        ("born on 4 March 1922", "birth-date"),
        ("Born March 4, 1922", "birth-date"),
        ("生日是农历三月初四", "birth-date"),
        ("出生日期：1922年3月4日", "birth-date"),
        ("born in March 4, 1922", "birth-date"),
        ("Date of birth: 04/03/1922", "birth-date"),
    ],
)
def test_private_detail_patterns(text, kind):
    assert [f.kind for f in find_private(text)] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "2026年1月，她跳进冰河救起落水儿童。",
        "累计志愿服务3000多小时，捐款20000元。",
        "每周三晚在文化礼堂活动室、会议室和办公室教唱",
        "第一单元",
        "2019-2026年连续七年",
        "On 4 March 2025 he ran into the burning building.",
        "Building 30 years of friendship; room for everyone.",
        "born in 1922",
        "1922年出生",
        "锦绣路18号社区服务中心",
    ],
)
def test_ordinary_citations_pass(text):
    assert find_private(text) == []


# -- boards ---------------------------------------------------------------------------------


def test_default_boards(project):
    site, problems, _ = load(project)
    assert site is not None and problems == []
    assert list(site.boards) == ["morality", "talent", "longevity", "good-people", "family"]
    assert site.boards["longevity"].show_age and not site.boards["morality"].show_age
    assert site.boards["good-people"].title.get("zh", "zh") == "身边好人榜"
    assert site.honors == {board_id: [] for board_id in site.boards}


def test_boards_file_replaces_the_defaults(project):
    project.write(
        "data/honors/boards.yml",
        "boards:\n"
        "  - {id: longevity, title: {zh: 老寿星, en: Our elders}}\n"
        "  - {id: craft, title: {zh: 巧手榜, en: Skilled hands}, show_age: true, intro: 手艺人}\n",
    )
    board(project, PUBLISHED)
    site, problems, _ = load(project)
    assert problems == [
        "data/honors/morality.yml: there is no board 'morality' (boards: longevity, craft); "
        "the file name is the board's id, and boards are listed in boards.yml"
    ]
    project.write("data/honors/morality.yml", "")
    (project.root / "data/honors/morality.yml").unlink()
    site, problems, _ = load(project)
    assert site is not None and problems == []
    assert list(site.boards) == ["longevity", "craft"]
    assert site.boards["longevity"].show_age and site.boards["craft"].show_age


def test_unknown_board_file_suggests_a_name(project):
    board(project, PUBLISHED, "moral")
    _, problems, _ = load(project)
    assert problems[0].startswith("data/honors/moral.yml: there is no board 'moral'; did you mean 'morality'?")


def test_entry_ids_are_unique_across_boards(project):
    board(project, PUBLISHED)
    board(project, PUBLISHED, "talent")
    _, problems, _ = load(project)
    assert problems == [
        "data/honors/talent.yml:2:5: id: this id is already used by the entry at data/honors/morality.yml:2"
    ]


def test_unknown_category_and_field(project):
    board(project, "  - {id: a, name: 甲, category: filial, consent: true, photos: x.jpg}\n")
    _, problems, _ = load(project)
    assert problems[0].startswith(
        "data/honors/morality.yml:2:32: entries[0].category: unknown honor category '…'; did you mean 'filial-care'?"
    )
    # The unknown key itself is not quoted: in an honour file it may be a name or a number.
    assert problems[1].startswith(
        "data/honors/morality.yml:2:55: entries[0].…: unknown field '…'; did you mean 'photo'?"
    )


# -- pages ----------------------------------------------------------------------------------


def test_years_newest_first_and_ages_as_of_the_build_date(project):
    board(
        project,
        "  - {id: a, name: 甲, year: 2024, born: 1930, consent: true}\n"
        "  - {id: b, name: 乙, born: 1925, consent: true}\n"
        "  - {id: c, name: 丙, year: 2026, born: 1922, consent: true}\n"
        "  - {id: d, name: 丁, year: 2024, consent: true}\n"
        "  - {id: e, name: 戊, year: 2026, consent: true}\n",
        "longevity",
    )
    site, problems, _ = load(project)
    assert site is not None and problems == []
    entries = site.honors["longevity"]
    groups = group_by_year(entries)
    assert [(g.year, [e.id for e in g.entries]) for g in groups] == [
        (2026, ["c", "e"]),
        (2024, ["a", "d"]),
        (None, ["b"]),
    ]
    assert [g.anchor for g in groups] == ["year-2026", "year-2024", "year-other"]
    assert ages(site.boards["longevity"], entries, AS_OF) == {"a": 96, "b": 101, "c": 104}
    assert ages(site.boards["longevity"], entries, dt.date(2030, 1, 1))["c"] == 108
    assert ages(site.boards["morality"], entries, AS_OF) == {}
    summary = summarize(site.boards["longevity"], entries)
    assert summary.count == 5 and [e.id for e in summary.latest] == ["c", "e", "a", "d"]


@pytest.mark.parametrize("noindex", [True, False])
def test_honor_pages_are_planned_in_every_language(project, noindex):
    board(project, PUBLISHED)
    site, _, _ = load(project, honors_noindex=noindex)
    assert site is not None
    pages = {(p.url("zh"), p.template): p for p in build_plan(Build.of(site)).pages if p.key.startswith("honors/")}
    assert ("honors/", "culture/honors.html") in pages and ("en/honors/", "culture/honors.html") in pages
    assert ("en/honors/family/", "culture/honor-board.html") in pages
    assert pages[("en/honors/morality/", "culture/honor-board.html")].title == "Roll of Virtue"
    assert {p.noindex for p in pages.values()} == {noindex}
