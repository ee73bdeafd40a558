"""A project whose every text field carries script and markup payloads, in both languages."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from ._project import Project

PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    "<b>x</b>",
    '"><script> alert(2) </script>',
    "</title><script> alert(3) </script>",
    "&lt;script&gt; alert(4) &lt;/script&gt;",
    "'><svg onload=alert(5)>",
)
PAYLOAD = " ".join(PAYLOADS)
"""One string carrying every payload; each text field gets it with a prefix."""


def t(label: str) -> str:
    """A localized text mapping, both languages hostile, as a YAML flow value."""
    zh = _q(f"中{label} {PAYLOAD}")
    en = _q(f"En{label} {PAYLOAD}")
    return f"{{zh: {zh}, en: {en}}}"


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1800, 1200), (120, 80, 40)).save(out, "JPEG")
    return out.getvalue()


MKDOCS = """\
site_name: 测试社区
site_url: https://example.org/
docs_dir: content
theme:
  name: material
  language: zh
  font: false
plugins:
  - search:
      lang: [zh, en]
  - community-culture:
      as_of: 2026-06-01
      print_files: false
validation:
  nav:
    omitted_files: ignore
"""


def write_hostile(root: Path) -> tuple[Project, int]:
    """Write the project; return it and the number of hostile text fields written."""
    p = Project(root)
    p.write("mkdocs.yml", MKDOCS)
    photo = _jpeg()
    for name in ("hall.jpg", "panel.jpg", "honor.jpg", "event.jpg"):
        p.write(f"content/images/{name}", photo)
    p.write("content/about.md", "# 关于\n\n测试页面。\n")
    files = {
        "data/community.yml": f"""\
name: {t("社区")}
district: {t("街道")}
address: {t("地址")}
timezone: Asia/Shanghai
contact: {{phone: "0477-0000000", email: a@example.org}}
about: {t("简介")}
""",
        "data/taxonomies.yml": f"""\
categories:
  hostile: {t("类别")}
""",
        "data/halls/evil-hall.yml": f"""\
name: {t("场馆")}
kind: auditorium
address: {t("场馆地址")}
area_m2: 210
facilities: [stage, lighting, sound]
functions: [ceremonies, cultural-activities, council-meetings, film-screenings]
opening_hours: "Mo-Fr 09:00-17:00"
signature: {t("一堂一品")}
contact: {{person: {t("联系人")}, phone: "0477-0000000"}}
photos:
  - {{src: images/hall.jpg, caption: {t("照片说明")}, credit: {t("供图")}}}
description: {t("描述")}
""",
        "data/events/2026.yml": f"""\
events:
  - id: evil-event
    title: {t("活动")}
    category: hostile
    when: {{date: 2026-05-01, time: "14:00-16:00", notes: {t("备注")}}}
    hall: evil-hall
    teams: [evil-team]
    organizer: {t("主办")}
    audience: {t("对象")}
    summary: {t("摘要")}
    body: {t("正文")}
    records:
      - date: 2026-05-01
        attendance: 20
        lecturer: {t("讲师")}
        summary: {t("回顾")}
        photos:
          - {{src: images/event.jpg, caption: {t("活动照片")}, credit: {t("活动供图")}}}
  - id: evil-venue
    title: {t("活动二")}
    category: hostile
    when: {{start: 2026-07-01, end: 2026-07-03}}
    venue: {t("场地")}
    summary: {t("摘要二")}
""",
        "data/teams/evil-team.yml": f"""\
name: {t("队伍")}
kind: yangge
speciality: {t("特色")}
practice:
  - when: {{every: week, on: tuesday, start: 2026-03-01, until: 2026-06-30, time: "19:30-21:00", notes: {t("练习备注")}}}
    hall: evil-hall
leader: {{role: {t("队长")}, name: {t("队长名")}, consent: true}}
members: 12
join: {t("加入")}
awards:
  - {{year: 2025, title: {t("奖项")}}}
description: {t("队伍介绍")}
""",
        "data/plan/2026.yml": f"""\
targets:
  - id: evil-target
    title: {t("目标")}
    category: hostile
    min: {{year: 2}}
  - id: evil-manual
    title: {t("手填目标")}
    manual: {{value: 5, as_of: 2026-05-30}}
    min: {{year: 10}}
""",
        "data/honors/boards.yml": f"""\
boards:
  - {{id: evil-board, title: {t("榜单")}}}
""",
        "data/honors/evil-board.yml": f"""\
entries:
  - id: evil-person
    name: {t("姓名")}
    year: 2026
    title: {t("称号")}
    awarded_by: {t("授予")}
    citation: {t("事迹")}
    photo: images/honor.jpg
    consent: true
""",
        "data/exhibits/evil-exhibit/exhibit.yml": f"""\
title: {t("展览")}
section: customs
hall: evil-hall
intro: {t("前言")}
print: {{size: A4, orientation: portrait}}
panels:
  - id: evil-panel
    title: {t("展板")}
    body: {t("展板正文")}
    images:
      - {{src: images/panel.jpg, caption: {t("展板图")}, credit: {t("展板供图")}}}
""",
    }
    fields = 0
    for path, text in files.items():
        p.write(path, text)
        fields += text.count(PAYLOADS[0])
    return p, fields
