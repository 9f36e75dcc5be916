"""Which files of the checked paths are procedure files: one discovery for every command
(`check`, `fmt`, `convert`), as ruff and pre-commit users expect.

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
UTF-8, unreadable) is read, so its problem is reported. A file named explicitly is always read.
What cannot be read — a folder that cannot be listed, a dangling or looping link — is kept, so
that reading it reports it (TT008) rather than the check passing without it.

Skipped in a folder: hidden files and folders; what a `.gitignore` ignores (the files of the
walked folders and of the folders above, up to the git root; a deeper file overrides a
shallower one, `!` re-includes); what the configuration's `exclude` names, and what the
`exclude` of a configuration met further down the walk (`examples/tthc.toml`) names below its
own folder. Globs are read the .gitignore way by `pathspec` (`tthc.rules.engine.config.glob_spec`):
without `/` (`archive`, `*.draft.yaml`) they match a name at any depth; with `/` (`examples/ci/`,
`old/**/*.yml`) a path from the folder of the file that holds them. A folder named on the
command line is walked even when a glob names it: the globs that name it are set aside there.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tthc.dsl import SUFFIXES, Diagnostic, Outcome
from tthc.rules.engine.config import CONFIG_FILES, Config, glob_spec

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

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
    import difflib  # only for a file that may be misspelt: off a clean check's start-up

    return bool(keys) and bool(difflib.get_close_matches(keys[0].lower(), TOP_LEVEL_KEYS, 1, 0.8))


_Layer = tuple[str, "GitIgnoreSpec"]  # (absolute folder, globs relative to it)


def discover_files(paths: Sequence[str | Path]) -> Outcome[list[str]]:
    """The procedure files under the paths, each path under the `exclude` of its own nearest
    configuration (`tthc fmt examples procedures` honours both folders' files); the
    diagnostics of a configuration that cannot be read, and no files, when one cannot."""
    from tthc.rules.engine.config_file import find_config, load_config

    configs: dict[Path, Outcome[Config]] = {}
    problems: list[Diagnostic] = []
    found: list[str] = []
    for path in paths:
        source = find_config(path)
        if source is None:
            found.extend(procedure_files([path]))
            continue
        if source not in configs:
            configs[source] = load_config(source)
            problems.extend(configs[source].diagnostics if configs[source].value is None else ())
        config = configs[source].value
        if config is not None:
            found.extend(procedure_files([path], config.exclude, config.root))
    return Outcome(None, problems) if problems else Outcome(list(dict.fromkeys(found)))


def procedure_files(
    paths: Sequence[str | Path], exclude: Sequence[str] = (), root: Path | None = None
) -> list[str]:
    """The procedure files under the paths (see the module docstring), each once."""
    root_folder = os.path.abspath(root or Path.cwd())
    found: list[str] = []
    for path in map(Path, paths):
        if _is_dir(path):
            found.extend(_walk(path, _layers_above(path, exclude, root_folder)))
        else:
            found.append(str(path))
    return list(dict.fromkeys(found))


def _is_dir(path: Path) -> bool:
    """Whether a path is a folder; a path the system cannot even look at (a name too long for
    it) is not, so it is read as a file and reported (TT008) instead of ending the run."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _is_file_or_link(path: Path) -> bool:
    try:
        return path.is_file() or (path.is_symlink() and not path.exists())
    except OSError:
        return True  # it cannot be looked at: reading it says why (TT008)


def _layers_above(top: Path, exclude: Sequence[str], root: str) -> list[_Layer]:
    """The globs in force at a named folder: the `.gitignore` files above it up to the git
    root, and the configuration's `exclude` — without the globs that name the folder itself."""
    absolute = os.path.abspath(top)
    folders: list[str] = []
    for folder in Path(absolute).parents:
        folders.append(str(folder))
        if (folder / ".git").exists():
            break
    else:
        folders = []  # not in a git repository: only the walked folders' .gitignore files
    layers = [layer for f in reversed(folders) if (layer := _gitignore(f)) is not None]
    if exclude:
        base = root if _is_below(absolute, root) else absolute
        layers.append((base, glob_spec(exclude)))
    return [_without_top(layer, absolute) for layer in layers]


def _without_top(layer: _Layer, top: str) -> _Layer:
    from pathspec import GitIgnoreSpec

    base, spec = layer
    if top == base or not spec.match_file(_relative(top, base) + "/"):
        return layer
    return base, GitIgnoreSpec(
        [p for p in spec.patterns if not GitIgnoreSpec([p]).match_file(_relative(top, base) + "/")]
    )


def _walk(top: Path, above: list[_Layer]) -> Iterable[str]:
    """The procedure files of one folder, sorted by path, hidden and ignored entries pruned
    (symbolic links to folders are not followed, so a link loop cannot trap the walk)."""
    found: list[str] = []
    unreadable: list[str] = []
    layers_of: dict[str, list[_Layer]] = {}
    for folder, dirs, names in os.walk(top, onerror=lambda e: unreadable.append(str(e.filename))):
        absolute = os.path.abspath(folder)
        parent = layers_of.pop(absolute, above)
        layers = [*parent, *_own_layers(absolute)]
        dirs[:] = [
            d
            for d in dirs
            if not d.startswith(".") and not _ignored(os.path.join(absolute, d), True, layers)
        ]
        for d in dirs:
            layers_of[os.path.join(absolute, d)] = layers
        # The paths as `str(Path(folder) / name)` gives them, made without a `Path` per file.
        here = str(Path(folder))
        prefix = "" if here == "." else os.path.join(here, "")
        plain = _regular_files(folder)
        for name in names:
            suffix = os.path.splitext(name)[1].lower()
            if name.startswith(".") or suffix not in SUFFIXES:
                continue
            if _ignored(os.path.join(absolute, name), False, layers):
                continue
            path = prefix + name
            if suffix in YAML_SUFFIXES and not is_procedure_yaml(path):
                continue
            if name in plain or _is_file_or_link(Path(path)):
                found.append(path)  # a dangling or looping link: reading it says so (TT008)
    # A folder that cannot be listed is given as a file: reading it reports it (TT008).
    found.extend(unreadable)
    # By path parts, as `Path(p).parts` orders them: every path here is made by `Path` (so
    # normalised) from the same top, and splitting the string is ~10 times cheaper (0.1 s of
    # the serial part of a 10,000-file run).
    return sorted(found, key=lambda p: p.split(os.sep))


def _regular_files(folder: str) -> set[str]:
    """The names of a folder's regular files, from its listing (no system call per file: ~0.05 s
    of the serial part of a 10,000-file run); any other entry is looked at on its own."""
    try:
        with os.scandir(folder) as entries:
            return {e.name for e in entries if e.is_file(follow_symlinks=False)}
    except OSError:
        return set()


def _ignored(path: str, is_dir: bool, layers: Sequence[_Layer]) -> bool:
    """Whether the globs in force ignore a path; the deepest layer that decides wins."""
    decision: bool | None = None
    for base, spec in layers:
        result = spec.check_file(_relative(path, base) + ("/" if is_dir else "")).include
        if result is not None:
            decision = result
    return bool(decision)


def _own_layers(folder: str) -> list[_Layer]:
    """The globs a folder brings: its `.gitignore`, and its configuration's `exclude`."""
    layers = [layer for layer in (_gitignore(folder), _config_exclude(folder)) if layer]
    return layers


def _gitignore(folder: str) -> _Layer | None:
    try:
        with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    try:
        return folder, glob_spec(lines)
    except ValueError:
        return None  # git itself ignores a line it cannot read


def _config_exclude(folder: str) -> _Layer | None:
    """The `exclude` of a configuration in the folder (tthc.toml wins over pyproject.toml).
    A configuration that cannot be read adds nothing here: checking with it reports why."""
    import tomllib  # here: a check that finds no configuration file never needs it (cold start)

    for name in CONFIG_FILES:
        try:
            with open(os.path.join(folder, name), "rb") as handle:
                data = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        table = data.get("tool", {}).get("tthc") if name == "pyproject.toml" else data
        if not isinstance(table, dict):
            continue
        globs = table.get("exclude", [])
        if not isinstance(globs, list) or not all(isinstance(g, str) for g in globs):
            return None
        try:
            return (folder, glob_spec(globs)) if globs else None
        except ValueError:
            return None
    return None


def _relative(path: str, base: str) -> str:
    if path.startswith(base + os.sep):
        return path[len(base) + 1 :].replace(os.sep, "/")
    return os.path.relpath(path, base).replace(os.sep, "/")


def _is_below(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def project_groups(paths: Sequence[str | Path]) -> Outcome[list[tuple[Config, list[str]]]]:
    """The paths by project, as ruff splits a run by its nearest configuration: every file
    (a folder's files as `discover_files` finds them) goes with the nearest configuration at or
    above it, so `tthc check .` over `examples/` and `procedures/` checks each against its own
    registry. A project with no configuration gets the default one. The diagnostics of a
    configuration that cannot be read, and no groups, when one cannot."""
    from tthc.rules.engine.config_file import find_config, load_config

    found = discover_files(paths)
    if found.value is None:
        return Outcome(None, found.diagnostics)
    by_folder: dict[str, Path | None] = {}
    by_parent: dict[str, Path | None] = {}  # by the folder as written: one `abspath` each
    groups: dict[Path | None, list[str]] = {}
    for file in found.value:
        parent, name = os.path.split(file)
        plain = name not in ("", ".", "..")  # then every file written under `parent` is in
        if not plain or parent not in by_parent:  # the same folder
            folder = os.path.dirname(os.path.abspath(file))
            if folder not in by_folder:
                by_folder[folder] = find_config(folder)
            if not plain:
                groups.setdefault(by_folder[folder], []).append(file)
                continue
            by_parent[parent] = by_folder[folder]
        groups.setdefault(by_parent[parent], []).append(file)
    if not groups:  # nothing to check: the paths' own project says so
        groups = {find_config(paths[0]) if paths else None: [str(p) for p in paths]}
    configured = [source for source in groups if source is not None]
    if None in groups and len(configured) == 1:
        # Files under no configuration (a draft in /tmp) join the one project named beside
        # them: `tthc check draft.tthc procedures/registry` checks the draft with that registry.
        groups[configured[0]] = [*groups.pop(None), *groups[configured[0]]]
    projects: list[tuple[Config, list[str]]] = []
    problems: list[Diagnostic] = []
    for source, files in groups.items():
        loaded = load_config(source) if source is not None else Outcome(Config())
        if loaded.value is None:
            problems.extend(loaded.diagnostics)
        else:
            projects.append((loaded.value, files))
    return Outcome(None, problems) if problems else Outcome(projects)
