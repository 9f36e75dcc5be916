"""District → commune: the draft of a procedure after the 2025 move, from the registry.

Input: a district-level `ast.Procedure`, the resolved `Model` holding the registry (authorities,
instruments, transfers), the `LegalRecords` (article end dates) and the day of the move
(2025-07-01 by default). Output: a `Migration`: the drafted procedure (commune level, or
province when the transfer says so) and every `Decision` taken, with its status:

- `taken`: the registry says it (an actor replaced by the receiver of a transfer of the same
  power; the transfer's instrument added to the basis and to `moved`; an end date from the
  instruments cited);
- `check`: tthc guessed, the drafter confirms (an actor with no transfer mapped to the unit of
  the same name at the new level; a replaced instrument cited without its article; the old
  deadline kept, since a transfer sets none);
- `open`: tthc could not decide (a power with no transfer, a transfer to the province, a step
  whose actor has no successor, a cited text that ended with no replacement).

The draft is a normal source file (`Migration.text`); `tthc check` on it is the next step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from tthc.compiler.legal_records import LegalRecords, citations
from tthc.compiler.model import Model
from tthc.dsl import Message, ast
from tthc.dsl.printer.dsl import format_dsl
from tthc.dsl.span import Span

REFORM_DAY = dt.date(2025, 7, 1)
STATUSES = ("taken", "check", "open")


@dataclass(frozen=True)
class Decision:
    """One decision of the migration: its status, the aspect and item it concerns (the names
    `tthc diff` uses), and why, in both languages."""

    status: str
    aspect: str
    item: str
    message: Message


@dataclass(frozen=True)
class Migration:
    procedure: ast.Procedure | None
    decisions: tuple[Decision, ...]

    def pending(self) -> list[Decision]:
        """The decisions a drafter must look at (`check` and `open`)."""
        return [d for d in self.decisions if d.status != "taken"]

    def text(self) -> str:
        """The draft as `.tthc` source, headed by the decisions still to take."""
        if self.procedure is None:
            return ""
        head = ["# Bản nháp do `tthc migrate` tạo / draft made by `tthc migrate`."]
        for decision in self.pending():
            item = f" [{decision.item}]" if decision.item else ""
            head.append(
                f"# {decision.status.upper()} {decision.aspect}{item}: {decision.message.vi}"
            )
        document = ast.Document(span=self.procedure.span, procedures=(self.procedure,))
        return "\n".join(head) + "\n" + format_dsl(document)


def _covers(power: str, held: str) -> bool:
    return power == held or power.startswith(held + ".")


def _name(span: Span, value: str) -> ast.Name:
    return ast.Name(span=span, value=value)


class _Migrator:
    """Holds the inputs and the decisions while one procedure is migrated."""

    def __init__(self, old: ast.Procedure, model: Model, records: LegalRecords, on: dt.date):
        self.old, self.model, self.records, self.on = old, model, records, on
        self.decisions: list[Decision] = []

    def decide(self, status: str, aspect: str, item: str, vi: str, en: str) -> None:
        self.decisions.append(Decision(status, aspect, item, Message(vi=vi, en=en)))

    def transfers(self) -> list[ast.Transfer]:
        power = self.old.power.value if self.old.power is not None else ""
        return [t for t in self.model.transfers.values() if _covers(power, t.power.value)]

    def target_level(self, transfers: list[ast.Transfer]) -> ast.Level:
        levels = {
            a.level
            for t in transfers
            if (a := self.model.authorities.get(t.receiver.value)) is not None
        }
        if ast.Level.PROVINCE in levels:
            self.decide(
                "open",
                "level",
                "",
                "Có văn bản chuyển thẩm quyền này lên cấp tỉnh: quyết định cấp thực hiện",
                "A transfer moves this power to the province: decide the level",
            )
            return ast.Level.PROVINCE if ast.Level.COMMUNE not in levels else ast.Level.COMMUNE
        return ast.Level.COMMUNE

    def actor(
        self, old: str, level: ast.Level, transfers: list[ast.Transfer], item: str
    ) -> tuple[str, ast.Transfer | None]:
        """The actor at the new level, and the transfer that names it (None when guessed)."""
        authority = self.model.authorities.get(old)
        if authority is None or authority.level is not ast.Level.DISTRICT:
            return old, None
        by_transfer = [t for t in transfers if t.giver is not None and t.giver.value == old]
        if by_transfer:
            new = by_transfer[0].receiver.value
            self.decide(
                "taken",
                "step.actor",
                item,
                f"{old} → {new} theo chuyển giao “{by_transfer[0].id.value}”",
                f"{old} → {new} by the transfer '{by_transfer[0].id.value}'",
            )
            return new, by_transfer[0]
        same = f"{level.value}.{old.split('.', 1)[1]}"
        if same in self.model.authorities:
            self.decide(
                "check",
                "step.actor",
                item,
                f"{old} → {same}: không có chuyển giao cho chủ thể này, lấy chủ thể cùng tên",
                f"{old} → {same}: no transfer names this actor; the one of the same name is used",
            )
            return same, None
        self.decide(
            "open",
            "step.actor",
            item,
            f"Chủ thể {old} không còn và không có chủ thể kế thừa: chọn chủ thể cấp mới",
            f"The actor {old} is gone and has no successor: choose one at the new level",
        )
        return old, None

    def citation(self, citation: ast.Citation, item: str) -> ast.Citation | None:
        """The citation on the day of the move: kept, replaced, or None when dropped."""
        last = self.records.last_day(self.model, citation)
        if last is None or last >= self.on:
            return citation
        instrument = citation.instrument.value
        newer = [
            i
            for i in self.model.replaced_by(instrument)
            if i.in_force is None or i.in_force <= self.on
        ]
        if not newer:
            self.decide(
                "open",
                "basis",
                item,
                f"Căn cứ {instrument} hết hiệu lực ngày {last}, không có văn bản thay thế",
                f"The basis {instrument} ended on {last} and nothing replaces it",
            )
            return citation
        self.decide(
            "check",
            "basis",
            item,
            f"{instrument} → {newer[0].id.value} (văn bản thay thế; điều, khoản cần ghi lại)",
            f"{instrument} → {newer[0].id.value} (the replacing text; give the article again)",
        )
        return ast.Citation(span=citation.span, instrument=_name(citation.span, newer[0].id.value))

    def cite(
        self, cited: tuple[ast.Citation, ...], item: str, extra: tuple[ast.Citation, ...] = ()
    ) -> tuple[ast.Citation, ...]:
        kept = [c for c in (self.citation(c, item) for c in cited) if c is not None]
        return _unique([*kept, *extra])


def migrate(
    old: ast.Procedure, model: Model, records: LegalRecords, on: dt.date = REFORM_DAY
) -> Migration:
    """The commune-level (or province-level) draft of a district procedure, and its decisions."""
    work = _Migrator(old, model, records, on)
    if old.level is not ast.Level.DISTRICT:
        work.decide(
            "open",
            "level",
            "",
            "Thủ tục không ở cấp huyện: không có gì để chuyển",
            "The procedure is not at district level: nothing to move",
        )
        return Migration(None, tuple(work.decisions))
    transfers = work.transfers()
    if not transfers:
        work.decide(
            "open",
            "power",
            "",
            "Không có văn bản chuyển giao nào cho thẩm quyền này: tìm văn bản hoặc bổ sung sổ đăng ký",
            "No transfer covers this power: find the instrument or add it to the registry",
        )
    level = work.target_level(transfers)
    moved_basis = _unique(c for t in transfers for c in t.basis)
    steps = []
    for step in old.steps:
        item = step.id.value
        actor, by = step.actor, None
        if actor is not None:
            new, by = work.actor(actor.value, level, transfers, item)
            actor = _name(actor.span, new)
        counterpart = step.counterpart
        if counterpart is not None:
            new_counterpart, _ = work.actor(counterpart.value, level, transfers, item)
            counterpart = _name(counterpart.span, new_counterpart)
        # A decision now taken under a transfer cites the transfer's instrument too.
        extra = by.basis if by is not None and step.kind is ast.StepKind.DECISION else ()
        steps.append(
            step.model_copy(
                update={
                    "actor": actor,
                    "counterpart": counterpart,
                    "basis": work.cite(step.basis, item, extra),
                }
            )
        )
    basis = work.cite(old.basis, "", moved_basis)
    if transfers:
        names = ", ".join(t.id.value for t in transfers)
        work.decide(
            "taken",
            "moved",
            "",
            f"Chuyển từ cấp huyện theo: {names}",
            f"Moved from the district level by: {names}",
        )
    # The old deadline `moved` records is the one with no condition; `immediately` has no duration.
    durations = [
        d.duration for d in old.deadlines if d.duration is not None and d.condition is None
    ]
    work.decide(
        "check",
        "deadline",
        "",
        "Văn bản chuyển giao không ghi thời hạn: giữ thời hạn cũ, đối chiếu phụ lục của văn bản",
        "The transfer sets no deadline: the old one is kept; check the instrument's annex",
    )
    moved = ast.Moved(
        span=old.span,
        level=ast.Level.DISTRICT,
        basis=moved_basis,
        deadline=durations[0] if durations else None,
    )
    draft = old.model_copy(
        update={
            "level": level,
            "effective": on,
            "until": None,
            "moved": moved if transfers else None,
        }
    )
    draft = draft.model_copy(update={"basis": basis, "steps": tuple(steps)})
    ends = [d for c in citations(draft) if (d := records.last_day(model, c)) is not None]
    if ends:
        until = min(ends)
        draft = draft.model_copy(update={"until": until})
        work.decide(
            "taken",
            "until",
            "",
            f"Ngày cuối {until}: ngày cuối của căn cứ sớm nhất",
            f"Last day {until}: the last day of the earliest-ending basis",
        )
    return Migration(draft, tuple(work.decisions))


def _unique(cited: Iterable[ast.Citation]) -> tuple[ast.Citation, ...]:
    """The citations once each, by what they say (spans differ between files)."""
    seen: dict[tuple[str, str | None, str | None], ast.Citation] = {}
    for c in cited:
        seen.setdefault((c.instrument.value, c.article, c.clause), c)
    return tuple(seen.values())
