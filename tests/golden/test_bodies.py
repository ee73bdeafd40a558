"""Every page body of the example, rendered from the core's SiteOutput without any engine.

One page per template and language is kept whole under ``bodies/`` (a readable diff
when a template changes); every page's body is kept as a digest in ``digests.json``
(no page changes unnoticed). Both are measured on a fixed date,
so they change only when a template, the words or the data change (the print files
are linked, as in the default build, but not made). Regenerate after a
deliberate change, then read the diff before committing::

    UPDATE_GOLDEN=1 python -m pytest tests/golden/test_bodies.py
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest

from community_culture.model.site import load_site
from community_culture.output.options import read_config_file, read_options
from community_culture.output.site import OutputPage, Settings, SiteOutput

ROOT = Path(__file__).resolve().parents[2]
BODIES = Path(__file__).parent / "bodies"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def normalise(html: str) -> str:
    """One tag boundary per line, runs of spaces as one: stable, and a diff reads well."""
    html = re.sub(r"[ \t]+", " ", html)
    html = re.sub(r">\s*<", ">\n<", html)
    return "\n".join(line.strip() for line in html.splitlines() if line.strip()) + "\n"


@pytest.fixture(scope="module")
def output() -> SiteOutput:
    config = read_config_file(ROOT / "mkdocs.yml")
    site, problems = load_site(read_options(config, as_of="2026-06-15"))
    assert site is not None, problems.report()
    made, _ = SiteOutput.make(site, Settings(site_name=config.site_name, search=False))
    assert made is not None
    made.attach({})
    return made


def _name(page: OutputPage) -> str:
    return f"{page.lang}/{page.spec.template.removeprefix('culture/').removesuffix('.html')}.html"


def test_page_bodies_match_their_snapshots(output: SiteOutput) -> None:
    bodies = {page.url: normalise(output.body(page)) for page in output.pages}
    digests = {url: hashlib.sha256(body.encode()).hexdigest()[:16] for url, body in sorted(bodies.items())}
    kept: dict[str, tuple[str, str]] = {}
    for page in sorted(output.pages, key=lambda p: p.url):
        kept.setdefault(_name(page), (page.url, bodies[page.url]))
    if UPDATE:
        for old in BODIES.rglob("*.html"):
            old.unlink()
        for name, (url, body) in kept.items():
            path = BODIES / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"<!-- /{url} -->\n{body}", encoding="utf-8")
        (BODIES / "digests.json").write_text(json.dumps(digests, indent=1) + "\n", encoding="utf-8")
    for name, (url, body) in kept.items():
        path = BODIES / name
        assert path.is_file(), f"no snapshot {name}: run with UPDATE_GOLDEN=1"
        assert path.read_text(encoding="utf-8") == f"<!-- /{url} -->\n{body}", name
    assert sorted(p.relative_to(BODIES).as_posix() for p in BODIES.rglob("*.html")) == sorted(kept)
    assert json.loads((BODIES / "digests.json").read_text(encoding="utf-8")) == digests


def test_every_page_has_a_body_with_one_heading(output: SiteOutput) -> None:
    for page in output.pages:
        body = output.body(page)
        assert body.count("<h1") == 1, page.url
