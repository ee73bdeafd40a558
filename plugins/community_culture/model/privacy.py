"""Personal details that never belong on a public honor board, recognised in free text.

Editors copy citations from nomination forms, which carry the nominee's birthday,
phone, ID-card number and flat. These patterns find them in any language the site
uses, so the loader can refuse the entry before anything is published. They lean
towards reporting: a false alarm costs an editor a minute, a leak cannot be undone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_CN_DIGIT = "一二三四五六七八九十〇零"

FULL_DATE = re.compile(
    r"(?<!\d)(?:1[89]|20)\d{2}\s*(?:[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号])(?!\d)"
    r"|(?<!\d)\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*(?:1[89]|20)\d{2}(?!\d)"
    rf"|[{_CN_DIGIT}]{{4}}年[{_CN_DIGIT}]{{1,2}}月[{_CN_DIGIT}]{{1,3}}[日号]"
    rf"|\b\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b",
    re.IGNORECASE,
)
"""A day, month and year: ``1922-03-04``, ``04/03/1922``, ``1922年3月4日``, ``4 March 1922``."""

_DAY = (
    rf"(?:{FULL_DATE.pattern}"
    r"|\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
    rf"|农历\s*[正{_CN_DIGIT}冬腊]{{1,2}}月\s*(?:初|廿)?[{_CN_DIGIT}]{{1,2}}"
    rf"|\b\d{{1,2}}\s+{_MONTH}|\b{_MONTH}\s+\d{{1,2}}\b)"
)
BIRTH_DATE = re.compile(
    rf"(?:生日|出生日期|出生于?|生于|诞辰|date\s+of\s+birth|birthday|\bd\.?o\.?b\b\.?|\bborn)\s*(?:是|为|在|is|on|in|[:：])?\s*{_DAY}"
    rf"|(?:{FULL_DATE.pattern})\s*(?:出生|生人|生(?=[，,。；;）)\s]|$))"
    rf"|{_DAY}\s*(?:是|为)?\s*(?:她|他|我|其|老人|本人)?(?:的)?\s*(?:生日|诞辰|出生|寿辰)"
    rf"|{_DAY}\s*(?:is|was)\s+(?:her|his|my|their)\s+birthday",
    re.IGNORECASE,
)
"""A birthday given with its day, in words that say it is one: ``生于1922年3月4日``, ``born 4 March``."""

ID_CARD = re.compile(
    r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15}"
    r"|\d{6}[\s.-]?(?:18|19|20)\d{2}[\s.-]?(?:0[1-9]|1[0-2])[\s.-]?(?:0[1-9]|[12]\d|3[01])[\s.-]?\d{3}[\dXx])"
    r"(?![0-9A-Za-z])"
)
"""A resident ID-card number: 18 digits (the last may be X), or the old 15-digit kind."""

_SEP = r"[\s.\-\u2010-\u2015]?"
PHONE = re.compile(
    r"(?<![\dA-Za-z])(?:(?:\+|00)86[\s.-]?)?"
    rf"(?:1[3-9]\d{_SEP}\d{{4}}{_SEP}\d{{4}}"  # mobile: 139 1234 5678, 138.1234.5678
    rf"|\(?0\d{{2,3}}\)?{_SEP}[2-9]\d{{2,3}}{_SEP}\d{{4}}"  # with an area code: 0477-8561234, (0477) 856 1234
    rf"|[48]00{_SEP}\d{{3}}{_SEP}\d{{4}})"  # service numbers: 400-123-4567
    r"(?![\dA-Za-z])"
    rf"|(?<![\dA-Za-z])\+\d{{1,3}}{_SEP}\(?\d{{1,4}}\)?(?:{_SEP}\d{{2,4}}){{2,4}}(?![\dA-Za-z])"  # +44 20 7946 0958
    rf"|(?<![\dA-Za-z])\(\d{{3}}\)\s?\d{{3}}{_SEP}\d{{4}}(?![\dA-Za-z])"  # (555) 123-4567
    r"|(?:电话|手机|座机|联系方式|热线|微信|\b(?:tel|phone|mobile|cell|whatsapp)\b)\.?\s*(?:号码?|number)?\s*[:：是为]?\s*\+?\(?\d[\d\s().-]{5,}\d",
    re.IGNORECASE,
)
"""A telephone number, or digits announced as one."""

ADDRESS = re.compile(
    rf"(?<!第)[\d{_CN_DIGIT}]+\s*(?:号楼|单元)"
    r"|\d+\s*(?:栋|幢|号院)"
    r"|\d+\s*室(?![友内外])"
    r"|门牌|住址|家庭地址|家住|住在[^，,。；;]{0,20}?\d+\s*号"
    r"|(?<![\d-])\d{1,3}-\d{1,2}-(?!(?:19|20)\d\d(?!\d))\d{3,4}(?![\d-])"  # building-unit-flat: 3-2-402
    # A street number alone may be a public place (the service centre); at home it is not.
    r"|(?i:\bhome\s+address\b|\b(?:lives?|living|home\s+is)\s+(?:at|in|on)\s+(?:no\.?\s*)?\d+)"
    r"|(?i:\b(?:room|rm\.?|flat|apt\.?|apartment|unit|building|bldg\.?|block)\s*(?:no\.?\s*)?#?\d+[A-Za-z]?\b"
    r"(?!\s*(?:years?|people|times|hours?|days?|months?|%)))",
)
"""A home address: a building, unit, flat or door number (号楼, 单元, 室, 门牌, Room 402)."""

KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("id-card", ID_CARD),
    ("phone", PHONE),
    ("birth-date", BIRTH_DATE),
    ("address", ADDRESS),
)


@dataclass(frozen=True)
class Finding:
    """A personal detail found in a text."""

    kind: str
    """``id-card``, ``phone``, ``birth-date`` or ``address``."""
    start: int
    end: int


def find_private(text: str) -> list[Finding]:
    """The first personal detail of each kind in ``text``, in the order they appear."""
    found = []
    for kind, pattern in KINDS:
        m = pattern.search(text)
        if m is not None:
            found.append(Finding(kind, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def scan_private(node: object, prefix: str, ctx: object, where: str, where_zh: str) -> None:
    """Report a phone number, ID-card number or home address in any text of ``node``.

    Args:
        node: A loader node (mapping, list or scalar) read from an editor's file.
        prefix: The field path of ``node`` inside its file.
        ctx: The reading context (a :class:`~..core.fields.Context`).
        where: What the text is part of, for the message (``a team's page``).
        where_zh: The same in Chinese (``文艺队页面``).
    """
    from ..core.loader import Mapping, Scalar, Sequence
    from ..core.problems import Position, Problem

    def scalars(value: object, name: str) -> list[tuple[str, Scalar]]:
        if isinstance(value, Scalar):
            return [(name, value)]
        if isinstance(value, Sequence):
            return [p for i, item in enumerate(value.items) for p in scalars(item, f"{name}[{i}]")]
        if isinstance(value, Mapping):
            return [p for key, item in value for p in scalars(item, f"{name}.{key}" if name else key)]
        return []

    words = {"phone": ("a phone number", "电话号码"), "id-card": ("an ID-card number", "身份证号码")}
    words["address"] = ("a home address", "家庭住址")
    for fieldname, scalar in scalars(node, prefix):
        for found in find_private(scalar.value):
            if found.kind not in words:
                continue  # dates are the business of calendars and records, not a leak
            english, chinese = words[found.kind]
            # Reported without the source line: it holds the very number at fault.
            ctx.reporter.problems.add(  # type: ignore[attr-defined]
                Problem(
                    Position(scalar.pos.path, scalar.pos.line, scalar.pos.col),
                    fieldname,
                    f"looks like {english}; {where} must not publish phone or ID-card numbers or home addresses",
                    f"{where_zh}不公开{chinese}，请删除",
                )
            )
