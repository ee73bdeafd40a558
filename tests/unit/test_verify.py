"""The last look before publishing: missing pages, links that lead nowhere, unpublished people."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from community_culture.output.verify import verify_site


def site(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return tmp_path


def test_a_sound_site_passes(tmp_path):
    root = site(
        tmp_path,
        {
            "index.html": '<a href="halls/">场馆</a><a href="halls/#kind">类型</a><img src="images/a.jpg">',
            "halls/index.html": '<h2 id="kind">礼堂</h2><a href="../">首页</a><a href="tel:123">电话</a>'
            '<a href="#kind">上</a><a href="#top">顶</a><div\nid=\'top\'></div>',
            "images/a.jpg": b"\xff\xd8",
        },
    )
    assert verify_site(root, ["", "halls/"], ["zhao-canary", "赵金花雀"]) == []


def test_missing_pages_and_broken_links_of_planned_pages_stop_publication(tmp_path):
    root = site(
        tmp_path,
        {
            "index.html": '<a href="gone/">x</a><a href="halls/#nowhere">y</a>',
            "halls/index.html": "<h1>场馆</h1>",
            "about/index.html": '<a href="#_1" class="md-skip">skip</a><p data-id="_1"></p><article><a href="missing/">z</a></article>',
        },
    )
    errors = verify_site(root, ["", "halls/", "events/"], [])
    assert errors == [
        "/events/: the page is missing from the build",
        "/about/index.html: the link '#_1' leads to a page without '#_1'",
        "/index.html: the link 'gone/' leads to no page or file of the site",
        "/index.html: the link 'halls/#nowhere' leads to a page without '#nowhere'",
    ]
    # Of a hand-written page only the theme's frame is checked: the engine checks what its author wrote.
    assert not [e for e in errors if "missing/" in e]
    # A link in text from data was already reported as a warning by the build.
    known = [("", "gone/"), ("", "halls/#nowhere")]
    assert not [e for e in verify_site(root, [""], [], known=known) if e.startswith("/index.html")]


def test_an_unpublished_person_is_found_anywhere_and_never_named(tmp_path):
    ics = "BEGIN:VEVENT\r\nDESCRIPTION:感谢赵金\r\n 花雀的帮助\r\nEND:VEVENT\r\n"
    root = site(
        tmp_path,
        {
            "index.html": "<p>王秀兰</p>",
            "events.ics": ics,
            "data/honors.json": json.dumps({"name": "赵金花雀"}),
            "sitemap.xml.gz": gzip.compress(b"<loc>https://x.org/honors/zhao-canary/</loc>"),
            "images/zhao-canary.jpg": b"\xff\xd8",
            "a/index.html": "<p>zhaojiacun village</p>",
            "b/index.html": "<p>&#36213;&#37329;&#33457;&#38592;</p>",  # 赵金花雀 as character references
            "c/index.html": "<p>Photo: ZHAO-CANARY.JPG</p>",  # an id in capitals
        },
    )
    errors = verify_site(root, [], ["zhao-canary", "赵金花雀", "zhao-canary.jpg"])
    assert verify_site(root, [], ["zhao-canary", "赵金花雀", "zhao-canary.jpg"], apart=True) == errors
    assert errors == [
        "/b/index.html: names a person who is not published（含有未公开人员的信息）",
        "/c/index.html: names a person who is not published（含有未公开人员的信息）",
        "/data/honors.json: names a person who is not published（含有未公开人员的信息）",
        "/events.ics: names a person who is not published（含有未公开人员的信息）",
        "/images/zhao-canary.jpg: the file's name names a person who is not published",
        "/sitemap.xml.gz: names a person who is not published（含有未公开人员的信息）",
    ]
    assert not any("赵金花雀" in e for e in errors)


def test_a_name_a_published_person_shares_is_not_a_leak(tmp_path):
    root = site(tmp_path, {"index.html": "<p>王秀兰</p>"})
    assert verify_site(root, [], ["王秀兰", "wang-2024"], published_words=["王秀兰"]) == []


def test_every_relative_link_leads_where_a_browser_goes(tmp_path):
    """Each href from each page reaches the file a browser would open (or none above the site)."""
    import posixpath
    from urllib.parse import unquote

    from community_culture.output.links import SiteFiles, file_of

    pages = ["", "en/", "events/", "events/taiji/", "en/events/2026/07/", "a b/"]
    root = site(tmp_path, {f"{p}index.html": "<p>x</p>" for p in pages} | {"events/taiji/event.ics": "BEGIN"})
    hrefs = [
        "../",
        "../../",
        "../../../",
        "../../../../",
        "./",
        ".",
        "..",
        "taiji/",
        "../events/",
        "x//y/",
        "../taiji/event.ics",
        "event.ics",
        "../en/events/2026/07/",
        "a%20b/",
        "../../a%20b/",
        "./../",
        "../../events/./taiji/",
    ]
    files = SiteFiles(root)
    for page in pages:
        for href in hrefs:
            url = posixpath.normpath(posixpath.join(page, unquote(href)))
            url = "" if url == "." else url + ("/" if href.endswith("/") and not url.endswith("/") else "")
            want = None if url.startswith("..") else file_of(root, url)
            assert files.target(page, href) == want, (page, href)
    # Reached at all: the browser's folders, not only misses.
    assert files.target("en/events/2026/07/", "../../../../") == root / "index.html"
    assert files.target("events/taiji/", "event.ics") == root / "events/taiji/event.ics"
    assert files.target("", "../") is None


def test_the_scan_remembers_clean_contents_but_never_a_change_or_a_name(tmp_path):
    """Unchanged files are not scanned again; a file whose bytes changed, or a new word, is."""
    words = ["zhao-canary", "赵金花雀"]
    checked = tmp_path / "cache" / "checked"
    root = site(
        tmp_path / "site",
        {"index.html": "<p>王秀兰</p>", "events.ics": "BEGIN:VEVENT\r\nEND:VEVENT\r\n", "a/index.html": "<p>x</p>"},
    )
    assert verify_site(root, [], words, apart=True, checked=checked) == []
    (listed,) = checked.glob("*.clean")
    kept = listed.read_bytes()
    assert len(kept.split()) == 3  # the three text files' digests ...
    assert b"zhao" not in kept and "赵金花雀".encode() not in kept  # ... and no word of the people
    # A page that now names the person is scanned (its bytes are new), with or without copies.
    (root / "a/index.html").write_text("<p>感谢赵金花雀</p>", encoding="utf-8")
    for apart in (True, False):
        assert verify_site(root, [], words, apart=apart, checked=checked) == [
            "/a/index.html: names a person who is not published（含有未公开人员的信息）"
        ]
    # Another person withheld: the clean list of the old words does not count for the new one.
    (root / "a/index.html").write_text("<p>x</p>", encoding="utf-8")
    (root / "index.html").write_text("<p>李四海</p>", encoding="utf-8")
    assert verify_site(root, [], words, apart=True, checked=checked) == []
    assert verify_site(root, [], [*words, "李四海"], apart=True, checked=checked) == [
        "/index.html: names a person who is not published（含有未公开人员的信息）"
    ]
    assert len(list(checked.glob("*.clean"))) == 1  # one list, for the words of the last build
    # A damaged list is not trusted: everything is scanned again.
    (listed,) = checked.glob("*.clean")
    listed.write_bytes(listed.read_bytes() + b"\n" + b"0" * 32)
    assert verify_site(root, [], [*words, "李四海"], checked=checked) == [
        "/index.html: names a person who is not published（含有未公开人员的信息）"
    ]
