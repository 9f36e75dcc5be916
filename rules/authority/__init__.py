"""TT1xx — authority (thẩm quyền): does the right office act, at the right level, on a valid basis?

Input: a `ProcedureContext` (the model, the procedure's workflow, the settings). Output:
`Finding`s for TT101–TT107, one module per rule. Competence is answered by
`tthc.compiler.analysis.competence`; each problem is reported by one rule only: an unlawful link of the
chain by TT2xx, a district actor after the reform by TT102, a collective confused with its head
by TT107, anything else by TT101.

    decisions.py                       the decision steps and their actors' competence (shared)
    actor_not_competent.py             TT101 actor-not-competent
    district_actor_after_reform.py     TT102 district-actor-after-reform
    decision_at_wrong_level.py         TT103 decision-at-wrong-level
    instrument_not_in_force.py         TT104 instrument-not-in-force
    missing_legal_basis.py             TT105 missing-legal-basis
    reception_outside_one_stop.py      TT106 reception-outside-one-stop
    collective_individual_mismatch.py  TT107 collective-individual-mismatch
"""

from tthc.rules.authority.actor_not_competent import actor_not_competent
from tthc.rules.authority.collective_individual_mismatch import collective_individual_mismatch
from tthc.rules.authority.decision_at_wrong_level import decision_at_wrong_level
from tthc.rules.authority.district_actor_after_reform import district_actor_after_reform
from tthc.rules.authority.instrument_not_in_force import instrument_not_in_force
from tthc.rules.authority.missing_legal_basis import missing_legal_basis
from tthc.rules.authority.reception_outside_one_stop import reception_outside_one_stop
from tthc.rules.base import Rule, rules_of

RULES: tuple[Rule, ...] = rules_of(
    actor_not_competent,
    district_actor_after_reform,
    decision_at_wrong_level,
    instrument_not_in_force,
    missing_legal_basis,
    reception_outside_one_stop,
    collective_individual_mismatch,
)
