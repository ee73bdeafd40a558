"""The notice-board prints without MkDocs: how the month's lines tell their dates, how a
board is split into pages, and a press job that may run on over more pages."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from conftest import AUDITORIUM, COMMUNITY
from pypdf import PdfReader

from community_culture.build import Build
from community_culture.model.site import Options, load_site
from community_culture.model.sizes import named_size
from community_culture.pages.posters import BOARD_PER_PAGE, board_jobs, month_poster, range_words
from community_culture.printing.press import Press, PrintError, PrintJob

EVENTS = """\
events:
  - {id: basketball, title: 篮球友谊赛, category: sports, when: {month: 2026-04, part: late}, hall: test-auditorium}
  - id: lecture
    title: {zh: 防灾减灾讲座, en: Disaster prevention talk}
    category: civic-education
    when: {date: 2026-04-18, time: "09:00-11:30"}
    venue: {zh: 社区广场, en: The square}
  - {id: fair, title: 游园会, category: festival, when: {date: 2026-04-05}, hall: test-auditorium}
  - {id: reading-month, title: 全民读书月, category: reading, when: {month: 2026-04}, hall: test-auditorium}
  - {id: core-values, title: 核心价值观宣传, category: publicity, when: {from: 2026-03, to: 2026-05}}
  - {id: exhibition, title: 春季书画展, category: performance, when: {start: 2026-04-28, end: 2026-05-03}}
  - {id: winter, title: 冬令营, category: training, when: {start: 2026-12-30, end: 2027-01-02}}
"""


def make_site(root: Path, files: dict[str, str]) -> Build:
    for path, text in {"data/community.yml": COMMUNITY, "data/halls/test-auditorium.yml": AUDITORIUM, **files}.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    options = Options(
        root,
        root / "data",
        root / "content",
        as_of=dt.date(2026, 6, 1),
        site_url="https://example.org/",
        cache_dir=root / "cache",
    )
    site, problems = load_site(options)
    assert site is not None, problems.report()
    return Build.of(site)


def test_a_month_as_the_poster_lists_it(tmp_path: Path) -> None:
    poster = month_poster(make_site(tmp_path, {"data/events/2026.yml": EVENTS}), 2026, 4, "zh")
    # Month-long and months-long activities are told once, above the lines.
    assert [(x.occurrence.event.id, x.date) for x in poster.whole] == [
        ("core-values", "3月至5月"),
        ("reading-month", "4月"),
    ]
    rows = [(x.occurrence.event.id, x.date, x.weekday, x.time) for x in poster.lines]
    assert rows == [
        ("fair", "4月5日", "星期日", ""),
        ("lecture", "4月18日", "星期六", "09:00–11:30"),
        # Late April starts on the 21st, but the poster never says so: only what is known.
        ("basketball", "4月下旬", "", ""),
        ("exhibition", "4月28日至5月3日", "", ""),
    ]
    places = [x.place.get("zh", "zh") if x.place else None for x in poster.lines]
    assert places == ["测试礼堂", "社区广场", "测试礼堂", None]


def test_english_and_a_range_across_the_new_year(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"data/events/2026.yml": EVENTS})
    rows = [(x.date, x.weekday) for x in month_poster(site, 2026, 4, "en").lines]
    assert rows == [
        ("5 April", "Sunday"),
        ("18 April", "Saturday"),
        ("late April", ""),
        ("28 April – 3 May", ""),
    ]
    assert [x.date for x in month_poster(site, 2027, 1, "zh").lines] == ["2026年12月30日至2027年1月2日"]
    assert range_words(dt.date(2026, 7, 20), dt.date(2026, 8, 31), "zh") == "7月20日至8月31日"
    assert month_poster(site, 2026, 6, "zh").lines == ()


def entries(count: int, **fields: str) -> str:
    extra = "".join(f", {key}: {value}" for key, value in fields.items())
    return "entries:\n" + "".join(
        f"  - {{id: person-{i:02d}, name: 居民{i:02d}, year: {2026 - i % 3}, consent: true{extra}}}\n"
        for i in range(count)
    )


def test_a_long_board_is_printed_page_by_page(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"data/honors/morality.yml": entries(13)})
    board = site.boards["morality"]
    jobs = board_jobs(site, board, site.honors["morality"])
    assert BOARD_PER_PAGE == 6
    assert [job.key for job in jobs] == [f"honors/morality/board.pdf#page={n}" for n in (1, 2, 3)]
    assert [job.label for job in jobs] == [f"honour board 'morality', page {n} of 3" for n in (1, 2, 3)]
    # Shared out evenly: no last page with a single card on it.
    assert [len(job.context["entries"]) for job in jobs] == [5, 4, 4]
    assert {job.page for job in jobs} == {"honors/morality/"}
    assert {(job.size.width_mm, job.size.height_mm) for job in jobs} == {(594, 841)}
    # Every page is set alike, the last one too, so that they hang side by side.
    assert {(job.context["columns"], job.context["rows"]) for job in jobs} == {(2, 3)}
    assert jobs[0].source == board.source


@pytest.mark.parametrize(
    ("count", "pages", "grid"),
    [(1, [1], (1, 1)), (2, [2], (1, 2)), (4, [4], (2, 2)), (6, [6], (2, 3)), (7, [4, 3], (2, 2)), (12, [6, 6], (2, 3))],
)
def test_a_board_is_shared_out_over_few_even_pages_in_a_grid_that_fills_them(
    tmp_path: Path, count: int, pages: list[int], grid: tuple[int, int]
) -> None:
    site = make_site(tmp_path, {"data/honors/morality.yml": entries(count)})
    jobs = board_jobs(site, site.boards["morality"], site.honors["morality"])
    assert [len(job.context["entries"]) for job in jobs] == pages
    assert {(job.context["columns"], job.context["rows"]) for job in jobs} == {grid}
    # Every entry once, in order.
    assert [e.id for job in jobs for e in job.context["entries"]] == [e.id for e in site.honors["morality"]]


def test_a_short_board_is_one_page_of_large_cards_and_elders_get_ages(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"data/honors/longevity.yml": entries(3, born="1926")})
    [job] = board_jobs(site, site.boards["longevity"], site.honors["longevity"])
    assert job.label == "honour board 'longevity'" and job.key == "honors/longevity/board.pdf#page=1"
    assert (job.context["columns"], job.context["rows"]) == (1, 3)
    assert job.context["ages"] == {"person-00": 100, "person-01": 100, "person-02": 100}


LIST = """\
{% extends "print/_base/page.html" %}
{% block stylesheet %}body { margin: 0; } p { font-family: "Noto Sans CJK SC"; font-size: 20pt; margin: 0; }{% endblock %}
{% block body %}{% for i in range(lines) %}<p lang="zh">第{{ i }}行</p>{% endfor %}{% endblock %}
"""


@pytest.mark.parametrize("flow", [True, False])
def test_a_flowing_job_may_run_on_to_more_pages(tmp_path: Path, flow: bool) -> None:
    (tmp_path / "templates/print").mkdir(parents=True)
    (tmp_path / "templates/print/list.html").write_text(LIST, encoding="utf-8")
    press = Press(tmp_path, ("zh", "en"), [tmp_path / "templates"], tmp_path / "cache", "https://example.org/")
    job = press.add(PrintJob("list.pdf", "a list", named_size("A4"), "print/list.html", "zh", {"lines": 40}, flow=flow))
    if flow:
        assert len(PdfReader(io.BytesIO(press.pdf([job]))).pages) == 2
        assert not press.problems.errors
    else:
        with pytest.raises(PrintError, match="the content does not fit on the page"):
            press.pdf([job])
