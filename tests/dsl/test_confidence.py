"""`tthc fmt` and `tthc convert` never write a confidence the author did not write: an
instrument, grant or transfer without one stays without one (absent means unverified), and one
that states it keeps it, in both forms."""

from __future__ import annotations

from tthc.dsl import SourceFile
from tthc.dsl.ast import Confidence
from tthc.dsl.printer.canonical import format_source
from tthc.dsl.reading.reader import parse

WITHOUT = """instrument qd-1 act "1/QĐ-UBND" { title "Quyết định ủy quyền" }
grant g {
  power "dat-dai"  from commune.chairman  to commune.vice_chairman  mode authorization
  basis qd-1  until 2026-08-31
}
transfer t {
  power "xay-dung.giay-phep"  from district.people_committee  to commune.people_committee
  basis qd-1
}
"""


def _round(text: str, name: str, to: str) -> str:
    out = format_source(SourceFile.from_text(name, text), to)  # type: ignore[arg-type]
    assert out.value is not None, out.diagnostics
    return out.value


def test_an_unstated_confidence_stays_unstated_through_fmt_and_convert() -> None:
    dsl = _round(WITHOUT, "r.tthc", "tthc")
    yaml = _round(WITHOUT, "r.tthc", "yaml")
    back = _round(yaml, "r.yaml", "tthc")
    for text in (dsl, yaml, back):
        assert "confidence" not in text
    document = parse(SourceFile.from_text("r.tthc", back)).value
    assert document is not None
    assert [
        d.confidence for d in (*document.instruments, *document.grants, *document.transfers)
    ] == [
        None,
        None,
        None,
    ]


def test_a_stated_confidence_is_kept_in_both_forms() -> None:
    stated = WITHOUT.replace(
        'title "Quyết định ủy quyền"', 'title "Quyết định"  confidence partial'
    )
    yaml = _round(stated, "r.tthc", "yaml")
    assert "confidence: partial" in yaml
    document = parse(SourceFile.from_text("r.tthc", _round(yaml, "r.yaml", "tthc"))).value
    assert document is not None and document.instruments[0].confidence is Confidence.PARTIAL
