"""The example site on three engines: MkDocs + Material (the default), ProperDocs + Material
(the same ``mkdocs.yml``, the plugin unchanged) and Zensical (the tree ``culture export`` writes).

Each must give the same pages at the same URLs with the same page bodies, the same
feeds, data files, print files and images, and none may publish a withheld person's photo.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

EPOCH = "1780000000"
"""The example build's SOURCE_DATE_EPOCH (tests/conftest.py): every engine builds the same day."""
ENGINE_ASSETS = ("assets/javascripts/", "assets/stylesheets/", "assets/images/", "pagefind/", "search")
"""Each engine's own theme files and search index: not ours to compare."""


def _env() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: pip install '.[test]'")
    return found


@pytest.fixture(scope="module")
def properdocs_site(example_site: Path) -> Path:
    out = example_site / "site-properdocs"
    result = subprocess.run(
        [_tool("properdocs"), "build", "--strict", "-f", "mkdocs.yml", "-d", str(out)],
        cwd=example_site,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def exported(example_site: Path) -> Path:
    out = example_site / "export"
    result = subprocess.run(
        [sys.executable, "-m", "community_culture.cli", "export", "-o", str(out)],
        cwd=example_site,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "exported" in result.stdout
    return out


@pytest.fixture(scope="module")
def zensical_site(exported: Path) -> Path:
    result = subprocess.run(
        [_tool("zensical"), "build", "--strict"],
        cwd=exported,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return exported / "site"


def _pages(site: Path) -> set[str]:
    return {p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")}


def _side_files(site: Path) -> set[str]:
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file()
        and p.name not in ("index.html", "404.html")
        and not p.relative_to(site).as_posix().startswith(ENGINE_ASSETS)
        and not p.name.startswith("sitemap.xml")
    }


def _body(site: Path, page: str) -> str:
    """The page's article, as the reader sees it, whitespace normalised; the engines' own
    buttons (edit, skip anchors) left out."""
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    assert article is not None, page
    for extra in article.select("a.md-content__button, a#__skip, a.headerlink"):
        extra.decompose()
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", str(article)))


def test_properdocs_builds_the_same_pages_and_files(example_site: Path, properdocs_site: Path) -> None:
    site = example_site / "site"
    assert _pages(properdocs_site) == _pages(site)
    assert len(_pages(site)) > 100
    for page in sorted(_pages(site)):
        assert _body(properdocs_site, page) == _body(site, page), page
    assert _side_files(properdocs_site) == _side_files(site)
    for path in sorted(_side_files(site)):
        assert (properdocs_site / path).read_bytes() == (site / path).read_bytes(), path
    # The plugin ran in full: the search index, the per-language site name and twins.
    assert (properdocs_site / "pagefind" / "pagefind-entry.json").is_file()
    en = BeautifulSoup((properdocs_site / "en" / "halls" / "index.html").read_text("utf-8"), "html.parser")
    assert en.html is not None and en.html["lang"] == "en"
    assert "Jinxiu" in en.title.get_text()
    assert en.select_one("link[rel=alternate][hreflang=zh]")["href"] == "../../halls/"


def test_zensical_builds_the_exported_tree_to_the_same_pages_and_files(example_site: Path, zensical_site: Path) -> None:
    site = example_site / "site"
    assert _pages(zensical_site) == _pages(site)
    for page in sorted(_pages(site)):
        assert _body(zensical_site, page) == _body(site, page), page
    assert _side_files(zensical_site) == _side_files(site)
    for path in sorted(_side_files(site)):
        assert (zensical_site / path).read_bytes() == (site / path).read_bytes(), path
    # Each page says its own language and links to its twin, from its front matter.
    en = BeautifulSoup((zensical_site / "en" / "halls" / "index.html").read_text("utf-8"), "html.parser")
    assert en.html is not None and en.html["lang"] == "en"
    assert en.select_one("a.cc-hbtn--lang")["href"] == "../../halls/"
    # The honour boards still ask search engines not to index them.
    honors = BeautifulSoup((zensical_site / "honors" / "index.html").read_text("utf-8"), "html.parser")
    assert honors.select_one("meta[name=robots]")["content"] == "noindex"


def test_no_engine_publishes_a_withheld_photo(
    example_site: Path, properdocs_site: Path, exported: Path, zensical_site: Path
) -> None:
    from community_culture.model.site import load_site
    from community_culture.output.options import read_config_file, read_options

    site, _ = load_site(read_options(read_config_file(example_site / "mkdocs.yml")))
    assert site is not None and site.withheld_photos, "the example keeps one person's photo unpublished"
    for src in site.withheld_photos:
        assert (example_site / "content" / src).is_file()
        for tree in (example_site / "site", properdocs_site, exported / "docs", zensical_site):
            assert not (tree / src).exists(), f"{src} published in {tree}"
            name = Path(src).name
            assert not list(tree.rglob(name)), f"{name} found in {tree}"
