"""The soundness of one workflow as a state space: can every case finish, and finish cleanly?

    analysis.py   `analyse(workflow) -> Soundness`, computed once per workflow: unreachable
                  steps, dead ends, closed loops, and the token game's state space
    markings.py   the token game explored state by state (`explore`, `StateSpace`, `Move`)

The TT4xx rules (`tthc.rules.soundness`) report what these find.
"""
