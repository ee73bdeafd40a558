"""Projects for the benchmark: N generated records, and the same pages written by hand.

``write_project`` writes a community with N records shaped like the example's data:
mostly events in every ``when`` shape, and halls, plus a few honour entries and
exhibits, all bilingual. ``write_handwritten`` turns a built generated site into a
plain Material project with the same pages (same URLs, same text, as Markdown) and
a section-only navigation, which is what a community would maintain by hand.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

EXAMPLE = Path(__file__).resolve().parent.parent
CATEGORIES = (
    "publicity",
    "party-education",
    "civic-education",
    "festival",
    "science",
    "legal",
    "sports",
    "reading",
    "film",
    "training",
    "performance",
)
KINDS = {
    "auditorium": (["stage", "lighting", "sound", "projector", "accessible-entrance"], ["ceremonies", "performances"]),
    "lecture-hall": (["desks", "av-equipment", "projector"], ["lectures", "policy-talks"]),
    "library": (["bookshelves", "reading-desks", "wifi"], ["reading", "study"]),
    "activity-room": (["desks", "air-conditioning"], ["rehearsals", "calligraphy"]),
    "square": (["dance-floor", "fitness-equipment", "seating"], ["square-dance", "fitness"]),
    "exhibition": (["display-walls", "display-cases"], ["exhibitions"]),
}
PLACES = [("锦绣", "Jinxiu"), ("北苑", "Beiyuan"), ("公安", "Gongan"), ("东胜", "Dongsheng"), ("交通", "Jiaotong")]
PLACES += [("康和", "Kanghe"), ("天骄", "Tianjiao"), ("宝日", "Baori"), ("民族", "Minzu"), ("林荫", "Linyin")]
TOPICS = [
    ("重阳敬老联欢会", "Double Ninth gathering for elders"),
    ("社区电影之夜", "Community film night"),
    ("防灾减灾宣传", "Disaster prevention talk"),
    ("二人台演唱会", "Errentai concert"),
    ("书画讲座", "Calligraphy lecture"),
    ("广场舞比赛", "Square-dance contest"),
    ("法律知识讲座", "Talk on everyday law"),
    ("科普进社区", "Science in the neighbourhood"),
    ("读书分享会", "Book circle"),
    ("健康义诊", "Free health check"),
    ("党员集中学习", "Party members' study session"),
    ("文明学校月课", "Civilization school class"),
    ("秧歌队汇报演出", "Yangge troupe performance"),
    ("好家风故事会", "Good family traditions evening"),
    ("太极拳培训", "Tai chi training"),
]
SUMMARY_ZH = "社区居委会组织居民参加，欢迎各年龄段的居民报名，现场有志愿者引导，活动免费。"
SUMMARY_EN = "Organised by the residents' committee; residents of every age are welcome, volunteers show the way, and it is free."
BODY_ZH = (
    "活动当天请提前十分钟到场签到。本次活动由社区文化礼堂和辖区单位共同承办，"
    "内容包括知识讲解、互动问答和文艺表演，结束后向参加的居民赠送纪念品。\n\n"
    "如遇恶劣天气，活动将顺延，具体时间以社区通知为准。"
)
BODY_EN = (
    "Please arrive ten minutes early to sign in. The community auditorium and local workplaces host it "
    "together: a short talk, questions and answers, and a performance; everyone who comes takes home a keepsake.\n\n"
    "In bad weather the activity moves to a later day; the community office will announce it."
)
FESTIVALS = ["spring-festival", "lantern", "qingming", "dragon-boat", "qixi", "mid-autumn", "double-ninth", "laba"]
FESTIVALS += ["new-year", "womens-day", "labour-day", "national-day", "winter-solstice"]
RULES = ["FREQ=MONTHLY;BYDAY=2SA", "FREQ=WEEKLY;BYDAY=TU", "FREQ=MONTHLY;BYDAY=1WE", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"]
RULES += ["FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", "FREQ=MONTHLY;BYDAY=-1SU"]
EVENTS_PER_FILE = 400
"""Data files are split the way a district would split them (and stay under the loader's size limit)."""


def counts(n: int) -> dict[str, int]:
    """How N records divide into halls, honour entries, exhibits (of four panels) and events."""
    halls = max(3, n // 25)
    honours = max(2, n // 100)
    exhibits = max(1, n // 250)
    return {"halls": halls, "honours": honours, "exhibits": exhibits, "events": max(1, n - halls - honours - exhibits)}


def _q(text: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _lt(zh: str, en: str) -> str:
    return "{zh: " + _q(zh) + ", en: " + _q(en) + "}"


def _block(zh: str, en: str, indent: int) -> str:
    pad = " " * indent
    lines = [f"{pad}zh: |"] + [f"{pad}  {ln}" if ln else "" for ln in zh.splitlines()]
    lines += [f"{pad}en: |"] + [f"{pad}  {ln}" if ln else "" for ln in en.splitlines()]
    return "\n".join(lines)


def _hall_ids(n: int) -> list[str]:
    kinds = list(KINDS)
    return [f"{PLACES[i % len(PLACES)][1].lower()}-{kinds[i % len(kinds)]}-{i:04d}" for i in range(n)]


def _when(rng: random.Random, i: int) -> str:
    year = 2026 + (i % 2)
    pick = i % 20
    time = rng.choice(['"09:00-11:30"', '"14:00-16:00"', '"19:00-21:00"', '"15:00"'])
    month = rng.randint(1, 12)
    if pick < 7:
        return f"{{date: {year}-{month:02d}-{rng.randint(1, 28):02d}, time: {time}}}"
    if pick < 10:
        rule = RULES[i % len(RULES)]
        exc = f", except: [{year}-{month:02d}-{rng.randint(1, 28):02d}]" if i % 3 == 0 else ""
        return f'{{rrule: "{rule}", start: {year}-01-01, until: {year}-12-31, time: {time}{exc}}}'
    if pick < 12:
        return f"{{festival: {FESTIVALS[i % len(FESTIVALS)]}, year: {year}, time: {time}}}"
    if pick < 14:
        return f'{{lunar: "{rng.randint(1, 12)}-{rng.randint(1, 29)}", year: {year}}}'
    if pick < 16:
        return f"{{month: {year}-{month:02d}, part: {rng.choice(['early', 'mid', 'late'])}}}"
    if pick < 18:
        day = rng.randint(1, 20)
        return f"{{start: {year}-{month:02d}-{day:02d}, end: {year}-{month:02d}-{day + rng.randint(1, 7):02d}}}"
    if pick == 18:
        return f"{{month: {year}-{month:02d}}}"
    last = rng.randint(month, 12)
    return f"{{from: {year}-{month:02d}, to: {year}-{last:02d}}}"


def _event(rng: random.Random, i: int, halls: list[str]) -> str:
    zh, en = TOPICS[i % len(TOPICS)]
    place_zh, place_en = PLACES[(i // len(TOPICS)) % len(PLACES)]
    lines = [
        f"  - id: {2026 + i % 2}-event-{i:05d}",
        f"    title: {_lt(f'{place_zh}{zh}（第{i}期）', f'{en} at {place_en} (no. {i})')}",
        f"    category: {CATEGORIES[i % len(CATEGORIES)]}",
        f"    when: {_when(rng, i)}",
    ]
    if i % 10 == 9:
        lines.append(f"    venue: {_lt(f'{place_zh}小区中心花园', f'{place_en} estate garden')}")
    else:
        lines.append(f"    hall: {halls[i % len(halls)]}")
    lines += [
        f"    organizer: {_lt('社区居委会', 'Residents committee')}",
        f"    audience: {_lt('全体居民', 'All residents')}",
        f"    status: {rng.choice(['planned', 'confirmed', 'confirmed', 'done', 'postponed', 'cancelled'])}",
    ]
    if i % 3 != 2:
        lines.append(f"    summary: {_lt(SUMMARY_ZH, SUMMARY_EN)}")
    if i % 10 == 0:
        lines += ["    body:", _block(BODY_ZH, BODY_EN, 6)]
    return "\n".join(lines)


def _hall(i: int, hall_id: str) -> str:
    kind = hall_id.split("-", 1)[1].rsplit("-", 1)[0]
    facilities, functions = KINDS[kind]
    place_zh, place_en = PLACES[i % len(PLACES)]
    return "\n".join(
        [
            f"name: {_lt(f'{place_zh}第{i}号活动场所', f'{place_en} venue no. {i}')}",
            f"kind: {kind}",
            f"address: {_lt(f'{place_zh}路{i}号社区服务中心', f'{i} {place_en} Road, Community Service Centre')}",
            f"location: {{lat: {39.6 + i % 50 / 1000:.4f}, lon: {109.7 + i % 70 / 1000:.4f}}}",
            f"area_m2: {60 + (i * 37) % 300}",
            f"seats: {20 + (i * 13) % 200}",
            f"facilities: [{', '.join(facilities)}]",
            f"functions: [{', '.join(functions)}]",
            'opening_hours: "Mo-Fr 08:30-21:00; Sa,Su 09:00-17:00"',
            f'contact: {{person: {_lt("王老师", "Ms Wang")}, phone: "0477-85{i % 100000:05d}"}}',
            "description:",
            _block(BODY_ZH.replace("活动当天", "开放时间内"), BODY_EN, 2),
            "",
        ]
    )


def _honours(n: int) -> dict[str, str]:
    boards = ("morality", "talent", "good-people", "family")
    files: dict[str, list[str]] = {b: [] for b in boards}
    for i in range(n):
        board = boards[i % len(boards)]
        files[board].append(
            "\n".join(
                [
                    f"  - id: person-{i:04d}",
                    f"    name: {_lt(f'居民{i}', f'Resident {i}')}",
                    f"    year: {2025 + i % 2}",
                    f"    title: {_lt('孝老爱亲模范', 'Model of filial care')}",
                    "    category: filial-care",
                    f"    awarded_by: {_lt('交通街道办事处', 'Jiaotong Subdistrict Office')}",
                    "    citation:",
                    _block("她悉心照料瘫痪在床的婆婆整整十二年，端水喂饭、擦身翻身从不间断。", SUMMARY_EN, 6),
                    f"    consent: {'true' if i % 7 else 'false'}",
                ]
            )
        )
    return {b: "entries:\n" + "\n\n".join(items) + "\n" for b, items in files.items() if items}


def _exhibit(i: int, hall: str) -> str:
    panels = []
    for p in range(4):
        panels.append(
            "\n".join(
                [
                    f"  - id: panel-{p + 1}",
                    f"    title: {_lt(f'展板{p + 1}：社区的变化', f'Panel {p + 1}: how the community changed')}",
                    "    body:",
                    _block("从河滩上的几户人家，到煤城东胜的工人新村，再到今天六千居民的锦绣社区。", SUMMARY_EN, 6),
                ]
            )
        )
    return "\n".join(
        [
            f"title: {_lt(f'社区记忆第{i}辑', f'Community memories, part {i}')}",
            f"section: {('overview', 'customs', 'virtue', 'homeland')[i % 4]}",
            f"hall: {hall}",
            "intro:",
            _block("这组展板讲述社区七十年来的变化。", "These panels tell seventy years of change.", 2),
            "print: {size: A1, orientation: portrait}",
            "panels:",
            "\n".join(panels),
            "",
        ]
    )


MKDOCS_YML = """\
site_name: 锦绣社区文化
site_url: https://culture.example.org/
docs_dir: content
theme:
  name: material
  language: zh
  font: false
  features: [navigation.tabs, navigation.top, navigation.prune, search.suggest]
nav:
{nav}
plugins:
{plugin}
markdown_extensions: [tables, attr_list, md_in_html, admonition, {{toc: {{permalink: false}}}}]
validation:
  nav: {{omitted_files: ignore}}
  links: {{not_found: ignore, unrecognized_links: ignore}}
"""
MATERIAL_SEARCH = """\
  - search:
      lang: [zh, en]
      separator: '[\\s\\u200b\\-_,:!=\\[\\]()"`/]+|\\.(?!\\d)|&[lg]t;|(?!\\b)(?=[A-Z][a-z])'"""
"""The hand-written site searches with Material's plugin (jieba for Chinese); the generated
one, like the example, with Pagefind, which the community-culture plugin runs after the build."""
NAV = ["首页: index.md", "文化场馆: halls/index.md", "活动日历: events/index.md", "荣誉榜: honors/index.md"]
NAV += ["展陈: exhibits/index.md", "关于本站: about.md"]


def write_project(
    root: Path,
    n: int,
    *,
    events_only: bool = False,
    exhibits: int | None = None,
    seed: int = 14,
    cache: Path | None = None,
) -> dict[str, int]:
    """Write a community project of N records into ``root``; return how many of each kind.

    ``exhibits``: this many exhibits of four A1 panels each, whatever N.

    ``cache`` is the plugin's cache folder (print files, images, parsed data); by default
    the project's own, so its first build typesets every print file.
    """
    rng = random.Random(seed)
    made = counts(n)
    if events_only:
        made = {"halls": max(3, n // 250), "honours": 0, "exhibits": 0, "events": n}
    if exhibits is not None:
        made["exhibits"] = exhibits
    data = root / "data"
    shutil.rmtree(root, ignore_errors=True)
    (data / "halls").mkdir(parents=True)
    (data / "events").mkdir()
    shutil.copy(EXAMPLE / "data" / "community.yml", data / "community.yml")
    (root / "content" / "en").mkdir(parents=True)
    shutil.copy(EXAMPLE / "content" / "about.md", root / "content" / "about.md")
    shutil.copy(EXAMPLE / "content" / "en" / "about.md", root / "content" / "en" / "about.md")
    halls = _hall_ids(made["halls"])
    for i, hall_id in enumerate(halls):
        (data / "halls" / f"{hall_id}.yml").write_text(_hall(i, hall_id), encoding="utf-8")
    events = [_event(rng, i, halls) for i in range(made["events"])]
    for f in range(0, len(events), EVENTS_PER_FILE):
        chunk = events[f : f + EVENTS_PER_FILE]
        text = "events:\n" + "\n\n".join(chunk) + "\n"
        (data / "events" / f"part-{f // EVENTS_PER_FILE + 1:03d}.yml").write_text(text, encoding="utf-8")
    if made["honours"]:
        (data / "honors").mkdir()
        for board, text in _honours(made["honours"]).items():
            (data / "honors" / f"{board}.yml").write_text(text, encoding="utf-8")
    for i in range(made["exhibits"]):
        folder = data / "exhibits" / f"memories-{i + 1:03d}"
        folder.mkdir(parents=True)
        (folder / "exhibit.yml").write_text(_exhibit(i + 1, halls[i % len(halls)]), encoding="utf-8")
    nav = "\n".join(f"  - {item}" for item in NAV)
    plugin = "  - community-culture:\n      data_dir: data\n      languages: [zh, en]"
    if cache is not None:
        plugin += f"\n      cache_dir: {_q(str(cache.resolve()))}"
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(nav=nav, plugin=plugin), encoding="utf-8")
    return made


# --- The same pages, written by hand -------------------------------------------------

_BLOCKS = ("h1", "h2", "h3", "h4", "p", "li", "dt", "dd", "tr", "figcaption", "summary")


def _inline(node: Tag) -> str:
    """The text of a block, with links to pages kept as Markdown links to their source files."""
    parts = []
    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not a comment or a CDATA section
                parts.append(str(child))
        elif child.name == "a":
            href, text = str(child.get("href") or ""), " ".join(child.get_text(" ").split())
            linkable = href.endswith("/") and "://" not in href and not href.startswith("#")
            parts.append(f"[{text}]({href}index.md)" if linkable and text else text)
        elif child.name not in ("script", "style", "svg"):
            parts.append(_inline(child))
    return " ".join("".join(parts).split())


def page_markdown(html: str) -> tuple[str, str]:
    """The title and the article of a built page, as Markdown a person would have written."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.md-content__inner") or soup.body
    title = soup.title.get_text().split(" - ")[0].strip() if soup.title else ""
    lines: list[str] = []
    if article is None:
        return title, ""
    for block in article.find_all(_BLOCKS):
        if block.find_parent(_BLOCKS) is not None:
            continue  # nested (a paragraph inside a list item): its parent says it
        text = _inline(block)
        if not text:
            continue
        if block.name in ("h1", "h2", "h3", "h4"):
            lines.append("#" * int(block.name[1]) + " " + text)
        elif block.name == "li":
            lines.append("- " + text)
        elif block.name == "tr":
            cells = [" ".join(c.get_text(" ").split()) for c in block.find_all(["td", "th"])]
            lines.append("| " + " | ".join(cells) + " |")
            if block.find("th") is not None:
                lines.append("|" + " --- |" * len(cells))
        else:
            lines.append(text)
        lines.append("")
    return title, "\n".join(lines)


def write_handwritten(site: Path, root: Path) -> int:
    """A plain Material project with every page of the built ``site``; returns the page count."""
    shutil.rmtree(root, ignore_errors=True)
    content = root / "content"
    content.mkdir(parents=True)
    pages = 0
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site)
        if rel.parts[:1] in (("search",), ("assets",)):
            continue
        title, body = page_markdown(html.read_text(encoding="utf-8"))
        if rel.as_posix() in ("about", "en/about"):
            target = content / f"{rel.as_posix()}.md"
        else:
            target = content / rel / "index.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        front = f"---\ntitle: {_q(title)}\n---\n\n" if title else ""
        target.write_text(front + body, encoding="utf-8")
        pages += 1
    nav = "\n".join(f"  - {item}" for item in NAV)
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(nav=nav, plugin=MATERIAL_SEARCH), encoding="utf-8")
    return pages
