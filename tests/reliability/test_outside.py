"""Nothing from outside the project is published: symlinks, active SVGs, raw HTML, external images."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from . import figures

CANARY = "CANARY-SECRET-7f3a9"
SVG_OK = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/><use href="#a"/></svg>'
SVG_BAD = [
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    '<svg xmlns="http://www.w3.org/2000/svg"><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div>x</div></foreignObject></svg>',
    '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/p.png"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/x.css);</style></svg>',
]


@pytest.fixture
def secret(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.txt").write_text(f"TOKEN={CANARY}\n")
    (outside / "secret.yml").write_text(f"name: {CANARY}\n: : bad yaml {CANARY}\n")
    return outside


def _fails(project, check, *paths: str, caplog: pytest.LogCaptureFixture | None = None) -> str:
    status, out = check()
    assert status == 1, out
    for path in paths:
        assert path in out, out
    before = project.tree_digest() if project.site.exists() else None
    with pytest.raises((PluginError, Abort)) as info:
        project.build()
    # The site that was there (or none) stays as it was.
    assert (project.tree_digest() if project.site.exists() else None) == before
    assert CANARY not in out and CANARY not in str(info.value)
    if caplog is not None:
        assert CANARY not in caplog.text
    figures.tried()
    return out


@pytest.mark.parametrize(
    ("link", "target"),
    [
        ("content/env.txt", "secret.txt"),
        ("content/images/stolen", "."),
        ("content/page.md", "secret.txt"),
        ("data/halls/x.yml", "secret.yml"),
        ("data/events", "."),
    ],
)
def test_links_out_of_the_project_are_errors_with_their_path(
    project, check, secret: Path, link: str, target: str, caplog: pytest.LogCaptureFixture
):
    path = project.root / link
    path.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(secret / target, path)
    out = _fails(project, check, link, caplog=caplog)
    assert "symbolic link" in out


def test_links_to_system_files_are_errors(project, check):
    os.symlink("/proc/self/environ", project.root / "content/environ.txt")
    os.symlink("/etc/passwd", project.root / "content/passwd")
    out = _fails(project, check, "content/environ.txt", "content/passwd")
    assert "root:" not in out


def test_links_inside_the_project_are_fine(project, check):
    project.write("content/files/real.txt", "hello")
    os.symlink("real.txt", project.root / "content/files/alias.txt")
    status, out = check()
    assert status == 0, out
    project.build()
    assert (project.site / "files/alias.txt").read_text() == "hello"


@pytest.mark.parametrize("svg", SVG_BAD)
def test_active_svgs_are_refused(project, check, svg: str):
    project.write("content/images/logo.svg", svg)
    _fails(project, check, "content/images/logo.svg")


def test_plain_svgs_are_published(project, check):
    project.write("content/images/logo.svg", SVG_OK)
    assert check()[0] == 0
    project.build()
    assert (project.site / "images/logo.svg").read_text() == SVG_OK


def test_raw_html_is_sanitized_by_default(project):
    project.write(
        "content/flyer.html",
        "<html><head><title>Flyer</title><script>alert(1)</script></head>"
        "<body><h1 onclick='alert(2)'>Flyer</h1><iframe src='https://evil.example'></iframe></body></html>",
    )
    project.write(
        "content/about.md",
        '# 关于\n\n<script>alert(3)</script>\n\n<div id="__config" class="md-search">x</div>\n\n'
        '<img src="https://evil.example/t.png" onerror="alert(4)">\n\n<form action="https://evil.example"><input name=q></form>\n',
    )
    project.build()
    flyer = project.html("flyer.html")
    assert flyer.h1.get_text() == "Flyer" and not flyer.h1.get("onclick")
    assert not flyer.find("script") and not flyer.find("iframe")
    about = project.html("about/")
    content = about.select_one(".md-content")
    assert not content.find("script") and not content.find("form")
    assert not about.select("#__config:not(script)")
    assert not content.select(".md-search")
    assert not [img for img in content.find_all("img") if "evil" in str(img)]
    figures.tried(6)


def test_trusted_html_is_published_as_written(project):
    text = (
        project.root.joinpath("mkdocs.yml")
        .read_text()
        .replace("as_of: 2026-06-01", "as_of: 2026-06-01\n      trusted_html: true")
    )
    project.write("mkdocs.yml", text)
    project.write("content/flyer.html", "<html><body><script>console.log(1)</script></body></html>")
    project.build()
    assert "<script>console.log(1)</script>" in (project.site / "flyer.html").read_text()


def test_data_markdown_cannot_clobber_or_load_from_elsewhere(project, check):
    hall = project.root / "data/halls/test-auditorium.yml"
    base = hall.read_text()
    hall.write_text(
        base
        + 'description: |\n  <div id="__config">{"base": "https://evil.example"}</div>\n  <img name="cookie" src="images/x.png">\n'
    )
    assert check()[0] == 0
    project.build()
    page = project.html("halls/test-auditorium/")
    configs = page.select("#__config")
    assert len(configs) == 1 and configs[0].name == "script"
    assert not page.select("img[name]")
    hall.write_text(base + "description: |\n  ![logo](https://evil.example/logo.png)\n")
    out = _fails(project, check, "data/halls/test-auditorium.yml:")
    assert "another site" in out
