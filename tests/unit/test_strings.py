"""Interface words are data: one file per language, every used key in every language, and a
site's overrides/ can change a word."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

import community_culture
from community_culture.core import strings

PACKAGE = Path(community_culture.__file__).resolve().parent
FILES = PACKAGE / "templates" / "strings"
# culture.t("key") / press.t("key", ...) in templates; translate(..., "key") and the
# local t("key") helpers in Python.
_TEMPLATE_KEY = re.compile(r"""\b(?:culture|press|ui)\.t\(\s*["']([a-z_][a-z0-9_.]*)["']""")
_PY_KEY = re.compile(r"""\b(?:translate\([^()"']*?|\bt\(\s*)["']([a-z_][a-z0-9_.]*)["']""")


def _tables() -> dict[str, dict[str, str]]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(FILES.glob("*.yml"))}


def _used_keys() -> set[str]:
    keys: set[str] = set()
    for path in (PACKAGE / "templates").rglob("*.html"):
        keys |= set(_TEMPLATE_KEY.findall(path.read_text(encoding="utf-8")))
    for path in PACKAGE.rglob("*.py"):
        keys |= set(_PY_KEY.findall(path.read_text(encoding="utf-8")))
    # "status." ~ value is a family of keys; "zh" / "en" are languages passed to translate().
    return {key for key in keys if not key.endswith(".") and key not in ("zh", "en")}


def test_every_language_has_every_key():
    tables = _tables()
    assert set(tables) == {"zh", "en"}
    assert set(tables["zh"]) == set(tables["en"])
    for lang, table in tables.items():
        assert all(isinstance(v, str) and v for v in table.values()), lang


def test_every_key_the_templates_and_code_use_exists():
    used = _used_keys()
    assert len(used) > 150, "the scan finds the keys in use"
    missing = sorted(used - set(_tables()["en"]))
    assert missing == []


def test_placeholders_agree_between_languages():
    tables = _tables()
    for key, text in tables["zh"].items():
        assert set(re.findall(r"\{(\w+)\}", text)) == set(re.findall(r"\{(\w+)\}", tables["en"][key])), key


def test_a_site_changes_a_word_in_overrides(project, check):
    project.write("overrides/strings/en.yml", "halls: Places to meet\n")
    project.write("overrides/strings/zh.yml", "halls: 活动场所\n")
    text = project.root.joinpath("mkdocs.yml").read_text(encoding="utf-8")
    project.write("mkdocs.yml", text.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n"))
    project.build()
    try:
        assert project.html("en/halls/").h1.get_text() == "Places to meet"
        assert project.html("halls/").h1.get_text() == "活动场所"
        # Words not overridden stay ours; the words file is not published.
        assert "Cultural venues" not in project.html("en/halls/").h1.get_text()
        assert project.html("en/halls/").select_one(".cc-skip").get_text() == "Skip to content"
        assert not (project.site / "strings").exists()
    finally:
        strings.use_template_dirs(())


def test_a_broken_words_file_is_a_warning_and_the_site_keeps_its_words(project, check):
    project.write("overrides/strings/en.yml", "halls: [unclosed\n")
    text = project.root.joinpath("mkdocs.yml").read_text(encoding="utf-8")
    project.write("mkdocs.yml", text.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n"))
    code, out = check()
    assert code == 0
    assert "overrides/strings/en.yml" in out and "界面文字文件格式不对" in out
    code, out = check("--strict")
    assert code == 1
    project.build()
    try:
        page = BeautifulSoup((project.site / "en/halls/index.html").read_text("utf-8"), "html.parser")
        assert page.h1 is not None and page.h1.get_text() == "Cultural venues"
    finally:
        strings.use_template_dirs(())
