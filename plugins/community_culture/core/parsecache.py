"""A cache of parsed data files that cannot lie.

A district's calendar is thousands of events in a few dozen files, and an edit
touches one of them; composing the YAML of the others again is most of what
``culture check`` and a rebuild spend reading data. Each file that parsed without
a problem is kept as its node tree (text, line, column, quoting) under the SHA-256
of its text and of the loader itself, so an entry is found only for exactly the same
text read by exactly the same loader (the source of every module of ``core/``, and
Python's, PyYAML's and libyaml's versions). Each entry repeats its own key and is checked when read; an
entry that does not read back whole is ignored. Files with problems are never
cached: their messages are made afresh every time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from functools import cache
from pathlib import Path

import yaml

from .loader import Mapping, Node, Scalar, Sequence
from .problems import Position

FORMAT = 1
"""Bumped when the layout of an entry changes."""


@cache
def loader_key() -> bytes:
    """What a parse depends on besides the text: the loader's code and the YAML library."""
    h = hashlib.sha256(f"format {FORMAT}; python {sys.version}; pyyaml {yaml.__version__}".encode())
    if getattr(yaml, "__with_libyaml__", False):
        from yaml import _yaml  # type: ignore[attr-defined]

        h.update(b"; libyaml " + _yaml.get_version_string().encode())
    # Every module of core/ (the loader, its messages and slips, this cache): any change
    # to how a file is read, checked or stored makes every entry a miss.
    for source in sorted(Path(__file__).parent.glob("*.py")):
        h.update(source.name.encode() + b"\0" + source.read_bytes())
    return h.digest()


class ParseCache:
    """Parsed data files by the hash of their text, in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()
        """Entries read or written in this run."""

    def _key(self, text: str) -> str:
        return hashlib.sha256(loader_key() + text.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, text: str, display: str) -> Node | None:
        """The node tree of ``text`` with positions in ``display``, or None when not cached."""
        key = self._key(text)
        try:
            fmt, stored_key, tree = marshal.loads((self.folder / f"{key}.parsed").read_bytes())
            if fmt != FORMAT or stored_key != key:
                return None
            node = _build(tree, display)
        except (OSError, ValueError, EOFError, TypeError, IndexError, KeyError):
            return None
        self.used.add(key)
        return node

    def put(self, text: str, node: Node) -> None:
        """Keep the node tree of ``text``; a folder that cannot be written only means no cache."""
        key = self._key(text)
        self.used.add(key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            data = marshal.dumps((FORMAT, key, _flatten(node)))
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, self.folder / f"{key}.parsed")
        except OSError:
            return

    def prune(self) -> None:
        """Remove the entries of file versions this run did not read (edited or deleted since)."""
        if not self.folder.is_dir():
            return
        for entry in self.folder.iterdir():
            if entry.suffix in (".parsed", ".tmp") and entry.stem not in self.used:
                entry.unlink(missing_ok=True)


def _flatten(node: Node) -> tuple:
    """A node tree as plain tuples that ``marshal`` writes and reads fast."""
    if isinstance(node, Scalar):
        return (0, node.pos.line, node.pos.col, node.value, node.quoted)
    if isinstance(node, Mapping):
        return (2, node.pos.line, node.pos.col, [(_flatten(k), _flatten(v)) for k, v in node.entries.values()])
    return (1, node.pos.line, node.pos.col, [_flatten(item) for item in node.items])


def _build(tree: tuple, path: str) -> Node:
    """The node tree back from :func:`_flatten`'s tuples."""
    kind, line, col = tree[0], tree[1], tree[2]
    if kind == 0:
        return Scalar(tree[3], Position(path, line, col), tree[4])
    if kind == 1:
        return Sequence(tuple(_build(item, path) for item in tree[3]), Position(path, line, col))
    if kind != 2:
        raise ValueError(f"not a node: {kind}")
    entries: dict[str, tuple[Scalar, Node]] = {}
    for key_tree, value_tree in tree[3]:
        if key_tree[0] != 0:
            raise ValueError("a key that is not text")
        key = Scalar(key_tree[3], Position(path, key_tree[1], key_tree[2]), key_tree[4])
        entries[key.value] = (key, _build(value_tree, path))
    return Mapping(entries, Position(path, line, col))
