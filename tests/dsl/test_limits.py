"""Safety limits (TT006): a hostile or broken file is refused quickly, with a location, and the
limits are configurable."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tthc.dsl import Diagnostic, Limits, decode_source, parse, parse_path
from tthc.dsl.reading.limits import DEFAULT_LIMITS

TWINS = Path(__file__).resolve().parent / "twins"
HEAD = 'procedure "1.000656" "Đăng ký khai tử" {\n'


def _diagnostics(name: str, text: str, limits: Limits = DEFAULT_LIMITS) -> list[Diagnostic]:
    read = decode_source(name, text.encode(), limits)
    assert read.value is not None, read.diagnostics
    outcome = parse(read.value, limits)
    if any(d.code == "TT006" for d in outcome.diagnostics):
        assert outcome.value is None
    return outcome.diagnostics


def _cpu_seconds_of(name: str, text: str) -> tuple[float, list[Diagnostic]]:
    """The diagnostics of the text, and the CPU time this process spent finding them: what
    the work costs, whatever else the machine is running (wall time is not)."""
    started = time.process_time()
    diagnostics = _diagnostics(name, text)
    return time.process_time() - started, diagnostics


def _where(diagnostics: list[Diagnostic]) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.line, d.span.column) for d in diagnostics]


def _billion_laughs(levels: int, width: int = 10) -> str:
    lines = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * width)}]")
    return "\n".join(lines) + f"\nprocedure: *l{levels - 1}\n"


def test_defaults() -> None:
    assert (
        Limits(
            max_bytes=1024 * 1024,
            max_depth=64,
            max_yaml_nodes=200_000,
            max_steps=2_000,
            max_findings_per_file=1_000,
            max_findings=10_000,
        )
        == DEFAULT_LIMITS
    )


def test_limits_are_configured_by_name() -> None:
    limits = DEFAULT_LIMITS.with_overrides({"max_steps": 10, "max_depth": 8})
    assert (limits.max_steps, limits.max_depth, limits.max_bytes) == (10, 8, 1024 * 1024)
    with pytest.raises(ValueError, match="unknown limits"):
        DEFAULT_LIMITS.with_overrides({"max_stpes": 10})
    with pytest.raises(ValueError, match="positive whole number"):
        DEFAULT_LIMITS.with_overrides({"max_steps": 0})
    with pytest.raises(ValueError, match="positive whole number"):
        DEFAULT_LIMITS.with_overrides({"max_bytes": "big"})


def test_dsl_braces_nested_too_deep() -> None:
    text = HEAD + "  steps " + "{ " * 70 + "\n}\n"
    assert _where(_diagnostics("deep.tthc", text, Limits(max_depth=64))) == [("TT006", 2, 135)]


def test_braces_in_strings_and_comments_do_not_count() -> None:
    text = HEAD + '  field "' + "{" * 80 + '"  # ' + "{" * 80 + "\n}\n"
    assert _diagnostics("braces.tthc", text) == []


def test_yaml_flow_nesting_is_refused_before_it_recurses() -> None:
    text = "procedure: " + "[" * 20_000 + "]" * 20_000 + "\n"
    seconds, diagnostics = _cpu_seconds_of("deep.yaml", text)
    assert seconds < 2
    assert _where(diagnostics) == [("TT006", 1, 11 + 64)]  # the 64th "[" opens depth 65


def test_yaml_block_nesting() -> None:
    text = "procedure:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 80)) + "  " * 80 + "x\n"
    assert _where(_diagnostics("deep.yaml", text, Limits(max_depth=20))) == [
        ("TT006", 20, 39)
    ]  # the key k19, 21 nodes deep


def test_billion_laughs_is_refused_without_expanding() -> None:
    # 10**30 nodes once expanded: the file could not be refused at all if aliases expanded.
    text = _billion_laughs(30)
    seconds, diagnostics = _cpu_seconds_of("laughs.yaml", text)
    assert seconds < 2
    assert _where(diagnostics) == [("TT006", 6, 5)]  # l5 is the first list past 200,000
    assert "200000" in diagnostics[0].message.en


def test_alias_expansion_limit_is_configurable() -> None:
    text = _billion_laughs(3)  # 1,111 nodes once expanded
    assert not any(d.code == "TT006" for d in _diagnostics("laughs.yaml", text))
    limited = _diagnostics("laughs.yaml", text, Limits(max_yaml_nodes=500))
    assert _where(limited) == [("TT006", 3, 5)]


def test_recursive_alias_is_refused_at_the_alias() -> None:
    text = "procedure:\n  code: '1.000656'\n  name: Đăng ký khai tử\n  applicants: &a [x, *a]\n"
    diagnostics = _diagnostics("loop.yaml", text)
    assert _where(diagnostics) == [("TT006", 4, 22)]
    assert diagnostics[0].message.en == "An alias * refers to the collection that contains it"


def test_aliases_within_limits_are_fine() -> None:
    text = (
        "procedure:\n  code: '1.000656'\n  name: Đăng ký khai tử\n  steps:\n"
        "    - {id: a, kind: reception, title: A, by: &one_stop commune.one_stop}\n"
        "    - {id: b, kind: result, title: B, by: *one_stop}\n"
    )
    outcome = parse(decode_source("alias.yaml", text.encode()).value)  # type: ignore[arg-type]
    assert outcome.diagnostics == []
    assert outcome.value is not None
    actors = [step.actor.value for step in outcome.value.procedures[0].steps if step.actor]
    assert actors == ["commune.one_stop", "commune.one_stop"]


@pytest.mark.parametrize("suffix", [".tthc", ".yaml"])
def test_number_of_steps(suffix: str) -> None:
    path = TWINS / f"birth{suffix}"
    assert parse_path(path, Limits(max_steps=6)).diagnostics == []
    outcome = parse_path(path, Limits(max_steps=5))
    assert outcome.value is None
    [diagnostic] = outcome.diagnostics
    assert diagnostic.code == "TT006" and "6 steps" in diagnostic.message.en
    assert diagnostic.span.line == (2 if suffix == ".tthc" else 3)


def test_file_size_through_parse_path() -> None:
    outcome = parse_path(TWINS / "birth.tthc", Limits(max_bytes=200))
    assert _where(outcome.diagnostics) == [("TT006", 1, 1)]
