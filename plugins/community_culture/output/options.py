"""One reader of the project's options, for every face: the engine adapter, ``culture check``, ``culture export``.

The options are the ``community-culture`` entry of ``mkdocs.yml`` (which ProperDocs and
Zensical read too) plus the few site-wide keys the project needs (``docs_dir``,
``site_url``, ``theme.custom_dir``, ``site_name``). The adapter hands over what its
engine has already validated; the command line hands over the file as written.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..model.print_settings import read_settings
from ..model.site import Options
from .housekeeping import cache_dir as usable_cache_dir

PLUGIN_NAME = "community-culture"
log = logging.getLogger("community_culture")


class OptionsError(ValueError):
    """An option that cannot be used; the message says which and what to write."""


@dataclass(frozen=True)
class SiteConfig:
    """The parts of ``mkdocs.yml`` the project reads, engine aside."""

    root: Path
    plugin: Mapping[str, Any]
    """The ``community-culture`` options as written (or as the engine validated them)."""
    docs_dir: str = "docs"
    site_url: str | None = None
    site_name: str = ""
    custom_dir: str | None = None
    markdown_extensions: tuple[Any, ...] = ()
    copyright: str | None = None
    raw: Mapping[str, Any] | None = None
    """The whole file as read (for an export that carries the theme settings along)."""


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml while ignoring its tags (!ENV, !!python/name:...)."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("", _ignore_tag)


def read_config_file(config_file: Path) -> SiteConfig:
    """``mkdocs.yml`` as the project reads it (tags such as ``!ENV`` are read as plain values)."""
    try:
        raw = yaml.load(config_file.read_text(encoding="utf-8-sig"), Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError) as exc:
        raise OptionsError(f"cannot read {config_file}: {exc}") from None
    raw = raw if isinstance(raw, dict) else {}
    plugin: dict[str, Any] = {}
    for entry in raw.get("plugins") or []:
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            plugin = entry[PLUGIN_NAME] or {}
    theme: dict[str, Any] = raw["theme"] if isinstance(raw.get("theme"), dict) else {}
    return SiteConfig(
        root=config_file.resolve().parent,
        plugin=plugin if isinstance(plugin, dict) else {},
        docs_dir=str(raw.get("docs_dir", "docs")),
        site_url=raw.get("site_url"),
        site_name=str(raw.get("site_name") or ""),
        custom_dir=str(theme["custom_dir"]) if theme.get("custom_dir") else None,
        markdown_extensions=tuple(raw.get("markdown_extensions") or ()),
        copyright=raw.get("copyright"),
        raw=raw,
    )


def read_options(
    config: SiteConfig, *, as_of: object = None, logger: logging.Logger | logging.LoggerAdapter | None = None
) -> Options:
    """The project's :class:`Options` from its configuration; raises :class:`OptionsError`.

    ``logger`` hears where the build cache went when the configured folder cannot be written.
    """
    plugin = config.plugin
    root = config.root
    as_of = plugin.get("as_of") if as_of is None else as_of
    try:
        print_settings = read_settings(plugin.get("print"), root)
    except ValueError as exc:
        raise OptionsError(str(exc)) from None
    reminder = plugin.get("reminder_minutes")
    if reminder is not None and (isinstance(reminder, bool) or not isinstance(reminder, int) or reminder < 0):
        raise OptionsError(f"reminder_minutes must be a whole number of minutes, found '{reminder}'")
    custom = Path(config.custom_dir) if config.custom_dir else None
    if custom is not None and not custom.is_absolute():
        custom = root / custom
    return Options(
        root=root,
        data_dir=(root / str(plugin.get("data_dir", "data"))).resolve(),
        content_dir=(root / config.docs_dir).resolve(),
        languages=tuple(plugin.get("languages") or ("zh", "en")),
        as_of=parse_as_of(as_of),
        site_url=config.site_url,
        honors_noindex=bool(plugin.get("honors_noindex", True)),
        cache_dir=usable_cache_dir(root, str(plugin.get("cache_dir", ".cache/community-culture")), logger or log),
        template_dirs=(custom,) if custom is not None else (),
        print=print_settings,
        reminder_minutes=reminder,
    )


def parse_as_of(value: object) -> dt.date | None:
    """``as_of`` as a date: None when unset; raises :class:`OptionsError` when it is not ``YYYY-MM-DD``."""
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise OptionsError(f"as_of must be a date written YYYY-MM-DD, found '{value}'") from None
