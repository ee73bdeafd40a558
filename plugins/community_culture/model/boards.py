"""Honour boards (榜单): which boards a site has, their titles and introductions.

``data/honors/boards.yml`` lists them in order; without it the shipped five are used.
Each board's entries are read by :mod:`.honor`, from ``data/honors/<board id>.yml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.fields import Context, Fields
from ..core.loader import load_yaml
from ..core.problems import Position
from ..core.text import LText
from .taxonomy import DEFAULTS

BOARDS_FILE = "boards.yml"


@dataclass(frozen=True)
class Board:
    """One honor board, e.g. 寿星榜."""

    id: str
    """The board's address: ``/honors/<id>/`` and the name of its data file."""
    title: LText
    """榜单名称。The board's title."""
    source: Position
    """Where the board was listed."""
    show_age: bool = False
    """Show each person's age (computed from the birth year as of the build date)."""
    intro: LText | None = None
    """Markdown: what the board honors, shown above its entries."""


def load_boards(folder: Path, root: Path, ctx: Context) -> dict[str, Board]:
    """The boards of ``boards.yml`` in its order, or the shipped five without it."""
    path, display = DEFAULTS / BOARDS_FILE, f"(built-in) {BOARDS_FILE}"
    if (folder / BOARDS_FILE).is_file():
        path, display = folder / BOARDS_FILE, (folder / BOARDS_FILE).relative_to(root).as_posix()
    f = Fields.open(load_yaml(path, display, ctx.reporter), ctx, "", "a file with a 'boards:' list")
    if f is None:
        return {}
    boards: dict[str, Board] = {}
    for board in f.each("boards", "a board with id and title", read_board, required=True):
        if board.id in boards:
            ctx.reporter.error(board.source, "id", f"the board '{board.id}' is listed twice", "同一个榜单列了两次")
        boards[board.id] = board
    f.finish()
    return boards


def read_board(f: Fields) -> Board | None:
    """One entry of the 'boards:' list."""
    board_id = f.slug("id", required=True)
    title = f.text("title", required=True)
    # The built-in elders' board shows ages unless a site says otherwise.
    board = Board(
        board_id or "",
        title or LText(()),
        f.node.pos,
        show_age=f.boolean("show_age", default=board_id == "longevity"),
        intro=f.markdown("intro"),
    )
    return board if board_id and title else None
