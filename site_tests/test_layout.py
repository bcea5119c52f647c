"""The house's layout: stages as packages, imports going one way, the engine in one place.

Every import of every module of ``callsite`` is read from its source (top-level and inside
functions), resolved to the module it names, and checked: a module imports only its own stage
or the stages before it, no modules import each other in a circle, and only the engine
package imports the site engine (MkDocs or ProperDocs). Imports for type annotations only
(``if TYPE_CHECKING:``) never run, so they make no circle; they still may not point upward.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "scripts" / "callsite"

STAGES = ("source", "model", "site", "render", "outputs", "engine", "commands")
"""In the order data flows: each may import the ones before it, never one after it."""

BASE = {"callsite", "callsite.problems", "callsite.messages"}
"""Shared by every stage: the package itself, the problem types and the staff messages."""
ENTRY = {"callsite.__main__": "callsite.commands.command"}
"""``python -m callsite`` runs the command: the one module outside a stage that imports one."""

ENGINES = ("mkdocs", "material", "properdocs")


def module_name(path: Path) -> str:
    parts = ("callsite", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, *, typing_too: bool = True) -> list[tuple[str, int]]:
    """(imported module, line) for every import in the file, resolved to full names; a
    ``from package import name`` counts as importing ``package.name`` when that is a module.
    ``typing_too``: also the imports under ``if TYPE_CHECKING:``."""
    known = modules()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(inner) for node in ast.walk(tree) if isinstance(node, ast.If)
                   and "TYPE_CHECKING" in ast.unparse(node.test) for inner in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        if not typing_too and id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.append((candidate if candidate in known else target, node.lineno))
    return found


def stage_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def test_every_module_belongs_to_a_stage():
    loose = [name for name in modules() if name not in BASE and name not in ENTRY and stage_of(name) is None]
    assert loose == [], f"modules outside the stage packages: {loose}"


def test_every_stage_says_what_it_owns_and_may_import():
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        doc = " ".join((ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or "").split())
        assert len(doc.split()) >= 25, f"{init}: a paragraph saying what the stage owns and may import"
        assert "may import" in doc, f"{init}: say what the stage may import"


def test_imports_go_down_the_stages_only():
    upward = []
    for name, path in modules().items():
        here = stage_of(name)
        for target, line in imports_of(name, path):
            if not target.startswith("callsite"):
                continue
            there = stage_of(target)
            if name in ENTRY:
                if target != ENTRY[name]:
                    upward.append(f"{path.relative_to(PACKAGE)}:{line}: the entry imports {target}")
            elif name in BASE and target not in BASE:
                upward.append(f"{path.relative_to(PACKAGE)}:{line}: the shared module {name} imports {target}")
            elif here is not None and there is not None and STAGES.index(there) > STAGES.index(here):
                upward.append(f"{path.relative_to(PACKAGE)}:{line}: {here} imports {there} ({target})")
    assert upward == []


def test_no_modules_import_each_other_in_a_circle():
    known = modules()
    graph = {name: {target for target, _ in imports_of(name, path, typing_too=False)
                    if target in known and target != name}
             for name, path in known.items()}
    # A package's __init__ importing its own modules is how it offers them: not a cycle to judge.
    for name in graph:
        graph[name] = {target for target in graph[name] if not name == target.rpartition(".")[0]}
    cycles = strongly_connected(graph)
    assert [sorted(cycle) for cycle in cycles if len(cycle) > 1] == []


def test_only_the_engine_package_imports_the_site_engine():
    outside = []
    for name, path in modules().items():
        if stage_of(name) == "engine":
            continue
        for target, line in imports_of(name, path):
            if target.split(".")[0] in ENGINES:
                outside.append(f"{path.relative_to(PACKAGE)}:{line}: {target}")
    assert outside == []


def strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iteratively (no recursion limit to mind)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
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
                    components.append(component)
    return components


@pytest.mark.parametrize("graph, expected", [
    ({"a": {"b"}, "b": {"a"}, "c": set()}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ({"a": {"b"}, "b": set()}, []),
])
def test_the_cycle_finder_finds_cycles(graph, expected):
    assert [sorted(c) for c in strongly_connected(graph) if len(c) > 1] == expected


def test_the_import_reader_sees_function_level_and_relative_imports(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("from __future__ import annotations\nfrom ..model import call\nimport yaml\n\n"
                     "def f():\n    from .urls import x\n    from . import status\n", encoding="utf-8")
    assert [target for target, _ in imports_of("callsite.site.probe", probe)] == [
        "__future__", "callsite.model.call", "yaml", "callsite.site.urls", "callsite.site.status"]
