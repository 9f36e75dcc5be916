"""The words around every finding, in the reader's language: the severity, the labels of the
help and note lines, the summary line, and the names of severities and families in `tthc rules`.

Input: a language (`vi` or `en`) and a severity or counts. Output: the words to print. The
English frame is the rustc/ruff one (`error[TT501] deadline-exceeded:`, `= help:`, `= note:`)
and stays as it is; the Vietnamese frame uses the words an official reads in a notice
(Lỗi / Cảnh báo / Gợi ý, "Cách sửa", "Chi tiết") and hides the English rule name, which a
Vietnamese reader finds, translated, with `tthc explain CODE`.
"""

from __future__ import annotations

from tthc.dsl import Severity

SEVERITY_VI = {Severity.ERROR: "Lỗi", Severity.WARNING: "Cảnh báo", Severity.INFO: "Gợi ý"}
HELP = {"vi": "Cách sửa", "en": "help"}
NOTE = {"vi": "Chi tiết", "en": "note"}


def severity_word(severity: Severity, lang: str) -> str:
    """`Lỗi`, `Cảnh báo`, `Gợi ý` in Vietnamese; `error`, `warning`, `info` in English."""
    return SEVERITY_VI[severity] if lang == "vi" else severity.value


def severity_name(value: str, lang: str) -> str:
    """A severity given by its stable value (`error`), as the reader's word."""
    return severity_word(Severity(value), lang)


def counts_vi(files: int, errors: int, warnings: int, infos: int) -> str:
    """The Vietnamese summary: only the kinds of finding there are (never "0 gợi ý")."""
    parts = [
        f"{count} {word}"
        for count, word in ((errors, "lỗi"), (warnings, "cảnh báo"), (infos, "gợi ý"))
        if count
    ]
    if not parts:
        return f"Đã kiểm tra {files} tệp: không có lỗi."
    return f"Đã kiểm tra {files} tệp: {', '.join(parts)}."
