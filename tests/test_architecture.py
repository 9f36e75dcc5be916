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
    "cli": {"dsl", "compiler", "rules", "runtime", "cli"},
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
    assert package_dir == {"tthc": "namespace", **layers}
