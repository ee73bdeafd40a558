"""Golden cases: each YAML file under cases/ holds input files and what must come out.

A case has ``files`` (path -> text; null deletes a file of the base project) and
either ``problems`` (the exact first line of every problem, in order) or ``pages``
(URL -> snippets of text that the built page must contain), or both.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from community_culture.model.site import Options, load_site

CASES = sorted((Path(__file__).parent / "cases").glob("*.yml"))


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_case(case_file: Path, project) -> None:  # type: ignore[no-untyped-def]
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    for path, text in (case.get("files") or {}).items():
        if text is None:
            (project.root / path).unlink()
        else:
            project.write(path, text)
    _, problems = load_site(Options(project.root, project.root / "data", project.root / "content"))
    got = [p.format().splitlines()[0] for p in problems]
    assert got == case.get("problems", [])
    if case.get("pages"):
        project.build()
        for url, snippets in case["pages"].items():
            text = project.html(url).get_text(" ", strip=True)
            for snippet in snippets:
                assert snippet in text, f"{url}: {snippet!r} not in page"
