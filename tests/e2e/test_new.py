"""`culture new` for every type: a skeleton that passes `culture check` and builds, appended without touching the rest."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from community_culture.cli import main
from community_culture.scaffold import make_id

EVENTS = """\
# 我们社区的活动（编辑手写的注释要保留）
events:
  - id: spring-gala        # 春节联欢
    title: {zh: 春节联欢会, en: Spring gala}
    category: festival
    when: {festival: spring-festival, year: 2026}
    hall: test-auditorium

# 文件末尾的注释
"""


def run(project, *args: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*args, "-f", str(project.root / "mkdocs.yml")])
    return code, out.getvalue() + err.getvalue()


@pytest.mark.parametrize(
    "title,expected",
    [
        ("重阳敬老联欢会", "chong-yang-jing-lao-lian-huan-hui"),
        ("Film night", "film-night"),
        ("2026年读书节", "2026-nian-du-shu-jie"),
    ],
)
def test_ids_from_titles(title, expected):
    assert make_id(title) == expected


def test_every_type_scaffolds_checks_and_builds(project):
    project.write("data/events/2026.yml", EVENTS)
    before = (project.root / "data/events/2026.yml").read_text(encoding="utf-8")
    commands = [
        ("hall", "--title", "锦绣书画室"),
        ("event", "--title", "重阳敬老联欢会", "--year", "2026"),
        ("board", "--title", "最美志愿者"),
        ("honor", "--title", "李秀英", "--board", "zui-mei-zhi-yuan-zhe"),
        ("honor", "--title", "张大爷", "--board", "longevity"),
        ("exhibit", "--title", "社区新貌"),
        ("panel", "--title", "新时代的锦绣", "--exhibit", "she-qu-xin-mao"),
    ]
    for command in commands:
        code, out = run(project, "new", *command)
        assert code == 0, out
    data = project.root / "data"
    hall = (data / "halls/jin-xiu-shu-hua-shi.yml").read_text(encoding="utf-8")
    assert hall.startswith("# yaml-language-server: $schema=../../")
    assert "name: {zh: 锦绣书画室" in hall and "# 英文名称 English name" in hall
    events = (data / "events/2026.yml").read_text(encoding="utf-8")
    # The editor's file is kept byte for byte; the new event comes after the last one.
    assert events.startswith(before.split("\n# 文件末尾的注释")[0])
    assert events.rstrip().endswith("# 文件末尾的注释")
    assert "  - id: 2026-chong-yang-jing-lao-lian-huan-hui" in events
    assert "consent: false" in (data / "honors/zui-mei-zhi-yuan-zhe.yml").read_text(encoding="utf-8")
    assert "born: 1930" in (data / "honors/longevity.yml").read_text(encoding="utf-8")
    boards = (data / "honors/boards.yml").read_text(encoding="utf-8")
    assert "- id: morality" in boards and "- id: zui-mei-zhi-yuan-zhe" in boards  # the shipped boards stay
    exhibit = (data / "exhibits/she-qu-xin-mao/exhibit.yml").read_text(encoding="utf-8")
    assert exhibit.count("  - id: ") == 2 and "  - id: xin-shi-dai-de-jin-xiu" in exhibit

    code, out = run(project, "check")
    assert code == 0, out
    assert "error" not in out.split("\n")[-2]
    project.build()
    assert project.html("halls/jin-xiu-shu-hua-shi/").h1.get_text(strip=True) == "锦绣书画室"
    assert project.html("events/2026-chong-yang-jing-lao-lian-huan-hui/").h1.get_text(strip=True) == "重阳敬老联欢会"
    assert "最美志愿者" in project.html("honors/").get_text()
    assert project.html("exhibits/she-qu-xin-mao/xin-shi-dai-de-jin-xiu/").h1.get_text(strip=True) == "新时代的锦绣"
    # Nobody's name is published without consent.
    assert "李秀英" not in project.html("honors/zui-mei-zhi-yuan-zhe/").get_text()


def test_never_overwrites_or_duplicates(project):
    assert run(project, "new", "hall", "--title", "测试礼堂", "--id", "test-auditorium")[0] == 1
    assert "已存在" in run(project, "new", "hall", "--title", "测试礼堂", "--id", "test-auditorium")[1]
    assert run(project, "new", "event", "--title", "读书会", "--year", "2026")[0] == 0
    before = (project.root / "data/events/2026.yml").read_bytes()
    code, out = run(project, "new", "event", "--title", "读书会", "--year", "2026")
    assert code == 1 and "2026-du-shu-hui" in out and "pass --id" in out
    assert (project.root / "data/events/2026.yml").read_bytes() == before
    code, out = run(project, "new", "honor", "--title", "某人", "--board", "nope")
    assert code == 1 and "culture new board" in out
    code, out = run(project, "new", "panel", "--title", "一块展板")
    assert code == 1 and "--exhibit" in out
    assert not (project.root / "data/honors").exists()


def test_schema_line_points_at_the_schemas(project):
    code, _ = run(project, "new", "exhibit", "--title", "老照片")
    assert code == 0
    first = (project.root / "data/exhibits/lao-zhao-pian/exhibit.yml").read_text(encoding="utf-8").splitlines()[0]
    target = first.split("$schema=")[1]
    assert (project.root / "data/exhibits/lao-zhao-pian" / target).resolve().is_file()
    assert Path(target).name == "exhibit.schema.json"
