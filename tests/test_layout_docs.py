"""The README's layout table and the tree of `docs/development.md` describe the folders as they
are: every folder they name exists, every file the tree names exists, and every folder of the
package (each `tthc.*` package of `pyproject.toml`, and the data folders inside them) is named in
both. A missed step says which document to edit."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DEVELOPMENT = ROOT / "docs" / "development.md"
IGNORED = {"__pycache__", "node_modules"}


def package_folders() -> list[str]:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    mapping: dict[str, str] = setuptools["package-dir"]
    folders = set()
    for package in setuptools["packages"]:
        parts = package.split(".")
        for cut in range(len(parts), 0, -1):
            prefix = ".".join(parts[:cut])
            if prefix in mapping:
                folders.add("/".join([mapping[prefix], *parts[cut:]]))
                break
    data = {
        str(path.relative_to(ROOT))
        for folder in folders
        for path in (ROOT / folder).iterdir()
        if path.is_dir() and path.name not in IGNORED and not (path / "__init__.py").exists()
    }
    return sorted(folders | data)


def readme_rows() -> dict[str, str]:
    section = README.read_text(encoding="utf-8").split("## Layout", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([\w./-]+)/` \|(.*)$", section, re.M)
    return {folder: text for folder, text in rows}


def tree_entries() -> tuple[set[str], set[str]]:
    """The folders and files the tree of development.md names, as paths."""
    text = DEVELOPMENT.read_text(encoding="utf-8")
    block = text.split("### The tree", 1)[1].split("```", 2)[1]
    folders: set[str] = set()
    files: set[str] = set()
    parents: list[str] = []
    for line in block.strip("\n").split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        if indent >= 20:  # the description column, continued
            continue
        depth = indent // 2
        names = re.split(r"\s{2,}", line.strip(), maxsplit=1)[0]
        parents = parents[:depth]
        prefix = "/".join(parents)
        for name in re.findall(r"[\w.*-]+(?:/[\w.*-]+)*/?", names):
            path = f"{prefix}/{name}" if prefix else name
            if name.endswith("/"):
                folders.add(path.rstrip("/"))
            elif "." in name and "*" not in name:
                files.add(path)
        first = re.match(r"([\w.-]+)/", names)
        if first and len(re.findall(r"[\w.-]+/", names)) == 1:
            parents.append(first.group(1))
    return folders, files


def test_every_folder_of_the_readme_layout_table_exists() -> None:
    assert [folder for folder in readme_rows() if not (ROOT / folder).is_dir()] == []


def test_every_package_folder_is_named_in_the_readme_layout_table() -> None:
    rows = readme_rows()

    def named(folder: str) -> bool:
        """A row of its own, or `name/` in the row of a folder above it."""
        parts = folder.split("/")
        ancestors = ["/".join(parts[:cut]) for cut in range(1, len(parts))]
        return folder in rows or any(f"`{parts[-1]}/`" in rows.get(a, "") for a in ancestors)

    missing = [folder for folder in package_folders() if not named(folder)]
    assert missing == [], "add a row (or name it in its parent's row) in README.md ## Layout"


def test_the_tree_of_development_md_names_every_package_folder_and_nothing_else() -> None:
    folders, files = tree_entries()
    assert sorted(f for f in folders if not (ROOT / f).is_dir()) == [], "named but absent"
    assert sorted(f for f in files if not (ROOT / f).exists()) == [], "named but absent"
    missing = [folder for folder in package_folders() if folder not in folders]
    assert missing == [], "add it to the tree in docs/development.md"
