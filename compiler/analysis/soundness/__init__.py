"""The soundness of one workflow as a state space: can every case finish, and finish cleanly?

    analysis.py   `analyse(workflow, settings) -> Soundness`, computed once per workflow:
                  unreachable steps, dead ends, closed loops, and the token game's state space
    structure.py  a clean game shown by the flow's shape alone, not played (`decided`)
    net.py        the token game as a Petri net: places as bits, moves as masks (`Net`, `Move`)
    reduction.py  the net with its block-structured parts fused, in linear time (`reduce`)
    markings.py   what is left explored state by state, within bounds (`explore`, `StateSpace`)

The TT4xx rules (`tthc.rules.soundness`) report what these find.
"""
