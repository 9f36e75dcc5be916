"""The layers of ARCHITECTURE.md hold: each folder imports only the layers below it, and only
ever through the `tthc.` namespace."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

ALLOWED = {
    "dsl": {"dsl"},
    "compiler": {"dsl", "compiler"},
    "rules": {"dsl", "compiler", "rules"},
    "runtime": {"dsl", "compiler", "runtime"},
    "outputs": {"dsl", "compiler", "rules", "outputs"},
    "server": {"dsl", "compiler", "runtime", "server"},
    "cli": {"dsl", "compiler", "rules", "runtime", "outputs", "server", "cli"},
    "namespace": {"cli"},  # `python -m tthc`: namespace/__main__.py runs the CLI
}
LAYERS = sorted(layer for layer in ALLOWED if (ROOT / layer).is_dir())


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                found.append((node.lineno, "." * node.level + (node.module or "")))
            elif node.module:
                found.append((node.lineno, node.module))
    return found


@pytest.mark.parametrize("layer", LAYERS)
def test_layer_imports_only_what_it_may(layer: str) -> None:
    wrong = []
    for path in sorted((ROOT / layer).rglob("*.py")):
        for line, module in _imports(path):
            top = module.split(".")[0]
            if module.startswith("."):
                wrong.append(f"{path.relative_to(ROOT)}:{line}: relative import {module}")
            elif top in ALLOWED:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: imports {module} outside tthc.")
            elif top == "tthc":
                target = module.split(".")[1] if "." in module else ""
                if target not in ALLOWED[layer]:
                    wrong.append(
                        f"{path.relative_to(ROOT)}:{line}: {layer} may not import {module}"
                    )
    assert wrong == []


def test_tests_import_only_through_the_namespace() -> None:
    wrong = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for line, module in _imports(path):
            if module.split(".")[0] in ALLOWED:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {module}")
    assert wrong == []


def test_every_layer_is_packaged() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    package_dir = config["tool"]["setuptools"]["package-dir"]
    layers = {f"tthc.{layer}": layer for layer in LAYERS if layer != "namespace"}
    # `namespace/` holds `python -m tthc`; `tthc.registry` is data: the national registry.
    shipped = {"tthc": "namespace", "tthc.registry": "procedures/registry"}
    assert package_dir == {**shipped, **layers}


def _modules(layer: str) -> dict[str, Path]:
    """Module name → file, for the modules (not the package `__init__`s) of one layer."""
    found = {}
    for path in sorted((ROOT / layer).rglob("*.py")):
        if path.name != "__init__.py":
            parts = path.relative_to(ROOT).with_suffix("").parts
            found["tthc." + ".".join(parts)] = path
    return found


def _cycle(edges: dict[str, set[str]]) -> list[str]:
    """One import cycle of `edges` (module → the modules it imports), or []."""
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done
    path: list[str] = []

    def walk(module: str) -> list[str]:
        state[module] = 1
        path.append(module)
        for target in sorted(edges[module]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := walk(target)):
                return found
        path.pop()
        state[module] = 2
        return []

    for module in sorted(edges):
        if module not in state and (found := walk(module)):
            return found
    return []


@pytest.mark.parametrize("layer", LAYERS)
def test_no_module_imports_one_that_imports_it_back(layer: str) -> None:
    """Counting imports inside functions too: a lazy import that closes a cycle still ties the
    two modules together (`parser` and `syntax_errors` share `reading/grammar.py`; the report
    formats import `Report` and only `render.py` imports them)."""
    modules = _modules(layer)
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for _, module in _imports(path):
            targets.add(module)
        # `from package import module` names the module as the package plus the imported name.
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets.update(f"{node.module}.{alias.name}" for alias in node.names)
        edges[name] = {target for target in targets if target in modules and target != name}
    assert _cycle(edges) == []


# The rule modules of `tthc.rules`: everything but the engine, the reports and the package's
# own front door (`__init__.py` exports the engine's entry points to library users).
RULE_SIDE = [
    path
    for path in sorted((ROOT / "rules").rglob("*.py"))
    if path.relative_to(ROOT / "rules").parts[0] not in ("engine", "report", "__init__.py")
]


def test_rules_never_import_the_engine_or_the_reports() -> None:
    """A rule sees `tthc.rules.base`, `tthc.rules.suppression_context` and the analyses; how it
    is run (engine) and how its findings are printed (report) may change under it."""
    assert len(RULE_SIDE) > 40
    wrong = [
        f"{path.relative_to(ROOT)}:{line}: {module}"
        for path in RULE_SIDE
        for line, module in _imports(path)
        if module.startswith(("tthc.rules.engine", "tthc.rules.report"))
    ]
    assert wrong == []


def test_the_analyses_import_nothing_of_the_rules() -> None:
    analyses = sorted((ROOT / "compiler" / "analysis").rglob("*.py"))
    assert len(analyses) > 10
    wrong = [
        f"{path.relative_to(ROOT)}:{line}: {module}"
        for path in analyses
        for line, module in _imports(path)
        if module.split(".")[:2] == ["tthc", "rules"]
    ]
    assert wrong == []


def test_the_fast_parser_runs_behind_one_seam() -> None:
    """Only `dsl/reading/parser.py` runs the fast LALR driver (Lark is the reference it falls
    back on, `tests/dsl/test_lalr_driver.py` holds them equal); the transformer shares the
    driver's token and converter types, nothing more."""
    importers = {
        str(path.relative_to(ROOT)): {
            module for _, module in _imports(path) if module == "tthc.dsl.reading.lalr_driver"
        }
        for path in sorted(ROOT.glob("*/**/*.py"))
        if path.parts[len(ROOT.parts)] in ALLOWED
    }
    assert sorted(path for path, found in importers.items() if found) == [
        "dsl/reading/parser.py",
        "dsl/reading/transformer.py",
    ]
    tree = ast.parse((ROOT / "dsl/reading/transformer.py").read_text(encoding="utf-8"))
    names = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "tthc.dsl.reading.lalr_driver"
        for alias in node.names
    }
    assert names <= {"KEYWORD", "Converter", "Token"}
