"""Problems told to people: Chinese first, positions counted from 1, in words.

A :class:`~.problems.Problem` keeps its field as a path (``events[3].when.time``) and
its message in English with a Chinese hint. Editors read them here instead:

    data/events/2026.yml:12:11: 第 4 个活动的时间（when.time）：时间请按 24 小时制书写
        when: {date: 2026-05-01, time: "2pm"}
                                       ^
        expected a time on the 24-hour clock like "19:00", found '2pm'

and with ``--lang en``: ``event 4, when.time: expected a time ...`` with the Chinese
hint below it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .problems import Problem, _is_wide, excerpt, printable

# List keys: (Chinese noun, measure word, English noun).
_ITEMS = {
    "events": ("活动", "个", "event"),
    "entries": ("荣誉条目", "条", "entry"),
    "panels": ("展板", "块", "panel"),
    "photos": ("照片", "张", "photo"),
    "images": ("图片", "张", "image"),
    "boards": ("榜单", "个", "board"),
    "records": ("活动记录", "条", "record"),
    "targets": ("目标", "个", "target"),
    "practice": ("练习安排", "项", "practice"),
    "awards": ("奖项", "个", "award"),
    "facilities": ("设施", "项", "facility"),
    "functions": ("功能", "项", "function"),
    "except": ("取消日期", "个", "except date"),
    "on": ("日子", "个", "day"),
    "teams": ("团队", "个", "team"),
}
_FIELDS = {
    "id": "编号",
    "title": "名称",
    "name": "名称",
    "category": "类别",
    "when": "时间",
    "time": "时间",
    "date": "日期",
    "start": "开始日期",
    "end": "结束日期",
    "until": "结束日期",
    "every": "重复周期",
    "on": "重复的日子",
    "rrule": "重复规则",
    "hall": "场馆",
    "venue": "地点",
    "status": "状态",
    "summary": "简介",
    "body": "正文",
    "organizer": "主办单位",
    "audience": "对象",
    "registration": "报名链接",
    "consent": "同意公开",
    "withdrawn": "撤下",
    "photo": "照片",
    "src": "图片路径",
    "caption": "图片说明",
    "credit": "署名",
    "born": "出生年份",
    "year": "年份",
    "citation": "事迹",
    "awarded_by": "授予单位",
    "kind": "类型",
    "area_m2": "面积",
    "seats": "座位数",
    "facilities": "设施",
    "functions": "功能",
    "opening_hours": "开放时间",
    "address": "地址",
    "location": "位置",
    "description": "介绍",
    "intro": "导语",
    "section": "栏目",
    "print": "印刷设置",
    "size": "尺寸",
    "lunar": "农历日期",
    "festival": "节日",
    "month": "月份",
    "part": "上中下旬",
    "from": "开始月份",
    "to": "结束月份",
    "notes": "说明",
    "except": "取消日期",
    "attendance": "参加人数",
    "lecturer": "主讲人",
    "members": "人数",
    "leader": "负责人",
    "join": "加入方式",
    "contact": "联系方式",
    "phone": "电话",
    "email": "邮箱",
    "district": "所属街道",
    "timezone": "时区",
    "about": "介绍",
    "signature": "一堂一品",
    "speciality": "特色",
    "zh": "中文",
    "en": "英文",
}
_SEGMENT = re.compile(r"([^.\[\]]+)(?:\[([^\]]+)\])?")


def _segments(path: str) -> list[tuple[str, str | None]]:
    return [(m.group(1), m.group(2)) for m in _SEGMENT.finditer(path)]


def field_words(path: str, lang: str = "zh") -> str:
    """``events[3].when.time`` -> ``第 4 个活动的时间（when.time）`` / ``event 4, when.time``."""
    if not path:
        return ""
    parts = _segments(path)
    last_list = max((i for i, (_, index) in enumerate(parts) if index is not None), default=-1)
    tail = ".".join(name for name, _ in parts[last_list + 1 :])
    zh_words: list[str] = []
    en_words: list[str] = []
    for name, index in parts[: last_list + 1]:
        noun, measure, en_noun = _ITEMS.get(name, (name, "个", name))
        if index is not None and index.isdigit():
            zh_words.append(f"第 {int(index) + 1} {measure}{noun}")
            en_words.append(f"{en_noun} {int(index) + 1}")
        else:
            zh_words.append(f"{noun}“{index}”" if index else noun)
            en_words.append(f"{en_noun} {index}" if index else en_noun)
    if lang.split("-")[0] != "zh":
        return ", ".join(en_words + ([tail] if tail else []))
    if tail:
        names = tail.split(".")
        if len(names) > 1 and names[-1] in ("zh", "en") and names[-2] in _FIELDS:
            zh_words.append(f"{_FIELDS[names[-2]]}（{_FIELDS[names[-1]]}）")
        elif label := _FIELDS.get(names[-1]) or _FIELDS.get(names[0]):
            zh_words.append(label)
    words = "的".join(zh_words)
    if tail:
        return f"{words}（{tail}）" if words else tail
    return words


def render(problem: Problem, lang: str = "zh") -> str:
    """The whole message for an editor: Chinese first unless ``lang`` is English."""
    where = problem.pos.path
    if problem.pos.line:
        where += f":{problem.pos.line}" + (f":{problem.pos.col}" if problem.pos.col else "")
    zh = lang.split("-")[0] == "zh"
    label = ("提醒：" if zh else "warning: ") if problem.severity == "warning" else ""
    field = field_words(problem.field, "zh" if zh else "en")
    if zh:
        lead = problem.hint or problem.message
        head = f"{where}: {label}{field + '：' if field else ''}{lead}"
    else:
        head = f"{where}: {label}{field + ': ' if field else ''}{problem.message}"
    lines = [printable(head), *_source(problem)]
    if zh and problem.hint:
        lines += [f"    {printable(line)}" for line in problem.message.splitlines()]
    elif not zh and problem.hint:
        lines.append(f"    提示：{problem.hint}")
    return "\n".join(lines)


def _source(problem: Problem) -> list[str]:
    if problem.source_line is None or not problem.pos.line or problem.private:
        return []
    line, col = excerpt(problem.source_line.rstrip("\r\n"), problem.pos.col)
    text = printable(line)
    out = [f"    {text}"]
    if col:
        pad = "".join(ch if ch == "\t" else ("  " if _is_wide(ch) else " ") for ch in text[: col - 1])
        out.append(f"    {pad}^")
    return out


def as_json(problem: Problem) -> dict[str, Any]:
    """One problem for tools (``culture check --format json``)."""
    return {
        "severity": problem.severity,
        "path": problem.pos.path,
        "line": problem.pos.line or None,
        "column": problem.pos.col or None,
        "field": problem.field,
        "where": {"zh": field_words(problem.field, "zh"), "en": field_words(problem.field, "en")},
        "message": problem.message,
        "hint": problem.hint,
        "source": None if problem.source_line is None or problem.private else problem.source_line.rstrip("\r\n"),
    }


def dumps(items: list[dict[str, Any]]) -> str:
    """JSON text of a list of problems."""
    return json.dumps(items, ensure_ascii=False, indent=1)
