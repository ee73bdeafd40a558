"""Compiled templates kept between builds.

Compiling Material's and our templates is a second of every build, and the preview
rebuilds on every save. Jinja keeps the compiled code of each template in the build
cache, keyed by the template's name and a hash of its source, so a changed template is
compiled again and an unchanged one is not.
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2


@functools.cache
def _cache(folder: Path) -> jinja2.BytecodeCache | None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only cache: templates are compiled each time, as without one
    return jinja2.FileSystemBytecodeCache(str(folder))


def template_cache(cache_dir: Path | None) -> jinja2.BytecodeCache | None:
    """The compiled-template cache below ``cache_dir`` (None: no cache)."""
    return _cache(cache_dir / "templates") if cache_dir is not None else None
