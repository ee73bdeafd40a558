"""Compiled templates kept in the build cache: a cache folder that goes away is made again."""

from __future__ import annotations

import shutil

import jinja2

from community_culture.core.templates import template_cache


def test_a_cleared_cache_folder_is_made_again(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t/page.html").write_text("<p>{{ word }}</p>", encoding="utf-8")
    cache = tmp_path / "cache"

    def render() -> str:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(tmp_path / "t")), bytecode_cache=template_cache(cache)
        )
        return env.get_template("page.html").render(word="你好")

    assert render() == "<p>你好</p>"
    assert list((cache / "templates").iterdir())  # compiled and kept
    shutil.rmtree(cache)  # an editor clears the cache while the preview runs
    assert render() == "<p>你好</p>"
    assert list((cache / "templates").iterdir())
