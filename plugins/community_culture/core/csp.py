"""A Content-Security-Policy for every page: only the theme's own inline scripts may run.

Text from data is escaped on every page; the policy is the second line of defence, so
that a slip in one template cannot run a script from a data file. Inline scripts are
allowed by hash, and only those written in the theme's templates: a page's inline
script is hashed when its text matches the text of a ``<script>`` in a template folder
(with each ``{{ … }}`` standing for a value that holds no quote, bracket or backslash).
A ``<script>`` that came from anywhere else gets no hash and does not run.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

_TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_PAGE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.DOTALL)
# What a template expression may become inside a theme script: a path or a flag, never
# anything that could close a string, a script or open markup.
_VALUE = r"[^\"'<>\\`]*"
_DATA_TYPES = ("application/json", "application/ld+json")
_SEEN = 4096
"""Inline scripts whose verdict is remembered at most (a page's scripts differ by its depth only)."""
_HEAD = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)

DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self' {hashes}",
    # Material sets style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


class ScriptPolicy:
    """The theme's inline scripts, learnt from the template folders of one build."""

    def __init__(self, template_dirs: Iterable[str | Path]) -> None:
        patterns: set[str] = set()
        for folder in template_dirs:
            for path in sorted(Path(folder).rglob("*.html")):
                try:
                    source = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    continue
                for body in _TEMPLATE_SCRIPT.findall(source):
                    if "{%" in body:
                        continue
                    parts = _EXPRESSION.split(body)
                    patterns.add(_VALUE.join(re.escape(p) for p in parts))
        self._known = [re.compile(p, re.DOTALL) for p in sorted(patterns)]
        self._seen: dict[str, str | None] = {}
        """Each inline script met so far and its hash (None: not the theme's); pages repeat them."""

    def is_known(self, script: str) -> bool:
        """Whether ``script`` is the text of one of the theme's inline scripts."""
        return any(p.fullmatch(script) for p in self._known)

    def _allowed(self, script: str) -> str | None:
        """The hash that lets ``script`` run, or None when it is not one of the theme's scripts."""
        if script not in self._seen:
            if len(self._seen) >= _SEEN:
                self._seen.clear()
            self._seen[script] = _hash(script) if self.is_known(script) else None
        return self._seen[script]

    def header(self, html: str) -> str:
        """The policy for ``html``: the hashes of its known inline scripts."""
        hashes = sorted({h for body in inline_scripts(html) if (h := self._allowed(body)) is not None})
        # The site search (Pagefind) compiles its WebAssembly; this allows that, not eval().
        sources = [*hashes, "'wasm-unsafe-eval'"]
        return "; ".join(d.format(hashes=" ".join(sources)).strip() for d in DIRECTIVES)

    def apply(self, html: str) -> str:
        """``html`` with the policy as a ``<meta>`` right after its charset, before any script."""
        policy = self.header(html)
        tag = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        m = _HEAD.search(html)
        if m is None:
            head = re.search(r"<head[^>]*>", html, re.IGNORECASE)
            if head is None:
                return html
            return html[: head.end()] + tag + html[head.end() :]
        return html[: m.end()] + "\n    " + tag + html[m.end() :]


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script of ``html`` that a browser would run."""
    out = []
    for m in _PAGE_SCRIPT.finditer(html):
        attrs = m.group("attrs").lower()
        if "src=" in attrs:
            continue
        kind = re.search(r"type\s*=\s*[\"']?([^\"'\s>]+)", attrs)
        if kind and kind.group(1) in _DATA_TYPES:
            continue
        out.append(m.group("body"))
    return out


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"
