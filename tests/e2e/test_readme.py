"""The README's two commands are the ones CI and users run."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_readme_has_two_commands_and_ci_runs_the_test_one() -> None:
    build, test = readme_commands()
    assert build.endswith("mkdocs build") and "fonts-noto-cjk" in build
    assert test.endswith("python -m pytest")
    ci_lines = (ROOT / ".ci/run").read_text(encoding="utf-8").splitlines()
    assert test in ci_lines
