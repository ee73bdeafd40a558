"""One built example site, one local server and one Chromium for the whole browser suite."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from screenshots import serve  # noqa: E402  (the screenshot script's server, which serves the 404 page)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def site_url(example_site: Path) -> Iterator[str]:
    """The example site, served on loopback."""
    server, base = serve(example_site / "site")
    yield base
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "Chromium is needed: apt-get install chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield b
        b.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core, installed from npm by the README's test command."""
    assert AXE.is_file(), "axe-core is needed: npm install --no-save axe-core@4"
    return AXE.read_text(encoding="utf-8")
