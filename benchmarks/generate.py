"""A deterministic generator of realistic procedures for the benchmarks, in DSL and YAML.

Input: how many procedures, how many steps each, a seed. Output: the registry
(`registry_data.REGISTRY`) and one procedure per file, written as `.tthc` (and, on request, as
the `.yaml` twin). Procedure `i` depends only on `(seed, i, steps)`, so a corpus of 10,000 starts
with the same procedures as one of 1,000.

Each procedure is what a commune publishes after the 2025 reform: reception by the one-stop
unit; a supplement request sent once, with the clock paused while the applicant supplements;
appraisal and verification steps, some of them choices with a refusal as the default; parallel
consultation of two agencies joined before the next step; a decision signed digitally by the
chairman with its legal basis; the fee, an apology letter on the late path, the result. Every
step has a duration, and the deadline covers all of them. The corpus is meant to pass the
checks, so that a benchmark measures the path a real, clean corpus takes.

    python benchmarks/generate.py OUT --procedures 1000 --steps 20 --seed 2025 [--yaml]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from registry_data import (
    COMPONENTS,
    FIELDS,
    REGISTRY,
    REVIEW_TITLES,
    VERIFICATION_TITLES,
    Field,
)

MIN_STEPS = 8
ONE_STOP, CHAIRMAN = "commune.one_stop", "commune.chairman"


@dataclass
class Step:
    id: str
    kind: str
    title: str
    actor: str
    half_days: int  # durations are whole or half working days
    reads: tuple[str, ...] = ()
    signs: bool = False
    notifies: bool = False
    counterpart: str | None = None
    basis: str | None = None


# One end of an arrow: one step, or several written `all(a, b)`.
Endpoint = tuple[str, ...]


@dataclass
class Line:
    path: list[Endpoint]
    when: str | None = None
    otherwise: bool = False
    paused: bool = False


@dataclass
class Procedure:
    code: str
    name: str
    field: Field
    slug: str
    effective: dt.date
    online: str
    anywhere: bool
    deadline_days: int
    moved_days: int | None
    result: str
    fee: int
    dossier: list[tuple[str, str, str | None, bool]]  # id, title, form, personal
    steps: list[Step] = field(default_factory=list)
    flow: list[Line] = field(default_factory=list)

    @property
    def basis(self) -> str:
        return f"{self.field.law} art 7, {self.field.decree} art 4, nd-118-2025"

    def dsl(self) -> str:
        return to_dsl(self)

    def yaml(self) -> str:
        return to_yaml(self)


def _days(half_days: int) -> str:
    return f"{half_days // 2}.5" if half_days % 2 else str(half_days // 2)


def _endpoint(ids: Endpoint) -> str:
    return ids[0] if len(ids) == 1 else f"all({', '.join(ids)})"


def _line_text(line: Line) -> str:
    text = " -> ".join(_endpoint(e) for e in line.path)
    if line.when:
        text += f" when {line.when}"
    if line.otherwise:
        text += " otherwise"
    if line.paused:
        text += " clock paused"
    return text


# ---- building one procedure -----------------------------------------------------------------


def procedure(index: int, steps: int, seed: int) -> Procedure:
    """Procedure number `index` of the corpus drawn with `seed`, with exactly `steps` steps."""
    if steps < MIN_STEPS:
        raise ValueError(f"a generated procedure has at least {MIN_STEPS} steps")
    rng = random.Random(f"{seed}:{index}")
    area = FIELDS[index % len(FIELDS)]
    slug, name = rng.choice(area.procedures)
    dossier = [(i, t, f, i == "ban_sao_can_cuoc") for i, t, f in COMPONENTS[: rng.randint(2, 5)]]
    proc = Procedure(
        code=f"9.{index:06d}",
        name=name,
        field=area,
        slug=slug,
        effective=dt.date(2025, 7, 1) + dt.timedelta(days=rng.randrange(365)),
        online=rng.choice(("full", "partial")),
        anywhere=rng.random() < 0.3,
        deadline_days=0,
        moved_days=None,
        result=rng.choice(area.results),
        fee=rng.choice((0, 0, 20_000, 50_000, 100_000)),
        dossier=dossier,
    )
    _add_steps_and_flow(proc, steps, rng)
    total = sum(s.half_days for s in proc.steps)
    proc.deadline_days = (total + 1) // 2 + rng.randint(0, 3)
    if rng.random() < 0.5:  # moved from the district level, which took at least as long
        proc.moved_days = proc.deadline_days + rng.randint(0, 5)
    return proc


def _add_steps_and_flow(proc: Procedure, count: int, rng: random.Random) -> None:
    area = proc.field
    with_fee = proc.fee > 0
    tail = 4 + with_fee  # decision, [fee], apology, refusal, result
    body_count = count - 2 - tail  # reception and supplement come first
    steps, edges = proc.steps, []
    reads = tuple(c[0] for c in proc.dossier)
    steps.append(
        Step("tiep_nhan", "reception", "Tiếp nhận, kiểm tra hồ sơ", ONE_STOP, 1, reads=reads)
    )
    steps.append(
        Step("bo_sung", "supplement", "Hướng dẫn bổ sung hồ sơ một lần", ONE_STOP, 1, notifies=True)
    )

    # The body: a sequence of segments, each one step or a parallel consultation of two.
    segments: list[Endpoint] = []
    number, left = 0, body_count
    while left > 0:
        number += 1
        if left >= 3 and segments and len(segments[-1]) == 1 and rng.random() < 0.3:
            block = []
            for (agency, what), suffix in zip(area.counterparts, "ab", strict=True):
                ident = f"lay_y_kien_{number}{suffix}"
                title = f"Lấy ý kiến {what}"
                actor = rng.choice(area.reviewers)
                steps.append(
                    Step(
                        ident, "consultation", title, actor, rng.randint(4, 10), counterpart=agency
                    )
                )
                block.append(ident)
            segments.append(tuple(block))
            left -= 2
            continue
        if segments and rng.random() < 0.3:
            ident, kind, titles = f"xac_minh_{number}", "verification", VERIFICATION_TITLES
        else:
            ident, kind, titles = f"tham_dinh_{number}", "review", REVIEW_TITLES
        step = Step(ident, kind, rng.choice(titles), rng.choice(area.reviewers), rng.randint(2, 6))
        if not segments:
            step.reads = reads[:1]
        steps.append(step)
        segments.append((ident,))
        left -= 1

    decision = Step(
        "ky", "decision", f"Ký {proc.result}", CHAIRMAN, 2, signs=True, basis=f"{area.decree} art 4"
    )
    steps.append(decision)
    first = segments[0]
    edges.append(Line([("start",), ("tiep_nhan",)]))
    edges.append(Line([("tiep_nhan",), first], when="complete"))
    edges.append(Line([("tiep_nhan",), ("bo_sung",)], otherwise=True))
    edges.append(Line([("bo_sung",), first], paused=True))
    for here, after in zip(segments, [*segments[1:], ("ky",)], strict=True):
        # An appraisal may refuse; the last one before the decision always can.
        if len(here) == 1 and (after == ("ky",) or rng.random() < 0.3):
            edges.append(Line([here, after], when=rng.choice(("eligible", "valid", "approved"))))
            edges.append(Line([here, ("tu_choi",)], otherwise=True))
        else:
            edges.append(Line([here, after]))

    last = "ky"
    if with_fee:
        steps.append(Step("thu_phi", "fee", "Thu lệ phí", ONE_STOP, 1))
        edges.append(Line([(last,), ("thu_phi",)]))
        last = "thu_phi"
    title = "Gửi phiếu xin lỗi và hẹn lại ngày trả kết quả"
    steps.append(Step("xin_loi", "apology", title, ONE_STOP, 1, notifies=True))
    edges.append(Line([(last,), ("xin_loi",)], when="late"))
    edges.append(Line([(last,), ("tra",)], otherwise=True))
    edges.append(Line([("xin_loi",), ("tra",)]))
    title = "Từ chối, nêu rõ lý do"
    steps.append(Step("tu_choi", "refusal", title, ONE_STOP, 1, notifies=True))
    # A fully online procedure signs its result digitally too (TT307).
    steps.append(Step("tra", "result", "Trả kết quả", ONE_STOP, 1, signs=proc.online == "full"))
    edges.append(Line([("tra",), ("end",)]))
    edges.append(Line([("tu_choi",), ("end",)]))
    proc.flow.extend(_chain(edges))


def _chain(edges: list[Line]) -> list[Line]:
    """Joins plain arrows that continue one another into `a -> b -> c`, as people write them
    (a qualified arrow stays on its own line, and a chain stops at four names)."""
    lines: list[Line] = []
    for edge in edges:
        last = lines[-1] if lines else None
        if (
            last is not None
            and not (last.when or last.otherwise or last.paused)
            and not (edge.when or edge.otherwise or edge.paused)
            and last.path[-1] == edge.path[0]
            and len(last.path) < 4
        ):
            last.path.append(edge.path[1])
        else:
            lines.append(Line(list(edge.path), edge.when, edge.otherwise, edge.paused))
    return lines


# ---- writing ----------------------------------------------------------------------------


def to_dsl(p: Procedure) -> str:
    out = [
        f'procedure "{p.code}" "{p.name}" {{',
        f'  field       "{p.field.title}"',
        "  level       commune",
        f"  effective   {p.effective.isoformat()}",
        f'  power       "{p.field.power}.{p.slug}"',
        f"  basis       {p.basis}",
        '  applicants  "Cá nhân", "Tổ chức"',
        f"  channels    direct, postal, online {p.online}",
        f"  anywhere    {'yes' if p.anywhere else 'no'}",
        f"  deadline    {p.deadline_days} working_days",
        f'  result      "{p.result}"',
    ]
    if p.fee:
        out.append(f'  fee         {p.fee} "Lệ phí {p.name.lower()}" basis {p.field.decree} art 4')
    if p.moved_days is not None:
        out.append(
            f"  moved {{ from district  basis {p.field.decree} art 4"
            f"  deadline {p.moved_days} working_days }}"
        )
    out += ["", "  dossier {"]
    for ident, title, form, personal in p.dossier:
        extra = (f' form "{form}"' if form else "") + (" personal" if personal else "")
        out.append(f'    {ident:<18} "{title}"{extra} copies 1 required')
    out += ["  }", "", "  steps {"]
    for s in p.steps:
        text = f'    {s.id:<14} {s.kind:<12} "{s.title}"  by {s.actor}'
        text += f"  takes {_days(s.half_days)} working_days"
        if s.reads:
            text += f"  reads {', '.join(s.reads)}"
        if s.counterpart:
            text += f"  with {s.counterpart}"
        if s.signs:
            text += "  signs digital"
        if s.notifies:
            text += "  notifies applicant"
        if s.basis:
            text += f"  basis {s.basis}"
        out.append(text)
    out += ["  }", "", "  flow {"]
    out += [f"    {_line_text(line)}" for line in p.flow]
    out += ["  }", "}", ""]
    return "\n".join(out)


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escaping is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def to_yaml(p: Procedure) -> str:
    out = [
        "procedure:",
        f"  code: {_q(p.code)}",
        f"  name: {_q(p.name)}",
        f"  field: {_q(p.field.title)}",
        "  level: commune",
        f"  effective: {p.effective.isoformat()}",
        f"  power: {_q(f'{p.field.power}.{p.slug}')}",
        f"  basis: [{p.basis}]",
        f"  applicants: [{_q('Cá nhân')}, {_q('Tổ chức')}]",
        f"  channels: [direct, postal, online {p.online}]",
        f"  anywhere: {'yes' if p.anywhere else 'no'}",
        f"  deadline: {p.deadline_days} working_days",
        f"  result: {_q(p.result)}",
    ]
    if p.fee:
        description = _q(f"Lệ phí {p.name.lower()}")
        out.append(
            f"  fee: [{{amount: {p.fee}, description: {description}, basis: {p.field.decree} art 4}}]"
        )
    if p.moved_days is not None:
        out.append(
            f"  moved: {{from: district, basis: {p.field.decree} art 4,"
            f" deadline: {p.moved_days} working_days}}"
        )
    out.append("  dossier:")
    for ident, title, form, personal in p.dossier:
        extra = (f", form: {_q(form)}" if form else "") + (", personal: true" if personal else "")
        out.append(f"    - {{id: {ident}, title: {_q(title)}{extra}, copies: 1, required: true}}")
    out.append("  steps:")
    for s in p.steps:
        text = f"    - {{id: {s.id}, kind: {s.kind}, title: {_q(s.title)}, by: {s.actor}"
        text += f", takes: {_days(s.half_days)} working_days"
        if s.reads:
            text += f", reads: [{', '.join(s.reads)}]"
        if s.counterpart:
            text += f", with: {s.counterpart}"
        if s.signs:
            text += ", signs: digital"
        if s.notifies:
            text += ", notifies: true"
        if s.basis:
            text += f", basis: {s.basis}"
        out.append(text + "}")
    out.append("  flow:")
    out += [f"    - {_line_text(line)}" for line in p.flow]
    return "\n".join(out) + "\n"


def standalone(index: int, steps: int, seed: int) -> str:
    """One self-contained file: the registry and one procedure (for `tthc check FILE`)."""
    return REGISTRY + "\n" + procedure(index, steps, seed).dsl()


def write_corpus(
    out: Path, procedures: int, steps: int, seed: int, yaml: bool = False
) -> list[Path]:
    """Writes `registry.tthc` and `procedures/p00000.tthc`…; returns the procedure files."""
    (out / "procedures").mkdir(parents=True, exist_ok=True)
    (out / "registry.tthc").write_text(REGISTRY, encoding="utf-8")
    if yaml:
        (out / "yaml").mkdir(exist_ok=True)
    files = []
    for index in range(procedures):
        proc = procedure(index, steps, seed)
        path = out / "procedures" / f"p{index:05d}.tthc"
        path.write_text(proc.dsl(), encoding="utf-8")
        if yaml:
            (out / "yaml" / f"p{index:05d}.yaml").write_text(proc.yaml(), encoding="utf-8")
        files.append(path)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the corpus into")
    parser.add_argument("--procedures", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--yaml", action="store_true", help="also write the YAML twins")
    args = parser.parse_args()
    files = write_corpus(args.out, args.procedures, args.steps, args.seed, args.yaml)
    print(f"{len(files)} procedures of {args.steps} steps in {args.out}")


if __name__ == "__main__":
    main()
