"""The community's word in the print shop's file names."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

from community_culture.pages.printlist import community_slug


class Name(dict):
    def has(self, lang: str) -> bool:
        return lang in self

    def get(self, lang: str, default: str | None = None) -> str:  # type: ignore[override]
        return super().get(lang) or super().get(default or "", "")


def site(**names: str) -> SimpleNamespace:
    return SimpleNamespace(community=SimpleNamespace(name=Name(names)), default_language="zh")


def test_the_english_name_else_the_pinyin_of_the_chinese() -> None:
    assert community_slug(site(zh="锦绣社区", en="Jinxiu Community")) == "jinxiu"
    assert community_slug(site(zh="锦绣社区")) == "jin-xiu-she-qu"
    assert community_slug(site(zh="重阳社区")) == "chong-yang-she-qu"  # a word's own reading
    assert community_slug(site(zh="社区")) == "she-qu"


def test_an_english_name_loads_no_pinyin_dictionary() -> None:
    code = (
        "import sys\n"
        "from types import SimpleNamespace as N\n"
        "from community_culture.pages.printlist import community_slug\n"
        "name = N(has=lambda lang: True, get=lambda lang, default=None: 'Jinxiu Community')\n"
        "assert community_slug(N(community=N(name=name), default_language='zh')) == 'jinxiu'\n"
        "print('pypinyin' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
