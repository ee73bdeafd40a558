"""Taxonomies: the vocabularies of categories, hall kinds, facilities and functions.

Defaults ship with the plugin (``defaults/taxonomies.yml``, taken from the seed
plans); a site adds its own terms or relabels ours in ``data/taxonomies.yml``.
Every term carries a label in each language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..core.fields import Context, Fields, check_slug, read_text
from ..core.loader import Mapping, load_yaml
from ..core.text import LText

DEFAULTS = Path(__file__).resolve().parent.parent / "defaults"
GROUPS = ("categories", "hall_kinds", "facilities", "functions", "honor_categories", "team_kinds")


@dataclass(frozen=True)
class Taxonomies:
    """Every vocabulary, each an ordered mapping of term id to its label."""

    categories: dict[str, LText] = field(default_factory=dict)
    """Event categories (宣传文化, 党员教育, ...)."""
    hall_kinds: dict[str, LText] = field(default_factory=dict)
    """Kinds of venue (文化礼堂, 讲堂, ...)."""
    facilities: dict[str, LText] = field(default_factory=dict)
    """Equipment a hall has (舞台, 灯光, ...)."""
    functions: dict[str, LText] = field(default_factory=dict)
    """What a hall is used for (节庆典礼, 放映电影, ...)."""
    honor_categories: dict[str, LText] = field(default_factory=dict)
    """The five national 好人 categories."""
    team_kinds: dict[str, LText] = field(default_factory=dict)
    """Kinds of amateur team (秧歌, 二人台, 广场舞 ...)."""

    def label(self, group: str, term: str, lang: str, default: str) -> str:
        """The label of ``term`` in ``group``, or the id itself when unlabelled."""
        text = getattr(self, group).get(term)
        return text.get(lang, default) if text else term


def load_taxonomies(data_dir: Path | None, root: Path, ctx: Context) -> Taxonomies:
    """The shipped vocabularies, extended or relabelled by ``data/taxonomies.yml`` (none when ``data_dir`` is None)."""
    merged: dict[str, dict[str, LText]] = {group: {} for group in GROUPS}
    sources = [(DEFAULTS / "taxonomies.yml", "(built-in) taxonomies.yml")]
    site_file = data_dir / "taxonomies.yml" if data_dir is not None else None
    if site_file is not None and site_file.is_file():
        sources.append((site_file, site_file.relative_to(root).as_posix()))
    for path, display in sources:
        node = load_yaml(path, display, ctx.reporter)
        f = Fields.open(node, ctx, "", "the vocabularies (categories:, facilities:, ...)")
        if f is None:
            continue
        for group in GROUPS:
            sub = f.raw(group)
            if sub is None:
                continue
            if not isinstance(sub, Mapping):
                f.error(sub, group, "expected 'term-id: label' lines", "每行写“编号: 名称”")
                continue
            for term, (key, value) in sub.entries.items():
                if check_slug(key, f"{group}.{term}", ctx.reporter) is None:
                    continue
                label = read_text(value, f"{group}.{term}", ctx)
                if label is None:
                    ctx.reporter.error(
                        value.pos,
                        f"{group}.{term}",
                        "needs a label, e.g. {zh: 舞台, en: Stage}",
                        "请填写名称，例如 {zh: 舞台, en: Stage}",
                    )
                    continue
                merged[group][term] = label
        f.finish()
    return Taxonomies(**merged)
