"""Choosing the procedure an output is about, with a reason when there is none to choose.

Input: the `Loaded` paths and an optional procedure code. Output: the `Workflow`, or a
`Message` (Vietnamese and English) saying why not: nothing readable, no procedure, no such code.
"""

from __future__ import annotations

from tthc.compiler import Workflow
from tthc.dsl import Message
from tthc.outputs.loading import Loaded


def choose(loaded: Loaded, code: str | None) -> Workflow | Message:
    workflows = loaded.workflows
    if code is not None:
        workflows = [w for w in workflows if w.procedure.code == code]
    if workflows:
        return workflows[0]
    if code is not None:
        return Message(
            vi=f"Không có thủ tục mã {code} trong các tệp đã cho",
            en=f"No procedure with code {code} in the given files",
        )
    return Message(vi="Các tệp đã cho không có thủ tục nào", en="The given files hold no procedure")
