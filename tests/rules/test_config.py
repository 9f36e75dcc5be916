"""Configuration: found upward from the checked paths, read from tthc.toml or [tool.tthc] in
pyproject.toml, applied per code and per path; a broken configuration is a diagnostic that
names the file, the line and the key."""

from __future__ import annotations

import re
import shutil
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from tthc.dsl import Severity, Span, make_diagnostic
from tthc.dsl.diagnostics import Message
from tthc.rules import Config, check_paths, discover_config, find_config, load_config
from tthc.rules.engine.config import PathOverride, apply_config

HERE = Path(__file__).resolve().parent
CLEAN = HERE / "cases" / "clean_birth_registration.tthc"
REGISTRY = HERE / "registry"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A folder that is the root of a git repository, so discovery stops here."""
    (tmp_path / ".git").mkdir()
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def project_with_nfd_title(root: Path, name: str = "procedures/birth.tthc") -> Path:
    """The clean procedure with one step title in decomposed Unicode: one TT007 warning."""
    text = CLEAN.read_text(encoding="utf-8")
    decomposed = unicodedata.normalize("NFD", "Trả kết quả")
    path = write(root / name, text.replace('"Trả kết quả"', f'"{decomposed}"'))
    shutil.copytree(REGISTRY, root / "registry", dirs_exist_ok=True)
    return path


# ---- discovery -------------------------------------------------------------------------------


def test_the_nearest_configuration_upward_wins(repo: Path) -> None:
    write(repo / "tthc.toml", "")
    inner = write(repo / "procedures" / "tthc.toml", "")
    deep = write(repo / "procedures" / "ho-tich" / "birth.tthc", "")
    assert find_config(deep) == inner.resolve()
    assert find_config(repo / "other.tthc") == (repo / "tthc.toml").resolve()


def test_discovery_stops_at_the_git_root(tmp_path: Path) -> None:
    write(tmp_path / "tthc.toml", "")
    (tmp_path / "project" / ".git").mkdir(parents=True)
    procedure = write(tmp_path / "project" / "birth.tthc", "")
    assert find_config(procedure) is None


def test_a_pyproject_without_a_tthc_table_is_not_a_configuration(repo: Path) -> None:
    write(repo / "pyproject.toml", "[tool.tthc]\nlang = 'en'\n")
    write(repo / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(repo / "sub" / "birth.tthc") == (repo / "pyproject.toml").resolve()


def test_tthc_toml_wins_over_pyproject_in_one_folder(repo: Path) -> None:
    write(repo / "pyproject.toml", "[tool.tthc]\nlang = 'en'\n")
    write(repo / "tthc.toml", "lang = 'vi'\n")
    found = discover_config([repo / "birth.tthc"])
    assert found.value is not None and found.value.lang == "vi"


def test_pyproject_is_read_from_its_tool_tthc_table(repo: Path) -> None:
    write(
        repo / "pyproject.toml",
        "[project]\nname = 'x'\n\n[tool.tthc]\nignore = ['TT7']\nfail-on = 'warning'\n\n"
        "[tool.tthc.severity]\nTT306 = 'info'\n",
    )
    found = load_config(repo / "pyproject.toml")
    assert found.diagnostics == []
    assert found.value is not None
    assert found.value.ignore == ("TT7",)
    assert found.value.fail_on == "warning"
    assert found.value.severity == (("TT306", "info"),)


def test_no_configuration_means_the_defaults(repo: Path) -> None:
    found = discover_config([repo / "birth.tthc"])
    assert found.value == Config()


def test_paths_under_two_configurations_are_refused(repo: Path) -> None:
    write(repo / "a" / "tthc.toml", "")
    write(repo / "b" / "tthc.toml", "")
    found = discover_config([repo / "a" / "x.tthc", repo / "b" / "y.tthc"])
    assert found.value is None
    assert [d.code for d in found.diagnostics] == ["TT003"]
    assert "--config" in found.diagnostics[0].help.en  # type: ignore[union-attr]


# ---- selection, severity and per-path overrides -------------------------------------------


@pytest.mark.parametrize(
    ("select", "ignore", "code", "enabled"),
    [
        (None, (), "TT201", True),
        (("TT2",), (), "TT301", False),
        (("TT2xx",), (), "TT201", True),
        (("TT2",), ("TT201",), "TT201", False),  # the code is more specific than the family
        (("TT201",), ("TT2",), "TT201", True),
        (("TT201",), ("TT201",), "TT201", False),  # ignore wins a tie
        (("TT2",), (), "TT999", True),  # a crash is reported unless named in ignore
        (None, ("TT9",), "TT999", False),
        (None, ("TT0",), "TT001", True),  # a file that cannot be read is always reported
    ],
)
def test_the_most_specific_selector_decides(
    select: tuple[str, ...] | None, ignore: tuple[str, ...], code: str, enabled: bool
) -> None:
    assert Config(select=select, ignore=ignore).policy("x.tthc").enabled(code) is enabled


def test_per_path_overrides_apply_to_matching_files_in_order(tmp_path: Path) -> None:
    config = Config(
        severity=(("TT3", "warning"),),
        per_path=(
            PathOverride("legacy/**", ignore=("TT102",), severity=(("TT306", "error"),)),
            PathOverride("*.yaml", severity=(("TT306", "off"),)),
            PathOverride("drafts/", select=("TT102",)),
        ),
        root=tmp_path,
    )
    legacy = config.policy(str(tmp_path / "legacy" / "old" / "a.tthc"))
    assert not legacy.enabled("TT102")
    assert legacy.level("TT306") == "error"
    assert legacy.level("TT301") == "warning"
    assert config.policy(str(tmp_path / "legacy" / "b.yaml")).level("TT306") == "off"
    assert config.policy(str(tmp_path / "current" / "b.tthc")).enabled("TT102")
    assert config.policy(str(tmp_path / "drafts" / "x" / "c.tthc")).enabled("TT102")


def test_globs_stay_within_one_folder_unless_double_starred(tmp_path: Path) -> None:
    config = Config(per_path=(PathOverride("legacy/*.tthc", ignore=("TT102",)),), root=tmp_path)
    assert not config.policy(str(tmp_path / "legacy" / "a.tthc")).enabled("TT102")
    assert config.policy(str(tmp_path / "legacy" / "sub" / "a.tthc")).enabled("TT102")


def test_apply_config_relevels_and_drops() -> None:
    def finding(code: str) -> object:
        return make_diagnostic(code, Span.point("a.tthc", 3), Message(vi="x", en="x"))

    config = Config(severity=(("TT306", "error"), ("TT7", "off")))
    kept = apply_config([finding("TT306"), finding("TT702"), finding("TT001")], config)  # type: ignore[list-item]
    assert [(d.code, d.severity) for d in kept] == [
        ("TT306", Severity.ERROR),
        ("TT001", Severity.ERROR),
    ]


# ---- the configuration applied by check_paths ---------------------------------------------


def test_check_paths_finds_the_configuration_and_its_registry(repo: Path) -> None:
    procedure = project_with_nfd_title(repo)
    write(repo / "tthc.toml", 'registry = ["registry"]\n\n[severity]\nTT007 = "info"\n')
    _, diagnostics = check_paths([procedure])
    assert [(d.code, d.severity) for d in diagnostics] == [("TT007", Severity.INFO)]


def test_severity_off_removes_a_reading_finding(repo: Path) -> None:
    procedure = project_with_nfd_title(repo)
    write(repo / "tthc.toml", 'registry = ["registry"]\nseverity = { TT007 = "off" }\n')
    _, diagnostics = check_paths([procedure])
    assert diagnostics == []


def test_per_path_ignore_in_pyproject(repo: Path) -> None:
    procedure = project_with_nfd_title(repo)
    write(
        repo / "pyproject.toml",
        '[tool.tthc]\nregistry = ["registry"]\n\n'
        '[tool.tthc.per-path."procedures/**"]\nignore = ["TT007"]\n',
    )
    _, diagnostics = check_paths([procedure])
    assert diagnostics == []


def test_without_the_registry_names_stay_unresolved(repo: Path) -> None:
    procedure = project_with_nfd_title(repo)
    _, diagnostics = check_paths([procedure])
    assert "TT005" in {d.code for d in diagnostics}


def test_a_registry_inside_the_checked_folder_is_read_once(repo: Path) -> None:
    project_with_nfd_title(repo)
    write(repo / "tthc.toml", 'registry = ["registry"]\nignore = ["TT007"]\n')
    result, diagnostics = check_paths([repo])
    assert diagnostics == []  # read twice, every authority would be a duplicate (TT004)
    assert len(result.files) == len(set(map(str, result.files)))


def test_limits_come_from_the_configuration(repo: Path) -> None:
    procedure = project_with_nfd_title(repo)
    write(repo / "tthc.toml", 'registry = ["registry"]\n[limits]\nmax-bytes = 100\n')
    _, diagnostics = check_paths([procedure])
    assert {d.code for d in diagnostics if d.span.path == str(procedure)} == {"TT006"}


def test_settings_come_from_the_configuration(repo: Path) -> None:
    text = (
        "[settings]\nmax-supplement-requests = 2\nworking-hours-per-day = 7.5\n"
        'onward-delegation-allowed-by = ["nd-175-2024"]\n'
    )
    found = load_config(write(repo / "tthc.toml", text))
    assert found.value is not None
    assert found.value.settings.max_supplement_requests == 2
    assert found.value.settings.working_hours_per_day == Decimal("7.5")
    assert found.value.settings.onward_delegation_allowed_by == frozenset({"nd-175-2024"})


def test_fail_on_decides_which_severities_fail() -> None:
    warning = make_diagnostic("TT007", Span.point("a.tthc"), Message(vi="x", en="x"))
    assert not Config().fails([warning])
    assert Config(fail_on="warning").fails([warning])


def test_an_unusable_configuration_found_upward_checks_nothing(repo: Path) -> None:
    procedure = project_with_nfd_title(repo)
    write(repo / "tthc.toml", "selct = ['TT2']\n")
    result, diagnostics = check_paths([procedure])
    assert result.files == ()
    assert [(d.code, d.span.path) for d in diagnostics] == [("TT002", str(repo / "tthc.toml"))]


# ---- invalid configuration: file, line, key ------------------------------------------------


def problems(root: Path, name: str, text: str) -> list[tuple[str, int, int, str]]:
    found = load_config(write(root / name, text))
    assert found.value is None
    return [(d.code, d.span.line, d.span.column, d.message.en) for d in found.diagnostics]


def test_an_unknown_key_is_named_with_the_closest_valid_one(tmp_path: Path) -> None:
    [(code, line, column, message)] = problems(tmp_path, "tthc.toml", "lang = 'vi'\nignores = []\n")
    assert (code, line, column) == ("TT002", 2, 1)
    assert "'ignores'" in message and "did you mean 'ignore'" in message


def test_an_unknown_code_points_at_the_value(tmp_path: Path) -> None:
    text = '[tool.tthc]\nselect = ["TT1",\n  "TT2O1"]\n'
    [(code, line, column, message)] = problems(tmp_path, "pyproject.toml", text)
    assert (code, line, column) == ("TT003", 3, 3)
    assert "did you mean 'TT201'" in message


def test_a_wrong_type_names_the_key(tmp_path: Path) -> None:
    [(code, line, _, message)] = problems(tmp_path, "tthc.toml", "\n\nfail-on = 'warnings'\n")
    assert (code, line) == ("TT003", 3)
    assert "'fail-on' must be error | warning" in message


def test_a_severity_must_be_a_known_level(tmp_path: Path) -> None:
    [(code, line, column, _)] = problems(tmp_path, "tthc.toml", '[severity]\nTT306 = "low"\n')
    assert (code, line, column) == ("TT003", 2, 1)


def test_an_inline_severity_points_at_its_code(tmp_path: Path) -> None:
    text = 'severity = { TT306 = "info", TT9O1 = "off" }\n'
    [(code, line, column, _)] = problems(tmp_path, "tthc.toml", text)
    assert (code, line, column) == ("TT003", 1, 30)


@pytest.mark.parametrize("text", ['ignore = ["TT001"]\n', '[severity]\nTT008 = "warning"\n'])
def test_reading_errors_cannot_be_turned_off(tmp_path: Path, text: str) -> None:
    [(code, _, _, message)] = problems(tmp_path, "tthc.toml", text)
    assert code == "TT003" and "cannot be checked" in message


def test_unknown_keys_of_per_path_limits_and_settings(tmp_path: Path) -> None:
    text = (
        '[per-path."legacy/**"]\nignor = ["TT1"]\n\n'
        "[limits]\nmax_bytes = 10\n\n[settings]\nmax-supplement-requests = -1\n"
    )
    found = problems(tmp_path, "tthc.toml", text)
    assert [(code, line) for code, line, _, _ in found] == [
        ("TT002", 2),
        ("TT002", 5),
        ("TT003", 8),
    ]
    assert "did you mean 'max-bytes'" in found[1][3]


def test_a_limit_must_be_a_positive_whole_number(tmp_path: Path) -> None:
    [(code, line, _, message)] = problems(tmp_path, "tthc.toml", "[limits]\nmax-steps = 0\n")
    assert (code, line) == ("TT003", 2)
    assert "'max-steps' must be a positive whole number" in message


def test_a_setting_must_have_the_type_of_its_default(tmp_path: Path) -> None:
    text = (
        '[settings]\ndistrict-level-ends = "30/6/2025"\nmax-reappointments = true\n'
        "onward-delegation-allowed-by = [175]\n"
    )
    found = problems(tmp_path, "tthc.toml", text)
    assert [(code, line) for code, line, _, _ in found] == [
        ("TT003", 2),
        ("TT003", 3),
        ("TT003", 4),
    ]
    assert "must be a date such as 2025-07-01" in found[0][3]
    assert "must be a list (a string each)" in found[2][3]


def test_a_missing_registry_folder_is_an_error(tmp_path: Path) -> None:
    [(code, line, column, message)] = problems(tmp_path, "tthc.toml", 'registry = ["nowhere"]\n')
    assert (code, line, column) == ("TT003", 1, 13)
    assert "'nowhere' does not exist" in message


def test_malformed_toml_is_a_syntax_error_with_its_line(tmp_path: Path) -> None:
    [(code, line, _, _)] = problems(tmp_path, "tthc.toml", "lang = 'vi'\nselect = [\n")
    assert (code, line) == ("TT001", 3)


def test_an_explicit_pyproject_without_the_table_is_an_error(tmp_path: Path) -> None:
    [(code, _, _, message)] = problems(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n")
    assert code == "TT003" and "[tool.tthc]" in message


def test_the_documented_example_is_a_valid_configuration(tmp_path: Path) -> None:
    docs = (HERE.parent.parent / "docs" / "configuration.md").read_text(encoding="utf-8")
    examples = re.findall(r"```toml\n(.*?)```", docs, re.DOTALL)
    assert len(examples) == 2
    (tmp_path / "procedures" / "registry").mkdir(parents=True)
    write(tmp_path / "tthc.toml", examples[0])
    write(tmp_path / "pyproject.toml", examples[1])
    for name in ("tthc.toml", "pyproject.toml"):
        found = load_config(tmp_path / name)
        assert found.diagnostics == [], name
    config = load_config(tmp_path / "tthc.toml").value
    assert config is not None
    policy = config.policy(str(tmp_path / "procedures" / "archive" / "x" / "old.tthc"))
    assert not policy.enabled("TT102")
    assert policy.level("TT502") == "warning" and policy.level("TT501") == "error"


def test_day_rule_setting_is_one_of_its_values(tmp_path: Path) -> None:
    from tthc.dsl.ast import DayRule

    good = tmp_path / "tthc.toml"
    good.write_text('[settings]\nday-rule = "strict"\n', encoding="utf-8")
    loaded = load_config(good)
    assert loaded.value is not None and loaded.value.settings.day_rule is DayRule.STRICT
    good.write_text('[settings]\nday-rule = "lenient"\n', encoding="utf-8")
    (problem,) = load_config(good).diagnostics
    assert problem.code == "TT003"
    assert (
        problem.message.en
        == "'day-rule' must be \"calendar_as_working\" | \"strict\", not 'lenient'"
    )
