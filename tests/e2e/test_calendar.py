"""The calendar end to end: pages, feeds parsed back by two parsers, and open data."""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo

import icalendar
import pytest
import vobject
from bs4 import BeautifulSoup

EVENTS = """\
events:
  - id: double-ninth
    title: {zh: 重阳敬老联欢会, en: Double Ninth gathering}
    category: festival
    when: {festival: double-ninth, year: 2026, time: "09:00-11:30"}
    hall: test-auditorium
    status: confirmed
    summary: {zh: 为老人祝寿。, en: Birthday wishes for elders.}
  - id: may-basketball
    title: {zh: 篮球友谊赛, en: Friendly basketball}
    category: sports
    when: {month: 2026-04, part: late}
    hall: test-auditorium
  - id: film-night
    title: {zh: 电影放映, en: Film night}
    category: film
    when: {rrule: "FREQ=MONTHLY;BYDAY=2SA", start: 2026-05-01, until: 2026-08-31, time: "19:00-21:00", except: [2026-07-11]}
    hall: test-auditorium
  - id: values-publicity
    title: {zh: 核心价值观宣传, en: Core values publicity}
    category: publicity
    when: {from: 2026-01, to: 2026-12}
    venue: {zh: 宣传栏, en: Notice boards}
  - id: qixi
    title: {zh: 七夕音乐会, en: Qixi concert}
    category: performance
    when: {festival: qixi, year: 2026, time: "19:30"}
    hall: test-auditorium
    status: cancelled
  - id: contest
    title: {zh: 广场舞大赛, en: Square-dance contest}
    category: performance
    when: {month: 2026-06, part: mid}
    hall: test-auditorium
    status: postponed
  - id: reading-day
    title: {zh: 读书日, en: Reading day}
    category: reading
    when: {date: 2026-06-03}
    venue: 图书室
"""
SH = zoneinfo.ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """One build for the whole module: the tests only read it."""
    from conftest import make_project

    project = make_project(tmp_path_factory.mktemp("calendar"))
    project.write("data/events/2026.yml", EVENTS)
    project.build()
    return project


def ics(project, path: str) -> icalendar.Calendar:  # type: ignore[no-untyped-def]
    return icalendar.Calendar.from_ical((project.site / path).read_bytes())


def vevents(cal: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_hall_feed_puts_double_ninth_on_the_right_day_and_time(built):
    raw = (built.site / "halls/test-auditorium/events.ics").read_bytes()
    cal = icalendar.Calendar.from_ical(raw)
    events = vevents(cal)
    ninth = events["double-ninth-20261018@example.org"]
    start = ninth["DTSTART"].dt
    assert start == dt.datetime(2026, 10, 18, 9, 0, tzinfo=SH)
    assert ninth["DTEND"].dt == dt.datetime(2026, 10, 18, 11, 30, tzinfo=SH)
    assert ninth["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    assert ninth["STATUS"] == "CONFIRMED"
    assert str(ninth["URL"]) == "https://example.org/events/double-ninth/"
    assert "测试礼堂" in str(ninth["LOCATION"])
    # Only this hall's events: the publicity at the notice boards is elsewhere.
    assert not [u for u in events if u.startswith("values-publicity")]
    # A second, independent parser reads the same instant.
    parsed = vobject.readOne(raw.decode())
    v = next(e for e in parsed.vevent_list if e.uid.value == "double-ninth-20261018@example.org")
    assert v.dtstart.value.astimezone(dt.UTC) == dt.datetime(2026, 10, 18, 1, 0, tzinfo=dt.UTC)


def test_fuzzy_and_recurring_events_in_the_feed(built):
    events = vevents(ics(built, "events.ics"))
    late_april = events["may-basketball-20260421@example.org"]
    assert late_april["DTSTART"].dt == dt.date(2026, 4, 21)
    assert late_april["DTEND"].dt == dt.date(2026, 5, 1)  # exclusive end
    assert late_april["DTSTART"].params.get("VALUE") == "DATE"
    assert "日期未定：2026年4月下旬" in str(late_april["DESCRIPTION"])
    films = sorted(u for u in events if u.startswith("film-night"))
    assert films == [
        "film-night-20260509@example.org",
        "film-night-20260613@example.org",
        "film-night-20260808@example.org",
    ]  # 11 July is excepted
    assert events["qixi-20260819@example.org"]["STATUS"] == "CANCELLED"
    assert "DTEND" not in events["qixi-20260819@example.org"]
    assert events["contest-20260611@example.org"]["STATUS"] == "TENTATIVE"
    assert "延期" in str(events["contest-20260611@example.org"]["DESCRIPTION"])
    whole_year = events["values-publicity-20260101@example.org"]
    assert (whole_year["DTSTART"].dt, whole_year["DTEND"].dt) == (dt.date(2026, 1, 1), dt.date(2027, 1, 1))
    en = vevents(ics(built, "en/events.ics"))
    assert "Date not fixed yet: late April 2026" in str(en["may-basketball-20260421@example.org"]["DESCRIPTION"])
    assert str(en["double-ninth-20261018@example.org"]["URL"]) == "https://example.org/en/events/double-ninth/"


def test_every_feed_of_the_contract_exists_and_parses(built):
    paths = [
        "events.ics",
        "events/category/festival.ics",
        "events/category/film.ics",
        "halls/test-auditorium/events.ics",
        "events/double-ninth/event.ics",
        "events/film-night/event.ics",
    ]
    for path in paths:
        raw = (built.site / path).read_bytes()
        assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
        vobject.readOne(raw.decode())  # the independent parser accepts every file
    assert sorted(vevents(ics(built, "events/category/festival.ics"))) == ["double-ninth-20261018@example.org"]


def test_events_json_follows_the_contract(built):
    rows = json.loads((built.site / "data/events.json").read_text(encoding="utf-8"))
    starts = [r["start"] for r in rows]
    assert starts == sorted(starts)
    by = {(r["id"], r["occurrence"]): r for r in rows}
    assert by[("double-ninth", "2026-10-18")] == {
        "id": "double-ninth",
        "occurrence": "2026-10-18",
        "url": "https://example.org/events/double-ninth/",
        "title": {"zh": "重阳敬老联欢会", "en": "Double Ninth gathering"},
        "category": "festival",
        "hall": "test-auditorium",
        "status": "confirmed",
        "start": "2026-10-18T09:00:00+08:00",
        "end": "2026-10-18T11:30:00+08:00",
        "all_day": False,
        "precision": "day",
        "teams": [],
        "record": None,
    }
    late = by[("may-basketball", "2026-04-21")]
    assert (late["start"], late["end"], late["all_day"], late["precision"]) == (
        "2026-04-21",
        "2026-05-01",
        True,
        "part-of-month",
    )
    assert by[("values-publicity", "2026-01-01")]["precision"] == "months"
    assert ("film-night", "2026-07-11") not in by


def _days(page):  # type: ignore[no-untyped-def]
    """(date, cell of that day's activities) of every day of a month grid, week by week."""
    out = []
    for nums in page.select("tr.cc-month__nums"):
        chips = nums.find_next_sibling("tr", class_="cc-month__days")
        out += [(n.get_text(strip=True), c) for n, c in zip(nums.select("td"), chips.select("td"), strict=True)]
    return out


def test_month_grid_shows_late_april_as_a_band(built):
    page = built.html("events/2026/04/")
    cells = " ".join(td.get_text(" ", strip=True) for td in page.select("tr.cc-month__days td"))
    assert "篮球友谊赛" not in cells  # never pinned to a false exact day
    bands = [a.get_text(" ", strip=True) for a in page.select("a.cc-band")]
    assert "4月下旬 篮球友谊赛" in bands
    assert "1月至12月 核心价值观宣传" in bands  # the whole-year activity, once, above the weeks
    header = [th.get_text(strip=True) for th in page.select("table.cc-month thead th")]
    assert header == ["一", "二", "三", "四", "五", "六", "日"]  # Monday first
    week_rows = page.select("tr.cc-month__nums")
    assert [td.get_text(strip=True) for td in week_rows[0].select("td")] == ["30", "31", "1", "2", "3", "4", "5"]
    # The band covers 21-26 April in its week (Tuesday to Sunday) and 27-30 in the next,
    # each right under its week's dates.
    for a in page.select("tbody:not(.cc-month__whole) a.cc-band"):
        assert a.find_parent("tr").find_previous_sibling("tr")["class"] in (["cc-month__nums"], ["cc-month__band"])
    spans = [int(a.find_parent("td")["colspan"]) for a in page.select("tbody:not(.cc-month__whole) a.cc-band")]
    assert spans == [6, 4]
    # Screen readers get the list; the grid repeats it and is hidden from them.
    assert page.select_one(".cc-month-wrap")["aria-hidden"] == "true"
    assert "2026年4月下旬" in page.select_one("h2#list").find_next("ul").get_text(" ", strip=True)
    en = built.html("en/events/2026/04/")
    assert "late April Friendly basketball" in [a.get_text(" ", strip=True) for a in en.select("a.cc-band")]


def test_month_grid_exact_events_sit_in_their_day(built):
    page = built.html("events/2026/05/")
    day9 = next(cell for day, cell in _days(page) if day == "9")
    assert day9.select_one("a.cc-chip").get_text(" ", strip=True) == "19:00 电影放映"


def test_upcoming_page_from_the_build_date(built):
    page = built.html("events/")
    groups = {
        sec.h3.get_text(strip=True): [
            li.select_one(".cc-occ__title").get_text(strip=True) for li in sec.select("li.cc-occ")
        ]
        for sec in page.select("section.cc-month-group")
    }
    # as_of is 2026-06-01: June first, nothing from April.
    assert next(iter(groups)) == "2026年6月"
    # Wednesday 3 June is in the week of the build date (Monday 1 June): it comes first, apart.
    week = [li.select_one(".cc-occ__title").get_text(strip=True) for li in page.select('[data-cc-group="week"] li')]
    assert week == ["读书日"]
    assert page.select_one('[data-cc-group="today"]').has_attr("hidden")
    assert "2026年6月1日" in page.select_one("[data-cc-asof]").get_text()
    assert groups["2026年6月"] == ["广场舞大赛", "电影放映"]  # mid June starts on the 11th
    assert "篮球友谊赛" not in str(groups)
    ongoing = [li.select_one(".cc-occ__title").get_text(strip=True) for li in page.select("h2#ongoing + ul li")]
    assert ongoing == ["核心价值观宣传"]
    assert page.select_one("a[href='../events.ics']") is not None


def test_event_page(built):
    page = built.html("events/double-ninth/")
    facts = dict(
        zip(
            [dt_.get_text(strip=True) for dt_ in page.select("dl.cc-facts dt")],
            [dd.get_text(" ", strip=True) for dd in page.select("dl.cc-facts dd")],
            strict=True,
        )
    )
    assert facts["时间"] == "重阳节：2026年10月18日（星期日） 09:00–11:30"
    assert facts["农历"] == "农历九月初九"
    assert facts["地点"] == "测试礼堂"
    assert page.select_one("a[download]")["href"] == "event.ics"
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "Event" and data["startDate"] == "2026-10-18T09:00:00+08:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["name"] == "测试礼堂"
    film = json.loads(built.html("en/events/film-night/").select_one('script[type="application/ld+json"]').string)
    assert film["eventSchedule"] == {
        "@type": "Schedule",
        "startDate": "2026-05-09",
        "endDate": "2026-08-08",
        "scheduleTimezone": "Asia/Shanghai",
        "repeatFrequency": "P1M",
        "byDay": ["https://schema.org/Saturday"],
        "byMonthWeek": 2,
        "startTime": "19:00:00",
        "endTime": "21:00:00",
        "exceptDate": ["2026-07-11"],
    }
    en = built.html("en/events/film-night/")
    assert "The second Saturday of every month 19:00–21:00" in en.get_text(" ", strip=True)
    assert [li.get_text(" ", strip=True) for li in en.select("ol.cc-dates li")] == [
        "Saturday 9 May 2026 19:00–21:00 (over)",
        "Saturday 13 June 2026 19:00–21:00",
        "Saturday 8 August 2026 19:00–21:00",
    ]
    cancelled = built.html("events/qixi/")
    assert cancelled.select_one(".cc-banner--cancelled").get_text(strip=True) == "已取消"
    assert (
        json.loads(cancelled.select_one('script[type="application/ld+json"]').string)["eventStatus"]
        == "https://schema.org/EventCancelled"
    )


def test_hall_page_lists_upcoming_events_and_its_feed(built):
    page = built.html("halls/test-auditorium/")
    titles = [a.get_text(strip=True) for a in page.select("h2#events + ul .cc-occ__title")]
    assert titles[:2] == ["广场舞大赛", "电影放映"]
    assert page.select_one("a.md-button[href='events.ics']") is not None


def test_category_and_year_pages(built):
    assert sorted(p.name for p in (built.site / "events/category").iterdir() if p.is_dir()) == [
        "festival",
        "film",
        "performance",
        "publicity",
        "reading",
        "sports",
    ]
    year = built.html("events/2026/")
    months = [h.get_text(strip=True) for h in year.select(".cc-year__month h2")]
    assert months == [f"{m}月" for m in range(1, 13)]
    assert (built.site / "events/2026/12/index.html").is_file()


def test_home_page_shows_what_is_coming_up(built):
    home = built.html("")
    titles = [a.get_text(strip=True) for a in home.select(".cc-week li.cc-occ:not([hidden]) .cc-occ__title")]
    # From 2026-06-01: this week first, then the next five dated activities (the
    # year-long publicity is on the events page); later ones wait, hidden, for culture.js.
    assert titles[:5] == ["读书日", "广场舞大赛", "电影放映", "电影放映", "七夕音乐会"]
    assert len(titles) == 6
    assert [h.get_text(strip=True) for h in home.select(".cc-week__group:not([hidden]) .cc-week__title")] == [
        "本周（到周日）",
        "接下来",
    ]


BUSY = (
    "events:\n"
    + "".join(
        f"""  - id: daily-{n}
    title: {{zh: 每日活动{n}, en: Daily activity {n}}}
    category: training
    when: {{rrule: "FREQ=DAILY", start: 2026-01-01, until: 2026-12-31, time: "{8 + n}:00-{9 + n}:00"}}
    hall: test-auditorium
"""
        for n in range(4)
    )
    + """  - id: weekly
    title: {zh: 每周二讲座, en: Tuesday talk}
    category: science
    when: {rrule: "FREQ=WEEKLY;BYDAY=TU", start: 2026-01-01, until: 2026-12-31, time: "19:00"}
    hall: test-auditorium
"""
)


class Bodies:
    """Page bodies as the core renders them (what the engine frames), without the engine:
    a year of daily occurrences is quick to lay out, slow to typeset as monthly posters."""

    def __init__(self, root) -> None:  # type: ignore[no-untyped-def]
        from community_culture.model.site import load_site
        from community_culture.output.options import read_config_file, read_options
        from community_culture.output.site import Settings, SiteOutput

        config = read_config_file(root / "mkdocs.yml")
        site, problems = load_site(read_options(config))
        assert site is not None and not problems.warnings, problems.report()
        made, _ = SiteOutput.make(site, Settings(site_name=config.site_name, search=False))
        assert made is not None
        made.attach({})
        self.output, self.pages = made, {(p.lang, p.url): p for p in made.pages}

    def html(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.output.body(self.pages["zh", url]), "html.parser")


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> Bodies:
    """A district-sized day: four daily classes and a weekly talk all year (1,512 occurrences)."""
    from conftest import make_project

    project = make_project(tmp_path_factory.mktemp("busy"))
    project.write("data/events/2026.yml", BUSY)
    return Bodies(project.root)


def _per_day(year: int, month: int | None = None) -> dict[dt.date, int]:
    """How many of BUSY's occurrences fall on each day."""
    day, days = dt.date(year, month or 1, 1), {}
    while day.year == year and (month is None or day.month == month):
        days[day] = 4 + (day.weekday() == 1)
        day += dt.timedelta(days=1)
    return days


def test_a_busy_calendar_carries_whole_days_up_to_a_bound(busy):
    from community_culture.pages.events import CARRIED

    home = busy.html("")
    box = home.select_one("[data-cc-upcoming]")
    until = dt.date.fromisoformat(box["data-cc-until"])
    carried: dict[dt.date, int] = {}
    for li in box.select("li.cc-occ"):
        first = dt.date.fromisoformat(li["data-cc-first"])
        carried[first] = carried.get(first, 0) + 1
    days = _per_day(2026)
    sunday = dt.date(2026, 6, 7)  # the build date is Monday 1 June
    # Every day from the build date to `until` is there whole, and nothing after it.
    assert carried == {d: n for d, n in days.items() if dt.date(2026, 6, 1) <= d <= until}
    after_week = sum(n for d, n in carried.items() if d > sunday)
    assert after_week <= CARRIED < after_week + days[until + dt.timedelta(days=1)]
    # The reader is told where the list ends once their week runs past it (culture.js shows it).
    beyond = box.select_one("[data-cc-beyond]")
    assert beyond.has_attr("hidden") and f"{until.month}月{until.day}日" in beyond.get_text()
    assert box["data-cc-years"] == "2026"


def test_a_busy_calendar_links_each_later_month_with_its_count(busy):
    page = busy.html("events/")
    until = dt.date.fromisoformat(page.select_one("[data-cc-upcoming]")["data-cc-until"])
    groups = {sec.h3.get_text(strip=True): sec for sec in page.select("section.cc-month-group")}
    # Half a year ahead, month by month: July is carried up to `until`, the rest say how many.
    assert list(groups) == [f"2026年{m}月" for m in range(6, 13)]
    for month in range(7, 12):
        section = groups[f"2026年{month}月"]
        days = _per_day(2026, month)
        listed = len(section.select("li.cc-occ"))
        assert listed == sum(n for d, n in days.items() if d <= until)
        more = section.select_one("[data-cc-more] a")
        assert more.get_text(strip=True) == f"本月还有 {sum(days.values()) - listed} 项活动 →"
        assert more["href"] == f"2026/{month:02d}/"
    # Recently held: the latest twenty, not four weeks of them.
    recent = page.select("[data-cc-recent] li.cc-occ")
    assert len(recent) == 20 and recent[0]["data-cc-last"] == "2026-05-31"


def test_a_busy_year_page_lists_each_activity_once_a_month(busy):
    year = busy.html("events/2026/")
    for section in year.select(".cc-year__month"):
        month = int(section["id"][1:])
        titles = [a.get_text(strip=True) for a in section.select(".cc-occ__title")]
        assert sorted(titles) == ["每周二讲座", "每日活动0", "每日活动1", "每日活动2", "每日活动3"]
        total = sum(_per_day(2026, month).values())
        link = section.select_one(".cc-more a")
        assert link.get_text(strip=True) == f"本月共 {total} 项活动 →" and link["href"] == f"{month:02d}/"
        # The month's own page has every one of them.
        assert len(busy.html(f"events/2026/{month:02d}/").select("li.cc-occ")) == total


def test_a_busy_category_lists_each_coming_activity_once(busy):
    page = busy.html("events/category/training/")
    coming = page.select_one("h2 + ul.cc-occs")
    assert [a.get_text(strip=True) for a in coming.select(".cc-occ__title")] == [f"每日活动{n}" for n in range(4)]
    assert {li["data-cc-first"] for li in coming.select("li")} == {"2026-06-01"}
