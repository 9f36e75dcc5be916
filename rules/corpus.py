"""TT6xx — data quality of the corpus ("đúng, đủ, sạch, sống": right, complete, clean, alive).

Input: a `ProcedureContext` (its `model` holds every procedure of the project, the corpus) or,
for duplicate codes, a `ProjectContext`. Output: `Finding`s for TT601-TT605.

Versions: one code may appear several times when the versions are in force at different times
(the district version until 2025-06-30, the commune version from 2025-07-01). Two procedures
with one code are duplicates (TT602) only when their periods (`effective` .. `until`, open
ends unbounded) overlap and their contents differ (twins in the two forms are one record); a
version with the same code at the commune or province level is the successor of a district
version (TT605).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from tthc.compiler import ProcedureModel
from tthc.dsl import Message, Related, ast
from tthc.rules.base import Finding, ProcedureContext, ProjectContext, Rule

CODE_FORMAT = re.compile(r"\d\.\d{6}")  # one digit, a dot, six digits: 1.001193
SUCCESSOR_LEVELS = (ast.Level.COMMUNE, ast.Level.PROVINCE)


def bad_procedure_code(context: ProcedureContext) -> Iterator[Finding]:
    """The procedure code does not have the national format `d.dddddd`.

    What it checks:
        The code (mã thủ tục) is one digit, a dot and six digits, as in `1.001193`.
    Why it matters:
        The national database of administrative procedures (CSDL quốc gia về TTHC, Decree
        63/2010/NĐ-CP Art. 3, 24-26) keys every procedure by this code; the national portal
        finds a procedure by it (`ma_thu_tuc=<code>`). A code in another form links to nothing
        and cannot be synchronised (format as observed on the portal data, BRIEF.md §3.2;
        the format itself is not laid down in a text read, unverified).
    Example:
        ```tthc
        procedure "1.1193" "Đăng ký khai sinh" {
          level commune
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          level commune
        }
        ```
    """
    code = context.procedure.node.code
    if CODE_FORMAT.fullmatch(code.value):
        return
    yield Finding(
        code.span,
        Message(
            vi=f"Mã thủ tục '{code.value}' không đúng định dạng quốc gia: một chữ số, dấu chấm, "
            "sáu chữ số (ví dụ 1.001193)",
            en=f"The procedure code '{code.value}' does not have the national format: one digit, "
            "a dot, six digits (for example 1.001193)",
        ),
        help=Message(
            vi="Chép đúng mã thủ tục từ Cơ sở dữ liệu quốc gia về thủ tục hành chính",
            en="Copy the procedure code exactly from the National Database of Administrative "
            "Procedures",
        ),
    )


def _period(node: ast.Procedure) -> tuple[dt.date, dt.date]:
    return node.effective or dt.date.min, node.until or dt.date.max


def _clash(a: ast.Procedure, b: ast.Procedure) -> bool:
    """Two records of one code clash when their periods overlap and they say different things
    (a DSL file and its YAML twin, identical but for where they are written, are one record)."""
    (a_from, a_until), (b_from, b_until) = _period(a), _period(b)
    overlap = a_from <= b_until and b_from <= a_until
    return overlap and ast.without_spans(a) != ast.without_spans(b)


def duplicate_procedure_code(context: ProjectContext) -> Iterator[Finding]:
    """Two procedures in the corpus have one code and are in force at the same time.

    What it checks:
        Every pair of procedures with the same code whose periods (`effective` .. `until`)
        overlap. The later one in reading order is reported, with the first as witness.
        Versions that follow each other in time (one `until 2025-06-30`, the next `effective
        2025-07-01`) are not duplicates, nor is a DSL file and its YAML twin that say exactly
        the same thing.
    Why it matters:
        The code identifies one procedure in the national database (Decree 63/2010/NĐ-CP
        Art. 24-26; BRIEF.md §3.2): two records under one code at the same time means the
        portal, the one-stop system and this tool cannot tell which rules apply to a dossier.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          level commune
        }
        procedure "1.001193" "Đăng ký khai sinh (bản sao)" {
          level commune
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          level commune
          effective 2025-07-01
        }
        procedure "1.000656" "Đăng ký khai tử" {
          level commune
          effective 2025-07-01
        }
        ```
    """
    seen: dict[str, list[ProcedureModel]] = {}
    for procedure in context.model.procedures:
        earlier = seen.setdefault(procedure.code, [])
        first = next((p for p in earlier if _clash(p.node, procedure.node)), None)
        earlier.append(procedure)
        if first is None:
            continue
        yield Finding(
            procedure.node.code.span,
            Message(
                vi=f"Mã thủ tục '{procedure.code}' đã dùng cho một thủ tục khác có hiệu lực cùng "
                "thời gian",
                en=f"The procedure code '{procedure.code}' is already used by another procedure "
                "in force at the same time",
            ),
            help=Message(
                vi="Xóa bản trùng, sửa lại mã, hoặc nếu đây là phiên bản mới, ghi 'until' cho "
                "phiên bản cũ và 'effective' cho phiên bản mới để hai thời gian không chồng nhau",
                en="Remove the copy, correct the code, or, if this is a new version, give the old "
                "one an 'until' and this one an 'effective' so that the periods do not overlap",
            ),
            related=(
                Related(
                    span=first.node.code.span,
                    message=Message(
                        vi=f"Thủ tục đầu tiên mang mã này: {first.node.name}",
                        en=f"The first procedure with this code: {first.node.name}",
                    ),
                ),
            ),
        )


# The field, its keyword, its Vietnamese and English names. The legal basis is required too,
# but TT105 (missing-legal-basis) reports it: one problem, one code.
METADATA = (
    ("field", "field", "lĩnh vực", "field"),
    ("level", "level", "cấp thực hiện", "implementing level"),
    ("results", "result", "kết quả", "result"),
    ("deadlines", "deadline", "thời hạn giải quyết", "deadline"),
    ("channels", "channels", "cách thức thực hiện", "channels"),
)


def missing_metadata(context: ProcedureContext) -> Iterator[Finding]:
    """The procedure lacks required metadata.

    What it checks:
        The procedure header has a field (`field`), an implementing level (`level`), a result
        (`result`), a deadline (`deadline`) and channels (`channels`). One finding lists
        everything missing. A missing legal basis (`basis`) is TT105's finding, not this one's.
    Why it matters:
        Decree 63/2010/NĐ-CP Art. 8(1)-(2) makes a procedure complete only with its legal
        basis, manner of filing (cách thức), time limit (thời hạn), deciding authority and,
        where applicable, its result; the national database records the field (lĩnh vực) and
        the implementing level (cấp thực hiện) of each (BRIEF.md §3.1, §3.3). A record without
        them cannot be published or checked.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          level commune
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"
          level commune
          basis luat-ho-tich-2014 art 16
          channels direct, online partial
          deadline 3 working_days
          result "Giấy khai sinh"
        }
        ```
    """
    node = context.procedure.node
    missing = [item for item in METADATA if not getattr(node, item[0])]
    if not missing:
        return
    yield Finding(
        node.code.span,
        Message(
            vi=f"Thủ tục '{node.code.value}' thiếu: {', '.join(m[2] for m in missing)}",
            en=f"The procedure '{node.code.value}' lacks: {', '.join(m[3] for m in missing)}",
        ),
        help=Message(
            vi="Bổ sung theo quyết định công bố thủ tục, dòng: "
            + ", ".join(f"'{m[1]}'" for m in missing),
            en="Add them from the decision that publishes the procedure, with the lines: "
            + ", ".join(f"'{m[1]}'" for m in missing),
        ),
    )


def linked_procedure_missing(context: ProcedureContext) -> Iterator[Finding]:
    """The procedure links (liên thông) to a procedure that is not in the corpus.

    What it checks:
        Every code in `links` names a procedure of the project.
    Why it matters:
        Inter-agency processing (liên thông) hands the dossier to the linked procedure's
        authority (Decree 61/2018/NĐ-CP Art. 19, successor Decree 118/2025 Art. 20 not read,
        unverified); when that procedure is missing, its steps, deadline and authority cannot
        be checked, and a portal configured from the corpus has nowhere to send the dossier.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          links "1.000000"
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          links "1.000656"
        }
        procedure "1.000656" "Đăng ký khai tử" {
          level commune
        }
        ```
    """
    for link in context.procedure.node.links:
        if context.model.procedure(link.value) is not None:
            continue
        yield Finding(
            link.span,
            Message(
                vi=f"Thủ tục liên thông '{link.value}' không có trong kho thủ tục",
                en=f"The linked procedure '{link.value}' is not in the corpus",
            ),
            help=Message(
                vi=f"Thêm thủ tục '{link.value}' vào kho (thư mục procedures/), hoặc sửa lại mã",
                en=f"Add the procedure '{link.value}' to the corpus (the procedures/ folder), or "
                "correct the code",
            ),
        )


def _succeeds(candidate: ast.Procedure, old: ast.Procedure) -> bool:
    if candidate.level not in SUCCESSOR_LEVELS:
        return False
    if candidate.code.value == old.code.value:
        return True
    if candidate.moved is None or candidate.moved.level is not ast.Level.DISTRICT:
        return False
    new, former = candidate.power, old.power
    return new is not None and former is not None and new.value == former.value


def district_procedure_without_successor(context: ProcedureContext) -> Iterator[Finding]:
    """A district-level procedure has no commune- or province-level successor in the corpus.

    What it checks:
        For a procedure with `level district`, the corpus holds a procedure at commune or
        province level that either has the same code (a later version), or declares `moved {
        from district }` and the same `power`.
    Why it matters:
        The district level ended on 2025-06-30 (Resolution 202/2025/QH15; BRIEF.md §1.1): its
        procedures were moved to communes or provinces by the 2025 sectoral decrees (e.g.
        Decree 120/2025/NĐ-CP Art. 4, Decree 151/2025/NĐ-CP Art. 5). A district procedure left
        without a successor is a service that no office now provides.
    Example:
        ```tthc
        procedure "2.000528" "Đăng ký khai sinh có yếu tố nước ngoài" {
          level district
          until 2025-06-30
        }
        ```
    Use instead:
        ```tthc
        procedure "2.000528" "Đăng ký khai sinh có yếu tố nước ngoài" {
          level district
          until 2025-06-30
        }
        procedure "2.000528" "Đăng ký khai sinh có yếu tố nước ngoài" {
          level commune
          effective 2025-07-01
        }
        ```
    """
    node = context.procedure.node
    if node.level is not ast.Level.DISTRICT:
        return
    if any(_succeeds(other.node, node) for other in context.model.procedures):
        return
    yield Finding(
        node.code.span,
        Message(
            vi=f"Thủ tục cấp huyện '{node.code.value}' chưa có thủ tục kế thừa ở cấp xã hoặc cấp "
            "tỉnh trong kho",
            en=f"The district-level procedure '{node.code.value}' has no commune- or "
            "province-level successor in the corpus",
        ),
        help=Message(
            vi="Thêm phiên bản cấp xã hoặc cấp tỉnh cùng mã (hiệu lực từ 2025-07-01), hoặc ghi "
            "'moved { from district ... }' và cùng 'power' ở thủ tục kế thừa; nếu thủ tục đã bị "
            "bãi bỏ, xóa nó khỏi kho",
            en="Add the commune or province version with the same code (in force from "
            "2025-07-01), or write 'moved { from district ... }' and the same 'power' in the "
            "successor; if the procedure was abolished, remove it from the corpus",
        ),
    )


RULES: tuple[Rule, ...] = (
    Rule("TT601", "procedure", bad_procedure_code),
    Rule("TT602", "project", duplicate_procedure_code),
    Rule("TT603", "procedure", missing_metadata),
    Rule("TT604", "procedure", linked_procedure_missing),
    Rule("TT605", "procedure", district_procedure_without_successor),
)
