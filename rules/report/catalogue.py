"""The catalogue of codes and the documentation of each rule, for `tthc rules` and `tthc explain`.

Input: the code table (`tthc.dsl.CODES`) and the rule table (`RULES`), whose docstrings are the
documentation. Output: `Entry` rows (code, name, severity, family, title), a rule's `RuleDoc`
(its summary and its four sections: What it checks / Why it matters / Example / Use instead),
and `explain`, the text of one code in Vietnamese or English. Docstrings are written in
English; the Vietnamese prose of every code is in `explanations_vi.py`, and the examples (code)
are taken from the docstring in both languages.
"""

from __future__ import annotations

import difflib
import inspect
import re
import textwrap
from dataclasses import dataclass

from tthc.dsl import CODES, Code, Message
from tthc.dsl.code_docs import CODE_DOCS
from tthc.rules.registry import BY_CODE
from tthc.rules.report.fragments import BASE, apply_fragment

FAMILIES: dict[str, tuple[str, Message]] = {
    "TT0": ("reading", Message(vi="Đọc tệp", en="Reading the file")),
    "TT1": ("authority", Message(vi="Thẩm quyền", en="Authority")),
    "TT2": ("delegation", Message(vi="Phân quyền, phân cấp, ủy quyền", en="Delegation")),
    "TT3": ("steps", Message(vi="Các bước một cửa", en="One-stop steps")),
    "TT4": ("soundness", Message(vi="Tính đúng đắn của quy trình", en="Workflow soundness")),
    "TT5": ("deadlines", Message(vi="Thời hạn giải quyết", en="Deadlines")),
    "TT6": ("corpus", Message(vi="Chất lượng dữ liệu thủ tục", en="Corpus data quality")),
    "TT7": ("duties", Message(vi="Phân tách nhiệm vụ, dữ liệu cá nhân", en="Duties and data")),
    "TT9": ("tool", Message(vi="Bản thân công cụ", en="The tool itself")),
}
SECTIONS: tuple[tuple[str, Message], ...] = (
    ("What it checks", Message(vi="Kiểm tra gì", en="What it checks")),
    ("Why it matters", Message(vi="Vì sao quan trọng", en="Why it matters")),
    ("Example", Message(vi="Ví dụ (sai)", en="Example")),
    ("Use instead", Message(vi="Nên viết", en="Use instead")),
)
_SECTION_LINE = re.compile(r"^(" + "|".join(name for name, _ in SECTIONS) + r"):\s*$")
_SNIPPET = re.compile(r"```(\w*)( fragment)?\n(.*?)\n\s*```", re.DOTALL)
BASE_NOTE = Message(
    vi="Các ví dụ ghi `tthc fragment` là đoạn áp dụng vào thủ tục mẫu dưới đây: mỗi dòng thay dòng "
    "cùng từ khóa (hoặc bước cùng tên) của thủ tục mẫu, hoặc được thêm vào; `without X` bỏ X; "
    "mỗi dòng `procedure` thêm sau dòng đầu tạo thêm một thủ tục từ thủ tục mẫu.",
    en="An example marked `tthc fragment` applies to the base procedure below: each line replaces "
    "the base's line with the same keyword (or the step of the same name), or is added; "
    "`without X` removes X; each `procedure` line after the first makes one more procedure "
    "from the base.",
)


@dataclass(frozen=True)
class Entry:
    """One row of the catalogue."""

    code: str
    name: str
    severity: str
    family: str  # TT2xx
    family_name: str  # delegation
    title: str
    checked_by: str  # "rule", "reader" (TT0xx), "runner" (TT999), or "" while no rule exists


def catalogue(lang: str) -> list[Entry]:
    return [_entry(code, lang) for code in CODES.values()]


def _entry(code: Code, lang: str) -> Entry:
    name, _ = FAMILIES[code.code[:3]]
    return Entry(
        code.code,
        code.name,
        code.severity.value,
        code.family,
        name,
        code.title.text(lang),
        _checked_by(code.code),
    )


def _checked_by(code: str) -> str:
    if code in BY_CODE:
        return "rule"
    if code.startswith("TT0"):
        return "reader"
    return "runner" if code == "TT999" else ""


@dataclass(frozen=True)
class RuleDoc:
    """A rule's docstring, split: the one-line summary and the text of each section."""

    summary: str
    sections: dict[str, str]

    def snippet(self, section: str) -> str | None:
        """The example of a section (`Example`, `Use instead`) in full, without the fence: a
        fragment (```` ```tthc fragment ````) applied to the base procedure (`fragments.py`)."""
        match = _SNIPPET.search(self.sections.get(section, ""))
        if match is None:
            return None
        if match.group(2):  # a fragment keeps the indentation its lines have in the procedure
            return apply_fragment(match.group(3) + "\n")
        return textwrap.dedent(match.group(3)) + "\n"

    @property
    def has_fragment(self) -> bool:
        """Whether an example is a fragment of the base procedure, which is then shown once."""
        return any(
            (match := _SNIPPET.search(text)) is not None and match.group(2) is not None
            for text in self.sections.values()
        )


def parse_doc(docstring: str) -> RuleDoc:
    lines = inspect.cleandoc(docstring).split("\n")
    summary = lines[0].strip() if lines else ""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines[1:]:
        heading = _SECTION_LINE.match(line)
        if heading:
            current = sections.setdefault(heading.group(1), [])
        elif current is not None:
            current.append(line)
    return RuleDoc(
        summary, {name: inspect.cleandoc("\n".join(body)) for name, body in sections.items()}
    )


def documentation(code: str) -> str | None:
    """A code's docstring: its rule's, else that of a code no rule checks (`CODE_DOCS`)."""
    rule = BY_CODE.get(code)
    return rule.doc if rule is not None else CODE_DOCS.get(code)


def lookup(text: str) -> Code | None:
    """The code a person asked for, by code (`tt201`) or by name (`re-decentralization`)."""
    wanted = text.strip()
    by_name = {code.name: code for code in CODES.values()}
    return CODES.get(wanted.upper()) or by_name.get(wanted.lower())


def suggest(text: str) -> str | None:
    """The closest code or name to a misspelt one."""
    candidates = [*CODES, *(code.name for code in CODES.values())]
    close = difflib.get_close_matches(text.strip(), candidates, n=1, cutoff=0.5)
    if not close:
        close = difflib.get_close_matches(text.strip().upper(), list(CODES), n=1, cutoff=0.5)
    return close[0] if close else None


def explain(code: Code, lang: str) -> str:
    """One code's documentation as text: header, title in both languages, the four sections."""
    family, family_title = FAMILIES[code.code[:3]]
    if lang == "vi":
        from tthc.rules.report.frame import severity_word

        kind = f"{severity_word(code.severity, lang)}, {code.family}"
    else:
        kind = f"{code.severity.value}, {code.family} {family}"
    out = [
        f"{code.code} {code.name} ({kind}: {family_title.text(lang)})",
        f"  vi: {code.title.vi}",
        f"  en: {code.title.en}",
    ]
    text = documentation(code.code)
    if text is None:
        out += ["", _no_rule(code).text(lang)]
        return "\n".join(out) + "\n"
    doc = parse_doc(text)
    sections = _vietnamese(code.code, doc) if lang == "vi" else doc.sections
    out += ["", sections.get("summary", doc.summary)]
    for name, heading in SECTIONS:
        if name in sections:
            out += ["", heading.text(lang), _indent(sections[name])]
    if doc.has_fragment:
        base_heading = Message(vi="Thủ tục mẫu", en="The base procedure")
        out += ["", base_heading.text(lang), _indent(textwrap.fill(BASE_NOTE.text(lang), 96))]
        out += ["", _indent("```tthc\n" + BASE + "```")]
    return "\n".join(out) + "\n"


def _vietnamese(code: str, doc: RuleDoc) -> dict[str, str]:
    """The Vietnamese prose of a code (`explanations_vi.VI`), each example followed by the
    English docstring's fenced snippet: the example is code and exists once."""
    from tthc.rules.report.explanations_vi import VI

    summary, *prose = VI[code]
    sections = {"summary": summary}
    for (name, _), text in zip(SECTIONS, prose, strict=True):
        if name not in doc.sections:
            continue
        snippet = _SNIPPET.search(doc.sections[name])
        sections[name] = text + ("\n\n" + snippet.group(0) if snippet else "")
    return sections


def _no_rule(code: Code) -> Message:
    if code.code.startswith("TT0"):
        return Message(
            vi="Mã này được báo khi đọc và phân tích tệp, trước khi các quy tắc chạy.",
            en="This code is reported while reading and parsing files, before the rules run.",
        )
    if code.code == "TT999":
        return Message(
            vi="Mã này được báo khi một kiểm tra bị lỗi; các kiểm tra khác vẫn chạy. Hãy báo lỗi cho nhóm phát triển.",
            en="This code is reported when a check crashes; the other checks still run. Please report it.",
        )
    return Message(
        vi="Chưa có quy tắc nào kiểm tra mã này trong phiên bản hiện tại.",
        en="No rule checks this code in this version yet.",
    )


def _indent(text: str) -> str:
    return "\n".join(("    " + line) if line else "" for line in text.split("\n"))
