"""The flow of a procedure as the step (TT3xx) and soundness (TT4xx) checks read it.

Input: a `Workflow`. Output, one module each:

    graph.py      the arrows as a case can take them (`graph_of`, `Graph`, `Arrow`)
    runs.py       where one case can go through choices and joins (`run_reach`, `run_path`)
    repeats.py    steps of a kind one case can run too often (`repeats`, `Repeat`)
    witnesses.py  runs and steps as a message names them (`route`, `witness`, `names`)
    depth_first.py  the search that cuts loop arrows, for timed paths and drawings (`depth_first`)

The token game of parallel branches (every state one case can reach) is
`tthc.compiler.analysis.soundness.markings`.
"""
