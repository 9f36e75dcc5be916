"""TT4xx — soundness of the workflow graph: every case can finish, and finishes cleanly.

Input: a `ProcedureContext`. Output: `Finding`s for TT401-TT407, one module per rule, each
naming its witness (the path from `start`, the branches that meet, the loop's steps) as related
locations. The semantics are the token game of `tthc.compiler.workflow`. Each defect is
reported once, where it is caused:
- TT401, TT402, TT404 read the arrows (`tthc.compiler.analysis.flow`): a step no arrow path reaches from
  `start`; a reached step with no arrow out; a reached loop that no arrow leaves (a livelock).
  Steps that only lead into a dead end or a closed loop are on its witness, not reported again.
- TT403, TT405 play the token game (`tthc.compiler.analysis.soundness`): a join holding an arrival from which
  it can never start; `end` reached while other work is still running, or a step started a
  second time while it still holds the first (branches meeting without a join).
- TT406 reads the outcomes written on the branches of each node.
- TT407 says when the token game stopped at a bound (`Settings.max_flow_states`, `-megabytes`,
  `-seconds`) on the part of the flow left once its blocks are fused, and names that part: the
  verdicts of TT403 and TT405 are then partial (what they report is still exact).
With no finding of TT401-TT405 nor TT407, the procedure is a sound workflow net: from every state a
case can reach, it can reach `end`, it reaches `end` with nothing left running, and every step can
run (tests/rules/test_soundness_differential.py checks this against a brute-force oracle).

    wording.py                  nodes, joins, moves and runs as the messages name them
    unreachable_step.py         TT401 unreachable-step
    dead_end_step.py            TT402 dead-end-step
    join_may_wait_forever.py    TT403 join-may-wait-forever
    loop_without_exit.py        TT404 loop-without-exit
    improper_completion.py      TT405 improper-completion
    choice_not_exclusive.py     TT406 choice-not-exclusive
    flow_too_large_to_check.py  TT407 flow-too-large-to-check
"""

from tthc.compiler.analysis.soundness.analysis import Soundness, analyse
from tthc.rules.base import Rule, rules_of
from tthc.rules.soundness.choice_not_exclusive import choice_not_exclusive
from tthc.rules.soundness.dead_end_step import dead_end_step
from tthc.rules.soundness.flow_too_large_to_check import flow_too_large_to_check
from tthc.rules.soundness.improper_completion import improper_completion
from tthc.rules.soundness.join_may_wait_forever import join_may_wait_forever
from tthc.rules.soundness.loop_without_exit import loop_without_exit
from tthc.rules.soundness.unreachable_step import unreachable_step

__all__ = ["RULES", "Soundness", "analyse"]

RULES: tuple[Rule, ...] = rules_of(
    unreachable_step,
    dead_end_step,
    join_may_wait_forever,
    loop_without_exit,
    improper_completion,
    choice_not_exclusive,
    flow_too_large_to_check,
)
