"""Every class of bad input is reported with its exact file, line, column and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from community_culture.core.fields import Context, Fields
from community_culture.core.loader import MAX_FILE_BYTES, Mapping, Reporter, Scalar, load_yaml
from community_culture.model.site import Options, load_site


def options(root: Path) -> Options:
    return Options(root=root, data_dir=root / "data", content_dir=root / "content")


def heads(project) -> list[str]:  # type: ignore[no-untyped-def]
    """The first line of every problem of a run."""
    _, problems = load_site(options(project.root))
    return [p.format().splitlines()[0] for p in problems]


def hall(project, text: str, name: str = "test-auditorium") -> None:  # type: ignore[no-untyped-def]
    project.write(f"data/halls/{name}.yml", text)


def test_valid_project_has_no_problems(project):
    site, problems = load_site(options(project.root))
    assert list(problems) == []
    assert site is not None and list(site.halls) == ["test-auditorium"]
    assert site.halls["test-auditorium"].area_m2 == 210


def test_scalars_stay_text(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("phone: 0477-8561234\nflag: NO\nzip: 017000\nwhen: 2026-05-01\n", encoding="utf-8")
    node = load_yaml(path, "x.yml", Reporter())
    assert isinstance(node, Mapping)
    values = {k: v.value for k, v in node if isinstance(v, Scalar)}
    assert values == {"phone": "0477-8561234", "flag": "NO", "zip": "017000", "when": "2026-05-01"}


def test_bom_is_tolerated(project):
    project.write("data/community.yml", "\ufeffname: 测试社区\n")
    assert heads(project) == []


def test_duplicate_key(project):
    hall(project, "name: 礼堂\nkind: auditorium\nseats: 10\nseats: 20\n")
    assert (
        "data/halls/test-auditorium.yml:4:1: seats: the key 'seats' appears twice in the same block "
        "(first on line 3)" in heads(project)
    )


def test_anchor_and_alias(project):
    hall(project, "name: &n 礼堂\nkind: auditorium\nsignature: *n\n")
    got = heads(project)
    assert "data/halls/test-auditorium.yml:1:7: a YAML anchor (&n) is not allowed here" in got
    assert "data/halls/test-auditorium.yml:3:12: a YAML alias (*n) is not allowed here; write the value out" in got


def test_tag(project):
    hall(project, "name: !!python/object 礼堂\nkind: auditorium\n")
    assert heads(project) == [
        "data/halls/test-auditorium.yml:1:7: a YAML tag (tag:yaml.org,2002:python/object) is not allowed here"
    ]


def test_control_character(project):
    hall(project, "name: 礼\x08堂\nkind: auditorium\n")
    assert heads(project) == [
        "data/halls/test-auditorium.yml:1:8: an invisible control character (U+0008) is in the text"
    ]


def test_huge_file(project):
    hall(project, "name: x\n" + "#" * (MAX_FILE_BYTES + 10))
    assert heads(project)[0].startswith("data/halls/test-auditorium.yml: the file is 2048 KiB; data files may be")


def test_not_utf8(project):
    project.write("data/halls/test-auditorium.yml", "name: 礼堂\nkind: 文化\n".encode("gbk"))
    assert heads(project)[0].startswith("data/halls/test-auditorium.yml:1:7: the file is not UTF-8 text")


def test_tab_indentation(project):
    hall(project, "name: 礼堂\nkind: auditorium\nlocation:\n\tlat: 39.8\n")
    (line,) = heads(project)
    assert line.startswith("data/halls/test-auditorium.yml:4:")
    assert "a tab character is used where YAML needs spaces" in line


def test_full_width_colon(project):
    hall(project, "name: 礼堂\nkind： auditorium\nseats: 10\n")
    (line,) = heads(project)
    assert line.startswith("data/halls/test-auditorium.yml:2:5: ")
    assert "full-width colon '：'" in line


def test_comma_in_flow_mapping_is_explained(project):
    project.write("data/community.yml", "name: {zh: 测试社区, en: Jinxiu, Dongsheng}\n")
    got = heads(project)
    assert got == [
        "data/community.yml:1:30: name: 'Dongsheng' is read as a language of its own; quote text that holds a comma"
    ]


def test_yes_no_for_boolean_is_explained(project):
    from community_culture.core.loader import parse_yaml

    reporter = Reporter()
    node = parse_yaml("consent: yes\n", "data/honors/x.yml", reporter)
    f = Fields.open(node, Context(reporter), "", "x")
    assert f is not None and f.boolean("consent") is False
    (problem,) = reporter.problems
    assert problem.format().splitlines()[0] == (
        "data/honors/x.yml:1:10: consent: expected true or false, found 'yes' "
        "(YAML reads yes/no inconsistently, so this project asks for true/false)"
    )


def test_not_a_real_date(project):
    from community_culture.core.loader import parse_yaml

    reporter = Reporter()
    f = Fields.open(parse_yaml("date: 2024-02-30\n", "d.yml", reporter), Context(reporter), "when", "x")
    assert f is not None and f.date("date") is None
    assert (
        reporter.problems.errors[0].format().splitlines()[0] == "d.yml:1:7: when.date: '2024-02-30' is not a real date"
    )


def test_unknown_key_did_you_mean(project):
    hall(project, "name: 礼堂\nkind: auditorium\nseat: 10\n")
    (line,) = heads(project)
    assert line.startswith("data/halls/test-auditorium.yml:3:1: seat: unknown field 'seat'; did you mean 'seats'?")


def test_unknown_facility_did_you_mean(project):
    hall(project, "name: 礼堂\nkind: auditorium\nfacilities: [stage, lightning]\n")
    (line,) = heads(project)
    assert line.startswith(
        "data/halls/test-auditorium.yml:3:21: facilities[1]: unknown facility 'lightning'; did you mean 'lighting'?"
    )


def test_missing_required_and_wrong_types(project):
    hall(project, "kind: [auditorium]\nseats: 一百\narea_m2: '200'\n")
    assert heads(project) == [
        "data/halls/test-auditorium.yml:1:1: name: is required but missing",
        "data/halls/test-auditorium.yml:1:7: kind: expected a single value, found a list",
        "data/halls/test-auditorium.yml:2:8: seats: expected a whole number, found '一百'",
        "data/halls/test-auditorium.yml:3:10: area_m2: expected a number of square metres, found '200'",
    ]


def test_bad_file_name_as_id(project):
    hall(project, AUDIT := "name: x\nkind: auditorium\n", name="Jinxiu Hall")
    assert "data/halls/Jinxiu Hall.yml: the file name 'Jinxiu Hall.yml' must be a valid id" in heads(project)[0]
    assert AUDIT


def test_image_outside_content_and_missing(project):
    hall(
        project,
        "name: x\nkind: auditorium\nphotos:\n  - {src: ../secret.jpg, caption: a}\n"
        "  - {src: images/stage.jpg, caption: b}\n",
    )
    project.write("content/images/stages.jpg", b"")
    assert heads(project) == [
        "data/halls/test-auditorium.yml:4:11: photos[0].src: an image path must stay inside content/, "
        "found '../secret.jpg'",
        "data/halls/test-auditorium.yml:5:11: photos[1].src: the image 'content/images/stage.jpg' does not exist; "
        "did you mean 'stages.jpg'?",
    ]


def test_unknown_language(project):
    project.write("data/community.yml", "name: {zh: 社区, eng: Community}\n")
    assert heads(project) == [
        "data/community.yml:1:16: name: unknown language 'eng'; did you mean 'en'? (this site's languages: zh, en)"
    ]


def test_every_problem_of_a_run_is_reported(project):
    hall(project, "name: x\nkind: auditorum\nseats: -1\n", name="a")
    hall(project, "name: y\nkind: library\nopen: yes\n", name="b")
    project.write("data/community.yml", "name: 社区\ntimezone: Asia/Shanghia\n")
    got = heads(project)
    assert len(got) == 4
    assert [g.split(":")[0] for g in got] == [
        "data/community.yml",
        "data/halls/a.yml",
        "data/halls/a.yml",
        "data/halls/b.yml",
    ]


def test_report_shows_source_line_caret_and_hint(project):
    hall(project, "name: 礼堂\nkind: auditorium\narea_m2: 二百\n")
    _, problems = load_site(options(project.root))
    text = problems.report()
    assert "    area_m2: 二百\n             ^\n    提示：请填写阿拉伯数字" in text


def test_front_matter_error_is_reported(project):
    project.write("content/about.md", "---\ntitle: 关于\ntags: [a, b\n---\n\n正文\n")
    (line,) = heads(project)
    assert line == "content/about.md:4:1: a [ ... ] is not closed, or text inside it holds ': ' and needs quotes"


def test_unclosed_front_matter(project):
    project.write("content/about.md", "---\ntitle: 关于\n\n正文\n")
    assert heads(project) == [
        "content/about.md:1:1: front matter: the front matter opened by '---' on line 1 "
        "is never closed by another '---'"
    ]


def test_unknown_data_entry_is_a_warning(project):
    project.write("data/hals/x.yml", "name: x\n")
    _, problems = load_site(options(project.root))
    assert [p.format().splitlines()[0] for p in problems.warnings] == [
        "data/hals: warning: 'hals' is not read by the site; did you mean 'halls'?"
    ]
    assert problems.errors == []


@pytest.mark.parametrize(
    "hours,zh,en",
    [
        ("Mo-Su 08:30-21:00", "每天 08:30–21:00", "Daily 08:30–21:00"),
        (
            "Mo-Fr 08:30-12:00,14:30-18:00; Sa 09:00-17:00; Su off",
            "周一至周五 08:30–12:00、14:30–18:00；周六 09:00–17:00；周日闭馆",
            "Monday to Friday 08:30–12:00 and 14:30–18:00; Saturday 09:00–17:00; Sunday: closed",
        ),
        ("24/7", "每天 全天开放", "Daily open all day"),
        (
            "Tu,Th 19:00-21:00; PH off",
            "周二、周四 19:00–21:00；法定节假日闭馆",
            "Tuesday, Thursday 19:00–21:00; Public holidays: closed",
        ),
    ],
)
def test_opening_hours_in_words(hours, zh, en):
    from community_culture.model.opening_hours import parse_opening_hours

    parsed = parse_opening_hours(hours)
    assert parsed.describe("zh") == zh
    assert parsed.describe("en") == en


def test_unparsed_opening_hours_warn_and_show_verbatim(project):
    hall(project, AUDIT_HOURS := 'name: x\nkind: library\nopening_hours: "Jan-Jun Mo 10:00-12:00"\n')
    _, problems = load_site(options(project.root))
    assert problems.errors == [] and AUDIT_HOURS
    assert (
        problems.warnings[0]
        .format()
        .splitlines()[0]
        .startswith(
            "data/halls/test-auditorium.yml:3:16: warning: opening_hours: 'Jan-Jun Mo 10:00-12:00' is shown as written"
        )
    )
