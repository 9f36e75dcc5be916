"""Thresholds that rest on legal rules not verified in the text itself (RULES.md).

Input: configuration (`[tool.tthc.settings]`). Output: `Settings`, read by the rules. Each
default is the documented practice, and the field says which source it rests on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    # Decree 61/2018 Art. 17, 19 and Decree 118/2025: guidance to supplement is given "một lần"
    # (once); no numeric cap is verified in Decree 118 (LEGAL-TEXTS.md, U).
    max_supplement_requests: int = 1
    # The last day of the district level (Resolution 202/2025/QH15; BRIEF.md §1.1).
    district_level_ends: dt.date = dt.date(2025, 6, 30)
    # Decree 61/2018 Art. 19(9): the new appointment may be set no more than once.
    max_reappointments: int = 1
