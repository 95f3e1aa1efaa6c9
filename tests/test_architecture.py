"""The package's shape: stages in one direction, no import cycles, small modules, a documented tree.

The import graph is read with :mod:`ast` from ``src/newsgraph`` (every ``import`` anywhere in a
module counts, also inside functions: a lazy import is still a dependency). :data:`LAYERS`
lists the stages from the bottom up; a module belongs to the longest entry that prefixes its
name, and may import its own layer or lower ones only.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

SRC = ROOT / "src" / "newsgraph"

# Bottom to top: data flows up this list (read → segment → parse → extract → store → resolve →
# analyse → serve / export). A module may import modules of its own layer or of layers above it in
# this list, never below.
LAYERS: list[str] = [
    "newsgraph.core",
    "newsgraph.lexicon",
    "newsgraph.ingest.read",
    "newsgraph.ingest.segment newsgraph.ingest.dedup newsgraph.ingest.nlp",
    "newsgraph.extract",
    "newsgraph.ingest.record",
    "newsgraph.store",
    "newsgraph.sources",
    "newsgraph.kb",
    "newsgraph.analysis",
    "newsgraph.ingest.pipeline newsgraph.ingest.batch newsgraph.ingest.reprocess",
    "newsgraph.sources.follow",
    "newsgraph.evaluate",
    "newsgraph.export",
    "newsgraph.api",
    "newsgraph.web",
    "newsgraph.api.app newsgraph.api.server",
    "newsgraph.cli",
    "newsgraph",
]
MAX_LINES = 600


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def _resolve(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imports_of(module: str) -> set[str]:
    """The newsgraph modules that ``module`` imports (a name imported from a package that is a
    submodule counts as that submodule)."""
    path = MODULES[module]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "newsgraph"}
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, node, path.name == "__init__.py")
            if target.split(".")[0] != "newsgraph":
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                out.add(sub if sub in MODULES else target)
    return {m for m in out if m in MODULES and m != module}


GRAPH = {m: imports_of(m) for m in MODULES}


def layer_of(module: str) -> int:
    best, best_len = -1, -1
    for i, entry in enumerate(LAYERS):
        for prefix in entry.split():
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = i, len(prefix)
    return best


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_every_module_has_a_layer() -> None:
    assert [m for m in MODULES if layer_of(m) < 0] == []


def test_no_import_cycles() -> None:
    assert cycles(GRAPH) == []


def test_no_import_from_a_lower_layer_to_a_higher_one() -> None:
    upward = [
        f"{m} (layer {LAYERS[layer_of(m)]!r}) imports {d} (layer {LAYERS[layer_of(d)]!r})"
        for m, deps in GRAPH.items()
        for d in sorted(deps)
        if layer_of(d) > layer_of(m)
    ]
    assert upward == []


def test_package_root_holds_packages_only() -> None:
    files = sorted(p.name for p in SRC.iterdir() if p.is_file() and p.suffix == ".py")
    assert files == ["__init__.py", "__main__.py"]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_small(module: str) -> None:
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module} has {lines} lines; split it by what it does"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_say_what_they_own(module: str) -> None:
    path = MODULES[module]
    text = path.read_text(encoding="utf-8")
    if path.name == "__init__.py" and not text.strip():
        pytest.fail(f"{module}: an empty __init__.py; say in a docstring what the package holds")
    assert ast.get_docstring(ast.parse(text)), f"{module} has no module docstring"


def test_readme_layout_names_every_package() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Layout", 1)[1].split("\n## ", 1)[0]
    packages = sorted(str(p.parent.relative_to(SRC)) for p in SRC.rglob("__init__.py") if p.parent != SRC)
    missing = [p for p in packages if not re.search(rf"(?<![\w/]){re.escape(p.split('/')[-1])}/", section)]
    assert missing == [], f"README's Layout section does not name: {missing}"
