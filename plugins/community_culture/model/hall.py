"""Venues (文化礼堂, 讲堂, 展陈室 ...): ``data/halls/<id>.yml``, and the standards they meet."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.fields import SLUG, Context, Fields
from ..core.loader import load_yaml
from ..core.problems import Position
from ..core.text import LText
from .community import Contact, read_contact
from .opening_hours import OpeningHours, parse_opening_hours
from .taxonomy import DEFAULTS, Taxonomies


@dataclass(frozen=True)
class Photo:
    """A photo with its caption (also its alt text) and credit."""

    src: str
    """Path relative to ``content/``."""
    caption: LText | None = None
    """照片说明，也是读屏软件朗读的文字。The caption, also read aloud to blind readers."""
    credit: LText | None = None
    """图片来源。Who took or owns the photo."""


@dataclass(frozen=True)
class Location:
    """WGS-84 coordinates."""

    lat: float
    """纬度。Latitude."""
    lon: float
    """经度。Longitude."""


@dataclass(frozen=True)
class Standard:
    """What a kind of hall must have (文化礼堂建设标准)."""

    kind: str
    min_area_m2: float | None = None
    requires: tuple[str, ...] = ()
    """Facilities it must have."""
    functions: tuple[str, ...] = ()
    """Functions it must serve."""


@dataclass(frozen=True)
class Check:
    """One line of a hall's standards checklist."""

    item: str
    """``area_m2``, a facility id or a function id."""
    group: str
    """``area``, ``facilities`` or ``functions``."""
    met: bool | None
    """None when the figure is unknown (no area given)."""
    required: float | None = None
    actual: float | None = None


@dataclass(frozen=True)
class Hall:
    """A venue of the community."""

    id: str
    """编号：文件名 data/halls/<id>.yml。The hall's id, its file name."""
    name: LText
    """场馆名称。The hall's name."""
    kind: str
    """场馆类型（taxonomies.yml 的 hall_kinds）。The kind of hall."""
    source: Position
    """Where the hall's data was written (for cross-reference messages)."""
    address: LText | None = None
    """地址。The street address."""
    location: Location | None = None
    """位置（纬度 lat、经度 lon），用于地图链接。Where it is, for map links."""
    area_m2: float | None = None
    """面积（平方米）。Floor area in square metres."""
    seats: int | None = None
    """座位数。Number of seats."""
    facilities: tuple[str, ...] = ()
    """设施。What the hall is equipped with."""
    functions: tuple[str, ...] = ()
    """功能。What the hall is used for."""
    opening_hours: OpeningHours | None = None
    """开放时间（OpenStreetMap 写法，如 Mo-Fr 08:30-17:30）。Opening hours."""
    signature: LText | None = None
    """The hall's signature programme (一堂一品)."""
    contact: Contact | None = None
    """联系人和电话。Who to contact."""
    photos: tuple[Photo, ...] = ()
    """照片（src、说明 caption、来源 credit）。Photos with captions."""
    description: LText | None = None
    """Markdown."""


@dataclass(frozen=True)
class Assessment:
    """How a hall measures up to the standard of its kind."""

    kind: str
    met: bool | None
    """None where no standard applies to the kind."""
    checks: tuple[Check, ...]

    @property
    def missing(self) -> list[str]:
        """What falls short, e.g. ``["area_m2", "stage"]``."""
        return [c.item for c in self.checks if c.met is not True]


def assess(hall: Hall, standards: dict[str, Standard]) -> Assessment:
    """Check ``hall`` against the standard of its kind."""
    std = standards.get(hall.kind)
    if std is None:
        return Assessment(hall.kind, None, ())
    checks: list[Check] = []
    if std.min_area_m2 is not None:
        met = None if hall.area_m2 is None else hall.area_m2 >= std.min_area_m2
        checks.append(Check("area_m2", "area", met, std.min_area_m2, hall.area_m2))
    checks += [Check(item, "facilities", item in hall.facilities) for item in std.requires]
    checks += [Check(item, "functions", item in hall.functions) for item in std.functions]
    return Assessment(hall.kind, all(c.met is True for c in checks), tuple(checks))


def load_standards(data_dir: Path, root: Path, ctx: Context, tax: Taxonomies) -> dict[str, Standard]:
    """Shipped standards, each kind replaced wholesale by ``data/standards.yml``."""
    out: dict[str, Standard] = {}
    sources = [(DEFAULTS / "standards.yml", "(built-in) standards.yml")]
    if (data_dir / "standards.yml").is_file():
        sources.append((data_dir / "standards.yml", (data_dir / "standards.yml").relative_to(root).as_posix()))
    for path, display in sources:
        f = Fields.open(load_yaml(path, display, ctx.reporter), ctx, "", "standards by hall kind")
        if f is None:
            continue
        for kind in list(f.node.entries):
            sub = f.sub(kind, f"the standard for '{kind}'")
            if kind not in tax.hall_kinds:
                f.error(
                    f.node.entries[kind][0],
                    kind,
                    f"unknown hall kind '{kind}' (known: {', '.join(tax.hall_kinds)})",
                    "场馆类型不在可选范围内",
                )
                continue
            if sub is None:
                continue
            out[kind] = Standard(
                kind=kind,
                min_area_m2=sub.number("min_area_m2", minimum=0, unit="square metres"),
                requires=sub.choices("requires", tax.facilities, "facility"),
                functions=sub.choices("functions", tax.functions, "function"),
            )
            sub.finish()
        f.finish()
    return out


def load_halls(data_dir: Path, root: Path, ctx: Context, tax: Taxonomies) -> dict[str, Hall]:
    """Read every ``data/halls/*.yml``; the id is the file name."""
    halls: dict[str, Hall] = {}
    folder = data_dir / "halls"
    if not folder.is_dir():
        return halls
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yml", ".yaml") or path.name.startswith("."):
            continue
        display = path.relative_to(root).as_posix()
        hall_id = path.stem
        if not SLUG.match(hall_id):
            ctx.reporter.error(
                Position(display),
                "",
                f"the file name '{path.name}' must be a valid id "
                "(lowercase letters, digits, hyphens), because it becomes the page address",
                "文件名即场馆编号，只能用小写英文字母、数字和连字符",
            )
            continue
        f = Fields.open(load_yaml(path, display, ctx.reporter), ctx, "", "a hall")
        if f is None:
            continue
        hall = read_hall(f, hall_id, tax)
        f.finish()
        if hall is not None:
            halls[hall.id] = hall
    return halls


def read_hall(f: Fields, hall_id: str, tax: Taxonomies) -> Hall | None:
    """Read one hall mapping."""
    name = f.text("name", required=True)
    kind = f.choice("kind", tax.hall_kinds, "hall kind", required=True)
    loc = f.sub("location", "a location with lat and lon")
    location = None
    if loc is not None:
        lat = loc.number("lat", required=True, minimum=-90, maximum=90)
        lon = loc.number("lon", required=True, minimum=-180, maximum=180)
        loc.finish()
        location = Location(lat, lon) if lat is not None and lon is not None else None
    hours_node = f.scalar("opening_hours")
    hours = None
    if hours_node is not None:
        hours = parse_opening_hours(hours_node.value)
        if hours.rules is None:
            f.ctx.reporter.warning(
                hours_node.pos,
                f.name("opening_hours"),
                f"'{hours_node.value}' is shown as written: only weekday ranges, times, 'off', 'PH' and '24/7' "
                "are put into words (for example 'Mo-Fr 08:30-12:00,14:30-18:00; Sa,Su 09:00-17:00')",
                "开放时间将按原文显示；建议写成 Mo-Fr 08:30-17:30 这样的格式",
            )
    hall = Hall(
        id=hall_id,
        name=name or LText(((f.ctx.default_language, hall_id),)),
        kind=kind or "",
        source=f.node.pos,
        address=f.text("address"),
        location=location,
        area_m2=f.number("area_m2", minimum=0, maximum=1_000_000, unit="square metres"),
        seats=f.integer("seats", minimum=0, maximum=100_000),
        facilities=f.choices("facilities", tax.facilities, "facility"),
        functions=f.choices("functions", tax.functions, "function"),
        opening_hours=hours,
        signature=f.text("signature"),
        contact=read_contact(f.sub("contact", "contact details"), person=True),
        photos=tuple(f.each("photos", "a photo with src, caption and credit", read_photo)),
        description=f.markdown("description"),
    )
    return hall if name and kind else None


def read_photo(f: Fields) -> Photo | None:
    """Read one ``{src, caption, credit}`` entry."""
    src = f.image("src", required=True)
    photo = Photo(src or "", f.text("caption"), f.text("credit"))
    if src and photo.caption is None:
        f.ctx.reporter.warning(
            f.node.pos,
            f.name("caption"),
            "a photo without a caption has no text for blind readers",
            "请为照片写一句说明，它也是读屏软件朗读的替代文字",
        )
    return photo if src else None
