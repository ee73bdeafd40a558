"""`culture check` and the build tell the same problems, word for word, for a corpus of classic mistakes."""

from __future__ import annotations

import re

import pytest
from mkdocs.exceptions import Abort

HALL = "name: {zh: 测试礼堂, en: Test Auditorium}\nkind: auditorium\n"
EVENT = (
    "events:\n  - id: 2026-gala\n    title: {zh: 联欢会, en: Gala}\n    category: festival\n"
    "    when: {date: 2026-05-01}\n    hall: test-auditorium\n"
)
CORPUS = {
    "full-width colon": ("data/halls/test-auditorium.yml", HALL.replace("kind: ", "kind：")),
    "tab": ("data/halls/test-auditorium.yml", HALL.replace("kind:", "\tkind:")),
    "comma": ("data/halls/test-auditorium.yml", HALL + "address: {zh: 交通街道, en: Jiaotong, Dongsheng}\n"),
    "consent yes": (
        "data/honors/morality.yml",
        "entries:\n  - id: li-2026\n    name: {zh: 李秀英, en: Li Xiuying}\n    year: 2026\n    consent: yes\n",
    ),
    "no such date": ("data/events/2026.yml", EVENT.replace("2026-05-01", "2026-02-30")),
    "hall by name": ("data/events/2026.yml", EVENT.replace("hall: test-auditorium", "hall: 测试礼堂")),
    "category in Chinese": ("data/events/2026.yml", EVENT.replace("category: festival", "category: 节庆活动")),
    "status in Chinese": ("data/events/2026.yml", EVENT + "    status: 已取消\n"),
    "bad repeat rule": (
        "data/events/2026.yml",
        EVENT.replace("{date: 2026-05-01}", "{every: 每月, on: 第二个周八, start: 2026-01-01, until: 2026-12-31}"),
    ),
    "several slips after a syntax error": (
        "data/events/2026.yml",
        EVENT.replace("    category: festival", "\tcategory: festival") + "    venue: {zh: 东胜区, 交通街道}\n",
    ),
}
_HEAD = re.compile(r"^data/\S+:\d+(:\d+)?: ", re.MULTILINE)


@pytest.mark.parametrize("case", list(CORPUS), ids=list(CORPUS))
def test_check_and_build_say_the_same(project, check, caplog, case):
    path, text = CORPUS[case]
    (project.root / path).parent.mkdir(parents=True, exist_ok=True)
    (project.root / path).write_text(text, encoding="utf-8")
    status, out = check()
    assert status == 1
    errors = [b for b in out.split("\n\n") if _HEAD.match(b) and "提醒：" not in b.split("\n")[0]]
    assert errors, out
    with pytest.raises(Abort):
        project.build()
    log = caplog.text
    for block in errors:
        assert block in log, f"{case}: not in the build's report:\n{block}"
    # ... and the build tells nothing the check does not.
    reported = log[log.index("the data has problems") :]
    assert sorted(m.group(0) for m in _HEAD.finditer(reported)) == sorted(
        m.group(0) for b in errors if (m := _HEAD.match(b))
    )
