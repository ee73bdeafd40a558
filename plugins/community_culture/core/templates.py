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


class _Folder(jinja2.FileSystemBytecodeCache):
    """Jinja's cache folder, made again if it went away between builds (a cleared cache in the preview)."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass  # a cache that cannot be written costs a compile, nothing else


@functools.cache
def _cache(folder: Path) -> jinja2.BytecodeCache | None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only cache: templates are compiled each time, as without one
    return _Folder(str(folder))


def template_cache(cache_dir: Path | None) -> jinja2.BytecodeCache | None:
    """The compiled-template cache below ``cache_dir`` (None: no cache)."""
    return _cache(cache_dir / "templates") if cache_dir is not None else None
