"""The engine's shape: no import cycles, no MkDocs inside, no process-wide state."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

ENGINE = ROOT / "hooks" / "glossary"


def module_name(path: Path) -> str:
    parts = path.relative_to(ENGINE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The engine's modules `path` imports, type-checking imports included (a cycle there is one too)."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            modules = {f"{target}.{alias.name}" for alias in node.names} & MODULES.keys()
            found |= modules or ({target} & MODULES.keys())  # `from . import x`: the module x
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in MODULES}
    return found - {module_name(path)}


MODULES = {module_name(path): path for path in ENGINE.rglob("*.py")}


def test_the_engine_has_no_import_cycles():
    graph = {name: imports_of(path) for name, path in MODULES.items()}
    # A package's __init__ re-exporting its modules is no cycle: the modules never import it back.
    state: dict[str, str] = {}
    cycles = []

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                cycles.append(trail[trail.index(target):] + [target] if target in trail else [name, target])
            elif target not in state:
                visit(target, [*trail, target])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_the_detector_finds_a_cycle(tmp_path, monkeypatch):
    """The check above could pass by finding no imports at all: it must see the ones there are."""
    assert "glossary.markup" in imports_of(MODULES["glossary.extension"])
    assert "glossary.errors" in imports_of(MODULES["glossary.markup"])


def test_the_engine_knows_nothing_of_mkdocs_and_sets_no_process_wide_state():
    for name, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        assert "import mkdocs" not in text and "from mkdocs" not in text, name
        assert "setrecursionlimit" not in text, name
