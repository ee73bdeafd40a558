"""Interface strings of our templates, per language.

Material translates its own interface; these are the words our pages add. The
common ones (and the halls') live here; each other content type keeps its own in a
``STRINGS`` table of its page module, listed in ``SECTION_MODULES``. A language
missing a key falls back to the default language's string.
"""

from __future__ import annotations

import functools
import importlib

SECTION_MODULES: tuple[str, ...] = ("events", "honors", "exhibits", "posters", "teams", "reports", "residents")
"""Page modules (under ``pages/``) that carry a ``STRINGS`` table of their own."""

STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "language.name": "中文",
        "sep": "；",
        "colon": "：",
        "list.sep": "、",
        "home": "首页",
        "halls": "文化场馆",
        "halls.intro": "社区的文化礼堂、讲堂、展陈室、图书室和广场。",
        "events": "活动日历",
        "honors": "荣誉榜",
        "exhibits": "展陈",
        "section.empty": "这里暂时还没有发布内容。",
        "kind": "类型",
        "address": "地址",
        "district": "所属街道",
        "area": "面积",
        "area.value": "{value} 平方米",
        "seats": "座位",
        "seats.value": "{value} 个",
        "opening_hours": "开放时间",
        "signature": "一堂一品",
        "contact": "联系",
        "contact.person": "联系人",
        "phone": "电话",
        "email": "电子邮箱",
        "facilities": "设施",
        "functions": "功能",
        "photos": "照片",
        "photo.credit": "图片来源：{credit}",
        "map": "地图",
        "map.amap": "在高德地图中查看",
        "map.osm": "在 OpenStreetMap 中查看",
        "standard": "建设标准对照",
        "standard.intro": "对照{kind}的建设标准：",
        "standard.met": "达到标准",
        "standard.not_met": "未达标准",
        "standard.none": "该类型场馆没有建设标准",
        "standard.item": "要求",
        "standard.required": "标准",
        "standard.actual": "现状",
        "standard.status": "是否达到",
        "standard.min_area": "面积不少于 {value} 平方米",
        "standard.has": "配有{item}",
        "standard.serves": "具备{item}功能",
        "standard.unknown": "未填写",
        "standard.yes": "是",
        "standard.no": "否",
        "standard.missing": "尚缺：{items}",
        "halls.count": "共 {count} 处",
        "halls.meets": "{met} 处达到建设标准，{unmet} 处尚未达标",
        "fallback": "（暂无英文版，显示中文原文）",
        "fallback.short": "中文",
        "about": "社区简介",
        "contact.office": "社区联系方式",
        "explore": "浏览",
        "explore.halls": "礼堂、讲堂、展陈室、图书室和广场",
        "explore.events": "节庆活动、课堂和文体活动安排",
        "explore.honors": "道德榜、能人榜、寿星榜",
        "explore.exhibits": "社区基本情况、乡风民俗、崇德尚贤、美好家园",
        "data.halls": "场馆开放数据（JSON）",
        "description": "介绍",
        "back.halls": "返回全部场馆",
    },
    "en": {
        "language.name": "English",
        "sep": "; ",
        "colon": ": ",
        "list.sep": ", ",
        "home": "Home",
        "halls": "Cultural venues",
        "halls.intro": "The community's auditorium, lecture hall, exhibition room, library and squares.",
        "events": "Activity calendar",
        "honors": "Honour boards",
        "exhibits": "Exhibits",
        "section.empty": "Nothing has been published here yet.",
        "kind": "Kind",
        "address": "Address",
        "district": "Subdistrict",
        "area": "Floor area",
        "area.value": "{value} m²",
        "seats": "Seats",
        "seats.value": "{value}",
        "opening_hours": "Opening hours",
        "signature": "Signature programme",
        "contact": "Contact",
        "contact.person": "Contact person",
        "phone": "Phone",
        "email": "E-mail",
        "facilities": "Facilities",
        "functions": "Used for",
        "photos": "Photos",
        "photo.credit": "Photo: {credit}",
        "map": "Map",
        "map.amap": "View on Amap",
        "map.osm": "View on OpenStreetMap",
        "standard": "Against the building standard",
        "standard.intro": "Checked against the standard for a {kind}:",
        "standard.met": "Meets the standard",
        "standard.not_met": "Falls short of the standard",
        "standard.none": "No building standard applies to this kind of venue",
        "standard.item": "Requirement",
        "standard.required": "Standard",
        "standard.actual": "This venue",
        "standard.status": "Met",
        "standard.min_area": "Floor area of at least {value} m²",
        "standard.has": "Has: {item}",
        "standard.serves": "Serves: {item}",
        "standard.unknown": "not given",
        "standard.yes": "Yes",
        "standard.no": "No",
        "standard.missing": "Missing: {items}",
        "halls.count": "{count} venues",
        "halls.meets": "{met} meet their building standard, {unmet} fall short",
        "fallback": "(not yet translated; shown in Chinese)",
        "fallback.short": "Chinese",
        "about": "About the community",
        "contact.office": "Community office",
        "explore": "Explore",
        "explore.halls": "Auditorium, lecture hall, exhibition room, library and squares",
        "explore.events": "Festivals, classes and activities",
        "explore.honors": "Rolls of virtue, talent and elders",
        "explore.exhibits": "History, customs, virtue and our homeland",
        "data.halls": "Venue open data (JSON)",
        "description": "About this venue",
        "back.halls": "All venues",
    },
}


@functools.cache
def tables() -> dict[str, dict[str, str]]:
    """Every string by language: the common table merged with each content type's."""
    merged = {lang: dict(table) for lang, table in STRINGS.items()}
    for name in SECTION_MODULES:
        module = importlib.import_module(f"{__package__}.{name}")
        for lang, table in module.STRINGS.items():
            merged.setdefault(lang, {}).update(table)
    return merged


def translate(lang: str, default: str, key: str, **values: object) -> str:
    """The string ``key`` in ``lang`` (falling back to ``default``), formatted with ``values``."""
    merged = tables()
    text = merged.get(lang, {}).get(key) or merged.get(default, {}).get(key) or key
    return text.format(**values) if values else text
