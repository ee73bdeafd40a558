"""The strict gate and the output folder's faults, told in one clear message each.

``mkdocs build --strict -q`` used to publish warnings unseen: ``-q`` raises the log
level above WARNING, so no warning reached the counter that fails a strict build.
Broken anchors, absolute and unrecognised links are INFO in MkDocs, which ``--strict``
ignores. And a read-only or full output folder ended in a traceback after work was done.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..core.staging import BuildLocked, StagedOutput, describe, output_fault


class StrictLogging:
    """Keeps warnings counted under ``--strict`` whatever ``-q`` says, and quiet on screen."""

    def __init__(self) -> None:
        self._saved: tuple[int, list[tuple[logging.Handler, int]]] | None = None
        self._pages_level: int | None = None

    def engage(self, config: MkDocsConfig) -> None:
        logger = logging.getLogger("mkdocs")
        if not config.strict:
            return
        pages = logging.getLogger("mkdocs.structure.pages")
        if pages.getEffectiveLevel() <= logging.DEBUG:
            # MkDocs skips its anchor check when it logs debug messages (-v).
            self._pages_level = pages.level
            pages.setLevel(logging.INFO)
        if logger.getEffectiveLevel() <= logging.WARNING:
            return
        level = logger.getEffectiveLevel()
        handlers: list[tuple[logging.Handler, int]] = [
            (h, h.level) for h in logger.handlers if isinstance(h, logging.StreamHandler)
        ]
        self._saved = (logger.level, handlers)
        for handler, _ in handlers:
            handler.setLevel(max(handler.level, level))  # the screen stays as quiet as asked
        logger.setLevel(logging.WARNING)  # ... while warnings reach the strict counter

    def release(self) -> None:
        if self._pages_level is not None:
            logging.getLogger("mkdocs.structure.pages").setLevel(self._pages_level)
            self._pages_level = None
        if self._saved is None:
            return
        level, handlers = self._saved
        logging.getLogger("mkdocs").setLevel(level)
        for handler, old in handlers:
            handler.setLevel(old)
        self._saved = None


def raise_link_checks(config: MkDocsConfig) -> None:
    """Broken anchors, absolute and unrecognised links in pages are warnings, at least."""
    links = config.validation.links
    for name in ("anchors", "absolute_links", "unrecognized_links"):
        level = getattr(links, name)
        if isinstance(level, int) and 0 < level < logging.WARNING:
            setattr(links, name, logging.WARNING)


class _WarningCounter(logging.Handler):
    """Counts warnings during a build, to keep a strict build that will abort from being published."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class Publication:
    """A build written beside the published site and swapped in only when it succeeds.

    Warnings are counted from the start: a strict build aborts on them after the last
    event, and must then not have replaced the published site.
    """

    def __init__(self, site_dir: Path, lock_timeout: float, log: logging.Logger | logging.LoggerAdapter) -> None:
        self.counter = _WarningCounter()
        logging.getLogger("mkdocs").addHandler(self.counter)
        self.staged: StagedOutput | None = None
        fault = output_fault(site_dir)
        if fault is not None:
            self.close()
            raise PublishError(f"nothing was built: {fault}")
        staged = StagedOutput(site_dir)
        try:
            staged.lock(
                lock_timeout, waiting=lambda: log.info(f"another build is writing {site_dir}; waiting for it to finish")
            )
        except BuildLocked as exc:
            self.close()
            raise PublishError(str(exc)) from None
        try:
            self.building = staged.begin()
        except OSError as exc:
            staged.unlock()
            self.close()
            raise PublishError(f"nothing was built: {describe(exc, site_dir)}") from None
        self.staged = staged

    @property
    def target(self) -> Path:
        assert self.staged is not None
        return self.staged.target

    def finish(self, strict: bool) -> bool:
        """Swap the new site in (unless a strict build warned); whether it was published."""
        warned = self.counter.count
        self.close()
        assert self.staged is not None
        published = not (strict and warned)
        if published:
            self.staged.commit()
        else:
            # MkDocs aborts a strict build with warnings right after this event.
            self.staged.abort()
        self.staged.unlock()
        return published

    def abort(self) -> None:
        self.close()
        if self.staged is not None:
            self.staged.abort()
            self.staged.unlock()

    def unlock(self) -> None:
        if self.staged is not None:
            self.staged.unlock()

    def close(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.counter)


class PublishError(Exception):
    """The build cannot be written (a fault of the output folder, or another build holding it)."""
