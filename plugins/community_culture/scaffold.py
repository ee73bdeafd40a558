"""``culture new``: a commented skeleton of a hall, event, honor, exhibit, panel or board.

Editors used to copy old entries. Each skeleton here is valid as written (``culture
check`` passes on it), carries comments in Chinese with English, today's sensible
defaults and the ``# yaml-language-server: $schema=...`` line, and gets a fresh id
from its title (pinyin for Chinese titles). Types that live in lists (events, honor
entries, panels, boards) are appended as text to the right file, so the editor's own
comments and layout stay exactly as they were. Nothing is ever overwritten, and an id
that is already taken is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .model.boards import BOARDS_FILE
from .model.exhibit import SECTIONS
from .model.schema import write_schemas
from .model.taxonomy import DEFAULTS

KINDS = ("hall", "event", "honor", "exhibit", "panel", "board")
_MAX_ID = 48


class ScaffoldError(Exception):
    """Why nothing was written, in Chinese and English."""


@dataclass(frozen=True)
class Request:
    """What the editor asked for on the command line."""

    kind: str
    title: str
    root: Path
    """The project folder (where ``mkdocs.yml`` is)."""
    data_dir: Path
    id: str | None = None
    today: dt.date = dt.date(2026, 1, 1)
    """The date the defaults are taken from (the command passes today's)."""
    board: str = "morality"
    exhibit: str | None = None
    hall: str | None = None
    year: int | None = None


def make_id(title: str, prefix: str = "") -> str:
    """A lowercase ASCII slug from a title: ``重阳敬老联欢会`` -> ``chong-yang-jing-lao-lian-huan-hui``."""
    # Imported here: its dictionary takes most of a second to load, which a check does not need.
    from pypinyin import lazy_pinyin  # type: ignore[import-untyped, unused-ignore]

    words = lazy_pinyin(title, errors=lambda chars: chars)  # ASCII words come back as they are
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-")
    if len(slug) > _MAX_ID:
        slug = slug[:_MAX_ID].rsplit("-", 1)[0]
    if not slug:
        raise ScaffoldError(
            f"无法从标题“{title}”生成编号，请用 --id 指定 / cannot make an id from '{title}'; pass --id"
        )
    return f"{prefix}{slug}" if prefix and not slug.startswith(prefix) else slug


def create(req: Request) -> tuple[Path, str]:
    """Write the skeleton; returns the file written and the new id.

    Raises:
        ScaffoldError: when the id is taken, the target file exists, or a list file
            cannot be appended to safely.
    """
    if req.kind not in KINDS:
        raise ScaffoldError(f"不认识的类型 '{req.kind}' / unknown type; use one of: {', '.join(KINDS)}")
    if not req.title.strip():
        raise ScaffoldError("请用 --title 写上名称 / give a title with --title")
    return {
        "hall": _hall,
        "event": _event,
        "honor": _honor,
        "exhibit": _exhibit,
        "panel": _panel,
        "board": _board,
    }[req.kind](req)


# -- one function per type ---------------------------------------------------------


def _hall(req: Request) -> tuple[Path, str]:
    hall_id = _checked_id(req.id or make_id(req.title))
    path = req.data_dir / "halls" / f"{hall_id}.yml"
    _refuse_existing(path, req.root)
    body = f"""\
# 场馆 Venue: {req.title}
# 文件名就是场馆编号和网址 /halls/{hall_id}/，发布后不要再改。
# The file name is the venue's id and address; never change it once published.
name: {{zh: {_q(req.title)}, en: ""}}    # 英文名称 English name
kind: activity-room       # auditorium 文化礼堂 | lecture-hall 讲堂 | exhibition 展厅 | library 图书室 | activity-room 活动室
                          # | square 广场 | fitness-point 健身点 | service-station 服务站
address: {{zh: "", en: ""}}   # 地址 Address
area_m2: 60               # 面积（平方米） floor area in m²
# seats: 50               # 座位数 seats (optional)
facilities: []            # 设施，例如 [stage, lighting, sound, projector, desks] / facilities
functions: []             # 功能，例如 [cultural-activities, training] / what it is used for
opening_hours: "Mo-Fr 09:00-17:00"   # 开放时间（OpenStreetMap 写法） opening hours, OSM syntax
# contact: {{person: 王老师, phone: "0477-0000000"}}
# photos:
#   - {{src: images/halls/{hall_id}.jpg, caption: {{zh: 外景, en: Outside}}, credit: 社区供图}}
description: {{zh: "", en: ""}}   # 介绍（Markdown） description
"""
    _write_new(path, _schema_line(req, path, "hall") + body)
    return path, hall_id


def _event(req: Request) -> tuple[Path, str]:
    year = req.year or req.today.year
    event_id = _checked_id(req.id or make_id(req.title, f"{year}-"))
    folder = req.data_dir / "events"
    _refuse_taken(event_id, sorted(folder.glob("*.y*ml")) if folder.is_dir() else [], "event")
    day = req.today if year == req.today.year else dt.date(year, 1, 1)
    hall = req.hall or _first_hall(req.data_dir)
    place = (
        f"hall: {hall}            # 场馆编号（data/halls/ 里的文件名） a hall id\n"
        if hall
        else '    venue: {zh: "", en: ""}   # 地点 where (or hall: <hall id>)\n'
    )
    item = f"""\
  # 活动 Event: {req.title}（由 culture new 生成 / made by culture new）
  - id: {event_id}            # 编号，发布后不要再改 / never change once published
    title: {{zh: {_q(req.title)}, en: ""}}    # 英文名称 English title
    category: festival        # 类别 category: publicity 宣传文化 | party-education 党员教育 | civic-education 公民教育
                              # | festival 节庆活动 | science 科普 | legal 法治教育 | sports 体育健身 | reading 读书
                              # | film 电影放映 | training 培训讲座 | performance 文艺演出
    # 时间 when — 只写一种 / exactly one of:
    #   {{date: 2026-05-01, time: "14:00-17:00"}}          某一天 one day
    #   {{month: 2026-04, part: late}}                      4月下旬 late April (early 上旬 / mid 中旬)
    #   {{festival: double-ninth, year: 2026}}              节日 a festival
    #   {{every: 每月, on: 第二个周六, start: ..., until: ...}}  重复 repeating (每周, 每两周, 每季度…)
    when: {{date: {day.isoformat()}, time: "09:00-11:00"}}   # 24 小时制 24-hour clock
    {place.strip()}
    organizer: {{zh: 社区居委会, en: Residents' committee}}   # 主办 organiser
    status: planned           # planned 计划 | confirmed 确定 | postponed 延期 | cancelled 取消 | done 已举办
    summary: {{zh: "", en: ""}}   # 一两句简介 one or two lines
"""
    path = folder / f"{year}.yml"
    _append(path, "events", item, req, "events")
    return path, event_id


def _honor(req: Request) -> tuple[Path, str]:
    board = _checked_id(req.board)
    boards = _board_ids(req.data_dir)
    if board not in boards:
        raise ScaffoldError(
            f"没有榜单“{board}”，请先运行 culture new board / there is no board '{board}' "
            f"(boards: {', '.join(boards)}); add it with: culture new board --title ..."
        )
    year = req.year or req.today.year
    entry_id = _checked_id(req.id or make_id(req.title) + f"-{year}")
    folder = req.data_dir / "honors"
    _refuse_taken(entry_id, sorted(folder.glob("*.y*ml")) if folder.is_dir() else [], "honor entry")
    age = "    born: 1930                # 寿星榜只写出生年份 birth YEAR only\n" if board == "longevity" else ""
    item = f"""\
  # 荣誉 Honor: {req.title}（由 culture new 生成 / made by culture new）
  - id: {entry_id}
    name: {{zh: {_q(req.title)}, en: ""}}    # 姓名（拼音） name, and its pinyin
    year: {year}                # 获评年份 year of the honor
    title: {{zh: "", en: ""}}     # 称号，例如 孝老爱亲模范 / the honor's title
{age}    # category: filial-care   # helping-others 助人为乐 | bravery 见义勇为 | honesty 诚实守信
                              # | dedication 敬业奉献 | filial-care 孝老爱亲
    citation: {{zh: "", en: ""}}  # 事迹（Markdown） citation
    # photo: images/honors/{entry_id}.jpg
    # 取得本人（或家属）书面同意后改为 true，否则不会发布。不写电话、身份证号、住址。
    # Set to true only with the person's written consent; until then nothing is published.
    # No phone numbers, ID numbers or home addresses.
    consent: false
"""
    path = folder / f"{board}.yml"
    _append(path, "entries", item, req, "honors")
    return path, entry_id


def _exhibit(req: Request) -> tuple[Path, str]:
    exhibit_id = _checked_id(req.id or make_id(req.title))
    path = req.data_dir / "exhibits" / exhibit_id / "exhibit.yml"
    _refuse_existing(path.parent, req.root)
    hall = req.hall or ""
    body = f"""\
# 展陈 Exhibit: {req.title}
# 网址 /exhibits/{exhibit_id}/，展板上的二维码指向这里，发布后不要再改编号。
# Its address is printed as QR codes on the panels: never change the id once published.
title: {{zh: {_q(req.title)}, en: ""}}   # 英文名称 English title
section: {SECTIONS[0]}       # overview 社区基本情况 | customs 乡风民俗 | virtue 崇德尚贤 | homeland 美好家园
{f"hall: {hall}" if hall else "# hall: jinxiu-exhibition   # 展出场馆 where it hangs (optional)"}
intro: {{zh: "", en: ""}}      # 导语（Markdown） introduction
print: {{size: A1, orientation: portrait}}   # 展板尺寸 A0–A4, rollup-80x200, rollup-85x200
panels:                     # 展板，按悬挂顺序 / panels in hanging order
  - id: panel-1
    title: {{zh: 第一块展板, en: ""}}
    body: {{zh: "", en: ""}}     # 正文要短，展板是站着读的 / keep it short, a panel is read standing
    # images:
    #   - {{src: images/exhibits/{exhibit_id}/photo.jpg, caption: {{zh: "", en: ""}}, credit: 社区供图}}
"""
    _write_new(path, _schema_line(req, path, "exhibit") + body)
    return path, exhibit_id


def _panel(req: Request) -> tuple[Path, str]:
    if not req.exhibit:
        raise ScaffoldError("请用 --exhibit 指明展陈编号 / say which exhibit with --exhibit <id>")
    path = req.data_dir / "exhibits" / _checked_id(req.exhibit) / "exhibit.yml"
    if not path.is_file():
        raise ScaffoldError(f"找不到 {_rel(path, req.root)} / no such exhibit; make it with culture new exhibit")
    panel_id = _checked_id(req.id or make_id(req.title))
    _refuse_taken(panel_id, [path], "panel")
    item = f"""\
  # 展板 Panel: {req.title}（由 culture new 生成 / made by culture new）
  - id: {panel_id}
    title: {{zh: {_q(req.title)}, en: ""}}   # 英文标题 English title
    body: {{zh: "", en: ""}}     # 正文要短 / keep it short
    # images:
    #   - {{src: images/exhibits/{req.exhibit}/{panel_id}.jpg, caption: {{zh: "", en: ""}}, credit: 社区供图}}
    # print: {{size: rollup-80x200}}   # 与展陈不同的尺寸 a size other than the exhibit's
"""
    _append(path, "panels", item, req, "exhibit")
    return path, panel_id


def _board(req: Request) -> tuple[Path, str]:
    board_id = _checked_id(req.id or make_id(req.title))
    path = req.data_dir / "honors" / BOARDS_FILE
    if board_id in _board_ids(req.data_dir):
        raise ScaffoldError(f"榜单编号“{board_id}”已存在 / the board '{board_id}' exists; pass another --id")
    if not path.is_file():
        # A site's boards.yml replaces the shipped list: start from it so no board disappears.
        shipped = (DEFAULTS / BOARDS_FILE).read_text(encoding="utf-8")
        shipped = "\n".join(line for line in shipped.splitlines() if not line.startswith("#")) + "\n"
        header = (
            "# 荣誉榜单，按显示顺序 / The honor boards, in the order shown.\n"
            "# 这个文件替代内置的榜单列表 / This file replaces the built-in list of boards.\n"
        )
        _write_new(path, _schema_line(req, path, "boards") + header + shipped)
    item = f"""\
  # 榜单 Board: {req.title}（由 culture new 生成 / made by culture new）
  - id: {board_id}                  # 也是文件名 data/honors/{board_id}.yml / also its file name
    title: {{zh: {_q(req.title)}, en: ""}}
    intro: {{zh: "", en: ""}}         # 一句话介绍 one line about the board
"""
    _append(path, "boards", item, req, "boards")
    return path, board_id


# -- helpers ----------------------------------------------------------------------------


def _q(text: str) -> str:
    """A YAML flow scalar for a title: quoted when it holds anything YAML would read otherwise."""
    text = text.strip()
    if re.fullmatch(r"[^\s\"'{}\[\],:#&*!|>%@`?-][^{}\[\],:#\"]*", text) and text.lower() not in _YAML_WORDS:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


_YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null", "~", "y", "n"}


def _checked_id(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value):
        raise ScaffoldError(f"编号只能用小写字母、数字和短横线 / an id is lowercase a-z, 0-9 and '-', not '{value}'")
    return value


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _refuse_existing(path: Path, root: Path) -> None:
    if path.exists():
        raise ScaffoldError(f"{_rel(path, root)} 已存在，不会覆盖 / exists already and is never overwritten; pass --id")


_ID = re.compile(r"(?:^|[\s{,-])id:\s*[\"']?([a-z0-9-]+)", re.MULTILINE)


def _refuse_taken(new_id: str, files: list[Path], what: str) -> None:
    for path in files:
        if new_id in _ID.findall(path.read_text(encoding="utf-8-sig")):
            raise ScaffoldError(
                f"编号“{new_id}”已在 {path.name} 中使用 / the {what} id '{new_id}' is taken in {path.name}; pass --id"
            )


def _first_hall(data_dir: Path) -> str | None:
    halls = sorted(p.stem for p in (data_dir / "halls").glob("*.yml"))
    return halls[0] if halls else None


def _board_ids(data_dir: Path) -> list[str]:
    path = data_dir / "honors" / BOARDS_FILE
    if not path.is_file():
        path = DEFAULTS / BOARDS_FILE
    return re.findall(r"^\s*-\s*(?:\{\s*)?id:\s*[\"']?([a-z0-9-]+)", path.read_text(encoding="utf-8-sig"), re.MULTILINE)


def _schema_line(req: Request, target: Path, name: str) -> str:
    """The editor-support line pointing at the committed schemas (written to .schemas/ if none are)."""
    folder = next(
        (d for d in (req.root / "plugins/community_culture/schemas", req.root / "schemas") if d.is_dir()),
        req.root / ".schemas",
    )
    if not (folder / f"{name}.schema.json").is_file():
        write_schemas(folder)
    rel = Path(*[".."] * (len(target.relative_to(req.root).parts) - 1), folder.relative_to(req.root))
    return f"# yaml-language-server: $schema={rel.as_posix()}/{name}.schema.json\n"


def _write_new(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
        out.write(text)


def _append(path: Path, key: str, item: str, req: Request, schema: str) -> None:
    """Add ``item`` (an indented ``- ...`` block) at the end of the list under ``key``."""
    if not path.exists():
        _write_new(path, _schema_line(req, path, schema) + f"{key}:\n" + item)
        return
    text = path.read_text(encoding="utf-8-sig")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.replace("\r\n", "\n").split("\n")
    head = next((i for i, line in enumerate(lines) if re.match(rf"{key}:\s*(\[\s*\])?\s*(#.*)?$", line)), None)
    if head is None:
        raise ScaffoldError(
            f"{_rel(path, req.root)} 里找不到顶格的“{key}:”，请手工添加 / no top-level '{key}:' list found; add it by hand"
        )
    lines[head] = re.sub(r":\s*\[\s*\]", ":", lines[head])
    end = next(
        (i for i in range(head + 1, len(lines)) if lines[i] and not lines[i][0].isspace() and lines[i][0] != "#"),
        len(lines),
    )
    while end > head + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1  # blank lines and top-level comments before the next key belong to it
    items = [line for line in lines[head + 1 : end] if line.lstrip().startswith("- ")]
    indent = len(items[0]) - len(items[0].lstrip()) if items else 2
    spaced = any(not line.strip() for line in lines[head + 1 : end])  # items separated by blank lines?
    block = [
        (" " * (indent - 2) + line if indent >= 2 else line[2 - indent :]) for line in item.rstrip("\n").split("\n")
    ]
    new = lines[:end] + ([""] if spaced and items else []) + block + lines[end:]
    out = "\n".join(new)
    if not out.endswith("\n"):
        out += "\n"
    path.write_text(out.replace("\n", newline), encoding="utf-8", newline="")
