"""`tthc check`: refuse what cannot be checked, find the configuration, check the repository
(`tthc.rules.engine.repository`), render one format (`tthc.rules.report`) to standard output or a
file, and choose the exit code:

    0  no finding at or above the fail level (`--fail-on`, default error), or `--exit-zero`
    1  findings at or above the fail level
    2  usage, configuration or I/O error: a bad option, a path that does not exist, a file named
       on the command line that cannot be read, an unusable configuration, an unknown
       `--changed-since` revision, an output file that cannot be written
    3  internal error: a check crashed (TT999; the report is written all the same) or the
       command itself did (`tthc.cli.crash`)
    4  nothing was checked: no procedure file under the paths (with a warning), unless
       `--exit-zero`
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tthc.cli.colour import use_colour
from tthc.cli.language import choose_language
from tthc.dsl import Message, Outcome

if TYPE_CHECKING:
    from tthc.rules.engine.config import Config

USAGE_ERROR = 2
NOTHING_CHECKED = 4


@dataclass(frozen=True)
class CheckOptions:
    paths: tuple[str, ...]
    lang: str | None = None
    config_file: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    form: str | None = None
    output: str | None = None
    exit_zero: bool = False
    no_cache: bool = False
    changed_since: str | None = None
    on: dt.date | None = None  # the day whose law applies (`--on`)
    jobs: int | None = None
    quiet: bool = False
    statistics: bool = False
    colour: str | None = None  # --color: auto (None), always, never


def run_check(options: CheckOptions) -> int:
    """The exit code of `tthc check` with these options, the report written (the command runs
    it with the collector off: `tthc.cli.check_commands.check`)."""
    from tthc.rules import load_config
    from tthc.rules.engine.config import option_problems
    from tthc.rules.engine.discovery import project_groups
    from tthc.rules.report.report import HUMAN_FORMATS
    from tthc.rules.report.text import render_diagnostics

    form = options.form or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    early = choose_language(options.lang, for_machines=form not in HUMAN_FORMATS)
    if options.statistics and form not in HUMAN_FORMATS:
        return _usage(
            Message(
                vi=f"--statistics chỉ dùng với --format text hoặc concise, không với {form}",
                en=f"--statistics goes with --format text or concise, not {form}",
            ),
            early,
        )
    problem = next(filter(None, map(_path_problem, options.paths)), None)
    if problem is not None:
        return _usage(problem, early)
    # Each file belongs to the project of its nearest configuration (`--config` names one for
    # all): `tthc check .` checks examples/ and procedures/ each against its own registry.
    if options.config_file:
        named = load_config(options.config_file)
        found = Outcome(
            [(named.value, list(options.paths))] if named.value else None, named.diagnostics
        )
    else:
        found = project_groups(options.paths)
    configured = found.value[0][0].lang if found.value else None
    language = choose_language(options.lang or configured, for_machines=form not in HUMAN_FORMATS)
    if found.value is None:
        colour = use_colour(options.colour, sys.stderr)
        sys.stderr.write(render_diagnostics(found.diagnostics, language, colour))
        return USAGE_ERROR
    select, ignore = _codes(options.select), _codes(options.ignore)
    problems = option_problems(select, ignore)
    if problems:
        for message in problems:
            _usage(message, language)
        return USAGE_ERROR
    projects = [
        (
            config.with_options(
                select=select or None, ignore=ignore, fail_on=options.fail_on, on=options.on
            ),
            files,
        )
        for config, files in found.value
    ]
    code = _check(options, form, language, projects)
    if options.on is not None and form in HUMAN_FORMATS and not options.quiet:
        from tthc.cli.check_versions import version_note

        sys.stderr.write(version_note(options.paths, projects[0][0], options.on, language))
    return code


def _check(
    options: CheckOptions, form: str, language: str, projects: list[tuple[Config, list[str]]]
) -> int:
    from tthc.cli.crash import INTERNAL_ERROR
    from tthc.cli.progress import progress_bar
    from tthc.dsl import CODES
    from tthc.rules.engine.config import CRASH
    from tthc.rules.engine.repository import CheckRequest, check
    from tthc.rules.report import Report, render
    from tthc.rules.report.report import HUMAN_FORMATS
    from tthc.rules.report.statistics import render_statistics

    changes = None
    if options.changed_since is not None:
        from tthc.rules.engine.changes import changed_since

        changes = changed_since(options.changed_since)
        if changes.problem is not None:
            return _usage(changes.problem, language)
    requests = [
        CheckRequest(
            paths=tuple(files),
            config=config,
            jobs=options.jobs or 0,
            use_cache=not options.no_cache,
            changes=changes,
            # Files listed by `project_groups` are not walked again; the paths as given (by
            # `--config`, or nothing found under them) are.
            discovered=not options.config_file and files != list(options.paths),
        )
        for config, files in projects
    ]
    with progress_bar(enabled=not options.quiet, lang=language) as progress:  # collector off
        results = [check(request, progress) for request in requests]
    diagnostics = sorted((d for r in results for d in r.diagnostics), key=lambda d: d.sort_key())
    files = [f for r in results for f in r.files]
    codes = {code for r in results for code in r.rule_codes}
    report = Report(
        diagnostics=tuple(diagnostics),
        files=tuple(f for r in results for f in r.reported_files),
        rule_codes=tuple(code for code in CODES if code in codes),
        lang=language,
        root=_source_root(projects[0][0].root),
        # Only the machine formats write the version, and looking it up costs ~10 ms.
        tool_version="0" if form in HUMAN_FORMATS else _version(),
        summary=not options.quiet,
        colour=use_colour(options.colour, sys.stdout) if options.output is None else False,
    )
    text = render_statistics(report) if options.statistics else render(report, form)
    if options.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        try:
            Path(options.output).write_text(text, encoding="utf-8")
        except OSError as error:
            return _usage(
                Message(
                    vi=f"Không ghi được tệp kết quả {options.output}: {error.strerror}",
                    en=f"Cannot write the output file {options.output}: {error.strerror}",
                ),
                language,
            )
    if not files:
        click.echo(f"tthc: {_nothing_checked(options.paths).text(language)}", err=True)
    if any(d.code == CRASH for d in diagnostics):
        return INTERNAL_ERROR  # a crash is not a finding, not even under --exit-zero
    if options.exit_zero:
        return 0
    if not files:
        return NOTHING_CHECKED
    return (
        1 if any(c.fails(r.diagnostics) for (c, _), r in zip(projects, results, strict=True)) else 0
    )


def _nothing_checked(paths: tuple[str, ...]) -> Message:
    named = ", ".join(paths)
    return Message(
        vi=f"cảnh báo: không có tệp thủ tục nào trong {named} (.tthc, hay .yaml có khóa procedure, authorities…): không kiểm tra gì",
        en=f"warning: no procedure file found in {named} (.tthc, or .yaml with a procedure, authorities… key): nothing was checked",
    )


def _path_problem(path: str) -> Message | None:
    """Why a path named on the command line cannot be checked, or None. A folder is walked
    (what cannot be read inside it is reported as TT008); a file must be readable."""
    if not os.path.lexists(path):
        return Message(
            vi=f"Không có tệp hay thư mục '{path}'", en=f"No such file or folder: '{path}'"
        )
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return Message(
            vi=f"Không mở được '{path}': {error.strerror} (một liên kết hỏng?)",
            en=f"Cannot open '{path}': {error.strerror} (a broken link?)",
        )
    if stat.S_ISDIR(mode):
        return None
    if not stat.S_ISREG(mode):
        return Message(
            vi=f"'{path}' không phải là một tệp thông thường (ống, thiết bị hay socket)",
            en=f"'{path}' is not a regular file (a pipe, a device or a socket)",
        )
    try:
        with open(path, "rb") as handle:
            handle.read(1)
    except OSError as error:
        return Message(
            vi=f"Không đọc được tệp '{path}': {error.strerror}",
            en=f"Cannot read the file '{path}': {error.strerror}",
        )
    return None


def _usage(message: Message, language: str) -> int:
    from tthc.rules.report.neutral import one_line  # a path may hold any byte

    click.echo(f"tthc: {one_line(message.text(language))}", err=True)
    return USAGE_ERROR


def _source_root(configured: Path | None) -> Path:
    """What SARIF paths are relative to (`%SRCROOT%`): the repository's top folder, as code
    scanning expects, else the configuration's folder, else the working folder."""
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return configured or here


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tthc")
    except PackageNotFoundError:
        return "0"


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select TT2,TT301 --select TT5` → ("TT2", "TT301", "TT5")."""
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())
