"""tthc.compiler.analysis — facts about a resolved procedure that every consumer shares.

The checks (`tthc.rules`), the runtime and the outputs all ask the same questions of a resolved
`Model` and its `Workflow`s; the answers live here, below all of them, so that a check, a
running case and a procedure card can never disagree about who is competent or how long a path
takes. Nothing here imports `tthc.rules`.

    competence(model, authority, power, on) -> Answer   who holds a power on a date, by which
                                                        chain of grants (`competence/`)
    graph_of(workflow) -> Graph                         the arrows as a case takes them (`flow/`)
    analyse(workflow, settings) -> Soundness            reachability, dead ends, loops and the
                                                        token game's state space (`soundness/`)
    longest_path(workflow, scale, settings)             the longest timed path (`longest_path.py`)
    longest_governed(workflow, through, via, avoid)     the longest path a deadline variant
                                                        governs (`governed_path.py`)
    in_days / scale_of / Scale                          durations on a scale of days
    Settings, Memo                                      thresholds and answers shared in one run
"""

from tthc.compiler.analysis.competence import Answer, Flaw, Link, Reason, competence
from tthc.compiler.analysis.durations import Scale, in_days, scale_of
from tthc.compiler.analysis.flow.graph import Graph, graph_of
from tthc.compiler.analysis.governed_path import longest_governed
from tthc.compiler.analysis.longest_path import TimedPath, longest_path, timed_steps
from tthc.compiler.analysis.memo import Memo
from tthc.compiler.analysis.settings import Settings
from tthc.compiler.analysis.soundness.analysis import Soundness, analyse

__all__ = [
    "Answer",
    "Flaw",
    "Graph",
    "Link",
    "Memo",
    "Reason",
    "Scale",
    "Settings",
    "Soundness",
    "TimedPath",
    "analyse",
    "competence",
    "graph_of",
    "in_days",
    "longest_governed",
    "longest_path",
    "scale_of",
    "timed_steps",
]
