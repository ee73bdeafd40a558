"""The community profile (社区基本情况): ``data/community.yml``."""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass
from pathlib import Path

from ..core.fields import Context, Fields
from ..core.loader import load_yaml
from ..core.problems import Position
from ..core.text import LText

PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{4,}[0-9](?:\s*(?:转|ext\.?)\s*\d+)?$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


@dataclass(frozen=True)
class Contact:
    """How to reach someone: a person, a phone number, an e-mail address."""

    person: LText | None = None
    """联系人。A contact person."""
    phone: str | None = None
    """电话。Phone number."""
    email: str | None = None
    """电子邮箱。E-mail address."""


@dataclass(frozen=True)
class Community:
    """The community the site is about."""

    name: LText
    """The community's name, e.g. 锦绣社区."""
    district: LText | None = None
    """The subdistrict and district it belongs to."""
    address: LText | None = None
    """The street address of the community office."""
    timezone: str = "Asia/Shanghai"
    """IANA time zone in which every event time is read."""
    contact: Contact | None = None
    """The community office's phone and e-mail."""
    about: LText | None = None
    """Markdown: who the community is, shown on the home page."""


def read_contact(f: Fields | None, person: bool) -> Contact | None:
    """Read a ``contact:`` mapping."""
    if f is None:
        return None
    contact = Contact(
        person=f.text("person") if person else None,
        phone=f.string("phone", pattern=PHONE, expected="a phone number such as 0477-8561234"),
        email=f.string("email", pattern=EMAIL, expected="an e-mail address such as culture@example.org"),
    )
    f.finish()
    return contact


def load_community(data_dir: Path, root: Path, ctx: Context) -> Community | None:
    """Read ``data/community.yml``; its absence is reported (the site needs a name)."""
    path = data_dir / "community.yml"
    display = path.relative_to(root).as_posix()
    if not path.is_file():
        ctx.reporter.error(
            Position(display), "", "the community profile is missing", "缺少社区基本情况文件 data/community.yml"
        )
        return None
    f = Fields.open(load_yaml(path, display, ctx.reporter), ctx, "", "the community profile")
    if f is None:
        return None
    community = read_community(f)
    f.finish()
    return community


def read_community(f: Fields) -> Community | None:
    """Read the community profile mapping."""
    name = f.text("name", required=True)
    tz_node = f.scalar("timezone")
    timezone = "Asia/Shanghai"
    if tz_node is not None:
        try:
            zoneinfo.ZoneInfo(tz_node.value.strip())
            timezone = tz_node.value.strip()
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            f.error(
                tz_node,
                "timezone",
                f"unknown time zone '{tz_node.value}' (for example Asia/Shanghai)",
                "时区请填写 Asia/Shanghai",
            )
    community = Community(
        name=name or LText((("zh", "?"),)),
        district=f.text("district"),
        address=f.text("address"),
        timezone=timezone,
        contact=read_contact(f.sub("contact", "contact details"), person=False),
        about=f.markdown("about"),
    )
    return community if name else None
