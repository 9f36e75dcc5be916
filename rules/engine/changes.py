"""The files changed since a git revision, for `tthc check --changed-since REV`.

Input: a revision (`main`, `origin/main`, `HEAD~3`, a commit) and the folder to ask git in.
Output: the absolute paths of the files that differ from the revision in the working tree
(committed, staged or not) plus the untracked files git does not ignore — or a message saying
why git could not answer (not a repository, unknown revision, git not installed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tthc.dsl import Message


@dataclass(frozen=True)
class Changes:
    files: frozenset[Path] = field(default_factory=frozenset)
    problem: Message | None = None

    def touches(self, path: str) -> bool:
        return Path(path).resolve() in self.files


def _git(folder: Path, *args: str) -> tuple[int, str]:
    import subprocess  # here: only --changed-since runs git (cold start)

    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except OSError as error:
        return 127, str(error)
    return done.returncode, done.stdout if done.returncode == 0 else done.stderr.strip()


def changed_since(revision: str, folder: Path | None = None) -> Changes:
    folder = (folder or Path.cwd()).resolve()
    status, top = _git(folder, "rev-parse", "--show-toplevel")
    if status != 0:
        return Changes(
            problem=Message(
                vi=f"--changed-since cần một kho git, nhưng {folder} không thuộc kho nào ({top})",
                en=f"--changed-since needs a git repository, and {folder} is not in one ({top})",
            )
        )
    root = Path(top.strip())
    # A revision starting with '-' would be read by git as an option: it is never a revision.
    if (
        revision.startswith("-")
        or _git(root, "rev-parse", "--verify", "--quiet", revision + "^{commit}")[0]
    ):
        return Changes(
            problem=Message(
                vi=f"Không tìm thấy phiên bản git '{revision}' trong {root}",
                en=f"Unknown git revision '{revision}' in {root}",
            )
        )
    names: list[str] = []
    for args in (
        ("diff", "--name-only", "--no-renames", "-z", revision, "--"),
        ("ls-files", "--others", "--exclude-standard", "-z"),
    ):
        status, out = _git(root, *args)
        if status != 0:
            return Changes(
                problem=Message(
                    vi=f"git không liệt kê được các tệp đã thay đổi: {out}",
                    en=f"git could not list the changed files: {out}",
                )
            )
        names.extend(name for name in out.split("\0") if name)
    return Changes(files=frozenset((root / name).resolve() for name in names))
