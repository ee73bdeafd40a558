"""Private data: the format corpus, minors, withheld photos in every product, and no private
value or unpublished name in any message."""

from __future__ import annotations

import pytest

from community_culture.model.privacy import find_private

from . import figures
from .privacy_corpus import NEGATIVES, POSITIVES

CASES = [(kind, text) for kind, texts in POSITIVES.items() for text in texts]


@pytest.mark.parametrize(("kind", "text"), CASES)
def test_every_format_is_found(kind: str, text: str) -> None:
    figures.tried()
    for wrapped in (text, f"事迹：{text}。", f"Citation: {text}, thanks."):
        kinds = {f.kind for f in find_private(wrapped)}
        assert kinds, f"{kind} not found in {wrapped!r}"
        if kind != "birth-date":
            assert kind in kinds, (wrapped, kinds)


@pytest.mark.parametrize("text", NEGATIVES)
def test_look_alikes_do_not_trip(text: str) -> None:
    figures.tried()
    assert find_private(text) == [], text


def test_corpus_size() -> None:
    assert len(CASES) >= 32 and len(NEGATIVES) >= 30


# -- minors ------------------------------------------------------------------------------

CHILD = """\
entries:
  - id: young-reader
    name: {zh: 小明, en: Xiao Ming}
    year: 2026
    born: 2016
    title: {zh: 阅读之星, en: Reading star}
    consent: true
"""


def test_a_child_needs_a_guardians_consent(project, check) -> None:
    project.write("data/honors/talent.yml", CHILD)
    status, out = check()
    assert status == 0 and "under 18" in out and "guardian_consent: true" in out
    assert check("--strict")[0] == 1
    assert "小明" not in out and "young-reader" not in out and "Xiao Ming" not in out
    project.build()
    assert "小明" not in (project.site / "honors/talent/index.html").read_text(encoding="utf-8")
    project.write("data/honors/talent.yml", CHILD + "    guardian_consent: true\n")
    assert check("--strict")[0] == 0
    project.build()
    assert "小明" in (project.site / "honors/talent/index.html").read_text(encoding="utf-8")
    figures.tried(2)


# -- nothing private in any message or log line -------------------------------------------

SECRETS = ("13812345678", "138 1234 5678", "110101199003071234", "赵金花", "zhao-secret", "Zhao Jinhua", "锦绣路18号")
LEAKY = [
    # an unknown key that is a phone number
    "entries:\n  - id: a\n    name: 甲\n    13812345678: call\n    consent: true\n",
    # a bad value that holds one
    'entries:\n  - id: a\n    name: 甲\n    born: "138 1234 5678"\n    consent: true\n',
    # a syntax error on a line with an ID-card number and a name
    "entries:\n  - id: a\n    name: 赵金花 110101199003071234: [\n",
    # a comma slip that makes a name a key
    "entries:\n  - id: a\n    name: {zh: 赵金花, 锦绣路18号}\n    consent: true\n",
    # private details in free text
    "entries:\n  - id: a\n    name: 甲\n    citation: 家住锦绣路18号，电话138 1234 5678\n    consent: true\n",
    # an unpublished person, by name and id
    "entries:\n  - id: zhao-secret\n    name: {zh: 赵金花, en: Zhao Jinhua}\n    consent: false\n"
    "  - id: zhao-secret-2\n    name: 赵金花\n",
    # a duplicate key holding a name
    "entries:\n  - id: a\n    name: 甲\n    赵金花: 1\n    赵金花: 2\n",
]


@pytest.mark.parametrize("text", LEAKY)
def test_no_message_prints_a_private_value(project, check, caplog: pytest.LogCaptureFixture, text: str) -> None:
    project.write("data/honors/morality.yml", text)
    _, out = check("--strict")
    try:
        project.build()
    except Exception as exc:
        out += str(exc)
    out += caplog.text
    leaks = [s for s in SECRETS if s in out]
    figures.tried()
    figures.leaked(len(leaks))
    assert "data/honors/morality.yml" in out
    assert not leaks, out


# -- withheld photos appear in no product --------------------------------------------------


def _withheld_photo(project) -> bytes:
    from printed import phone_photo

    data = phone_photo(1600, 1200, (10, 200, 90))
    project.write("content/images/honors/zhao.jpg", data)
    project.write(
        "data/honors/morality.yml",
        "entries:\n  - id: zhao\n    name: 赵金花\n    photo: images/honors/zhao.jpg\n    consent: false\n",
    )
    return data


def test_a_withheld_photo_cannot_be_a_panel_image(project, check) -> None:
    _withheld_photo(project)
    project.write(
        "data/exhibits/people/exhibit.yml",
        "title: 人物\nsection: virtue\npanels:\n  - id: one\n    title: 一\n    body: 文字\n"
        "    images:\n      - {src: images/honors/zhao.jpg, caption: 合影}\n",
    )
    status, out = check()
    assert status == 1 and "data/exhibits/people/exhibit.yml:4:" in out and "not published" in out
    assert "赵金花" not in out and "zhao" not in out.replace("images/honors/zhao.jpg", "")
    figures.tried()


def test_a_copy_of_a_withheld_photo_is_withheld_too(project, check) -> None:
    data = _withheld_photo(project)
    project.write("content/images/halls/stage.jpg", data)
    project.write("content/images/other.jpg", data)
    hall = project.root / "data/halls/test-auditorium.yml"
    hall.write_text(hall.read_text() + "photos:\n  - {src: images/halls/stage.jpg, caption: 舞台}\n")
    status, out = check()
    assert status == 1 and "data/halls/test-auditorium.yml" in out and "(a copy of) the photo" in out
    hall.write_text(hall.read_text().split("photos:")[0])
    assert check()[0] == 0
    project.build()
    published = [p.relative_to(project.site).as_posix() for p in project.site.rglob("*.jpg")]
    assert "images/other.jpg" not in published and "images/halls/stage.jpg" not in published
    assert "images/honors/zhao.jpg" not in published
    figures.tried()
