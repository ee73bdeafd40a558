"""The ``culture`` command: check the data without building the site.

``culture check`` runs exactly the loading and validation the MkDocs plugin runs, so
the two always agree, and prints every problem at once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

import yaml

from .core.collector import paused_gc
from .model.site import Options, load_site

PLUGIN_NAME = "community-culture"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml while ignoring its tags (!ENV, !!python/name:...)."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("", _ignore_tag)


def read_options(config_file: Path) -> Options:
    """The project options as the plugin would see them in ``mkdocs.yml``."""
    try:
        raw = yaml.load(config_file.read_text(encoding="utf-8-sig"), Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError) as exc:
        raise SystemExit(f"culture: cannot read {config_file}: {exc}") from None
    raw = raw if isinstance(raw, dict) else {}
    plugin: dict[str, Any] = {}
    for entry in raw.get("plugins") or []:
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            plugin = entry[PLUGIN_NAME] or {}
    root = config_file.resolve().parent
    as_of = plugin.get("as_of")
    try:
        as_of_date = dt.date.fromisoformat(str(as_of)) if as_of else None
    except ValueError:
        raise SystemExit(f"culture: as_of in {config_file.name} must be YYYY-MM-DD, found '{as_of}'") from None
    return Options(
        root=root,
        data_dir=(root / str(plugin.get("data_dir", "data"))).resolve(),
        content_dir=(root / str(raw.get("docs_dir", "docs"))).resolve(),
        languages=tuple(plugin.get("languages") or ("zh", "en")),
        as_of=as_of_date,
        site_url=raw.get("site_url"),
        cache_dir=(root / str(plugin.get("cache_dir", ".cache/community-culture"))).resolve(),
    )


def check(args: argparse.Namespace) -> int:
    """Validate everything and print every problem; non-zero exit on errors."""
    config_file = Path(args.config_file)
    if not config_file.is_file():
        print(f"culture: {config_file} not found; run this in the project folder or pass -f", file=sys.stderr)
        return 2
    options = read_options(config_file)
    with paused_gc():  # the model holds no reference cycles; see core/collector.py
        site, problems = load_site(options)
    failed = bool(problems.errors) or (args.strict and bool(problems.warnings))
    if len(problems):
        print(problems.report())
    for note in problems.notes:
        print(note)
    if failed:
        print("\nculture check: FAILED（检查未通过）")
        return 1
    halls = len(site.halls) if site else 0
    print(f"culture check: OK - {halls} halls（检查通过）")
    return 0


def schemas(args: argparse.Namespace) -> int:
    """Write the JSON Schemas of the data files for editors' tools."""
    from .model.schema import write_schemas

    for path in write_schemas(Path(args.folder)):
        print(path)
    print("Add '# yaml-language-server: $schema=<file>' to a data file, or map data/ to them in your editor.")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``culture`` console script."""
    parser = argparse.ArgumentParser(prog="culture", description="Community culture site tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="check data/ and content/ and list every problem")
    p_check.add_argument("--strict", action="store_true", help="fail on warnings too")
    p_check.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    p_check.set_defaults(func=check)
    p_schemas = sub.add_parser("schemas", help="write JSON Schemas of the data files for editors' tools")
    p_schemas.add_argument("folder", nargs="?", default=".schemas", help="where to write them (default .schemas)")
    p_schemas.set_defaults(func=schemas)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:  # pragma: no cover
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
