"""No import cycles in strife: a module never needs, even indirectly, a module that needs it.

A cycle makes the import order matter, hides which layer depends on which, and often stands for
code in the wrong module (a stage that builds the pipeline that runs it). The graph is read from
the sources with `ast`, not by importing them:

- a node is a module of `src/strife`; a package is its `__init__.py`;
- an edge is any `import` or `from ... import` in the module, at module level or inside a
  function: a function-local import is a dependency all the same, only a later one (deduplication's
  function-local imports of the store are half of a cycle);
- `from pkg import name` depends on the module `pkg.name` when there is one, else on `pkg`;
  importing `pkg.mod` is not counted as depending on `pkg/__init__.py`, which Python runs first;
- imports under `if TYPE_CHECKING:` are left out: they never run, and exist for annotations only.
"""

from __future__ import annotations

import ast
from pathlib import Path

import strife

SOURCES = Path(strife.__file__).resolve().parent

# Import cycles that other work in progress removes, each written as the modules around the cycle.
# Removed when wt-store lands: it moves deduplication's SQL out of resolve/dedup.py (whose
# function-local imports of the store close the first) and what the migrations read out of store.py.
# A cycle not made only of these fails the test; so does one listed here that is gone, so that the
# list is emptied as soon as it can be.
def module_names(root: Path = SOURCES) -> dict[str, Path]:
    """Dotted name -> source file, for every module under `root`."""
    names = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """ids of the nodes inside `if TYPE_CHECKING:` blocks."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                inside.update(id(n) for n in ast.walk(child))
    return inside


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The strife modules `name` imports, anywhere in its source."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    skipped = _type_checking_nodes(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(_known(alias.name, modules) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in modules else _known(base, modules))
    found.discard(name)
    found.discard("")
    return found


def _known(dotted: str, modules: dict[str, Path]) -> str:
    """The longest prefix of `dotted` that is a strife module ("" for other packages)."""
    while dotted and dotted not in modules:
        dotted = dotted.rpartition(".")[0]
    return dotted


def import_graph(root: Path = SOURCES) -> dict[str, set[str]]:
    modules = module_names(root)
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))
    return found


def describe(component: frozenset[str], graph: dict[str, set[str]]) -> str:
    return "; ".join(f"{m} -> {', '.join(sorted(graph[m] & component))}" for m in sorted(component))


def test_strife_has_no_import_cycles() -> None:
    graph = import_graph()
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n".join(describe(c, graph) for c in found)


def test_the_graph_sees_function_level_and_relative_imports(tmp_path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("def f():\n    from pkg import b\n")
    (package / "b.py").write_text("from . import c\n")
    (package / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.b import x\n"
                                  "import pkg.a\n")
    graph = import_graph(package)
    assert graph == {"pkg": set(), "pkg.a": {"pkg.b"}, "pkg.b": {"pkg.c"}, "pkg.c": {"pkg.a"}}
    assert cycles(graph) == [frozenset({"pkg.a", "pkg.b", "pkg.c"})]
