"""Files are read only from inside the project: no symlink out, no active SVG, no raw HTML script.

A link in ``content/`` to ``/proc/self/environ`` would publish the build's environment;
an SVG or an HTML file copied as it is runs its scripts on the site's own address.
These checks run in validation, so ``culture check`` and the build agree, and before the
site engine copies anything.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from .loader import Reporter
from .problems import Position

_SVG_ACTIVE = re.compile(
    r"<\s*(?:script|foreignObject|iframe|embed|object|handler|listener)\b"
    r"|<!ENTITY|<!DOCTYPE[^>]*\["
    r"|\son[a-z]+\s*="
    r"|(?:javascript|vbscript|data)\s*:"
    r"|(?:xlink:)?href\s*=\s*[\"']?\s*(?!#)[^\"'\s>]"
    r"|@import|url\(\s*[\"']?\s*(?!#)",
    re.IGNORECASE,
)
"""What an SVG may not hold: scripts, handlers, entities, or references to any other file."""


def walk(folder: Path) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Every file below ``folder`` (a link to one included; a link to a folder not followed),
    with its path relative to ``folder``: ``os.scandir`` alone, no ``Path`` made per file (a
    built site is tens of thousands of them)."""
    folders = [("", os.fspath(folder))]
    while folders:
        prefix, where = folders.pop()
        try:
            with os.scandir(where) as found:
                entries = list(found)
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((f"{prefix}{entry.name}/", entry.path))
                elif entry.is_file():
                    yield prefix + entry.name, entry
            except OSError:
                continue


def outside_links(folder: Path, root: Path, reporter: Reporter) -> list[Path]:
    """Every symlink under ``folder`` whose target lies outside ``folder``, each reported as an error.

    Folders reached through such links are not entered.
    """
    base = folder.resolve()
    bad: list[Path] = []
    for current, dirs, names in os.walk(folder, followlinks=False):
        here = Path(current)
        for name in [*dirs, *names]:
            path = here / name
            if not path.is_symlink():
                continue
            try:
                target = path.resolve(strict=False)
            except (OSError, RuntimeError):  # a loop
                target = Path("/")
            if not target.is_relative_to(base):
                bad.append(path)
                reporter.error(
                    Position(_rel(path, root)),
                    "",
                    f"a symbolic link to a place outside {_rel(folder, root)}/ ({os.readlink(path)}); "
                    "only files inside the project are published",
                    "这是指向项目以外的链接（快捷方式），网站不会发布项目以外的文件；请把文件复制进来",
                )
    return bad


def check_svgs(folder: Path, root: Path, reporter: Reporter) -> None:
    """Refuse SVGs that could run a script or load another file when opened from the site."""
    for path in sorted(folder.rglob("*.svg")):
        if path.is_symlink() and not path.resolve().is_relative_to(folder.resolve()):
            continue  # reported as a link
        try:
            text = path.read_bytes().decode("utf-8", errors="replace")
        except OSError:
            continue
        m = _SVG_ACTIVE.search(text)
        if m is not None:
            line = text.count("\n", 0, m.start()) + 1
            reporter.error(
                Position(_rel(path, root), line),
                "",
                f"this SVG holds '{m.group().strip()[:40]}': an SVG may draw, but not run scripts, "
                "react to events or load other files",
                "SVG 图片中含有脚本、事件或外部引用，不能发布；请另存为 PNG，或在绘图软件中导出为普通 SVG",
            )


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def writable(path: Path) -> bool:
    """Whether ``path`` is, or can be made as, a writable folder."""
    probe = path
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return probe.is_dir() and os.access(probe, os.W_OK | os.X_OK)
