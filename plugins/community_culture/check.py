"""``culture check``: every problem of the data, told to people or to tools.

The same loading and validation the MkDocs plugin runs, so the two always agree; the
report is Chinese first (``--lang en`` for English first), or JSON for tools
(``--format json``). Untranslated texts are added as warnings here, one per file and
language, so ``--strict`` fails until every language is written.
"""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass

from .build import Build
from .core.collector import paused_gc
from .core.problems import Position, Problem, Problems
from .core.translations import translation_warnings, translations_report
from .core.wording import as_json
from .model.site import Options, Site, load_site


@dataclass(frozen=True)
class CheckResult:
    """What ``culture check`` prints and its exit code."""

    code: int
    text: str


def run_check(
    options: Options,
    *,
    strict: bool = False,
    lang: str = "zh",
    fmt: str = "text",
    translations: bool = False,
    print_files: bool = True,
) -> CheckResult:
    """Load everything and report it.

    Args:
        options: Where the project is.
        strict: Fail on warnings too.
        lang: ``zh`` (Chinese first) or ``en``.
        fmt: ``text`` or ``json``.
        translations: Only list what each language lacks.
        print_files: Typeset the print files too (through the build's cache) and report what preflight finds.
    """
    # Reading and planning make millions of small objects and no cycles, and the check
    # keeps them to its end (core/collector.py).
    with paused_gc(keep=True):
        site, problems = load_site(options)
        build = None
        if site is not None:
            from .pages.plan import build_plan, plan_limits

            # The build refuses a plan this large before it starts: so does the check.
            # Planning also registers every print page with the press, for the preflight below.
            build = Build.of(site)
            for message in plan_limits(build_plan(build)):
                problems.add(Problem(Position(options.data_dir.name), "", message, "页面或印刷文件数量过多"))
    if translations:
        return CheckResult(0, translations_report(problems, options.languages))
    for warning in translation_warnings(problems, options.languages[0]):
        problems.add(warning)
    stats = None
    if build is not None and not problems.errors and print_files:
        stats = preflight_print(build, problems)
    failed = bool(problems.errors) or (strict and bool(problems.warnings))
    if fmt == "json":
        return CheckResult(1 if failed else 0, _json(site, problems, failed))
    lines = []
    if len(problems):
        lines.append(problems.report(lang=lang))
    lines += problems.notes
    if stats:
        lines.append(stats)
    if failed:
        lines.append(
            "\nculture check: 检查未通过 / FAILED" if lang == "zh" else "\nculture check: FAILED（检查未通过）"
        )
    else:
        lines.append(summary(site, lang))
    return CheckResult(1 if failed else 0, "\n".join(lines))


def preflight_print(site: Build, problems: Problems) -> str:
    """Typeset every print file of the planned site as the build would (through the same cache, so unchanged pages
    cost nothing) and add what preflight finds: overflow, missing glyphs, low resolution.

    The site's plan must have been built (it registers every page with the press): once,
    as a second plan would register every print job again.

    Returns:
        The press's figures (pages typeset, taken from the cache).
    """
    from .output.background import TYPESETTING_MIB, run_apart
    from .printing.jobs import PrintError

    # A failed run's problems are the press's, added below with its warnings. The check
    # and a forked copy of it (where the machine has the memory for two typesetting
    # processes) take the pages one at a time, each as it is free.
    with contextlib.suppress(PrintError):
        site.press.run(functools.partial(run_apart, needs_mib=TYPESETTING_MIB))
    problems.extend(site.press.problems)
    return str(site.press.stats)


def counts(site: Site | None) -> dict[str, int]:
    """How many of each thing was read (published honors only; the rest are counted apart)."""
    if site is None:
        return {}
    return {
        "halls": len(site.halls),
        "events": len(site.events),
        "honors": sum(len(entries) for entries in site.honors.values()),
        "boards": len(site.boards),
        "exhibits": len(site.exhibits),
        "panels": sum(len(e.panels) for e in site.exhibits.values()),
        "teams": len(getattr(site, "teams", {}) or {}),
        "targets": sum(len(p.targets) for p in (getattr(site, "plans", {}) or {}).values()),
    }


_NAMES = {
    "halls": ("场馆", "halls"),
    "events": ("活动", "events"),
    "honors": ("荣誉", "honours"),
    "boards": ("榜单", "boards"),
    "exhibits": ("展陈", "exhibits"),
    "panels": ("展板", "panels"),
    "teams": ("团队", "teams"),
    "targets": ("工作目标", "targets"),
}


def summary(site: Site | None, lang: str = "zh") -> str:
    """``culture check: 检查通过 — 场馆 7、活动 37、荣誉 14、展陈 2 …``."""
    numbers = counts(site)
    zh = "、".join(f"{_NAMES[k][0]} {v}" for k, v in numbers.items())
    en = ", ".join(f"{v} {_NAMES[k][1]}" for k, v in numbers.items())
    if lang == "zh":
        return f"culture check: 检查通过 — {zh}\n  OK - {en}"
    return f"culture check: OK - {en}\n  检查通过 — {zh}"


def _json(site: Site | None, problems: Problems, failed: bool) -> str:
    import json

    body = {
        "ok": not failed,
        "errors": len(problems.errors),
        "warnings": len(problems.warnings),
        "counts": counts(site),
        "problems": [as_json(p) for p in problems.errors + problems.warnings],
        "notes": list(problems.notes),
    }
    return json.dumps(body, ensure_ascii=False, indent=1)
