"""TT6xx — data quality of the corpus ("đúng, đủ, sạch, sống": right, complete, clean, alive).

Input: a `ProcedureContext` (its `model` holds every procedure of the project, the corpus) or,
for duplicate codes, a `ProjectContext`. Output: `Finding`s for TT601-TT605, one module per rule.

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
"""

from tthc.rules.base import Rule
from tthc.rules.corpus.bad_procedure_code import bad_procedure_code
from tthc.rules.corpus.district_procedure_without_successor import (
    district_procedure_without_successor,
)
from tthc.rules.corpus.duplicate_procedure_code import duplicate_procedure_code
from tthc.rules.corpus.linked_procedure_missing import linked_procedure_missing
from tthc.rules.corpus.missing_metadata import missing_metadata

RULES: tuple[Rule, ...] = (
    Rule("TT601", "procedure", bad_procedure_code),
    Rule("TT602", "project", duplicate_procedure_code),
    Rule("TT603", "procedure", missing_metadata),
    Rule("TT604", "project", linked_procedure_missing),
    Rule("TT605", "project", district_procedure_without_successor),
)
