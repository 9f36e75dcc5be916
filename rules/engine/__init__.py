"""The check engine: which files, under which configuration, run how, and what is remembered.

    repository.py      `check(CheckRequest) -> CheckResult`: the one pipeline (`tthc check`, and
                       `check_paths`: the same in one process, no cache)
    check.py           the stages it shares: files, enabled rules, `finish`; `check_project`
                       and `load_and_check` (a project loaded whole in memory)
    caps.py            findings capped per file and per run (TT006)
    importing.py       imported drafts written and checked (`tthc import`)
    file_check.py      one file checked against the registry: the unit of parallel work
    summary.py         what project-scope rules see of a procedure
    runner.py          rules run over a project; findings get code, name and severity; TT999
    parallel.py        independent tasks on all cores, results in task order
    cache.py           the content-hash cache (`.tthc_cache/`), `pickling.py` its encoding,
                       `cache_key.py` the key that seals its entries
    fingerprints.py    what a result depends on, as keys
    discovery.py       which files of the checked paths are procedure files
    config.py          `Config` and per-file `Policy`; `config_file.py` reads it,
                       `config_values.py` converts its values, `config_locator.py` finds
                       where a key was written
    changes.py         the files changed since a git revision
    suppressions/      inline `# tthc: allow` directives and what they suppress

Rules never import this package (`tests/test_architecture.py`): they see `tthc.rules.base`,
`tthc.rules.suppression_context` and the analyses.
"""
