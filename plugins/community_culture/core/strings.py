"""Interface words of our pages, one data file per language: ``strings/<lang>.yml``.

Material translates its own interface; these are the words our pages add. The files
sit on the template search path: ours in ``templates/strings/``, and a site's own
``overrides/strings/<lang>.yml`` (only the keys it changes) is laid over them, so a
community can change a word without changing code. A language missing a key falls
back to the default language's word; a key no file has is printed as itself, which
the tests forbid for every key the templates and the code use.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml

PACKAGE_STRINGS = Path(__file__).resolve().parent.parent / "templates" / "strings"

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe reader where it is installed: the strings files are read at every start."""

_search_path: tuple[str, ...] = ()


def use_template_dirs(dirs: Iterable[str | Path]) -> None:
    """The template folders of this build, a site's own first: their ``strings/`` files count."""
    global _search_path
    _search_path = tuple(str(Path(d)) for d in dirs if Path(d).resolve() != PACKAGE_STRINGS.parent)


def _read(path: Path) -> dict[str, str]:
    """One strings file; raises ValueError with a message an editor can act on."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise ValueError(f"cannot be read as YAML ({exc.strerror})") from None
    return dict(_parse(str(path), stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=64)
def _parse(path: str, mtime_ns: int, size: int) -> dict[str, str]:
    """A strings file as :func:`_read` gives it, read once while it is unchanged."""
    try:
        table = yaml.load(Path(path).read_text(encoding="utf-8-sig"), Loader=_LOADER) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ValueError(f"cannot be read as YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(table, dict) or not all(isinstance(v, (str, int, float)) for v in table.values()):
        raise ValueError("must be a list of `key: words` lines, one word per key")
    return {str(k): str(v) for k, v in table.items()}


@functools.cache
def _tables(search_path: Sequence[str]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    # Ours first, then each site folder from the last to the first: the first one wins.
    folders = [PACKAGE_STRINGS, *(Path(d) / "strings" for d in reversed(search_path))]
    for folder in folders:
        for path in sorted(folder.glob("*.yml")) if folder.is_dir() else ():
            try:
                merged.setdefault(path.stem, {}).update(_read(path))
            except ValueError:
                continue  # reported by problems(); the site keeps our words
    return merged


def problems(dirs: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Each site strings file (``<dir>/strings/*.yml``) that cannot be used, and why."""
    found = []
    for folder in (Path(d) / "strings" for d in dirs):
        for path in sorted(folder.glob("*.yml")) if folder.is_dir() else ():
            try:
                _read(path)
            except ValueError as exc:
                found.append((path, str(exc)))
    return found


def tables() -> dict[str, dict[str, str]]:
    """Every string by language, as this build sees them."""
    return _tables(_search_path)


def translate(lang: str, default: str, key: str, **values: object) -> str:
    """The string ``key`` in ``lang`` (falling back to ``default``), formatted with ``values``."""
    merged = tables()
    text = merged.get(lang, {}).get(key) or merged.get(default, {}).get(key) or key
    return text.format(**values) if values else text
