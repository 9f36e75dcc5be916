"""TT3xx — missing steps of the one-stop process (một cửa, một cửa liên thông).

Input: a `ProcedureContext`. Output: `Finding`s for TT301-TT310, one module per rule. The path
rules (TT301-TT303) follow one case through the flow (`tthc.compiler.analysis.flow.runs.run_reach`): at a choice
it takes one branch, after `a -> all(b, c)` it runs both, and a join starts its target when all
its branches have arrived. Counting rules (TT305, TT310) count along one line of the flow. A
refusal step (`refusal`) counts as returning the result: the refusal notice with its reasons is
the result the applicant receives in writing (Decree 61/2018/NĐ-CP Art. 19; Decree 63/2010/NĐ-CP
Art. 16-17), so a refusal path needs no separate `result` step (TT304 checks that it notifies).

    step_names.py           steps as the messages name them (shared)
    repeat_finding.py       the finding of a step run too often (TT305, TT310)
    reception.py            TT301 missing-reception
    decision.py             TT302 missing-decision
    result_return.py        TT303 missing-result-return
    refusal_notice.py       TT304 refusal-without-notice
    supplement_requests.py  TT305 repeated-supplement-request
    dossier_components.py   TT306 unused-dossier-component
    digital_signature.py    TT307 online-without-digital-signature
    fee_collection.py       TT308 fee-not-collected
    consultation.py         TT309 consultation-incomplete
    apology.py              TT310 late-path-without-apology
"""

from tthc.rules.base import Rule
from tthc.rules.steps.apology import late_path_without_apology
from tthc.rules.steps.consultation import consultation_incomplete
from tthc.rules.steps.decision import missing_decision
from tthc.rules.steps.digital_signature import online_without_digital_signature
from tthc.rules.steps.dossier_components import unused_dossier_component
from tthc.rules.steps.fee_collection import fee_not_collected
from tthc.rules.steps.reception import missing_reception
from tthc.rules.steps.refusal_notice import refusal_without_notice
from tthc.rules.steps.result_return import missing_result_return
from tthc.rules.steps.supplement_requests import repeated_supplement_request

RULES: tuple[Rule, ...] = (
    Rule("TT301", "procedure", missing_reception),
    Rule("TT302", "procedure", missing_decision),
    Rule("TT303", "procedure", missing_result_return),
    Rule("TT304", "procedure", refusal_without_notice),
    Rule("TT305", "procedure", repeated_supplement_request),
    Rule("TT306", "procedure", unused_dossier_component),
    Rule("TT307", "procedure", online_without_digital_signature),
    Rule("TT308", "procedure", fee_not_collected),
    Rule("TT309", "procedure", consultation_incomplete),
    Rule("TT310", "procedure", late_path_without_apology),
)
