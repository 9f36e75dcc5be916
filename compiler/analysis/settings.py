"""Thresholds that rest on legal rules not verified in the text itself (RULES.md), and the
checker's own budget.

Input: configuration (`[tool.tthc.settings]`). Output: `Settings`, read by the rules. Each
default is the documented practice, and the field says which source it rests on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from tthc.dsl import ast


@dataclass(frozen=True)
class Settings:
    # Decree 61/2018 Art. 17, 19 and Decree 118/2025: guidance to supplement is given "một lần"
    # (once); no numeric cap is verified in Decree 118 (U). Counted per case
    # along the flow by TT305. Decree 63/2010 Art. 20(4) caps the trips at two ("không quá hai
    # lần", V): a procedure with a reception request and a post-appraisal request (Decree
    # 61/2018 Art. 19) may raise this to 2.
    max_supplement_requests: int = 1
    # The last day of the district level (Resolution 202/2025/QH15).
    district_level_ends: dt.date = dt.date(2025, 6, 30)
    # Decree 61/2018 Art. 19(9): the new appointment may be set no more than once (P; whether
    # Decree 118/2025 keeps it is U). Counted per case by TT310.
    max_reappointments: int = 1
    # The apology letter and new date go out at the latest this many days before the date the
    # result is due ("chậm nhất 01 ngày trước ngày hết hạn"): Decree 61/2018 Art. 19(9) (V, read
    # in the official codification); Decree 118/2025, which replaced it, not read here: the
    # 2025 provincial procedures implementing it keep the one day (P). Enforced at run time.
    apology_days_before: int = 1
    # Onward delegation by a receiver of phân cấp (TT201), keyed to the legal basis: the ids of
    # the instruments that allow it. Default empty = the 2015 rule: the decentralised level may
    # not delegate or authorise again (Law on Organisation of Local Government 2015 Art. 13, read
    # in a secondary source; Law 63/2025 Art. 8(5) says the same, P). Law 72/2025
    # may allow it (Arts. 13-14: P, its wording U); a specialised decree may allow it
    # expressly (Decree 175/2024 Arts. 77, 96, P). A listed instrument, cited by the phân cấp
    # received or by the onward grant, lets the power be passed on.
    onward_delegation_allowed_by: frozenset[str] = frozenset()
    # Hours in one working day, to compare `working_hours` with working days (TT501, TT504):
    # Labour Code 2019 Art. 105(1) caps a normal day at 8 hours (V) and Decision 188/1999/QĐ-TTg
    # sets a 40-hour, 5-day week for state agencies (P). That a time limit
    # in working hours converts this way is not verified (U).
    working_hours_per_day: Decimal = Decimal(8)
    # `deadline immediately` ("ngay sau khi nhận đủ giấy tờ", Law on Civil Status 2014 Art. 16,
    # 18, V) is taken as "within the working day of receipt": the longest path may
    # take at most this many working days. The one-day reading is practice (results the same
    # day, or the next working day when received after 15:00, Decree 61/2018/NĐ-CP; P), not text.
    immediate_deadline_days: Decimal = Decimal(1)
    # Not legal thresholds: how far the soundness checks play the token game of one case (TT403
    # and TT405) on what is left once its block-structured parts are fused (sequences, choices,
    # loops and `all(...)` of any width take no exploration). Stored states, the memory they
    # take (estimated) and CPU seconds: the first reached stops it, with TT407 naming the part
    # of the flow left undecided (every finding reported is still exact). Real procedures need
    # a few dozen states; 10,000 take ~0.4 s on the 2-core reference machine, so the states
    # decide, and the same file gets the same findings however busy the machine is (the
    # seconds are a safety net).
    max_flow_states: int = 10_000
    max_flow_megabytes: int = 64
    max_flow_seconds: float = 2.0
    # How working days and calendar days compare in a procedure that mixes them and declares no
    # `day_rule` (TT504, TT501, TT503): `calendar_as_working` counts one calendar day as one
    # working day, `strict` does not compare them. Published internal processes give step
    # times in "ngày" against a deadline in "ngày làm việc" (25 of 31 records of one
    # province's land set, issue 11): read strictly, none of them could be checked.
    day_rule: ast.DayRule = ast.DayRule.CALENDAR_AS_WORKING
    # The day the law is read on (`tthc check --on DATE`). None: each procedure on its own
    # `effective` date. Given: only the procedures in force that day are checked (of several
    # versions of one code, the one whose `effective`..`until` holds the day:
    # `tthc.compiler.versions`), each against the law of that day.
    on: dt.date | None = None
