"""Garbage collection around loading: the model is many small objects and no cycles.

Reading 10,000 events makes about a million small objects (nodes, positions, texts)
that are all kept. Python's cyclic collector runs every few hundred allocations and,
as the heap grows, walks everything already made again and again: measured, it was
four fifths of the time ``culture check`` spent reading YAML. None of these objects
forms a reference cycle, so nothing is lost by pausing the collector while they are
made; reference counting still frees every temporary at once. Whatever garbage with
cycles the pause leaves is collected as soon as the collector runs again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc(keep: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block (as it was before, after).

    ``keep``: what the block made lives to the end of the run, so :func:`freeze` it
    first; otherwise the first collection after the block walks all of it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep:
            gc.freeze()
        if was_enabled:
            gc.enable()


def freeze() -> None:
    """Keep every object that exists now out of later collections (see :func:`gc.freeze`).

    After loading, the site model lives until the build ends; without this, every
    full collection during the build would walk it again. :func:`unfreeze` at the
    end of the build gives it back to the collector.
    """
    gc.freeze()


def unfreeze() -> None:
    """Hand frozen objects back to the collector (the model of a build that ended)."""
    gc.unfreeze()
