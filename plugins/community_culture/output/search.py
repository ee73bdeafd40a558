"""The site search index: Pagefind, fed each page as the build writes it.

Pagefind splits its index into small fragments that the browser fetches per query,
so what a phone downloads before its first result does not grow with the site; its
extended build segments Chinese. It reads only the part of each page marked
``data-pagefind-body``, so headers, menus and the staff page stay out of results, and
it indexes what the site publishes, so an unpublished person is in no index.

Pagefind runs as a service (``pagefind --service``, the protocol of its own Python and
Node packages: base64-encoded JSON messages, each ended by a comma) from the start of
the build, giving way to the build's own process. Each page is handed to it as the
engine writes it, so Pagefind reads and segments the pages on the machine's spare core
while the build lays out the rest; :meth:`SearchIndex.finish` hands over the HTML files
of the site it was not given (the 404 page, pages an earlier preview build wrote), asks
for the index's files and writes them into ``pagefind/``. The result is the index
``pagefind --site`` makes of the folder.

Its memory peaks when it makes the index, at about two and a half times the pages' words.
Two settings halve that peak at a district's 10,000 pages (451 → 295 MiB, the same
files): each language is its own index in the one service, made and let go one after the
other (:meth:`finish` merges their entry files, as one index lists its languages), and
Pagefind's allocator (jemalloc) hands freed memory back at once (``_RJEM_MALLOC_CONF``).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

from .links import files_below

QUEUED = 128
"""Pages waiting for Pagefind at most; the build waits when it is that far ahead."""
WRITE_TIMEOUT = 600
"""Seconds Pagefind may take to answer (making the index of a large site takes a while)."""
NICE = 10
"""How much Pagefind gives way to the build while the pages are written."""
_SKIPPED = ("pagefind/", "assets/")
_DONE = object()
_LANG = re.compile(r"<html[^>]*?\slang=[\"']?([A-Za-z0-9-]+)", re.IGNORECASE)
_ALLOCATOR = "dirty_decay_ms:0,muzzy_decay_ms:0"
"""jemalloc (Pagefind's allocator) returns freed memory to the system at once."""


class SearchIndex:
    """One build's Pagefind service: :meth:`add` each page written, then :meth:`finish`."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.failure: str | None = None
        """Why there is no index (None: none so far)."""
        self._added: set[str] = set()
        self._queue: queue.Queue[Any] = queue.Queue(QUEUED)
        self._replies: dict[int, dict[str, Any]] = {}
        self._replied = threading.Condition()
        self._sent = 0
        self._closed = self._stopping = False
        self._indexes: dict[str, int] = {}
        """One index per language (the page's ``<html lang>``), in the order first seen."""
        self._process: subprocess.Popen[bytes] | None = None
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 - read if Pagefind fails; closed with the index
        try:
            from pagefind.service import get_executable
        except ImportError:
            self.failure = "Pagefind is not installed: pip install 'pagefind[extended]' (the site has no search)"
            return
        binary = get_executable()
        if binary is None or not Path(binary).is_file():
            self.failure = "Pagefind's program is missing: pip install 'pagefind[extended]' (the site has no search)"
            return
        nice = shutil.which("nice")
        command = [*([nice, "-n", str(NICE)] if nice else []), str(binary), "--service"]
        try:
            self._process = subprocess.Popen(
                command,
                cwd=site_dir,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._errors,
                env={"_RJEM_MALLOC_CONF": _ALLOCATOR, **os.environ},  # a setting of its own wins
            )
        except OSError as exc:
            self.failure = f"Pagefind did not run: {exc}"
            return
        self._reader = threading.Thread(target=self._read, name="search-replies", daemon=True)
        self._reader.start()
        threading.Thread(target=self._write, name="search-pages", daemon=True).start()

    def add(self, path: str, html: str) -> None:
        """Hand over the page written at ``path`` (below the site folder, e.g. ``en/halls/x/index.html``)."""
        if self.failure is None and not self._closed and not path.startswith(_SKIPPED):
            self._added.add(path)
            self._queue.put((path, html))

    def finish(self) -> str | None:
        """Hand over the site's other HTML files and write ``pagefind/``; why not, or None when it worked."""
        if self.failure is None and not self._closed:
            for path in files_below(self.site_dir, ".html"):
                if path not in self._added and not path.startswith(_SKIPPED):
                    self.add(path, (self.site_dir / path).read_text(encoding="utf-8", errors="replace"))
            self._closed = True
            self._queue.put(_DONE)
            self._queue.join()
        # Each language's files come back in the answer (Pagefind's own writing answers
        # before its last files are on disk); the index is let go before the next is made.
        made: list[list[dict[str, str]]] = []
        for index in self._indexes.values():
            if self.failure is None:
                made.append(self._request({"type": "GetFiles", "index_id": index}, wait=True).get("files") or [])
                self._request({"type": "DeleteIndex", "index_id": index}, wait=True)
        self.stop()
        if self.failure is None:
            try:
                self._write_index(made)
            except (OSError, ValueError, KeyError, TypeError) as exc:
                self.failure = f"the search index could not be written: {exc}"
        return self.failure

    def _write_index(self, made: list[list[dict[str, str]]]) -> None:
        out = self.site_dir / "pagefind"
        contents: dict[str, bytes] = {}
        entry: dict[str, Any] = {}
        for files in made:
            for f in files:
                name, data = f["path"].lstrip("/"), base64.b64decode(f["content"])
                if name == "pagefind-entry.json":
                    # One entry file lists every language's index, as one index of them all would.
                    one = json.loads(data)
                    languages = {**entry.get("languages", {}), **one.pop("languages", {})}
                    if entry and {k: v for k, v in entry.items() if k != "languages"} != one:
                        raise ValueError("Pagefind's indexes of the languages disagree")
                    entry = {**one, "languages": languages}
                elif name and contents.setdefault(name, data) != data:
                    raise ValueError(f"Pagefind made two different {name}")
        if not entry:
            raise ValueError("Pagefind made no index")
        # Sorted (Pagefind lists the languages in hash order): two builds are byte-identical.
        contents["pagefind-entry.json"] = json.dumps(
            entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")
        ).encode()
        for name in contents:
            if name.startswith("/") or "\\" in name or ".." in name.split("/"):
                raise ValueError(f"Pagefind named a file outside its folder: {name}")
        for folder in sorted({(out / name).parent for name in contents}):
            folder.mkdir(parents=True, exist_ok=True)
        for name, data in contents.items():
            (out / name).write_bytes(data)

    def stop(self) -> None:
        """End the service (its index is made, or the build failed); again: nothing."""
        self._closed = self._stopping = True
        process, self._process = self._process, None
        if process is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()  # type: ignore[union-attr]
            process.kill()  # a forked copy of the build may hold its input open: no end of input to wait for
            process.wait()
            self._reader.join(timeout=10)
            process.stdout.close()  # type: ignore[union-attr]
        self._errors.close()

    # The service's two pipes, each served by a thread of its own.

    def _request(self, payload: dict[str, Any], *, wait: bool = False) -> dict[str, Any]:
        self._sent += 1
        number = self._sent
        message = json.dumps({"message_id": number, "payload": payload}, ensure_ascii=False)
        try:
            self._process.stdin.write(base64.b64encode(message.encode()) + b",")  # type: ignore[union-attr]
            self._process.stdin.flush()  # type: ignore[union-attr]
        except (OSError, ValueError, AttributeError):
            self._fail("Pagefind stopped reading pages")
            return {}
        if not wait:
            return {}
        with self._replied:
            if not self._replied.wait_for(lambda: number in self._replies or self.failure is not None, WRITE_TIMEOUT):
                self._fail(f"Pagefind did not answer within {WRITE_TIMEOUT} s")
            return self._replies.pop(number, {})

    def _write(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is _DONE:
                    return
                if self.failure is None:
                    path, html = item
                    found = _LANG.search(html, 0, 4096)
                    lang = found.group(1).lower() if found else next(iter(self._indexes), "")
                    # (A page of no language joins a language's index: an index none of whose
                    # pages marks a searchable part would index such a page whole.)
                    if lang not in self._indexes:
                        made = self._request({"type": "NewIndex", "config": None}, wait=True)
                        if "index_id" not in made:
                            self._fail("Pagefind made no index")
                            continue
                        self._indexes[lang] = made["index_id"]
                    self._request(
                        {"type": "AddFile", "index_id": self._indexes[lang], "file_path": path, "file_contents": html}
                    )
            finally:
                self._queue.task_done()

    def _read(self) -> None:
        process = self._process
        assert process is not None and process.stdout is not None
        # A reply of the index's files runs to megabytes: its pieces are joined once, at its end.
        pending: list[bytes] = []
        pipe = process.stdout.fileno()
        while chunk := os.read(pipe, 1 << 20):
            if b"," not in chunk:
                pending.append(chunk)
                continue
            *messages, rest = chunk.split(b",")
            messages[0] = b"".join([*pending, messages[0]])
            pending = [rest]
            for message in messages:
                try:
                    reply = json.loads(base64.b64decode(message))
                    number, payload = reply.get("message_id"), reply["payload"]
                except (ValueError, KeyError, TypeError, AttributeError):
                    self._fail(f"Pagefind answered what it should not: {message[:200]!r}")
                    continue
                if payload.get("type") == "Error":
                    self._fail(f"Pagefind failed: {payload.get('message', '')}")
                elif number is not None and payload.get("type") != "IndexedFile":  # a page's reply: nothing to keep
                    with self._replied:
                        self._replies[number] = payload
                        self._replied.notify_all()
        if self._stopping:  # stopped: the end of its replies is expected
            return
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)
        code = process.returncode
        if code:
            self._errors.seek(0)
            said = self._errors.read().decode("utf-8", "replace").strip()[-800:]
            self._fail(f"Pagefind failed ({code}): {said}" if said else f"Pagefind ended unexpectedly ({code})")
        self._fail("Pagefind ended before writing the index")

    def _fail(self, reason: str) -> None:
        with self._replied:
            if self.failure is None:
                self.failure = reason
            self._replied.notify_all()
