"""Pagefind fed the pages as they are written: the index it writes, and what happens when it fails."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from community_culture.output.search import SearchIndex

PAGE = """<!doctype html><html lang="{lang}"><head><title>{title}</title></head>
<body><nav>菜单 menu</nav><main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>"""


def page(title: str, text: str, lang: str = "zh") -> str:
    return PAGE.format(lang=lang, title=title, text=text)


def test_pages_handed_over_and_pages_on_disk_make_one_index(tmp_path):
    (tmp_path / "about").mkdir()
    (tmp_path / "about/index.html").write_text(page("关于本站", "社区办公室"), encoding="utf-8")
    (tmp_path / "404.html").write_text("<html><body>找不到</body></html>", encoding="utf-8")
    index = SearchIndex(tmp_path)
    index.add("events/taiji/index.html", page("太极拳晨练", "每周二早上在广场"))
    index.add("en/events/taiji/index.html", page("Tai chi", "Tuesday mornings on the square", "en"))
    index.add("assets/javascripts/x.html", "<html></html>")  # the theme's files are not pages
    assert index.finish() is None
    entry = json.loads((tmp_path / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    # Two Chinese pages (one from disk) and one English; the 404 page has no searchable body.
    assert {lang: info["page_count"] for lang, info in entry["languages"].items()} == {"zh": 2, "en": 1}
    assert list(entry) == sorted(entry)  # written sorted: two builds give the same bytes
    fragments = [p.read_bytes() for p in (tmp_path / "pagefind/fragment").iterdir()]
    assert len(fragments) == 3
    index.add("late/index.html", page("迟到", "之后"))  # after the index is written: nothing happens
    index.stop()


def test_a_pagefind_that_fails_is_a_message_not_a_hang(tmp_path, monkeypatch):
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'no index for you' >&2\nexit 3\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    site = tmp_path / "site"
    site.mkdir()
    index = SearchIndex(site)
    for i in range(300):  # more than the queue holds: the build never waits on a dead index
        index.add(f"p{i}/index.html", page(f"第{i}页", "内容"))
    failure = index.finish()
    assert failure is not None and "Pagefind" in failure
    assert "no index for you" in failure or "ended" in failure or "stopped" in failure
    assert not (site / "pagefind").exists()


def test_a_missing_pagefind_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "nowhere"))
    index = SearchIndex(tmp_path)
    index.add("a/index.html", page("一", "二"))
    failure = index.finish()
    assert failure == "Pagefind's program is missing: pip install 'pagefind[extended]' (the site has no search)"


def test_stopping_twice_is_harmless(tmp_path: Path):
    index = SearchIndex(tmp_path)
    index.stop()
    index.stop()
    assert not (tmp_path / "pagefind").exists()


FAKE_SERVICE = r'''#!/usr/bin/env python3
"""A Pagefind service that answers in pieces cut anywhere, and with an index of megabytes."""
import base64, json, os, sys

BIG = bytes(range(256)) * (3 * 4096 + 7)  # 3 MiB and a bit: many reads of the pipe


def send(out, replies):
    data = b"".join(base64.b64encode(json.dumps(r).encode()) + b"," for r in replies)
    step = 1
    while data:  # cut at 1, 2, 4 ... bytes: a reply's end and the next one's start share a read
        out.write(data[:step]); out.flush(); data = data[step:]; step = min(step * 2, 70001)


out, pending = sys.stdout.buffer, b""
while chunk := os.read(0, 65536):
    pending += chunk
    *messages, pending = pending.split(b",")
    replies = []
    for raw in messages:
        m = json.loads(base64.b64decode(raw)); n, kind = m["message_id"], m["payload"]["type"]
        if kind == "NewIndex":
            replies.append({"message_id": n, "payload": {"type": "NewIndex", "index_id": 1}})
        elif kind == "AddFile":
            replies.append({"message_id": n, "payload": {"type": "IndexedFile", "page_word_count": 1}})
        elif kind == "GetFiles":
            entry = {"version": "1", "languages": {"zh": {"hash": "zh_1", "page_count": 1}}}
            files = [{"path": "pagefind-entry.json", "content": base64.b64encode(json.dumps(entry).encode()).decode()},
                     {"path": "big.pf_index", "content": base64.b64encode(BIG).decode()}]
            if os.environ.get("FAKE_ESCAPE"):
                files.append({"path": os.environ["FAKE_ESCAPE"], "content": base64.b64encode(b"x").decode()})
            replies.append({"message_id": n, "payload": {"type": "GetFiles", "files": files}})
        else:
            replies.append({"message_id": n, "payload": {"type": kind}})
    send(out, replies)
'''


def test_replies_cut_anywhere_and_an_index_of_megabytes_arrive_whole(tmp_path, monkeypatch):
    fake = tmp_path / "pagefind"
    fake.write_text(FAKE_SERVICE, encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    site = tmp_path / "site"
    site.mkdir()
    index = SearchIndex(site)
    for i in range(20):
        index.add(f"p{i}/index.html", page(f"第{i}页", "内容"))
    assert index.finish() is None
    assert (site / "pagefind/big.pf_index").read_bytes() == bytes(range(256)) * (3 * 4096 + 7)
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"] == {"zh": {"hash": "zh_1", "page_count": 1}}


@pytest.mark.parametrize("name", ["../escaped.txt", "fragment/../../escaped.txt"])
def test_an_index_file_named_outside_its_folder_is_refused(tmp_path, monkeypatch, name):
    fake = tmp_path / "pagefind"
    fake.write_text(FAKE_SERVICE, encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    monkeypatch.setenv("FAKE_ESCAPE", name)
    site = tmp_path / "site"
    site.mkdir()
    index = SearchIndex(site)
    index.add("a/index.html", page("一", "二"))
    assert index.finish() == f"the search index could not be written: Pagefind named a file outside its folder: {name}"
    assert not (site / "escaped.txt").exists() and not (tmp_path / "escaped.txt").exists()
    assert not (site / "pagefind").exists()
