"""Where a configuration's paths may point: a `registry` named in `tthc.toml` stays inside the
configuration's git work tree.

Input: the value as written, the folder it names and the configuration's folder. Output: the
message of the configuration error (TT003), or None when the folder may be read.

Why: a pull request controls `tthc.toml`, so `registry = ["/proc/self/environ"]` or
`["../../.ssh"]` must not make CI read that file and quote it in its log. Outside any git work
tree (a portal's own folder) there is no pull request to fear and any folder may be named; a
registry elsewhere is named on the command line, which is the CI operator's.
"""

from __future__ import annotations

from pathlib import Path

from tthc.dsl import Message
from tthc.dsl.reading.links import git_root, is_inside


def registry_outside_repository(value: str, folder: Path, root: Path) -> Message | None:
    """Why the registry folder `value` (resolved: `folder`) of a configuration in `root` is not
    read, or None when it lies inside the configuration's work tree (or there is none)."""
    repository = git_root(str(root))
    if repository is None or is_inside(str(folder), repository):
        return None
    return Message(
        vi=(
            f"'{value}' nằm ngoài kho mã chứa tệp cấu hình; tthc không đọc sổ "
            "đăng ký ngoài kho (nội dung của nó có thể lọt vào nhật ký kiểm tra). "
            "Sổ đăng ký ở nơi khác thì ghi trên dòng lệnh: tthc check . THƯ_MỤC"
        ),
        en=(
            f"'{value}' lies outside the repository holding the configuration; "
            "tthc reads no registry outside it (its content could leak into the "
            "check's log). Name a registry elsewhere on the command line: "
            "tthc check . FOLDER"
        ),
    )
