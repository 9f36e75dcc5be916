"""Whether a file may be read through the symbolic link it is: a link must stay inside the
repository that holds it.

Input: a path. Output: None when the path is not a link or its target lies inside the
repository; otherwise the TT008 diagnostic that says why it is not read.

Why: in CI every byte of a pull request is the author's, links included. A committed
`quy-trinh.tthc -> /proc/self/environ` (or `-> ~/.ssh/id_rsa`) would otherwise be read, fail to
parse, and have its first line quoted in the diagnostic, straight into the public CI log. git
itself stores a link as a link, never as the target's content, so refusing a link that leaves
the repository loses nothing a procedure repository legitimately holds. The repository is the
git work tree above the link; outside any git work tree, the current working folder stands in.
Only the last part of the path is looked at: a folder link on the way is what the caller typed
(a walk never follows folder links), and resolving every part of every path would cost a
system call per folder per file on a 10,000-file check; a file that is not a link costs one
`lstat`.
"""

from __future__ import annotations

import os

from tthc.dsl.codes import make_diagnostic
from tthc.dsl.diagnostics import Diagnostic, Message
from tthc.dsl.span import Span


def link_outside_repository(path: str | os.PathLike[str]) -> Diagnostic | None:
    """Why the file at `path` is not read (TT008), when it is a link whose target leaves the
    repository holding it; None when it may be read (not a link, or a link inside)."""
    name = os.fspath(path)
    try:
        if not os.path.islink(name):
            return None
    except (OSError, ValueError):
        return None  # opening it will say why it cannot be read
    folder = os.path.dirname(os.path.abspath(name))
    boundary = git_root(os.path.realpath(folder)) or os.path.realpath(os.getcwd())
    target = os.path.realpath(name)
    if is_inside(target, boundary):
        return None
    message = Message(
        vi=(
            "Tệp là một liên kết (symlink) trỏ ra ngoài kho mã chứa nó; tthc không đọc tệp "
            "ngoài kho để nội dung của chúng không lọt vào nhật ký kiểm tra"
        ),
        en=(
            "The file is a symbolic link pointing outside the repository that holds it; tthc "
            "does not read files outside the repository, so their content cannot leak into "
            "the check's log"
        ),
    )
    fix = Message(
        vi="Thay liên kết bằng bản sao của tệp, hoặc cho liên kết trỏ tới một tệp trong kho",
        en="Replace the link with a copy of the file, or point it at a file in the repository",
    )
    return make_diagnostic("TT008", Span.point(name), message, fix)


def git_root(folder: str) -> str | None:
    """The git work tree holding a folder (the nearest folder with `.git`), if any."""
    current = folder
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def is_inside(path: str, folder: str) -> bool:
    """Whether a resolved path is the folder or below it."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)
