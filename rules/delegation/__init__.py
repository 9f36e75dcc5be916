"""TT2xx — decentralization and delegation (phân quyền, phân cấp, ủy quyền): lawful chains.

Input: a `ProjectContext` (the whole registry and every workflow) or, for TT206, a
`ProcedureContext`. Output: `Finding`s for TT201–TT208, one module per rule.
The lawfulness of a grant is decided once, in `tthc.compiler.analysis.competence.grant_flaws`; these rules
report each flaw once, at the grant in the registry, whether or not a procedure relies on it.
The one flaw that depends on a date, an ủy quyền whose term has ended (TT202), is reported at
each decision step that relies on it.

    registry_flaws.py                the flaws of one code, with the steps relying on each grant
    re_decentralization.py           TT201 re-decentralization
    invalid_authorization.py         TT202 invalid-authorization
    re_authorization.py              TT203 re-authorization
    delegation_not_downward.py       TT204 delegation-not-downward
    instrument_cannot_delegate.py    TT205 instrument-cannot-delegate
    move_without_instrument.py       TT206 move-without-instrument
    delegation_cycle.py              TT207 delegation-cycle
    delegation_without_resources.py  TT208 delegation-without-resources
"""

from tthc.rules.base import Rule, rules_of
from tthc.rules.delegation.delegation_cycle import delegation_cycle
from tthc.rules.delegation.delegation_not_downward import delegation_not_downward
from tthc.rules.delegation.delegation_without_resources import delegation_without_resources
from tthc.rules.delegation.instrument_cannot_delegate import instrument_cannot_delegate
from tthc.rules.delegation.invalid_authorization import invalid_authorization
from tthc.rules.delegation.move_without_instrument import move_without_instrument
from tthc.rules.delegation.re_authorization import re_authorization
from tthc.rules.delegation.re_decentralization import re_decentralization

RULES: tuple[Rule, ...] = rules_of(
    re_decentralization,
    invalid_authorization,
    re_authorization,
    delegation_not_downward,
    instrument_cannot_delegate,
    move_without_instrument,
    delegation_cycle,
    delegation_without_resources,
)
