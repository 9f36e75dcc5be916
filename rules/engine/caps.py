"""Bounds on the size of a report: at most `max_findings_per_file` findings of one file and
`max_findings` in a run (`tthc.dsl.Limits`, `[limits]` in the configuration).

Input: the sorted diagnostics of a run and the limits. Output: the first findings of each file
up to its bound, then of the run up to its bound, and for each bound that left findings out one
TT006 saying how many (at least: reading a file stops past its bound) and which limit to raise. Nothing is hidden silently: a report cut short
says so, as an error, so a truncated run is never read as clean.

Why: a 9.5 kB YAML file of aliases gave 50,000 diagnostics, and a 900 KB one took 48 s and
2.9 GB to report; no reader acts on the 1,001st finding of one file before fixing the first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tthc.dsl import Diagnostic, Limits, Message, Span, make_diagnostic


def cap_findings(diagnostics: Sequence[Diagnostic], limits: Limits) -> list[Diagnostic]:
    per_file, most = limits.max_findings_per_file, limits.max_findings
    if len(diagnostics) <= min(per_file, most):
        return list(diagnostics)
    counts: Counter[str] = Counter()
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        counts[diagnostic.span.path] += 1
        if counts[diagnostic.span.path] <= per_file:
            kept.append(diagnostic)
    for path, count in counts.items():
        if count > per_file:
            kept.append(_left_out(path, count - per_file, "max-findings-per-file", per_file))
    kept.sort(key=lambda d: d.sort_key())
    if len(kept) > most:
        first_left_out = kept[most].span.path
        kept = [*kept[:most], _left_out(first_left_out, len(kept) - most, "max-findings", most)]
        kept.sort(key=lambda d: d.sort_key())
    return kept


def _left_out(path: str, count: int, limit: str, value: int) -> Diagnostic:
    where = "tệp này" if limit == "max-findings-per-file" else "lần kiểm tra này"
    where_en = "this file" if limit == "max-findings-per-file" else "this run"
    return make_diagnostic(
        "TT006",
        Span.point(path),
        Message(
            vi=f"Ít nhất {count} vấn đề khác của {where} không được liệt kê"
            f" (giới hạn {limit} = {value})",
            en=f"At least {count} more findings of {where_en} are left out"
            f" (limit {limit} = {value})",
        ),
        Message(
            vi=f"Sửa các vấn đề đã liệt kê rồi kiểm tra lại, hoặc nâng {limit} trong [limits]",
            en=f"Fix the findings listed and check again, or raise {limit} under [limits]",
        ),
    )
