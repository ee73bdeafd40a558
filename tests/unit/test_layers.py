"""The packages form layers that import only downwards, and no module imports itself round
a circle: a newcomer finds the calendar in calendar/, and the core needs no engine."""

from __future__ import annotations

import ast
from pathlib import Path

import community_culture

PACKAGE = Path(community_culture.__file__).resolve().parent
LAYERS = (
    ("core",),
    ("model",),
    ("calendar",),
    ("printing",),
    ("build",),
    ("reports",),
    ("pages",),
    ("output",),
    ("plugin", "check", "scaffold"),
    ("cli",),
)
"""Lowest first; a package may import its own layer's modules only within itself."""


def _layer(part: str) -> int:
    return next(i for i, names in enumerate(LAYERS) if part in names)


def _imports(path: Path) -> list[tuple[str, int, bool]]:
    """(imported module below the package, line, whether at module level outside TYPE_CHECKING)."""
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = list(rel.parts[:-1])
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        top_level.add(id(node))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level > 0:
            base = parts[: len(parts) - (node.level - 1)] if node.level > 1 else parts
            module = [*base, *(node.module.split(".") if node.module else [])]
            targets = [module] if node.module else [[*module, a.name] for a in node.names]
            for target in targets:
                found.append((".".join(target), node.lineno, id(node) in top_level))
        elif isinstance(node, ast.Import | ast.ImportFrom):
            name = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
            if name and name.startswith("community_culture."):
                found.append((name.removeprefix("community_culture."), node.lineno, id(node) in top_level))
    return found


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).with_suffix("")
        name = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        out[name] = path
    return out


def test_every_package_is_in_a_layer():
    tops = {name.split(".")[0] for name in _modules() if name}
    assert tops <= {part for names in LAYERS for part in names}, tops


def test_packages_import_only_downwards():
    upward = []
    for name, path in _modules().items():
        if not name:
            continue
        own = name.split(".")[0]
        for target, line, _ in _imports(path):
            other = target.split(".")[0]
            if other and other != own and _layer(other) >= _layer(own):
                upward.append(f"{path.relative_to(PACKAGE)}:{line} imports {target}")
    assert upward == []


def test_no_module_imports_itself_round_a_circle():
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        deps = set()
        for target, _, top in _imports(path):
            # `from . import x` may name a module or a name; keep what is a module.
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if top and target and target != name and not name.startswith(target + ".") and target != "":
                deps.add(target)
        graph[name] = deps
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                cycles.append(" -> ".join([*stack[stack.index(dep) :], dep]))
            elif dep not in state:
                visit(dep, [*stack, dep])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []
