"""Build output into a staging folder and swap it into place only on success.

A failed build - bad data, a crash, strict-mode warnings - must leave the site that
was there before byte for byte untouched, because that site is what residents and
printed QR codes reach.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


class StagedOutput:
    """A sibling folder that becomes ``target`` when :meth:`commit` is called."""

    def __init__(self, target: Path) -> None:
        self.target = target.resolve()
        self.staging: Path | None = None

    def begin(self) -> Path:
        """Create a fresh staging folder (removing ones left by interrupted builds)."""
        parent = self.target.parent
        parent.mkdir(parents=True, exist_ok=True)
        for stale in parent.glob(f".{self.target.name}.building-*"):
            shutil.rmtree(stale, ignore_errors=True)
        self.staging = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.building-", dir=parent))
        return self.staging

    def commit(self) -> None:
        """Put the staged build in place of ``target`` with two renames."""
        if self.staging is None:
            return
        old = self.target.with_name(f".{self.target.name}.old-{os.getpid()}")
        if self.target.exists():
            os.replace(self.target, old)
        os.replace(self.staging, self.target)
        # mkdtemp makes the folder private (0700); a published site is world-readable.
        self.target.chmod(0o755)
        shutil.rmtree(old, ignore_errors=True)
        self.staging = None

    def abort(self) -> None:
        """Throw the staged build away; ``target`` stays as it was."""
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None
