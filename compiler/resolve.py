"""Name resolution: the documents of a project → `Outcome[Model]`.

Input: parsed documents. Output: the `Model`. The registry is resolved first and each
procedure then against it alone (`resolve_registry`, `resolve_procedure`). Every reference (step, dossier component,
authority, instrument) is bound here, once; an unknown name is TT005 with the closest known
name suggested, a name declared twice in one scope is TT004.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from tthc.compiler.model import END, START, Model, ProcedureModel, Registry
from tthc.dsl import ast
from tthc.dsl.codes import make_diagnostic
from tthc.dsl.diagnostics import Diagnostic, Message, Outcome, Related

Declared = TypeVar(
    "Declared",
    ast.Authority,
    ast.Instrument,
    ast.Grant,
    ast.Transfer,
    ast.Step,
    ast.Component,
    ast.Phase,
)

WHAT = {
    "authority": ("cơ quan, chức danh", "authority"),
    "instrument": ("văn bản pháp luật", "legal instrument"),
    "step": ("bước", "step"),
    "component": ("thành phần hồ sơ", "dossier component"),
    "grant": ("giao quyền", "grant"),
    "transfer": ("chuyển giao", "transfer"),
    "phase": ("giai đoạn", "phase"),
    "outcome": ("kết quả rẽ nhánh (when trong trình tự)", "outcome (a `when` of the flow)"),
}


def resolve(documents: Sequence[ast.Document]) -> Outcome[Model]:
    """Binds every name of a project; the model is returned even when names are missing."""
    registry = resolve_registry(documents)
    assert registry.value is not None  # a registry always resolves, perhaps with problems
    problems = list(registry.diagnostics)
    procedures: list[ProcedureModel] = []
    for node in (p for d in documents for p in d.procedures):
        resolved = resolve_procedure(registry.value, node)
        problems.extend(resolved.diagnostics)
        procedures.extend([resolved.value] if resolved.value else [])
    return Outcome(registry.value.with_procedures(procedures), problems)


def resolve_registry(documents: Sequence[ast.Document]) -> Outcome[Registry]:
    """The registry of the documents (authorities, instruments, grants, transfers), names
    bound; their procedures are left out (`resolve_procedure` binds each against it). Used
    alone when the procedures are resolved elsewhere: in the workers of `tthc check`."""
    problems: list[Diagnostic] = []
    model = Registry(
        authorities=_table((a for d in documents for a in d.authorities), "authority", problems),
        instruments=_table((i for d in documents for i in d.instruments), "instrument", problems),
        grants=_table((g for d in documents for g in d.grants), "grant", problems),
        transfers=_table((t for d in documents for t in d.transfers), "transfer", problems),
    )
    _check_registry(model, problems)
    return Outcome(model, problems)


def resolve_procedure(registry: Registry, node: ast.Procedure) -> Outcome[ProcedureModel]:
    """One procedure, its names bound against the registry: it reads nothing of the other
    procedures, so procedures resolve independently of one another."""
    problems: list[Diagnostic] = []
    procedure = _procedure(node, problems)
    references: list[Diagnostic] = []  # unknown authorities and instruments
    _check_procedure(registry, procedure, problems, references)
    if references and not registry.authorities and not registry.instruments:
        references = [_no_registry(references)]
    return Outcome(procedure, [*problems, *references])


def _no_registry(references: Sequence[Diagnostic]) -> Diagnostic:
    """One finding instead of one per reference when no registry was loaded at all: the
    drafter forgot the registry, not every name."""
    count = len(references)
    return make_diagnostic(
        "TT005",
        references[0].span,
        Message(
            vi=f"Chưa nạp danh mục cơ quan và văn bản (registry): {count} tham chiếu tới cơ quan, văn bản pháp luật không kiểm tra được",
            en=f"No registry was loaded: {count} references to authorities and legal instruments cannot be resolved",
        ),
        Message(
            vi='Khai báo thư mục danh mục trong tthc.toml cạnh thủ tục, ví dụ registry = ["registry"] (xem docs/configuration.md), hoặc kiểm tra cùng thư mục danh mục',
            en='Name the registry folder in a tthc.toml beside the procedures, e.g. registry = ["registry"] (see docs/configuration.md), or check it together with the registry folder',
        ),
    )


def _table(items: Iterable[Declared], what: str, problems: list[Diagnostic]) -> dict[str, Declared]:
    table: dict[str, Declared] = {}
    for item in items:
        key = item.id.value
        if key in table:
            problems.append(_duplicate(item.id, table[key].id, what))
        else:
            table[key] = item
    return table


def _procedure(node: ast.Procedure, problems: list[Diagnostic]) -> ProcedureModel:
    steps = _table(node.steps, "step", problems)
    for reserved in (START, END):
        if reserved in steps:
            problems.append(
                make_diagnostic(
                    "TT003",
                    steps[reserved].id.span,
                    Message(
                        vi=f"'{reserved}' là tên dành riêng cho điểm đầu, điểm cuối của luồng",
                        en=f"'{reserved}' is reserved for the start and end of the flow",
                    ),
                    Message(vi="Đặt tên khác cho bước này", en="Give this step another name"),
                )
            )
    return ProcedureModel(
        node=node, steps=steps, components=_table(node.dossier, "component", problems)
    )


def _check_registry(model: Registry, problems: list[Diagnostic]) -> None:
    spellings: dict[str, ast.Authority] = {}
    for authority in model.authorities.values():
        _bind(authority.of, model.authorities, "authority", problems)
        for alias in authority.aliases:
            first = spellings.setdefault(spelling(alias), authority)
            if first is not authority:
                problems.append(_duplicate_alias(alias, authority, first))
    for instrument in model.instruments.values():
        for name in instrument.replaces:
            _bind(name, model.instruments, "instrument", problems)
    grants: list[ast.Grant | ast.Transfer] = [*model.grants.values(), *model.transfers.values()]
    for grant in grants:
        _bind(grant.giver, model.authorities, "authority", problems)
        _bind(grant.receiver, model.authorities, "authority", problems)
        _citations(grant.basis, model, problems)


def _check_procedure(
    model: Registry,
    procedure: ProcedureModel,
    problems: list[Diagnostic],
    references: list[Diagnostic],
) -> None:
    """Binds a procedure's names: unknown steps and components go to `problems`, unknown
    authorities and instruments (the registry's names) to `references`."""
    # Each name looked up here, `_bind` called only for one not found: ~100 names a procedure,
    # nearly all found (the call itself was a third of resolving).
    node = procedure.node
    authorities = model.authorities
    _citations(node.basis, model, references)
    if node.moved is not None:
        _citations(node.moved.basis, model, references)
    for fee in node.fees:
        _citations(fee.basis, model, references)
    components = procedure.components
    for step in node.steps:
        actor = step.actor
        if actor is not None and actor.value not in authorities:
            _bind(actor, authorities, "authority", references)
        for name in step.alternatives:
            if name.value not in authorities:
                _bind(name, authorities, "authority", references)
        counterpart = step.counterpart
        if counterpart is not None and counterpart.value not in authorities:
            _bind(counterpart, authorities, "authority", references)
        for coordination in step.coordinates:
            if coordination.authority.value not in authorities:
                _bind(coordination.authority, authorities, "authority", references)
        for name in step.reads:
            if name.value not in components:
                _bind(name, components, "component", problems)
        _citations(step.basis, model, references)
    _table(node.phases, "phase", problems)  # a phase named twice is TT004
    for phase in node.phases:
        for name in phase.steps:
            _bind(name, procedure.steps, "step", problems)
    flow_names = {**procedure.steps, START: None, END: None}
    for line in node.flow:
        for endpoint in line.path:
            for name in endpoint.steps:
                if name.value not in flow_names:
                    _bind(name, flow_names, "step", problems)
    _deadline_ties(procedure, problems)


def _deadline_ties(procedure: ProcedureModel, problems: list[Diagnostic]) -> None:
    """A deadline tied to the flow names steps (`through`, `avoiding`) and outcomes (`via`, the
    `when x` of flow lines): each must be there, or the paths it governs are not what it says."""
    outcomes = {line.when.value: None for line in procedure.node.flow if line.when is not None}
    for deadline in procedure.node.deadlines:
        for name in (*deadline.through, *deadline.avoiding):
            _bind(name, procedure.steps, "step", problems)
        for name in deadline.via:
            _bind(name, outcomes, "outcome", problems)


def _citations(
    citations: Iterable[ast.Citation], model: Registry, problems: list[Diagnostic]
) -> None:
    instruments = model.instruments
    for citation in citations:
        if citation.instrument.value not in instruments:  # (as `_check_procedure` binds)
            _bind(citation.instrument, instruments, "instrument", problems)


def _bind(
    name: ast.Name | None, table: Mapping[str, object], what: str, problems: list[Diagnostic]
) -> None:
    if name is None or name.value in table:
        return
    vi, en = WHAT[what]
    import difflib  # only for a name that is not found: off a clean check's start-up

    close = difflib.get_close_matches(name.value, list(table), n=1, cutoff=0.6)
    help = (
        Message(vi=f"Có phải ý bạn là '{close[0]}'?", en=f"Did you mean '{close[0]}'?")
        if close
        else Message(
            vi=f"Ghi 'when {name.value}' trên mũi tên của nhánh đó trong 'flow', hoặc sửa lại tên",
            en=f"Write 'when {name.value}' on that branch's arrow in 'flow', or correct the name",
        )
        if what == "outcome"
        else Message(
            vi=f"Khai báo {vi} '{name.value}' hoặc sửa lại tên",
            en=f"Declare the {en} '{name.value}' or correct the name",
        )
    )
    problems.append(
        make_diagnostic(
            "TT005",
            name.span,
            Message(vi=f"Không tìm thấy {vi} '{name.value}'", en=f"Unknown {en} '{name.value}'"),
            help,
        )
    )


def spelling(text: str) -> str:
    """A unit's name as `Registry.named` compares it: NFC, case and spacing aside."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _duplicate_alias(alias: str, authority: ast.Authority, first: ast.Authority) -> Diagnostic:
    return make_diagnostic(
        "TT004",
        authority.id.span,
        Message(
            vi=f"Tên gọi khác \"{alias}\" được dùng cho hai cơ quan: '{first.id.value}' và "
            f"'{authority.id.value}'",
            en=f"The alias \"{alias}\" names two authorities: '{first.id.value}' and "
            f"'{authority.id.value}'",
        ),
        Message(
            vi="Một tên gọi chỉ một cơ quan: xóa tên gọi ở một trong hai",
            en="One spelling names one authority: remove the alias from one of them",
        ),
        related=(
            Related(
                span=first.id.span,
                message=Message(vi="Dùng lần đầu ở đây", en="First used here"),
            ),
        ),
    )


def _duplicate(name: ast.Name, first: ast.Name, what: str) -> Diagnostic:
    vi, en = WHAT[what]
    return make_diagnostic(
        "TT004",
        name.span,
        Message(
            vi=f"{vi.capitalize()} '{name.value}' được khai báo hai lần",
            en=f"The {en} '{name.value}' is declared twice",
        ),
        Message(
            vi="Đổi tên một trong hai, hoặc xóa bản trùng",
            en="Rename one of them, or remove the copy",
        ),
        related=(
            Related(
                span=first.span,
                message=Message(vi="Khai báo lần đầu ở đây", en="First declared here"),
            ),
        ),
    )
