"""The layout is the map of the pipeline: imports run one way and never in a circle.

Every import in cli/, solver/ and sandbox/ counts, at module level or inside a function, since a
deferred import is still a dependency. Stages may import earlier stages and shared modules only.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGES = ("cli", "solver", "sandbox")
# The pipeline's order: a module may import only from its own stage or an earlier one.
STAGES = [
    ("sandbox",),
    ("solver.config", "solver.files"),  # shared: settings, the cache dir, whole files
    ("solver.problem",),
    ("solver.sampling",),
    ("solver.run",),
    ("solver.repair",),
    ("solver.selection",),
    ("solver.evaluation",),
    ("solver.solve",),
    ("solver.reporting",),
    ("solver.batch", "solver.submit"),
    ("solver.stress",),  # a contestant's tool: references, shrinking
    ("solver.evolve",),  # FunSearch-style evolution: scored problems, too-slow programs
    ("solver.train",),  # the learned ranker's training: needs hidden-test labels and samples
    ("solver.bench",),
    ("cli",),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for package in PACKAGES
            for path in (REPO / package).rglob("*.py")}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The project modules a file imports (`from a.b import c` counts a.b.c when it is one)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        else:
            continue
        for name in names:
            if name in known:
                found.add(name)
    return found


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports_of(path, known) - {name} for name, path in found.items()}


def stage_of(module: str) -> int:
    for index, prefixes in enumerate(STAGES):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return index
    raise AssertionError(f"{module} belongs to no stage: add it to STAGES")


def test_no_import_cycles() -> None:
    edges = graph()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges[node]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target):], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_stages_import_only_earlier_stages() -> None:
    backwards = [
        f"{source} imports {target}"
        for source, targets in graph().items() for target in targets
        if stage_of(target) > stage_of(source)
    ]
    assert not backwards, "imports against the pipeline's order: " + "; ".join(backwards)


def test_the_check_sees_a_cycle(tmp_path: Path) -> None:
    # The walker must find imports inside functions, where cycles usually hide.
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from solver.problem import load\n", encoding="utf-8")
    assert imports_of(module, {"solver.problem", "solver.problem.load"}) == {
        "solver.problem", "solver.problem.load"}


def readme_map() -> set[str]:
    """The paths the README's architecture map names: `folder/` lines, and files either whole
    (`solver/solve.py`) or indented under their folder (`  types.py`, `  judges/oj.py`)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Architecture"):]
    block = section[section.index("```"):].split("```")[1]
    named, folder = set(), ""
    for line in block.splitlines():
        words = line.split("  ")[0].split() if not line.startswith(" ") else line.split()[:1]
        for word in words:
            if not line.startswith(" ") and word.endswith("/"):
                folder = word
            elif word.endswith(".py"):
                named.add(folder + word if line.startswith(" ") else word)
    return named


def test_every_module_is_named_in_the_readme_map() -> None:
    named = readme_map()
    missing = sorted(path.relative_to(REPO).as_posix() for path in modules().values()
                     if path.name != "__init__.py"
                     and path.relative_to(REPO).as_posix() not in named)
    assert not missing, "modules missing from the README's architecture map: " + ", ".join(
        missing)
    existing = {path.relative_to(REPO).as_posix() for path in modules().values()}
    assert not named - existing, f"the map names files that do not exist: {named - existing}"
