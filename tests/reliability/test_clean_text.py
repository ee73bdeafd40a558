"""Control characters, bidi overrides and zero-width characters are refused with file:line;
names are NFC-normalised; nothing invisible reaches the terminal."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest

from community_culture.core.loader import Reporter, Scalar, parse_yaml
from community_culture.core.problems import Position, Problem

from . import figures

# (as written inside double quotes in YAML, the code point it becomes)
ESCAPED = [
    ("\\e[2J\\e[HOK", "U+001B"),
    ("x\\0y", "U+0000"),
    ("bell\\x07", "U+0007"),
    ("\\x9b31m", "U+009B"),
    ("abc\\u202Edcba", "U+202E"),
    ("\\u202Aleft", "U+202A"),
    ("\\u2066iso\\u2069", "U+2066"),
    ("王\\u200B秀兰", "U+200B"),
    ("王\\u200C秀兰", "U+200C"),
    ("王\\u200D秀兰", "U+200D"),
    ("\\u2060joiner", "U+2060"),
    ("\\uFEFFbom", "U+FEFF"),
    ("line\\u2028sep", "U+2028"),
]
RAW = ["\u202e", "\u200b", "\u2067", "\x1b"]


@pytest.mark.parametrize(("escaped", "code"), ESCAPED)
def test_escaped_hidden_characters_are_refused_with_their_line(
    project, check: Callable[..., tuple[int, str]], escaped: str, code: str
) -> None:
    project.write(
        "data/halls/test-auditorium.yml",
        f'name: {{zh: "测试{escaped}礼堂", en: Test Auditorium}}\nkind: auditorium\narea_m2: 210\n'
        "facilities: [stage, lighting, sound]\n"
        "functions: [ceremonies, cultural-activities, council-meetings, film-screenings]\n",
    )
    status, out = check()
    figures.tried()
    assert status == 1
    assert "data/halls/test-auditorium.yml:1:" in out and code in out, out
    assert "请删掉" in out  # the hint in Chinese
    # Nothing invisible or terminal-controlling is printed as it is.
    assert not any(ch in out for ch in "\x1b\x00\x07\x9b\u202e\u202a\u2066\u200b\u200c\u200d\u2060\ufeff\u2028")


@pytest.mark.parametrize("char", RAW)
def test_raw_hidden_characters_are_refused_at_their_column(project, check, char: str) -> None:
    project.write("data/community.yml", f"name: {{zh: 测试{char}社区, en: Test}}\ntimezone: Asia/Shanghai\n")
    status, out = check()
    figures.tried()
    assert status == 1
    assert "data/community.yml:1:14:" in out, out
    assert char not in out
    assert f"<U+{ord(char):04X}>" in out


def test_emoji_sequences_keep_their_joiner() -> None:
    reporter = Reporter()
    node = parse_yaml('a: "👨\\u200D👩\\u200D👧 一家"', "f.yml", reporter)
    assert not reporter.problems.errors
    assert node.get("a").value == "👨\u200d👩\u200d👧 一家"  # type: ignore[union-attr]


def test_text_is_nfc_normalised() -> None:
    reporter = Reporter()
    decomposed = "Zhe\u0301 Jose\u0301 \u8c48"
    node = parse_yaml(f"name: {decomposed}\nother: '\uf900'\n", "f.yml", reporter)
    assert not reporter.problems.errors
    name = node.get("name")  # type: ignore[union-attr]
    assert isinstance(name, Scalar)
    assert name.value == unicodedata.normalize("NFC", decomposed) == "Zhé José \u8c48"
    assert node.get("other").value == unicodedata.normalize("NFC", "\uf900")  # type: ignore[union-attr]


def test_a_problem_never_prints_control_characters() -> None:
    problem = Problem(Position("f.yml", 1, 3), "name", "bad \x1b[2J value", source_line="a: \x1b[2J\x1b[32mOK")
    text = problem.format()
    assert "\x1b" not in text and "<U+001B>[2J" in text
