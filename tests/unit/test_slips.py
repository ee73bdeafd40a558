"""Slips that used to pass silently: night-time hours, full-width time punctuation, missing translations."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from community_culture.cli import main
from community_culture.model.site import Options, load_site

ROOT = Path(__file__).resolve().parents[2]


def event_file(when: str, title: str = "{zh: 活动, en: Activity}") -> str:
    return (
        f"events:\n  - id: e1\n    title: {title}\n    category: festival\n    hall: test-auditorium\n"
        f"    when: {when}\n"
    )


def first_lines(project) -> list[str]:  # type: ignore[no-untyped-def]
    _, problems = load_site(Options(project.root, project.root / "data", project.root / "content"))
    return [p.format().splitlines()[0] for p in problems]


def test_an_afternoon_written_on_the_12_hour_clock_warns(project):
    project.write("data/events/2026.yml", event_file('{date: 2026-05-01, time: "2:30-4:30"}'))
    _, problems = load_site(Options(project.root, project.root / "data", project.root / "content"))
    [warning] = list(problems)
    assert warning.severity == "warning"
    assert warning.format().splitlines()[0] == (
        "data/events/2026.yml:6:36: warning: events[0].when.time: '2:30-4:30' starts at 2:30 at night; "
        'times are on the 24-hour clock, so an afternoon is written "14:30-16:30"'
    )
    assert '凌晨 2:30？时间按 24 小时制书写，下午请写成 "14:30-16:30"' in warning.format()


@pytest.mark.parametrize("time", ["06:00", "09:00-11:30", "19:30-21:00"])
def test_daytime_hours_do_not_warn(project, time):
    project.write("data/events/2026.yml", event_file(f'{{date: 2026-05-01, time: "{time}"}}'))
    assert first_lines(project) == []


@pytest.mark.parametrize(
    "time", ["19:00—21:00", "19：00－21：00", "19:00~21:00", "19:00至21:00", "１９:００-２１:００"]
)
def test_full_width_time_punctuation_is_read(project, time):
    project.write("data/events/2026.yml", event_file(f'{{date: 2026-05-01, time: "{time}"}}'))
    assert first_lines(project) == []
    site, _ = load_site(Options(project.root, project.root / "data", project.root / "content"))
    w = site.events["e1"].when
    assert (f"{w.start_time:%H:%M}", f"{w.end_time:%H:%M}") == ("19:00", "21:00")


def check(project, *args: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "-f", str(project.root / "mkdocs.yml"), *args])
    return code, out.getvalue()


def test_untranslated_texts_are_warnings_that_strict_fails_on(project):
    project.write(
        "data/events/2026.yml",
        event_file("{date: 2026-05-01}", title="重阳敬老联欢会") + "    summary: {zh: 为老人祝寿。}\n",
    )
    code, out = check(project)
    assert code == 0
    assert (
        "data/events/2026.yml:3:12: 提醒：缺少英文（en）版本：第 1 个活动的名称（title）（第 3 行）、"
        "第 1 个活动的简介（summary）（第 7 行）；英文页面将显示中文。用 culture check --translations 查看全部\n"
        "    2 texts without English (en): event 1, title (line 3), event 1, summary (line 7); "
        "the English pages show them in Chinese"
    ) in out
    _, out = check(project, "--lang", "en")
    assert (
        "data/events/2026.yml:3:12: warning: 2 texts without English (en): event 1, title (line 3), "
        "event 1, summary (line 7); the English pages show them in Chinese"
    ) in out
    code, out = check(project, "--strict")
    assert code == 1 and "FAILED" in out


def test_translations_lists_what_each_language_lacks(project):
    project.write(
        "data/events/2026.yml",
        event_file("{date: 2026-05-01}", title="{en: Only English}") + "    summary: 只有中文。\n",
    )
    code, out = check(project, "--translations")
    assert code == 0
    assert out.splitlines() == [
        "中文（zh）缺少 1 处 / Chinese (zh) lacks 1:",
        "  data/events/2026.yml:3:12: events[0].title",
        "英文（en）缺少 1 处 / English (en) lacks 1:",
        "  data/events/2026.yml:7:14: events[0].summary",
    ]


def test_the_example_passes_a_strict_check(tmp_path):
    for name in ("content", "data"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")

    class P:
        root = tmp_path

    code, out = check(P, "--strict")
    assert code == 0, out
    code, out = check(P, "--translations")
    assert "英文（en）缺少 0 处" in out and "中文（zh）缺少 0 处" in out
