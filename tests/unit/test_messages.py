"""Messages for people: Chinese first, positions from 1 in words, right hints, nobody withheld named."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from community_culture.cli import main
from community_culture.core.wording import field_words


def check(project, *args: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "-f", str(project.root / "mkdocs.yml"), *args])
    return code, out.getvalue()


def event(**fields: str) -> str:
    base = {
        "id": "e1",
        "title": "{zh: 活动, en: Activity}",
        "category": "festival",
        "hall": "test-auditorium",
        "when": "{date: 2026-05-01}",
    }
    base.update(fields)
    return "events:\n  - " + "\n    ".join(f"{k}: {v}" for k, v in base.items()) + "\n"


@pytest.mark.parametrize(
    "path,zh,en",
    [
        ("events[3].when.time", "第 4 个活动的时间（when.time）", "event 4, when.time"),
        ("entries[0].photo", "第 1 条荣誉条目的照片（photo）", "entry 1, photo"),
        (
            "events[12].records[0].photos[1].credit",
            "第 13 个活动的第 1 条活动记录的第 2 张照片的署名（credit）",
            "event 13, record 1, photo 2, credit",
        ),
        ("events[film-night].hall", "活动“film-night”的场馆（hall）", "event film-night, hall"),
        ("address", "地址（address）", "address"),
        ("", "", ""),
    ],
)
def test_field_words(path, zh, en):
    assert (field_words(path, "zh"), field_words(path, "en")) == (zh, en)


def test_chinese_first_and_english_with_lang_en(project):
    project.write("data/events/2026.yml", event(when='{date: 2026-05-01, time: "2pm"}'))
    code, out = check(project)
    assert code == 1
    assert out.splitlines()[:4] == [
        'data/events/2026.yml:6:36: 第 1 个活动的时间（when.time）：时间请按 24 小时制写成 "19:00" 或 "19:00-21:00"',
        '        when: {date: 2026-05-01, time: "2pm"}',
        "                                       ^",
        '    expected a time on the 24-hour clock like "19:00" or "19:00-21:00", found \'2pm\'',
    ]
    assert "检查未通过" in out
    _, out = check(project, "--lang", "en")
    assert out.splitlines()[0] == (
        "data/events/2026.yml:6:36: event 1, when.time: "
        'expected a time on the 24-hour clock like "19:00" or "19:00-21:00", found \'2pm\''
    )
    assert '    提示：时间请按 24 小时制写成 "19:00" 或 "19:00-21:00"' in out


def test_json_for_tools(project):
    project.write("data/events/2026.yml", event(category="节庆活动"))
    code, out = check(project, "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False and data["errors"] == 1
    [p] = data["problems"]
    assert (p["path"], p["line"], p["column"], p["field"]) == ("data/events/2026.yml", 4, 15, "events[0].category")
    assert p["where"] == {"zh": "第 1 个活动的类别（category）", "en": "event 1, category"}
    assert p["hint"] == "这里请写编号 festival（节庆活动），不写中文名称"


@pytest.mark.parametrize(
    "fields,hint,not_said",
    [
        ({"title": "{zh：测试活动, en: Test}"}, "“zh”后面用了中文全角冒号“：”，请改成英文半角冒号加空格“: ”", "逗号"),
        ({"category": "节庆活动"}, "这里请写编号 festival（节庆活动），不写中文名称", "taxonomies"),
        ({"status": "已取消"}, "这里请写编号 cancelled（已取消），不写中文名称", "taxonomies"),
        ({"status": "cancel"}, "不在可选范围内，只能从列出的编号中选择", "taxonomies"),
        ({"hall": "测试礼堂"}, "场馆请写编号 test-auditorium，不写中文名称", "venue 里"),
    ],
)
def test_hints_that_used_to_be_wrong(project, fields, hint, not_said):
    project.write("data/events/2026.yml", event(**fields))
    code, out = check(project)
    assert code == 1
    assert hint in out
    assert not_said not in out


def test_consent_yes_is_not_told_as_a_refusal(project):
    project.write(
        "data/honors/morality.yml", "entries:\n  - id: li-2026\n    name: 李秀英\n    year: 2026\n    consent: yes\n"
    )
    _, out = check(project)
    assert "第 1 条荣誉条目的同意公开（consent）：请填写 true（是）或 false（否）" in out
    assert "本人未同意公开" not in out
    assert "consent 只能写 true 或 false" in out


HONORS = """\
entries:
  - id: wang-xiulan-2026
    name: {zh: 王秀兰, en: Wang Xiulan}
    year: 2026
    photo: images/honors/wang-xiulan.jpg
    consent: true
  - id: hao-jinfeng-2026
    name: {zh: 郝金凤, en: Hao Jinfeng}
    year: 2026
    photo: images/honors/hao-jinfeng.jpg
    consent: false
  - id: li-guizhi-2026
    name: {zh: 李桂芝, en: Li Guizhi}
    year: 2026
    photo: images/honors/hao-jinfen.jpg
    consent: true
  - id: zhang-2026
    name: {zh: 张大爷, en: Zhang}
    year: 2026
    photo: images/honors/wang-xiulan.jpeg
    consent: true
  - id: qian-2026
    name: {zh: 钱大妈, en: Qian}
    year: 2026
    photo: images/honors/zhao-stray.jpeg
    consent: true
"""


def test_no_message_names_a_withheld_person(project):
    from conftest import ROOT

    for name in ("wang-xiulan.jpg", "hao-jinfeng.jpg", "zhao-stray.jpg"):
        # Different photos (a byte copy of a withheld person's photo is withheld too).
        photo = (ROOT / "content/images/honors/wang-xiulan.jpg").read_bytes() + name.encode()
        project.write(f"content/images/honors/{name}", photo)
    project.write("data/honors/morality.yml", HONORS)
    for args in ((), ("--lang", "en"), ("--format", "json")):
        _, out = check(project, *args)
        for word in ("郝金凤", "Hao Jinfeng", "hao-jinfeng"):
            assert word not in out, (args, out)
    _, out = check(project)
    # The misspelt photo is reported, but no file of someone left out, nor a stray one, is offered.
    assert "data/honors/morality.yml:15:12: 第 3 条荣誉条目的照片（photo）：找不到这张图片" in out
    assert "hao-jinfeng.jpg" not in out and "mean 'zhao-stray.jpg'" not in out
    assert "data/honors/morality.yml:7: honors: an entry left out of the site (consent: false)" in out


def test_summary_counts_everything_read(project):
    project.write("data/events/2026.yml", event())
    code, out = check(project)
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[-2].startswith("culture check: 检查通过 — 场馆 1、活动 1、荣誉 0、榜单 5、展陈 0、展板 0")
    assert lines[-1].startswith("  OK - 1 halls, 1 events, 0 honours, 5 boards, 0 exhibits, 0 panels")


def test_other_slips_are_found_after_a_syntax_error(project):
    project.write(
        "data/events/2026.yml",
        "events:\n"
        "  - id: e1\n"
        "    title: {zh: 活动, en: Activity}\n"
        "    venue: {zh: 东胜区, 交通街道}\n"
        "\tcategory: festival\n"
        "    when：{date: 2026-05-01}\n"
        '    summary: {zh: 好, en: "a, b: c"}   # a comment, with a comma\n',
    )
    _, out = check(project, "--lang", "en")
    heads = [line for line in out.splitlines() if line.startswith("data/")]
    assert heads == [
        "data/events/2026.yml:4:22: the comma after '东胜区' ends the value of 'zh', and '交通街道' becomes a key of its "
        "own; quote text that holds a comma",
        "data/events/2026.yml:5:1: a tab character is used where YAML needs spaces for indentation",
        "data/events/2026.yml:6:9: a full-width colon '：' follows 'when'; YAML needs a plain colon and a space: "
        "'when: '",
    ]
