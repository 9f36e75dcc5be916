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
"""

from __future__ import annotations

import gc
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tthc.cli.language import choose_language
from tthc.dsl import Message

if TYPE_CHECKING:
    from tthc.rules.engine.config import Config

USAGE_ERROR = 2


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
    jobs: int | None = None
    quiet: bool = False
    statistics: bool = False


def run_check(options: CheckOptions) -> int:
    from tthc.rules import discover_config, load_config
    from tthc.rules.engine.config import option_problems
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
    found = (
        load_config(options.config_file) if options.config_file else discover_config(options.paths)
    )
    configured = found.value.lang if found.value else None
    language = choose_language(options.lang or configured, for_machines=form not in HUMAN_FORMATS)
    if found.value is None:
        sys.stderr.write(render_diagnostics(found.diagnostics, language))
        return USAGE_ERROR
    select, ignore = _codes(options.select), _codes(options.ignore)
    problems = option_problems(select, ignore)
    if problems:
        for message in problems:
            _usage(message, language)
        return USAGE_ERROR
    config = found.value.with_options(select=select or None, ignore=ignore, fail_on=options.fail_on)
    return _check(options, form, language, config)


def _check(options: CheckOptions, form: str, language: str, config: Config) -> int:
    from tthc.cli.crash import INTERNAL_ERROR
    from tthc.cli.progress import progress_bar
    from tthc.rules.engine.changes import changed_since
    from tthc.rules.engine.config import CRASH
    from tthc.rules.engine.repository import CheckRequest, check
    from tthc.rules.report import Report, render
    from tthc.rules.report.statistics import render_statistics

    changes = None
    if options.changed_since is not None:
        changes = changed_since(options.changed_since)
        if changes.problem is not None:
            return _usage(changes.problem, language)
    request = CheckRequest(
        paths=options.paths,
        config=config,
        jobs=options.jobs or 0,
        use_cache=not options.no_cache,
        changes=changes,
    )
    # A run is short and its heap is one big tree that stays alive to the end: collecting
    # cyclic garbage would only walk it again and again (half the CPU of a cold run on one
    # core, measured on 2,000 files), and once more at exit.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with progress_bar(enabled=not options.quiet, lang=language) as progress:
            result = check(request, progress)
    finally:
        gc.freeze()  # what is alive now is never walked again, not even at exit
        if collecting:
            gc.enable()
    report = Report(
        diagnostics=result.diagnostics,
        files=result.reported_files,
        rule_codes=result.rule_codes,
        lang=language,
        root=_source_root(config.root),
        tool_version=_version(),
        summary=not options.quiet,
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
    if any(d.code == CRASH for d in result.diagnostics):
        return INTERNAL_ERROR  # a crash is not a finding, not even under --exit-zero
    if options.exit_zero:
        return 0
    return 1 if config.fails(result.diagnostics) else 0


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
