"""Presenting a `CorpusReport`: plain text, Markdown, and JSON-ready data.

Input: a `CorpusReport` (`tthc.rules.report.corpus`). Output: text for a terminal, a Markdown
document for a repository page, or a dict for `--format json`. Headings are in Vietnamese and
English; the data (codes, paths, citations) is as the corpus writes it.
"""

from __future__ import annotations

from tthc.rules.report.corpus import CorpusReport

STATUS_VI = {"encoded": "đã mã hóa", "imported": "đã nhập", "not yet": "chưa có"}


def to_json(report: CorpusReport) -> dict[str, object]:
    return {
        "files": report.files,
        "procedures_by_field_and_level": report.by_field_level,
        "district_procedures": [
            {"code": c, "name": n, "path": p, "successor": s} for c, n, p, s in report.district
        ],
        "findings": [
            {
                "code": d.code,
                "severity": d.severity.value,
                "path": d.span.path,
                "line": d.span.line,
                "message": d.message.en,
            }
            for d in report.findings
        ],
        "silenced_with_reason": [
            {"path": p, "line": line, "codes": c, "reason": r} for p, line, c, r in report.allowed
        ],
        "registry_marks": report.registry_marks,
        "registry_not_verified": [{"id": i, "mark": m} for i, m in report.not_verified],
        "unverified_notes": report.unverified_notes,
        "citation_gaps": [{"path": p, "citation": c, "reason": r} for p, c, r in report.gaps],
        "moved_in_2025": [
            {
                "code": m.code,
                "name": m.name,
                "field": m.field,
                "decree": m.decree,
                "status": m.status,
                "path": m.path,
            }
            for m in report.moved
        ],
    }


def _moved_counts(report: CorpusReport) -> str:
    done = sum(m.status != "not yet" for m in report.moved)
    return f"{done}/{len(report.moved)}"


def render_text(report: CorpusReport) -> str:
    total = sum(sum(levels.values()) for levels in report.by_field_level.values())
    lines = [f"Kho thủ tục / corpus: {total} thủ tục / procedures in {report.files} files"]
    lines.append("Theo lĩnh vực và cấp / by field and level:")
    for field, levels in report.by_field_level.items():
        shown = ", ".join(f"{level} {n}" for level, n in levels.items())
        lines.append(f"  {field}: {shown}")
    lines.append("Thủ tục cấp huyện và thủ tục kế thừa / district procedures and successors:")
    for code, name, _, successor in report.district:
        lines.append(f"  {code} {name} → {successor or 'KHÔNG CÓ / NONE (TT605)'}")
    lines.append(f"Phát hiện / findings: {len(report.findings)}")
    for d in report.findings:
        lines.append(f"  {d.span}: {d.severity.value}[{d.code}] {d.message.vi}")
    lines.append(f"Bỏ qua có lý do / silenced with a reason: {len(report.allowed)}")
    for path, line, codes, reason in report.allowed:
        lines.append(f"  {path}:{line}: {codes} -- {reason or '(KHÔNG CÓ LÝ DO / NO REASON)'}")
    marks = ", ".join(f"{k} {v}" for k, v in report.registry_marks.items())
    lines.append(f"Mức tin cậy của sổ đăng ký / registry marks: {marks}")
    notes = sum(report.unverified_notes.values())
    lines.append(
        f"Ghi chú 'chưa kiểm chứng' / notes marked unverified: {notes} "
        f"in {len(report.unverified_notes)} files"
    )
    for path, count in report.unverified_notes.items():
        lines.append(f"  {path}: {count}")
    lines.append(f"Căn cứ không đủ hiệu lực / citations not in force: {len(report.gaps)}")
    for path, citation, reason in report.gaps:
        lines.append(f"  {path}: {citation}: {reason}")
    if report.moved:
        lines.append(
            f"Thủ tục cấp huyện chuyển năm 2025 / moved in 2025: {_moved_counts(report)} "
            "trong kho / in the corpus"
        )
        for m in report.moved:
            lines.append(f"  {m.code or '—'} {m.name} ({m.decree}): {m.status}")
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    return "—" if value in (None, "") else str(value).replace("|", "\\|")


def render_markdown(report: CorpusReport) -> str:
    lines = ["# Báo cáo kho thủ tục / Corpus report", ""]
    lines += ["## Theo lĩnh vực và cấp / By field and level", ""]
    levels = sorted({lv for counts in report.by_field_level.values() for lv in counts})
    lines += ["| Lĩnh vực / Field | " + " | ".join(levels) + " |"]
    lines += ["|---|" + "---|" * len(levels)]
    for field, counts in report.by_field_level.items():
        lines += [f"| {field} | " + " | ".join(str(counts.get(lv, 0)) for lv in levels) + " |"]
    lines += ["", "## Thủ tục cấp huyện / District procedures (TT605)", ""]
    lines += ["| Mã / Code | Tên / Name | Kế thừa / Successor |", "|---|---|---|"]
    lines += [f"| {c} | {_cell(n)} | {_cell(s)} |" for c, n, _, s in report.district]
    lines += ["", f"## Phát hiện / Findings: {len(report.findings)}", ""]
    lines += [f"- `{d.span}` {d.code}: {d.message.vi}" for d in report.findings]
    lines += ["", "## Bỏ qua có lý do / Silenced with a reason", ""]
    lines += [
        f"- `{p}:{n}` {c}: {r or '**không có lý do / no reason**'}" for p, n, c, r in report.allowed
    ]
    lines += ["", "## Mức tin cậy / Confidence", ""]
    lines += [f"- {k}: {v}" for k, v in report.registry_marks.items()]
    notes = sum(report.unverified_notes.values())
    lines += [f"- ghi chú 'chưa kiểm chứng' / notes marked unverified: {notes}"]
    if report.moved:
        lines += ["", "## Thủ tục cấp huyện chuyển năm 2025 / Moved in 2025", ""]
        lines += [f"Trong kho / in the corpus: {_moved_counts(report)}", ""]
        lines += [
            "| Mã / Code | Tên / Name | Lĩnh vực / Field | Văn bản / Decree | Trạng thái / Status |"
        ]
        lines += ["|---|---|---|---|---|"]
        lines += [
            f"| {_cell(m.code)} | {_cell(m.name)} | {_cell(m.field)} | {_cell(m.decree)} | "
            f"{STATUS_VI[m.status]} / {m.status} |"
            for m in report.moved
        ]
    return "\n".join(lines) + "\n"
