"""Inline suppressions: `# tthc: allow CODE -- reason` covers its own line (trailing comment)
or the next line of content (alone on its line); `allow-file` covers the file. Without a reason
nothing is suppressed (TT902); a suppression with nothing to suppress is TT901. A `#` inside a
quoted string is text in both forms."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

from tthc.dsl import Diagnostic, Message, Span, make_diagnostic
from tthc.dsl.comment_scan import find_comments
from tthc.rules import Config, check_paths
from tthc.rules.engine.suppressions.directives import scan_directives
from tthc.rules.engine.suppressions.effects import suppress

HERE = Path(__file__).resolve().parent
REGISTRY = HERE / "registry"


def finding(code: str, line: int, path: str = "p.tthc") -> Diagnostic:
    return make_diagnostic(code, Span.point(path, line, 5), Message(vi="x", en="x"))


def run(
    text: str, found: list[Diagnostic], path: str = "p.tthc", enabled: bool = True
) -> tuple[list[tuple[str, int]], list[str]]:
    """(line, code) kept after suppression, and the effect of each code named."""
    kept, context = suppress(found, scan_directives(path, text), lambda _p, _c: enabled)
    return [(d.code, d.span.line) for d in kept], [e.kind for e in context.effects]


def test_a_trailing_comment_covers_its_own_line() -> None:
    text = "a\nb  # tthc: allow TT306 -- xuất trình để đối chiếu\nc\n"
    kept, effects = run(text, [finding("TT306", 2), finding("TT306", 3)])
    assert kept == [("TT306", 3)]
    assert effects == ["used"]


def test_a_comment_alone_covers_the_next_line_of_content() -> None:
    text = "# tthc: allow TT306 -- đối chiếu\n\n# another comment\nb\nc\n"
    kept, effects = run(text, [finding("TT306", 4), finding("TT306", 5)])
    assert kept == [("TT306", 5)]
    assert effects == ["used"]


def test_allow_file_covers_the_whole_file_only() -> None:
    text = "a\n# tthc: allow-file TT306 -- thành phần chỉ để đối chiếu\nb\n"
    kept, _ = run(text, [finding("TT306", 1), finding("TT306", 90), finding("TT306", 1, "q.tthc")])
    assert kept == [("TT306", 1)]  # the one in the other file


def test_several_codes_in_one_suppression() -> None:
    text = "x  # tthc: allow TT503, TT306 -- thời hạn do Nghị định quy định\n"
    kept, effects = run(text, [finding("TT503", 1), finding("TT306", 1), finding("TT101", 1)])
    assert kept == [("TT101", 1)]
    assert effects == ["used", "used"]


def test_codes_separated_by_spaces_and_written_in_lower_case() -> None:
    kept, _ = run("x  # tthc: allow tt503 TT306 -- lý do\n", [finding("TT503", 1)])
    assert kept == []


def test_without_a_reason_nothing_is_suppressed() -> None:
    for comment in ("# tthc: allow TT306", "# tthc: allow TT306 --", "# tthc: allow TT306 vì cũ"):
        kept, effects = run(f"x  {comment}\n", [finding("TT306", 1)])
        assert kept == [("TT306", 1)], comment
        assert effects == [], comment  # reported as TT902, not as unused


def test_the_effect_of_each_code_that_suppressed_nothing() -> None:
    text = "x  # tthc: allow TT306, TT3O6, TT001, TT901 -- lý do\n"
    kept, effects = run(text, [finding("TT001", 1)])
    assert kept == [("TT001", 1)]  # a file that cannot be read cannot be checked
    assert effects == ["unused", "unknown", "unsuppressible", "unsuppressible"]


def test_a_code_turned_off_by_the_configuration_has_nothing_to_suppress() -> None:
    _, effects = run("x  # tthc: allow TT306 -- lý do\n", [], enabled=False)
    assert effects == ["off"]


def test_a_hash_inside_a_dsl_string_is_not_a_comment() -> None:
    text = 'field "Hộ tịch # tthc: allow TT306 -- x"\nresult "a \\" # tthc: allow TT1"  # real\n'
    assert [(c.line, c.text) for c in find_comments(text, yaml=False)] == [(2, " real")]
    assert scan_directives("p.tthc", text) == []


def test_a_hash_inside_yaml_quotes_or_block_text_is_not_a_comment() -> None:
    text = (
        "a: 'it''s # tthc: allow TT306 -- x'\n"
        'b: "x \\" # tthc: allow TT306 -- x"\n'
        "c: it's # real 1\n"
        "d: x#y\n"
        "e: |\n"
        "  # tthc: allow TT306 -- block text\n"
        "f: 'multi\n"
        "  line # tthc: allow TT306 -- x'  # real 2\n"
    )
    found = [(c.line, c.text) for c in find_comments(text, yaml=True)]
    assert found == [(3, " real 1"), (8, " real 2")]
    assert scan_directives("p.yaml", text) == []


def test_a_comment_that_names_the_tool_is_no_directive_and_spacing_is_free() -> None:
    assert scan_directives("p.tthc", "# Bản nháp do tthc import tạo\nx  # tthc import\n") == []
    [directive] = scan_directives("p.tthc", "# tthc import\nx  #tthc  :  allow TT306 -- lý do\n")
    assert (directive.verb, directive.target) == ("allow", 2)


def test_the_spans_point_at_the_comment_and_at_each_code() -> None:
    [directive] = scan_directives("p.tthc", "abc  # tthc: allow TT306, TT503 -- lý do\n")
    assert (directive.span.line, directive.span.column) == (1, 6)
    assert [(m.code, m.span.column) for m in directive.mentions] == [("TT306", 20), ("TT503", 27)]
    assert directive.reason == "lý do"


# ---- the whole pipeline: rules TT901 and TT902 on real files -------------------------------


def nfd_procedure(tmp_path: Path, suffix: str, comment_line: str) -> Path:
    """A clean procedure whose result step title is in decomposed Unicode (TT007), with a
    comment line written just above that step."""
    (tmp_path / ".git").mkdir(exist_ok=True)
    twin = HERE / "cases" / f"TT902_pass{suffix}"  # the clean birth procedure in this form
    text = twin.read_text(encoding="utf-8").split("\n", 2)[2]  # without the header comments
    decomposed = unicodedata.normalize("NFD", "Trả kết quả")
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if decomposed in line)
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    if comment_line:
        lines.insert(index, indent + comment_line)
    path = tmp_path / f"p{suffix}"
    path.write_text("\n".join(lines), encoding="utf-8")
    shutil.copytree(REGISTRY, tmp_path / "registry", dirs_exist_ok=True)
    return path


def codes(path: Path, config: Config | None = None) -> list[tuple[str, int]]:
    config = config or Config(registry=(path.parent / "registry",))
    _, diagnostics = check_paths([path], config)
    return [(d.code, d.span.line) for d in diagnostics]


def test_yaml_and_dsl_suppress_alike(tmp_path: Path) -> None:
    for suffix in (".tthc", ".yaml"):
        unsuppressed = nfd_procedure(tmp_path, suffix, "")
        [(code, _)] = codes(unsuppressed)
        assert code == "TT007"
        suppressed = nfd_procedure(tmp_path, suffix, "# tthc: allow TT007 -- chép nguyên văn")
        assert codes(suppressed) == []


def test_tt902_is_reported_and_the_finding_stays(tmp_path: Path) -> None:
    path = nfd_procedure(tmp_path, ".yaml", "# tthc: allow TT007")
    found = codes(path)
    assert sorted(code for code, _ in found) == ["TT007", "TT902"]


def test_tt901_for_a_code_the_configuration_turned_off(tmp_path: Path) -> None:
    path = nfd_procedure(tmp_path, ".tthc", "# tthc: allow TT007 -- chép nguyên văn")
    config = Config(registry=(tmp_path / "registry",), ignore=("TT007",))
    _, diagnostics = check_paths([path], config)
    [diagnostic] = diagnostics
    assert diagnostic.code == "TT901"
    assert "turned off by the configuration" in diagnostic.message.en


def test_tt901_and_tt902_follow_the_configuration_too(tmp_path: Path) -> None:
    path = nfd_procedure(tmp_path, ".tthc", "# tthc: allow TT306 -- không còn dùng")
    registry = (tmp_path / "registry",)
    assert [c for c, _ in codes(path)] == ["TT901", "TT007"]  # the comment is above the step
    quiet = Config(registry=registry, severity=(("TT901", "off"),))
    assert [c for c, _ in codes(path, quiet)] == ["TT007"]
