"""TT7xx — separation of duties and data protection.

Input: a `ProcedureContext`. Output: `Finding`s for TT701 (one role prepares and approves where
two persons are required) and TT702 (personal papers shown to a step that has no use for them).

    same_officer_prepares_and_approves.py  TT701 same-officer-prepares-and-approves
    needless_personal_data.py              TT702 needless-personal-data
"""

from tthc.rules.base import Rule, rules_of
from tthc.rules.duties.needless_personal_data import needless_personal_data
from tthc.rules.duties.same_officer_prepares_and_approves import same_officer_prepares_and_approves

RULES: tuple[Rule, ...] = rules_of(
    same_officer_prepares_and_approves,
    needless_personal_data,
)
