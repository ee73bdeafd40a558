"""What print products hand the press: a page to print (:class:`PrintJob`), and what the
press reports back (:class:`PressStats`, :class:`PrintError`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..core.problems import DataError, Position
from ..model.sizes import PageSize


@dataclass(frozen=True)
class PrintJob:
    """One printed page: what a print product asks the press for."""

    key: str
    """The PDF's path below the site root, e.g. ``exhibits/history/founding/panel.pdf``."""
    label: str
    """What editors call it, for messages: ``panel 'founding' of exhibit 'history'``."""
    size: PageSize
    template: str
    """The page template, e.g. ``print/panel.html``."""
    lang: str
    """The document's main language."""
    context: Mapping[str, Any] | Callable[[], Mapping[str, Any]] = field(default_factory=dict)
    """What the template is given besides ``size``, ``lang``, ``url``, ``qr``, ``press`` and ``fit``;
    or a function that makes it when the page is printed (a check that prints nothing never calls it)."""
    page: str | None = None
    """The web page its QR code leads to, below the site root (``exhibits/history/founding/``); None: no QR code."""
    source: Position | None = None
    """Where its data is written, so that problems point there."""
    field: str = ""
    """The field at ``source``, e.g. ``panels[0]``."""
    flow: bool = False
    """The content may run on over more pages of the same size (a month's activities,
    however many); else it must fit on one page, and preflight says by how much it does not."""
    product: str = ""
    """What it is, for the reprint list (``panel``, ``board``...); empty: the template's name."""
    name: str = ""
    """A descriptive file name stem for the print bundle (``exhibit-history-01-riverbank``);
    empty: made from ``key``."""


@dataclass
class PressStats:
    """What a build's press did."""

    typeset: int = 0
    """Pages laid out and written by WeasyPrint."""
    cached: int = 0
    """Pages taken from the cache unchanged."""
    combined: int = 0
    """Files assembled from several pages (made or taken from the cache)."""
    seconds: dict[str, float] = field(default_factory=dict)
    """Time spent typesetting, by product (``panel``, ``board``...), summed over the processes that typeset."""

    def add(self, other: PressStats) -> None:
        """Count what another process of the same press did too."""
        self.typeset += other.typeset
        self.cached += other.cached
        self.combined += other.combined
        for product, secs in other.seconds.items():
            self.seconds[product] = self.seconds.get(product, 0.0) + secs

    def __str__(self) -> str:
        spent = ", ".join(f"{product} {secs:.1f} s" for product, secs in sorted(self.seconds.items()))
        return (
            f"print files: {self.typeset} page{'s' if self.typeset != 1 else ''} typeset, "
            f"{self.cached} from the cache, {self.combined} combined file{'s' if self.combined != 1 else ''}"
        ) + (f"; typesetting took {spent}" if spent else "")


class PrintError(DataError):
    """Raised when a page cannot be printed as it is; carries every problem of the run."""
