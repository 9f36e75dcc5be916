"""`python -m tthc`: the `tthc` command, for environments where the script is not on PATH
(a CI image, Windows, `pipx run`). Input: the command line; output: the exit code of `tthc`.

`tthc` is a PEP 420 namespace with no folder of its own in the repository: this folder,
`namespace/`, is mapped onto it in pyproject.toml and holds only this module, so the layers
(`tthc.dsl`, `tthc.rules`, …) stay folders of their own.
"""

from tthc.cli.main import main

if __name__ == "__main__":
    main(prog_name="tthc")
