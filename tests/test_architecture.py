"""The code's structure: imports point one way (command line -> answers -> knowledge base, and
answers -> renderers), with no cycles, counting imports made inside functions too."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "src" / "therapy_cli"
# A module may import from its own layer's package and from any lower layer, never a higher one.
LAYERS = {
    "errors": 0,
    "kb": 1,
    "answers": 2,
    "guide": 2,
    "interview": 3,
    "render": 3,
    "completion": 3,
    "cli": 4,
    "__main__": 5,
    "__init__": 0,
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(p for p in parts if p != "__init__") or "__init__"


def imports(path: Path) -> set[str]:
    """The package modules `path` imports, anywhere in it (functions and TYPE_CHECKING too)."""
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1]
            target = [*base, *(node.module.split(".") if node.module else [])]
            found.add(".".join(target))  # the module, or with names, each may be a module
            found.update(".".join([*target, alias.name]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("therapy_cli"):
            absolute = node.module or ""
            found.add(absolute.removeprefix("therapy_cli").lstrip(".") or "__init__")
    return {name for name in found if name}


def layer(module: str) -> int:
    return LAYERS[module.split(".")[0]]


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}
GRAPH = {name: {t for t in imports(path) if t in MODULES} for name, path in MODULES.items()}


def test_every_module_has_a_layer() -> None:
    assert {m.split(".")[0] for m in GRAPH} <= set(LAYERS)


def test_no_module_imports_from_a_higher_layer() -> None:
    upward = [
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if target in GRAPH and layer(target) > layer(module)
    ]
    assert upward == []


def test_renderers_and_answers_never_import_the_command_line() -> None:
    assert not [m for m, targets in GRAPH.items() if m != "__main__" and "cli" in targets]


def test_the_import_graph_has_no_cycles() -> None:
    state: dict[str, str] = {}

    def visit(module: str, trail: list[str]) -> list[str] | None:
        state[module] = "open"
        for target in sorted(GRAPH.get(module, ())):
            if target not in GRAPH:
                continue
            if state.get(target) == "open":
                return [*trail, module, target]
            if target not in state and (cycle := visit(target, [*trail, module])):
                return cycle
        state[module] = "done"
        return None

    cycles = [c for m in sorted(GRAPH) if m not in state and (c := visit(m, []))]
    assert cycles == []
