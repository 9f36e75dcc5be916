"""TT3xx — missing steps of the one-stop process (một cửa, một cửa liên thông).

Input: a `ProcedureContext`. Output: `Finding`s for TT301-TT310, one module per rule. The path
rules (TT301-TT303) follow one case through the flow (`tthc.compiler.analysis.flow.runs.run_reach`): at a choice
it takes one branch, after `a -> all(b, c)` it runs both, and a join starts its target when all
its branches have arrived. Counting rules (TT305, TT310) count along one line of the flow. A
refusal step (`refusal`) counts as returning the result: the refusal notice with its reasons is
the result the applicant receives in writing (Decree 118/2025/NĐ-CP; Decree 63/2010/NĐ-CP
Art. 16-17), so a refusal path needs no separate `result` step (TT304 checks that it notifies).

    step_names.py                        steps as the messages name them (shared)
    repeat_finding.py                    the finding of a step run too often (TT305, TT310)
    missing_reception.py                 TT301 missing-reception
    missing_decision.py                  TT302 missing-decision
    missing_result_return.py             TT303 missing-result-return
    refusal_without_notice.py            TT304 refusal-without-notice
    repeated_supplement_request.py       TT305 repeated-supplement-request
    unused_dossier_component.py          TT306 unused-dossier-component
    online_without_digital_signature.py  TT307 online-without-digital-signature
    fee_not_collected.py                 TT308 fee-not-collected
    consultation_incomplete.py           TT309 consultation-incomplete
    late_path_without_apology.py         TT310 late-path-without-apology
    period_without_duration.py           TT311 period-without-duration
    head_of_person.py                    TT312 head-of-person
"""

from tthc.rules.base import Rule, rules_of
from tthc.rules.steps.consultation_incomplete import consultation_incomplete
from tthc.rules.steps.fee_not_collected import fee_not_collected
from tthc.rules.steps.head_of_person import head_of_person
from tthc.rules.steps.late_path_without_apology import late_path_without_apology
from tthc.rules.steps.missing_decision import missing_decision
from tthc.rules.steps.missing_reception import missing_reception
from tthc.rules.steps.missing_result_return import missing_result_return
from tthc.rules.steps.online_without_digital_signature import online_without_digital_signature
from tthc.rules.steps.period_without_duration import period_without_duration
from tthc.rules.steps.refusal_without_notice import refusal_without_notice
from tthc.rules.steps.repeated_supplement_request import repeated_supplement_request
from tthc.rules.steps.unused_dossier_component import unused_dossier_component

RULES: tuple[Rule, ...] = rules_of(
    missing_reception,
    missing_decision,
    missing_result_return,
    refusal_without_notice,
    repeated_supplement_request,
    unused_dossier_component,
    online_without_digital_signature,
    fee_not_collected,
    consultation_incomplete,
    late_path_without_apology,
    period_without_duration,
    head_of_person,
)
