"""TT6xx — data quality of the corpus ("đúng, đủ, sạch, sống": right, complete, clean, alive).

Input: a `ProcedureContext` (one procedure) or, for the rules across procedures (TT602,
TT604-TT606), a `ProjectContext` (the corpus). Output: `Finding`s for TT601-TT607, one module
per rule.

Versions: one code may appear several times when the versions are in force at different times
(the district version until 2025-06-30, the commune version from 2025-07-01). Two procedures
with one code are duplicates (TT602) only when their periods (`effective` .. `until`, open
ends unbounded) overlap and their contents differ (twins in the two forms are one record); a
version with the same code at the commune or province level is the successor of a district
version (TT605).

    bad_procedure_code.py                    TT601 bad-procedure-code
    duplicate_procedure_code.py              TT602 duplicate-procedure-code
    missing_metadata.py                      TT603 missing-metadata
    linked_procedure_missing.py              TT604 linked-procedure-missing
    district_procedure_without_successor.py  TT605 district-procedure-without-successor
    copied_internal_process.py               TT606 copied-internal-process
    not_stated_in_source.py                  TT607 not-stated-in-source

A procedure encoded from an incomplete published record marks what its source does not state
(`unstated code, result`): TT607 reports it once, and TT601/TT603 (and TT105) leave those
parts alone.
"""

from tthc.rules.base import Rule, rules_of
from tthc.rules.corpus.bad_procedure_code import bad_procedure_code
from tthc.rules.corpus.copied_internal_process import copied_internal_process
from tthc.rules.corpus.district_procedure_without_successor import (
    district_procedure_without_successor,
)
from tthc.rules.corpus.duplicate_procedure_code import duplicate_procedure_code
from tthc.rules.corpus.linked_procedure_missing import linked_procedure_missing
from tthc.rules.corpus.missing_metadata import missing_metadata
from tthc.rules.corpus.not_stated_in_source import not_stated_in_source

RULES: tuple[Rule, ...] = rules_of(
    bad_procedure_code,
    duplicate_procedure_code,
    missing_metadata,
    linked_procedure_missing,
    district_procedure_without_successor,
    copied_internal_process,
    not_stated_in_source,
)
