"""`tthc check` and `tthc compile`: the options and help texts of the two commands that run the
check pipeline. Input: the command line; output: the exit code of `tthc.cli.check_command.run_check`
or `tthc.cli.compile_command.run_compile`, which do the work (imported when the command runs).
"""

from __future__ import annotations

import datetime as dt
import gc
import sys

import click

from tthc.cli.options import REPORT_OUTPUT, day, existing_file, form, jobs, language


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@form(
    *("text", "concise", "json", "sarif", "junit", "github"),
    default=None,
    help="Output format (default: text; github when GITHUB_ACTIONS=true).",
)
@REPORT_OUTPUT
@language(help="Language of messages (default: vi for text and concise, en for the other formats).")
@existing_file(
    "--config",
    "config_file",
    help="Configuration file (tthc.toml or pyproject.toml); found upward from the paths if not given.",
)
@click.option(
    "--select", multiple=True, help="Codes or families to check (TT2,TT301); replaces the config's."
)
@click.option("--ignore", multiple=True, help="Codes or families not to check (TT306,TT7).")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: error).",
)
@click.option("--exit-zero", is_flag=True, help="Exit with 0 even when there are findings.")
@click.option(
    "--changed-since",
    metavar="REV",
    default=None,
    help="Report only files changed since this git revision (and untracked ones); the whole "
    "project is still read.",
)
@day(
    "--on",
    metavar="DATE",
    help="Check against the law of this day (YYYY-MM-DD): of several versions of a procedure, "
    "only the one in force that day; a procedure not in force that day is not checked.",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write .tthc_cache/.")
@jobs(help="Worker processes (default: all cores).")
@click.option(
    "-q", "--quiet", is_flag=True, help="Findings only: no summary line, no progress bar."
)
@click.option(
    "--statistics",
    "--summary",
    "statistics",
    is_flag=True,
    help="Count the findings of each code instead of listing them (text, concise).",
)
@click.option(
    "--color",
    "colour",
    type=click.Choice(["auto", "always", "never"]),
    default=None,
    help="Colour in text and concise output (default auto: on a terminal, unless NO_COLOR is "
    "set; FORCE_COLOR forces it).",
)
def check(
    paths: tuple[str, ...],
    form: str | None,
    output: str | None,
    lang: str | None,
    config_file: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    changed_since: str | None,
    on: dt.datetime | None,
    no_cache: bool,
    jobs: int | None,
    quiet: bool,
    statistics: bool,
    colour: str | None,
) -> None:
    """Check procedure files (.tthc, .yaml) and folders of them.

    In a folder every .tthc file is read, and a .yaml/.yml file whose first key is one of
    tthc's (procedure, procedures, authorities, instruments, grants, transfers); files named
    here are always read. Results are cached in .tthc_cache/ at the project root.

    \b
    Exit codes:
      0  no finding at or above the fail level (--fail-on), or --exit-zero
      1  findings at or above the fail level
      2  usage, configuration or I/O error: a bad option, a path that does not
         exist, a named file that cannot be read, an unusable configuration,
         an unknown --changed-since revision, an output file that cannot be written
      3  internal error: a bug in tthc (a check that crashed, TT999, or the
         command itself); the report is still written when it can be
      4  nothing was checked: no procedure file under the paths (a warning says
         so), unless --exit-zero
    """
    # The collector is off for the whole command, imports included: a run is short, and what
    # it builds (the model and rule classes, the registry, the trees) stays alive to the end,
    # so collecting would only walk it again and again (half the CPU of a cold run on one core,
    # measured on 2,000 files; ~5% of a one-file check in its imports alone), and at exit.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from tthc.cli.check_command import CheckOptions, run_check

        options = CheckOptions(
            paths=paths,
            lang=lang,
            config_file=config_file,
            select=select,
            ignore=ignore,
            fail_on=fail_on,
            form=form,
            output=output,
            exit_zero=exit_zero,
            no_cache=no_cache,
            changed_since=changed_since,
            on=on.date() if on is not None else None,
            jobs=jobs,
            quiet=quiet,
            statistics=statistics,
            colour=colour,
        )
        code = run_check(options)
    finally:
        gc.freeze()  # what is alive now is never walked again, not even at exit
        if collecting:
            gc.enable()
    sys.exit(code)


@click.command(name="compile")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="The bundle to write."
)
@existing_file(
    "--calendar",
    "calendar_file",
    help='Extra days off and working days: JSON {"days_off": {"2026-03-10": "why"}, '
    '"working_days": {...}}.',
)
@language(default="vi", help="Language of messages.")
def compile_(paths: tuple[str, ...], output: str, calendar_file: str | None, lang: str) -> None:
    """Check the procedures and registry under PATHS and write their deployment bundle.

    \b
    Exit codes: 0 bundle written; 1 errors remain (printed, nothing written);
    2 a file could not be read or written.
    """
    from tthc.cli.compile_command import run_compile

    sys.exit(run_compile(paths, output, calendar_file, lang))
