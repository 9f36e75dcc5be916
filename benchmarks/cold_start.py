"""`make bench-cold`: one file from cold, `tthc check` beside the bpmnlint CLI (issue 17).

Input: options (`--pairs N`, default 11; `--json FILE`). Output: the median wall and CPU time
of `tthc check --no-cache FILE` in a fresh process, FILE holding the birth-registration
procedure and its registry (`examples/`), beside `bpmnlint` on the BPMN model of an equivalent
administrative procedure (`shared/peers/bpmn/admin_procedure.bpmn`, the peers' reference
model), run interleaved (tthc, bpmnlint, tthc editable, tthc, ...), so all see the same load;
the load average is printed before and after.

The figure compared is tthc as a user installs it: a wheel of this checkout, built and
unpacked into a virtual environment of its own (its dependencies are the development
environment's, through a path file). The development environment's editable install is
measured beside it: its import finder (setuptools' `__editable___…_finder`, with pathlib and
the rest it imports while Python starts) is work no installed copy does. CPU time is the child's user + system time: on the
shared 2-core machine it is what each tool itself costs, while wall time also holds the wait
for a core. Then where tthc's start-up goes: `python -X importtime`, self time summed by
package.

bpmnlint (11.x, `bpmnlint:recommended`) is installed with npm into `benchmarks/.peers/` on
the first run (git-ignored); the model is read from `PEERS_BPMN` or the shared folder.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT / "benchmarks" / ".peers"
BPMNLINT = PEERS / "node_modules" / ".bin" / "bpmnlint"
MODEL = Path(os.environ.get("PEERS_BPMN", "/work/shared/peers/bpmn/admin_procedure.bpmn"))
TTHC = Path(sys.executable).parent / "tthc"


def install_bpmnlint() -> None:
    if BPMNLINT.exists():
        return
    PEERS.mkdir(parents=True, exist_ok=True)
    (PEERS / "package.json").write_text('{"private": true}\n', encoding="utf-8")
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "bpmnlint@11"],
        cwd=PEERS,
        check=True,
        capture_output=True,
    )


# As installed, tthc has its bytecode (pip compiles it): a shell that sets
# PYTHONDONTWRITEBYTECODE would make every run of an editable checkout compile the modules
# changed since their bytecode was last written, which no user pays.
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


PIP_WHEEL = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]


def install_wheel(work: Path) -> Path:
    """`tthc` installed from a wheel of this checkout into a virtual environment under `work`,
    as pip installs it: the package unpacked and compiled to bytecode, the console script."""
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(work / "venv")],
        check=True,
        capture_output=True,
    )
    built = work / "wheel"
    subprocess.run(
        [*PIP_WHEEL, "--wheel-dir", str(built), str(ROOT)],
        check=True,
        capture_output=True,
    )
    python = work / "venv" / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    (wheel,) = built.glob("tthc-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    compileall.compile_dir(str(site / "tthc"), quiet=1)
    # The dependencies from the development environment; its .pth files (the editable tthc)
    # are not read from a folder a path file adds.
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", "utf-8")
    script = work / "venv" / "bin" / "tthc"
    script.write_text(
        f"#!{python}\nimport sys\nfrom tthc.cli.main import main\n"
        "if __name__ == '__main__':\n    sys.exit(main())\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


def run(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the child) of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, capture_output=True, check=False, env=ENVIRONMENT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def imports(command: list[str], cwd: Path) -> list[tuple[str, float]]:
    """Self time of every imported module, summed by package (ms), largest first (the script
    run by the Python beside it)."""
    result = subprocess.run(
        [str(Path(command[0]).parent / "python"), "-X", "importtime", *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env=ENVIRONMENT,
    )
    by_package: Counter[str] = Counter()
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _, name = line.split(":", 1)[1].split("|")
        parts = name.strip().split(".")
        package = ".".join(parts[:3]) if parts[0] == "tthc" else parts[0]
        by_package[package] += int(self_us)
    return [(name, us / 1000) for name, us in by_package.most_common(12)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=11)
    parser.add_argument("--json", type=Path)
    options = parser.parse_args()
    if shutil.which("npm") is None or not MODEL.exists():
        print("bpmnlint needs npm and the BPMN model (PEERS_BPMN); not measured")
        return 1
    install_bpmnlint()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        one = work / "khai-sinh.tthc"
        one.write_text(
            (ROOT / "examples" / "registry.tthc").read_text(encoding="utf-8")
            + "\n"
            + (ROOT / "examples" / "dang-ky-khai-sinh.tthc").read_text(encoding="utf-8"),
            encoding="utf-8",
        )
        shutil.copy(MODEL, work / "model.bpmn")
        (work / ".bpmnlintrc").write_text('{"extends": "bpmnlint:recommended"}\n', "utf-8")
        arguments = ["check", "--no-cache", "--quiet", one.name]
        tthc = [str(install_wheel(work / "installed")), *arguments]
        editable = [str(TTHC), *arguments]
        peer = [str(BPMNLINT), "model.bpmn"]
        for command in (tthc, peer, editable):  # warm the OS caches and Python's bytecode once
            run(command, work)
        load_before = os.getloadavg()[0]
        ours: list[tuple[float, float]] = []
        theirs: list[tuple[float, float]] = []
        developers: list[tuple[float, float]] = []
        for _ in range(options.pairs):
            ours.append(run(tthc, work))
            theirs.append(run(peer, work))
            developers.append(run(editable, work))
        load_after = os.getloadavg()[0]
        print(f"cold start, one file: {options.pairs} interleaved rounds, medians")
        print(f"load average {load_before:.1f} before, {load_after:.1f} after (2 cores)\n")
        print(f"{'':<50} {'wall ms':>8} {'CPU ms':>8}")
        rows = {}
        for name, samples in (
            ("tthc check --no-cache (installed from a wheel)", ours),
            ("bpmnlint CLI (admin_procedure.bpmn)", theirs),
            ("tthc check --no-cache (editable checkout)", developers),
        ):
            wall = statistics.median(s[0] for s in samples) * 1000
            cpu = statistics.median(s[1] for s in samples) * 1000
            rows[name] = {"wall_ms": wall, "cpu_ms": cpu}
            print(f"{name:<50} {wall:>8.0f} {cpu:>8.0f}")
        (ours_row, peer_row, _) = rows.values()
        print(
            f"\ntthc / bpmnlint: {ours_row['wall_ms'] / peer_row['wall_ms']:.2f}× wall, "
            f"{ours_row['cpu_ms'] / peer_row['cpu_ms']:.2f}× CPU (target <= 1)"
        )
        print("\nwhere the installed tthc's start-up goes (python -X importtime, self ms):")
        for package, ms in imports(tthc, work):
            print(f"  {ms:8.1f}  {package}")
    if options.json:
        options.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
