"""Reading exhibits and panels: sizes, languages, translations and every editor's slip."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from community_culture.model.site import Options, load_site

EXHIBIT = """\
title: {zh: 社区历史, en: Our history}
section: overview
hall: test-auditorium
intro: {zh: 简介。, en: Introduction.}
print: {size: A2, orientation: landscape}
panels:
  - id: founding
    title: {zh: 建村, en: Founding}
    body: {zh: 正文。, en: Body.}
    images:
      - {src: images/old.jpg, caption: {zh: 老照片, en: An old photo}, credit: 档案馆}
  - id: banner
    title: {zh: 易拉宝, en: Banner}
    print: {size: rollup-85x200}
  - id: poster
    title: 只有中文
    print: {size: {width_mm: 600, height_mm: 900}}
  - id: small
    title: {zh: 小, en: Small}
    print: {size: a3}
"""


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (200, 30, 30)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def load(project):  # type: ignore[no-untyped-def]
    project.write("content/images/old.jpg", jpeg())

    def run(text: str = EXHIBIT, name: str = "data/exhibits/history/exhibit.yml"):  # type: ignore[no-untyped-def]
        project.write(name, text)
        root = project.root
        return load_site(Options(root, root / "data", root / "content", site_url="https://example.org/"))

    return run


def first_lines(problems) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.format().splitlines()[0] for p in problems]


def test_sizes_and_languages_resolve_from_panel_exhibit_and_default(load) -> None:  # type: ignore[no-untyped-def]
    site, problems = load()
    assert site is not None, problems.report()
    exhibit = site.exhibits["history"]
    assert exhibit.section == "overview" and exhibit.hall == "test-auditorium"
    sizes = {p.id: (p.size.name, p.size.width_mm, p.size.height_mm) for p in exhibit.panels}
    assert sizes == {
        "founding": ("A2 landscape", 594, 420),
        "banner": ("rollup-85x200", 850, 2000),
        "poster": ("600×900 mm", 600, 900),
        "small": ("A3 landscape", 420, 297),  # the exhibit's orientation carries over
    }
    assert exhibit.panels[1].size.dead_zone_mm > 0  # a roll-up's stand hides its bottom
    languages = {p.id: p.languages for p in exhibit.panels}
    assert languages == {"founding": ("zh", "en"), "banner": ("zh", "en"), "poster": ("zh",), "small": ("zh", "en")}
    assert [p.id for p in exhibit.panels] == ["founding", "banner", "poster", "small"]


def test_an_exhibit_without_print_settings_is_a1_portrait(load) -> None:  # type: ignore[no-untyped-def]
    site, _ = load("title: 展\nsection: virtue\npanels:\n  - {id: one, title: 一}\n")
    assert site is not None
    assert site.exhibits["history"].panels[0].size.name == "A1"


def test_a_missing_translation_narrows_the_panel_with_a_warning(load) -> None:  # type: ignore[no-untyped-def]
    text = EXHIBIT.replace("body: {zh: 正文。, en: Body.}", "body: 只有中文的正文。").replace(
        "caption: {zh: 老照片, en: An old photo}", "caption: 老照片"
    )
    site, problems = load(text)
    assert site is not None, problems.report()  # never an error: the site builds
    assert not problems.errors
    assert site.exhibits["history"].panels[0].languages == ("zh",)
    assert site.exhibits["history"].panels[1].languages == ("zh", "en")  # the others keep both
    assert first_lines(problems.warnings) == [
        "data/exhibits/history/exhibit.yml:9:11: warning: panels[0].body: panel 'founding' is meant to be printed "
        "in zh and en, but this text has no en version, so the panel is printed in zh only; add the translation "
        "(or write print: {languages: [zh]} to say so)",
        "data/exhibits/history/exhibit.yml:11:40: warning: panels[0].images[0].caption: panel 'founding' is meant "
        "to be printed in zh and en, but this text has no en version, so the panel is printed in zh only; add the "
        "translation (or write print: {languages: [zh]} to say so)",
    ]
    assert "缺少译文" in problems.report()


def test_print_languages_asking_for_a_missing_language_print_what_is_complete(load) -> None:  # type: ignore[no-untyped-def]
    text = EXHIBIT.replace("title: {zh: 建村, en: Founding}", "title: {en: Founding}\n    print: {languages: [zh, en]}")
    site, problems = load(text)
    assert site is not None and not problems.errors
    assert site.exhibits["history"].panels[0].languages == ("en",)
    assert [p.field for p in problems.warnings] == ["panels[0].title"]


def test_no_complete_language_prints_the_first_wanted_with_fallback(load) -> None:  # type: ignore[no-untyped-def]
    text = EXHIBIT.replace("body: {zh: 正文。, en: Body.}", "body: {en: Only English.}").replace(
        "title: {zh: 建村, en: Founding}", "title: 建村"
    )
    site, problems = load(text)
    assert site is not None and not problems.errors
    assert site.exhibits["history"].panels[0].languages == ("zh",)
    assert [p.field for p in problems.warnings] == ["panels[0].body"]


def test_print_languages_make_a_panel_monolingual(load) -> None:  # type: ignore[no-untyped-def]
    text = EXHIBIT.replace("body: {zh: 正文。, en: Body.}", "body: 只有中文。\n    print: {languages: [zh]}")
    site, problems = load(text)
    assert site is not None, problems.report()
    assert site.exhibits["history"].panels[0].languages == ("zh",)


def test_exhibit_title_without_translation_is_a_warning(load) -> None:  # type: ignore[no-untyped-def]
    site, problems = load(EXHIBIT.replace("title: {zh: 社区历史, en: Our history}", "title: 社区历史"))
    assert site is not None and not problems.errors
    assert first_lines(problems.warnings) == [
        "data/exhibits/history/exhibit.yml:1:8: warning: title: the exhibit's title is printed on every panel, "
        "and panels 'founding', 'banner', 'small' are printed in zh and en; this text has no en version, so their "
        "headers carry it in fewer languages; add the translation"
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("print: {size: A2, orientation: landscape}", "print: {size: A7}"),
            "data/exhibits/history/exhibit.yml:5:15: print.size: unknown print size 'A7' (known: A0, A1, A2, A3, A4, "
            "rollup-80x200, rollup-85x200, or {width_mm: W, height_mm: H})",
        ),
        (
            ("section: overview", "section: custom"),
            "data/exhibits/history/exhibit.yml:2:10: section: unknown section 'custom'; did you mean 'customs'? "
            "(known: overview, customs, virtue, homeland)",
        ),
        (
            ("print: {size: rollup-85x200}", "print: {size: rollup-85x200, orientation: landscape}"),
            "data/exhibits/history/exhibit.yml:14:47: panels[1].print.orientation: orientation applies to the A sizes "
            "only; a roll-up or a size in millimetres is written as it hangs (width first)",
        ),
        (
            ("print: {size: {width_mm: 600, height_mm: 900}}", "print: {width_mm: 600, height_mm: 900}"),
            "data/exhibits/history/exhibit.yml:17:13: panels[2].print.width_mm: write a size in millimetres under "
            "size: as size: {width_mm: 600, height_mm: 900}",
        ),
        (
            ("print: {size: {width_mm: 600, height_mm: 900}}", "print: {size: {width_mm: 60, height_mm: 900}}"),
            "data/exhibits/history/exhibit.yml:17:30: panels[2].print.size.width_mm: must be at least 100.0, found 60",
        ),
        (
            ("  - id: small\n", "  - id: founding\n"),
            "data/exhibits/history/exhibit.yml:18:5: panels: the panel id 'founding' is used twice (first on line 7)",
        ),
        (
            ("images/old.jpg", "images/olld.jpg"),
            "data/exhibits/history/exhibit.yml:11:15: panels[0].images[0].src: the image 'content/images/olld.jpg' "
            "does not exist; did you mean 'old.jpg'?",
        ),
        (
            ("hall: test-auditorium", "hall: test-auditorum"),
            "data/exhibits/history/exhibit.yml:3:7: hall: unknown hall 'test-auditorum'; did you mean "
            "'test-auditorium'? (halls: test-auditorium)",
        ),
    ],
)
def test_editors_slips_are_named_with_their_place(load, change, expected) -> None:  # type: ignore[no-untyped-def]
    old, new = change
    assert old in EXHIBIT
    site, problems = load(EXHIBIT.replace(old, new))
    assert site is None
    assert first_lines(problems) == [expected]


def test_an_exhibit_lives_in_a_folder_of_its_own(load) -> None:  # type: ignore[no-untyped-def]
    site, problems = load(EXHIBIT, "data/exhibits/history.yml")
    assert site is None
    assert first_lines(problems) == [
        "data/exhibits/history.yml: an exhibit lives in a folder of its own: move this file to "
        "data/exhibits/history/exhibit.yml (the folder name is the exhibit's id)"
    ]


def test_a_folder_without_exhibit_yml_and_an_empty_exhibit(load, project) -> None:  # type: ignore[no-untyped-def]
    project.write("data/exhibits/customs/exhibits.yml", EXHIBIT)
    site, problems = load("title: 空\nsection: homeland\npanels: []\n")
    assert site is None
    assert first_lines(problems) == [
        "data/exhibits/customs: the folder holds no exhibit.yml; did you mean 'exhibits.yml'?",
        "data/exhibits/history/exhibit.yml:3:9: panels: an exhibit needs at least one panel",
    ]
