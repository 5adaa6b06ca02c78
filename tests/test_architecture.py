"""The package's shape (CONTRIBUTING.md "Layout"): rooms whose imports only point down.

Read from the source with ``ast`` (nothing is imported), so a cycle hidden under ``TYPE_CHECKING`` or
inside a function counts as much as one at the top of a module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "graphkit"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The graphkit module an imported dotted name refers to (its longest known prefix), or None."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def _imports(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Every graphkit module ``module`` imports, wherever the import statement stands."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # ``from graphkit.store import _server`` names a module; ``from graphkit.maps import VIEWS`` not
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for name in names:
            target = _resolve(name, modules)
            if target is not None and target != module:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module -> the graphkit modules it imports."""
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted; sorted list.

    >>> cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}})
    [['a', 'b']]
    >>> cycles({"a": {"b"}, "b": set()})
    []
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def test_the_import_graph_is_read_from_the_source():
    graph = import_graph()
    assert "graphkit.store._db" in graph["graphkit.sync._load"]
    assert "graphkit.dataset._raw" in graph["graphkit.dataset._excel"]
    # an import under TYPE_CHECKING counts too
    assert "graphkit.demo._context" in graph["graphkit.demo._reports"]


def test_no_module_imports_a_module_that_imports_it_back():
    found = cycles(import_graph())
    assert found == [], f"import cycles: {found}; move the shared piece into a module both can import"


def test_a_cycle_would_be_found():
    graph = import_graph()
    graph["graphkit.store._home"] = graph["graphkit.store._home"] | {"graphkit.store._lock"}
    assert ["graphkit.store._home", "graphkit.store._lock"] in cycles(graph)


def _imports_neo4j(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "neo4j" for a in node.names):
            return True
        module = (node.module or "") if isinstance(node, ast.ImportFrom) and not node.level else ""
        if module.split(".")[0] == "neo4j":
            return True
    return False


def test_exactly_one_module_imports_neo4j():
    importers = sorted(name for name, path in _modules().items() if _imports_neo4j(path))
    assert importers == ["graphkit.store._db"]


@pytest.mark.parametrize("room", ["store", "dataset", "sync", "synthetic", "reports", "demo", "analytics",
                                  "maps", "cli", "briefing", "extraction"])  # fmt: skip
def test_each_room_says_what_it_is_for(room: str):
    doc = ast.get_docstring(ast.parse((PACKAGE / room / "__init__.py").read_text(encoding="utf-8")))
    assert doc and len(doc.splitlines()[0]) > 20


def test_the_top_level_holds_only_entry_points():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 8, top


def test_no_module_is_over_400_lines():
    long = {name: n for name, p in _modules().items() if (n := len(p.read_text().splitlines())) > 400}
    assert long == {}
