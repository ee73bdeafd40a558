"""Golden cases: each YAML file under cases/ holds input files and what must come out.

A case has ``files`` (path -> text; null deletes a file of the base project) and
either ``problems`` (the exact first line of every problem, in order) or ``pages``
(URL -> snippets of text that the built page must contain), or both. ``messages``
holds every problem whole, as editors read it (Chinese first, source line, caret,
English beside).

Regenerate the expected problems and messages after a deliberate change of wording,
then read the diff before committing::

    UPDATE_GOLDEN=1 PYTHONPATH=plugins python -m pytest tests/golden
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from community_culture.core.wording import render
from community_culture.model.site import Options, Site, load_site
from community_culture.output.export import source_url
from community_culture.output.site import Settings, SiteOutput

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
CASES = sorted((Path(__file__).parent / "cases").glob("*.yml"))


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_case(case_file: Path, project) -> None:  # type: ignore[no-untyped-def]
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    for path, text in (case.get("files") or {}).items():
        if text is None:
            (project.root / path).unlink()
        else:
            project.write(path, text)
    site, problems = load_site(Options(project.root, project.root / "data", project.root / "content"))
    got = [p.format().splitlines()[0] for p in problems]
    messages = [render(p) for p in problems]
    if UPDATE:
        case["problems"], case["messages"] = got, messages
        if not got:
            del case["problems"], case["messages"]
        case_file.write_text(_dump(case), encoding="utf-8")
    assert got == case.get("problems", [])
    assert messages == case.get("messages", [])
    if case.get("pages"):
        bodies = _bodies(project, site) if site is not None else {}
        if not set(case["pages"]) <= set(bodies):
            project.build()  # a hand-written page: only the engine renders its Markdown
        for url, snippets in case["pages"].items():
            html = bodies[url] if url in bodies else str(project.html(url))
            soup = BeautifulSoup(html, "html.parser")
            for hidden in soup.select(".cc-index"):  # words for the search index, never shown
                hidden.decompose()
            text = soup.get_text(" ", strip=True)
            for snippet in snippets:
                assert snippet in text, f"{url}: {snippet!r} not in page"


def _bodies(project, site: Site) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The bodies of the planned pages, rendered by the core without an engine."""
    # As the build renders them: with links to the print files (which are not made here).
    output, _ = SiteOutput.make(site, Settings(print_files=True, search=False))
    if output is None:
        return {}
    content = project.root / "content"
    hand_written = {source_url(p.relative_to(content).as_posix()) for p in content.rglob("*.md")}
    output.attach({url: url for url in hand_written})
    return {page.url: output.body(page) for page in output.pages if not page.hand_written}


class _Dumper(yaml.SafeDumper):
    """Multi-line text as literal blocks, so the cases stay readable."""


def _text(dumper: yaml.SafeDumper, value: str) -> Any:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def _dump(case: dict[str, Any]) -> str:
    return yaml.dump(case, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096)
