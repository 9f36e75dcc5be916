"""The inputs of the standing fuzz run (`make fuzz`): what a hostile pull request can put in a
procedure repository, made reproducibly from a seed and a number.

Input: the seed corpus (every case file of the rule tests, the examples, the faulty examples,
the test registry) and `(seed, number)`. Output: a `Case` — the files to write (names and bytes),
perhaps a configuration, what to do to the cache folder, and the command to run on them.

Mutations work on bytes: a token from a dictionary of inputs that once broke tthc or that break
tools like it (lone surrogates, 5,000-digit numbers, control characters, YAML tags and aliases,
forged workflow commands, invalid UTF-8, other line ends), deleted, repeated, swapped and spliced
pieces of the seeds. Names come from a list of hostile file names (undecodable bytes, `::error`,
escapes, spaces, percent signs, line breaks); configurations from hostile values of every key.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED_FILES = sorted(
    [
        *(ROOT / "tests" / "rules" / "cases").glob("*"),
        *(ROOT / "examples").glob("*.tthc"),
        *(ROOT / "examples").glob("*.yaml"),
        *(ROOT / "examples" / "faulty").glob("*"),
    ]
)
REGISTRY = (ROOT / "tests" / "rules" / "registry" / "base.tthc").read_bytes()
RECORDS = sorted(
    [*(ROOT / "tests" / "importer" / "records").glob("*.json"),
     *(ROOT / "tests" / "importer" / "records" / "csv").glob("*.csv")]
)  # fmt: skip
CALENDARS: tuple[bytes, ...] = (
    b'{"days_off": {"2026-03-10": "why"}, "working_days": {}}', b'{"days_off": []}', b"[]",
    b'{"days_off": {"2026-02-30": "x"}}', b'{"days_off": {"9999-12-31": "' + b"\\ud800" + b'"}}',
    b'{"working_days": {"2026-03-07": 1e400}}', b"{" * 5000, b"\xff", b"", b"null",
    b'{"days_off": {"' + b"1" * 5000 + b'": "x"}}',
)  # fmt: skip

TOKENS: tuple[bytes, ...] = (
    b'"\\uD800"', b'"\\udc80x"', b"\\uD800", b"1" * 5000, b"9" * 29, b"99999999999999999999.5",
    b"\x00", b"\x1b[31m", b"\x0c", b"\x7f", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"\r",
    b"\r\n", b"\t", b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3\x28", b"\xed\xa0\x80", b"\xe2\x80\xae",
    b"\n::error file=README.md,line=1::forged\n", b'"x\\n::error::forged"', b"%0A::warning::x",
    b"&a [1, 2]", b"*a", b"<<: *a", b"!!python/object/apply:os.system ['true']", b"!!binary AA==",
    b"{", b"}", b"[" * 70, b"]" * 70, b"{" * 70, b'"', b"'", b"#", b"# tthc: allow TT501",
    b"# tthc: allow-file TT999 because", b"->", b" -> end", b"procedure", b"steps {", b"flow {",
    b"takes 99999999999999999999999999999 working_days", b"copies 0", b"deadline 0 days",
    b"effective 2025-02-30", b"until 0001-01-01", b"level: commune", b"code: ", b"- ", b": ",
    b"a" * 300, "Đăng ký khai sinh".encode(), "Đăng ký khai sinh".encode("utf-16"),
    "e\u0301".encode(), b"\xe1\xba\xa1", b"&x x\n" + b"y: [*x, *x, *x, *x, *x, *x, *x]\n",
)  # fmt: skip

NAMES: tuple[bytes, ...] = (
    b"p", b"bad\xff\xfe name", b"::error file=README.md,line=1::forged", b"esc\x1b[31m\x0c\x01",
    b"sp ace%20#?", b"-dash", b"\xe2\x80\xaeevil", b"new\nline", b"tab\there", b"sep\xe2\x80\xa8x",
    b"x" * 200, b".hidden", "thủ tục".encode(), b"back\\slash", b"quote\"'", b"semi;colon",
)  # fmt: skip
SUFFIXES = (b".tthc", b".yaml", b".yml")

CONFIG_LINES: tuple[str, ...] = (
    'exclude = ["drafts/"]', 'exclude = ["*.bak.yaml", "**/x/**"]', "exclude = 7",
    'exclude = ["\\u0000"]', 'select = ["TT2", "TT301"]', 'select = ["TT9999", ""]', "select = []",
    'ignore = ["TT5"]', 'ignore = "TT5"', 'fail_on = "warning"', 'fail_on = "never"',
    'lang = "en"', 'lang = "fr"', "registry = [\"registry\"]", 'registry = ["/nonexistent", ""]',
    "[limits]\nmax-bytes = 2000", "[limits]\nmax-findings-per-file = 3\nmax-findings = 5",
    "[limits]\nmax-depth = 0", "[limits]\nmax-steps = 1", "[limits]\nmax-yaml-nodes = 10",
    "[limits]\nmax-bytes = " + "9" * 5000, "[settings]\nmax-supplement-requests = -1",
    "[settings]\nmax-supplement-requests = 1e400", '[per-path."*.yaml"]\nseverity = { TT007 = "error" }',
    '[per-path."["]\nignore = ["TT1"]', "[per-path]\nx = 1", "= broken toml", "\x00", "\xff",
)  # fmt: skip
# Globs that once stalled or crashed discovery (issue 18; matched by a library since issue 16).
GLOB_LINES: tuple[str, ...] = ('exclude = ["[z-a]"]', 'exclude = ["' + "**/" * 12 + 'x"]')

CACHE_DAMAGE = ("keep", "keep", "keep", "flip", "truncate", "garbage", "file", "remove")
FORMATS = ("text", "concise", "json", "sarif", "junit", "github")
CATEGORIES = (
    "check", "fmt", "convert", "graph", "compile", "import", "config", "globs", "cache", "names"
)  # fmt: skip
KINDS = {"check": 6, "fmt": 2, "convert": 2, "graph": 1, "compile": 1, "import": 1}


@dataclass(frozen=True)
class Case:
    number: int
    files: tuple[tuple[bytes, bytes], ...]  # relative name, content
    command: tuple[str, ...]  # after `tthc`; "{0}" stands for the first file's path
    config: str | None = None
    cache: str = "keep"
    form: str = ""  # the output format, for `check`
    output_file: bool = False  # `--output`/`-o` to a file instead of standard output
    tags: tuple[str, ...] = field(default=())


_SEEDS = [(path.suffix.encode(), path.read_bytes()) for path in SEED_FILES if path.is_file()]
_RECORDS = [(path.suffix.encode(), path.read_bytes()) for path in RECORDS]


def mutate(rng: random.Random, data: bytes) -> bytes:
    for _ in range(rng.randint(1, 4)):
        where = rng.randrange(len(data) + 1)
        choice = rng.random()
        if choice < 0.4:
            data = data[:where] + rng.choice(TOKENS) + data[where:]
        elif choice < 0.55:
            data = data[:where] + data[where + rng.randint(1, 60) :]
        elif choice < 0.65:
            piece = data[where : where + rng.randint(1, 200)]
            data = data[:where] + piece * rng.randint(2, 20) + data[where:]
        elif choice < 0.75:
            lines = data.split(b"\n")
            a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[a], lines[b] = lines[b], lines[a]
            data = b"\n".join(lines)
        elif choice < 0.85:
            other = rng.choice(_SEEDS)[1]
            data = data[:where] + other[rng.randrange(len(other) + 1) :]
        elif choice < 0.93:
            digits = [i for i in range(len(data)) if 48 <= data[i] <= 57]
            if digits:
                at = rng.choice(digits)
                data = data[:at] + rng.choice((b"9" * 40, b"1" * 4400, b"0.0000001")) + data[at:]
        else:
            data = data[: rng.randrange(len(data) + 1)]
    return data[:200_000]


def make_case(seed: int, number: int, skip: frozenset[str] = frozenset()) -> Case:
    rng = random.Random(f"{seed}:{number}")
    suffix, content = rng.choice(_SEEDS)
    if rng.random() < 0.85:
        content = mutate(rng, content)
    if suffix not in SUFFIXES or rng.random() < 0.1:
        suffix = rng.choice(SUFFIXES)
    stem = b"p"
    if "names" not in skip and rng.random() < 0.3:
        stem = rng.choice(NAMES)
    name = stem + suffix
    files = [(name, content)]
    if rng.random() < 0.7:
        files.append((b"registry.tthc", REGISTRY))
    config = None
    if "config" not in skip and rng.random() < 0.2:
        pool = CONFIG_LINES + (GLOB_LINES if "globs" not in skip else ())
        config = "\n".join(rng.sample(pool, rng.randint(1, 3))) + "\n"
    cache = rng.choice(CACHE_DAMAGE) if "cache" not in skip else "keep"
    kinds = [k for k in KINDS if k not in skip]
    kind = rng.choices(kinds, weights=[KINDS[k] for k in kinds])[0]
    if kind == "import" and _RECORDS:
        suffix, record = rng.choice(_RECORDS)
        files[0] = (stem + suffix, mutate(rng, record) if rng.random() < 0.85 else record)
    output_file = rng.random() < 0.1
    form = ""
    if kind == "check":
        form = rng.choice(FORMATS)
        command: tuple[str, ...] = ("check", "--jobs", "1", "--format", form)
        if form in ("text", "concise") and rng.random() < 0.15:
            command += ("--statistics",)
        if rng.random() < 0.1:
            command += ("--lang", rng.choice(("vi", "en")))
        if rng.random() < 0.05:
            command += ("--select", rng.choice(("TT0", "TT5,TT6", "TT999")))
        command += ("-o", "report.out") if output_file else ()
        command += (rng.choice((".", "{0}")),)
    elif kind == "fmt":
        command = ("fmt", rng.choice(("--check", "--diff", "--diff")), "{0}")
    elif kind == "convert":
        command = ("convert", "{0}", *(("-o", "report.out") if output_file else ()))
    elif kind == "graph":
        command = ("graph", "{0}", "--format", rng.choice(("json", "dot")))
    elif kind == "compile":
        command = ("compile", rng.choice((".", "{0}")), "-o", "report.out")
        if rng.random() < 0.3:
            files.append((b"calendar.json", rng.choice(CALENDARS)))
            command += ("--calendar", "calendar.json")
        output_file = True
    else:
        form = rng.choice(("text", "json"))
        command = ("import", "{0}", "-o", "drafts", "--format", form)
        if rng.random() < 0.2:
            command += ("--no-check",)
    return Case(number, tuple(files), command, config, cache, form, output_file, (kind,))
