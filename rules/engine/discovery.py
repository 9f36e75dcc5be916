"""Which files of the checked paths are procedure files.

Input: the paths given on the command line, the configuration's `exclude` globs and the folder
they are relative to. Output: the procedure files, in a stable order (each path in the order
given, the files of a folder sorted), each once.

The rule, for a folder: every `.tthc` file is read; a `.yaml` / `.yml` file is read only when
one of its top-level keys is one of tthc's (`procedure`, `procedures`, `authorities`,
`instruments`, `grants`, `transfers`) — keys holding anchors may come first — or its first key
is a near miss of one (`procedur:`, `grant:`), so that a misspelt procedure is still reported
(TT002) while CI configurations, Kubernetes manifests and OpenAPI files beside the procedures
are left alone. Keys are found by reading lines, not by parsing: sniffing is cheap and cannot
be made to hang by the file. A YAML file that cannot be sniffed (not
UTF-8, unreadable) is read, so its problem is reported. Hidden files and folders, and anything
an `exclude` glob matches, are skipped. A file named explicitly is always read. What cannot be read — a folder that cannot be listed, a
dangling or looping link — is kept, so that reading it reports it (TT008) rather than the check
passing without it.

Globs (`exclude`) follow .gitignore habits: without `/` (`archive`, `*.draft.yaml`) they match
the name of a file or folder at any depth; with `/` (`examples/ci/`, `old/**/*.yml`) they match
the path relative to the configuration's folder (else the working folder).
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from tthc.dsl import SUFFIXES
from tthc.rules.engine.config import glob_regex

TOP_LEVEL_KEYS = ("procedure", "procedures", "authorities", "instruments", "grants", "transfers")
YAML_SUFFIXES = (".yaml", ".yml")
_SNIFF_BYTES = 1 << 20  # the default size limit: files are small, a larger one is read
_KEY = re.compile(r"""^(?:"([^"]*)"|'([^']*)'|([^\s:#"'{\[][^:#]*?))\s*:(?:\s|$)""")


def top_level_keys(text: str) -> list[str] | None:
    """The top-level keys of a YAML text, in order (an empty list for a top-level list, a
    scalar or nothing), or None for what only a parser can read (a flow mapping `{…}`, a
    document that starts indented)."""
    keys: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "%")) or stripped in ("---", "..."):
            continue
        if line[0].isspace():
            if not keys:
                return None
            continue  # inside the value of a key
        if stripped.startswith("--- "):
            stripped = stripped[4:].lstrip()
        if stripped.startswith("{") and not keys:
            return None
        match = _KEY.match(stripped)
        if match is not None:
            keys.append(next(group for group in match.groups() if group is not None).strip())
        elif not keys:
            return []  # a list or a scalar at the top: not a tthc file
    return keys


def is_procedure_yaml(path: str | Path) -> bool:
    """Whether a YAML file found in a folder is meant for tthc: one of its top-level keys is
    one of tthc's (anchors under other keys may come first, `x-common: &common …`), or its
    first key is a near miss of one (`procedur:`), which reading then reports (TT002)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(_SNIFF_BYTES)
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="strict")
    except (OSError, UnicodeDecodeError):
        return True  # reading it reports the problem (TT008)
    keys = top_level_keys(text)
    if keys is None or any(key in TOP_LEVEL_KEYS for key in keys):
        return True
    return bool(keys) and bool(difflib.get_close_matches(keys[0].lower(), TOP_LEVEL_KEYS, 1, 0.8))


class Excluder:
    """The `exclude` globs of a configuration, relative to its folder."""

    def __init__(self, patterns: Iterable[str], root: Path) -> None:
        self.root = root.resolve()
        self.anywhere: list[re.Pattern[str]] = []
        self.rooted: list[re.Pattern[str]] = []
        for pattern in patterns:
            bare = pattern.removeprefix("./")
            if "/" in bare.rstrip("/"):
                self.rooted.append(glob_regex(bare))
            else:
                self.anywhere.append(glob_regex(bare.rstrip("/")))

    def __bool__(self) -> bool:
        return bool(self.anywhere or self.rooted)

    def excludes(self, path: Path) -> bool:
        if any(p.fullmatch(path.name) for p in self.anywhere):
            return True
        if not self.rooted:
            return False
        absolute = path.absolute()
        if not absolute.is_relative_to(self.root):
            return False
        relative = absolute.relative_to(self.root).as_posix()
        return any(p.fullmatch(relative) or p.fullmatch(relative + "/") for p in self.rooted)


def procedure_files(
    paths: Sequence[str | Path], exclude: Sequence[str] = (), root: Path | None = None
) -> list[str]:
    """The procedure files under the paths (see the module docstring), each once."""
    excluder = Excluder(exclude, root or Path.cwd())
    found: list[str] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(_walk(path, excluder))
        else:
            found.append(str(path))
    return list(dict.fromkeys(found))


def _walk(top: Path, excluder: Excluder) -> Iterable[str]:
    """The procedure files of one folder, sorted by path, hidden and excluded entries pruned
    (symbolic links to folders are not followed, so a link loop cannot trap the walk)."""
    found: list[str] = []
    unreadable: list[str] = []
    for folder, dirs, names in os.walk(top, onerror=lambda e: unreadable.append(str(e.filename))):
        here = Path(folder)
        dirs[:] = [
            d
            for d in dirs
            if not d.startswith(".") and not (excluder and excluder.excludes(here / d))
        ]
        for name in names:
            suffix = os.path.splitext(name)[1].lower()
            if name.startswith(".") or suffix not in SUFFIXES:
                continue
            path = here / name
            if excluder and excluder.excludes(path):
                continue
            if suffix in YAML_SUFFIXES and not is_procedure_yaml(path):
                continue
            if path.is_file() or (path.is_symlink() and not path.exists()):
                found.append(str(path))  # a dangling or looping link: reading it says so (TT008)
    # A folder that cannot be listed is given as a file: reading it reports it (TT008).
    found.extend(unreadable)
    return sorted(found, key=lambda p: Path(p).parts)
