"""The abstract syntax tree that both front ends (DSL and YAML) produce.

Input: built by `tthc.dsl.reading.parser` and `tthc.dsl.yaml.loader`. Output: frozen pydantic
models, every node with a `Span`. Two twins of one procedure give equal trees once spans are set
aside (`without_spans`). Field names are the YAML keys, so the YAML form *is* this model.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from tthc.dsl.span import Span


class Node(BaseModel):
    # Aliases are the DSL keywords (`by`, `takes`, `from`, `to`), which the YAML form uses as
    # keys too; Python code uses the plain field names.
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)

    span: Span


# --- vocabularies -------------------------------------------------------------------------


class Level(StrEnum):
    """Tier of government. `district` exists for history: it ended on 2025-06-30."""

    CENTRAL = "central"
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"


class AuthorityKind(StrEnum):
    PERSON = "person"  # an individual by title: Chủ tịch UBND
    COLLECTIVE = "collective"  # a collective body: Ủy ban nhân dân, Hội đồng nhân dân
    UNIT = "unit"  # an office or division: Trung tâm phục vụ hành chính công, Phòng Kinh tế


class InstrumentKind(StrEnum):
    LAW = "law"  # luật, bộ luật
    RESOLUTION = "resolution"  # nghị quyết của Quốc hội / Ủy ban Thường vụ Quốc hội
    DECREE = "decree"  # nghị định
    CIRCULAR = "circular"  # thông tư
    DECISION = "decision"  # quyết định (quy phạm)
    LOCAL_RESOLUTION = "local_resolution"  # nghị quyết của HĐND
    DISPATCH = "dispatch"  # công văn, công điện: not a normative document
    ACT = "act"  # văn bản hành chính cá biệt (e.g. a written ủy quyền)


class GrantMode(StrEnum):
    DEVOLUTION = "devolution"  # phân quyền: by law or National Assembly resolution
    DECENTRALIZATION = "decentralization"  # phân cấp: by a normative document
    AUTHORIZATION = "authorization"  # ủy quyền: by a written act, with a term
    # phân định thẩm quyền: a law, resolution or decree assigns the power to a level of local
    # government as its own (the June 2025 decrees, e.g. 151/2025/NĐ-CP): held like a devolved
    # power, not a decentralised one, so its holder may authorise (ủy quyền) it onward.
    DELINEATION = "delineation"


class Confidence(StrEnum):
    """How sure the data is, as the registry marks facts: (V) verified in the official text,
    (P) partly, (U) unverified. A declaration that states none has `None`: nobody claimed a
    verification, so it counts as unverified, and the printers never write a confidence the
    author did not write (issue 11)."""

    VERIFIED = "verified"
    PARTIAL = "partial"
    UNVERIFIED = "unverified"


class StepKind(StrEnum):
    RECEPTION = "reception"  # tiếp nhận, kiểm tra tính đầy đủ
    SUPPLEMENT = "supplement"  # yêu cầu bổ sung, hoàn thiện hồ sơ
    TRANSFER = "transfer"  # chuyển hồ sơ
    REVIEW = "review"  # thẩm định, xử lý
    VERIFICATION = "verification"  # xác minh
    CONSULTATION = "consultation"  # lấy ý kiến, liên thông
    DECISION = "decision"  # quyết định, phê duyệt
    SIGNATURE = "signature"  # ký
    FEE = "fee"  # thu phí, lệ phí
    REFUSAL = "refusal"  # từ chối, nêu rõ lý do
    APOLOGY = "apology"  # phiếu xin lỗi và hẹn lại ngày trả kết quả
    RESULT = "result"  # trả kết quả
    # Timed steps real records publish with a period of their own (issue 11); like every step,
    # their `takes` counts toward the deadline unless the step is `not counted`.
    POSTING = "posting"  # niêm yết công khai (N ngày)
    WAITING = "waiting"  # thời gian chờ theo luật định (lấy ý kiến, khiếu nại)
    PAYMENT = "payment"  # người nộp thực hiện nghĩa vụ tài chính


class DurationUnit(StrEnum):
    WORKING_DAYS = "working_days"
    DAYS = "days"
    WORKING_HOURS = "working_hours"
    HOURS = "hours"

    @property
    def is_working(self) -> bool:
        return self in (DurationUnit.WORKING_DAYS, DurationUnit.WORKING_HOURS)


class ChannelKind(StrEnum):
    DIRECT = "direct"
    POSTAL = "postal"
    ONLINE = "online"


class OnlineLevel(StrEnum):
    FULL = "full"  # trực tuyến toàn trình
    PARTIAL = "partial"  # trực tuyến một phần


class SignatureKind(StrEnum):
    DIGITAL = "digital"
    HANDWRITTEN = "handwritten"


class DayRule(StrEnum):
    """How calendar days and working days compare when a procedure mixes them (TT504, TT501).
    Without a `day_rule` the project's setting applies (`day-rule`, default
    `calendar_as_working`: internal processes give step times in "ngày" against deadlines in
    "ngày làm việc", and the days of such a process are working days)."""

    CALENDAR_AS_WORKING = "calendar_as_working"  # one calendar day counts as one working day
    STRICT = "strict"  # no conversion: a mix cannot be compared (TT504), TT501 cannot run


class Unstated(StrEnum):
    """A part of a procedure its published source does not state (`unstated code, result`):
    the draft says so instead of inventing it, TT607 reports it once as incomplete data, and
    the checks that would report the part as missing (TT601, TT603, TT105) leave it to TT607.
    `code` means the code written is a stand-in, not the national code."""

    CODE = "code"
    FIELD = "field"
    LEVEL = "level"
    EFFECTIVE = "effective"
    BASIS = "basis"
    APPLICANTS = "applicants"
    CHANNELS = "channels"
    DEADLINE = "deadline"
    RESULT = "result"
    FEE = "fee"
    DOSSIER = "dossier"
    STEPS = "steps"  # the internal process (quy trình nội bộ): no steps, no flow


# --- small nodes --------------------------------------------------------------------------


class Name(Node):
    """An identifier as written: a definition or a reference, with its own span."""

    value: str


class Text(Node):
    """A spanned literal: a procedure code, a power, a condition."""

    value: str


class Citation(Node):
    """A legal basis: an instrument from the registry and, optionally, the article and clause."""

    instrument: Name
    article: str | None = None
    clause: str | None = None


class Duration(Node):
    amount: Decimal
    unit: DurationUnit


class Deadline(Node):
    """`immediately`, or a duration, optionally under a condition ("vùng khó khăn"). A range
    ("30–35 ngày": `30 to 35 days`) keeps its lower amount in `least`, in the duration's unit;
    the check holds the process to the upper one. An extension ("+10 ngày đối với vùng sâu,
    vùng xa": `+10 days when "…"`) adds its duration to the narrowest plain deadline.

    A variant may be tied to the flow (issue 11): it then governs only the timed paths that pass
    every step of `through`, take an arrow of every outcome of `via` (`when x` in the flow) and
    pass no step of `avoiding`; TT501 holds those paths to it. Untied, it keeps the meaning the
    rule gives every deadline (the widest on every path, the plain one off verification)."""

    immediate: bool = False
    duration: Duration | None = None
    condition: str | None = None
    least: Decimal | None = None
    extension: bool = False
    through: tuple[Name, ...] = ()
    via: tuple[Name, ...] = ()
    avoiding: tuple[Name, ...] = ()

    @property
    def tied(self) -> bool:
        """Whether the variant names the paths it governs."""
        return bool(self.through or self.via or self.avoiding)


class Channel(Node):
    kind: ChannelKind
    online: OnlineLevel | None = None


class Fee(Node):
    amount: int
    description: str
    basis: tuple[Citation, ...] = ()


class Component(Node):
    """A dossier component (thành phần hồ sơ)."""

    id: Name
    title: str
    form: str | None = None
    copies: int = 1
    required: bool = True
    personal: bool = False


class Coordination(Node):
    """Another body that works on a step ("X phối hợp Y"), with the time it has, if stated: the
    time runs inside the step's own (TT506); a step without `takes` counts its longest
    coordination. The runtime can hand the dossier to `authority` until the time is up."""

    authority: Name
    duration: Duration | None = None


class Step(Node):
    id: Name
    kind: StepKind
    title: str
    actor: Name | None = Field(None, alias="by")
    # "Lãnh đạo X": the head of the unit `by`, or a deputy acting for it (`by head of X`).
    head: bool = False
    # Other units that may carry out the step instead ("Trung tâm Phục vụ HCC tỉnh, xã, hoặc
    # Chi nhánh VPĐKĐĐ"): `by a or b or c`.
    alternatives: tuple[Name, ...] = Field((), alias="or")
    duration: Duration | None = Field(None, alias="takes")
    reads: tuple[Name, ...] = ()
    signs: SignatureKind | None = None
    notifies: bool = False
    counterpart: Name | None = Field(None, alias="with")
    basis: tuple[Citation, ...] = ()
    coordinates: tuple[Coordination, ...] = ()
    # How this step's time compares with the deadline's kind of day, when it differs from the
    # procedure's `day_rule` (a posting "15 ngày" read strictly in a process of working days).
    day_rule: DayRule | None = None
    # "Thời gian ... không tính vào thời hạn giải quyết": the record says the step's time is
    # outside the time limit (the applicant paying, a posting period); the clock skips it.
    counted: bool = True


class Phase(Node):
    """A phase (giai đoạn) of the internal process: a group of steps with its own time budget.
    The longest timed path through its steps must fit the budget (TT505)."""

    id: Name
    title: str
    budget: Duration | None = None
    steps: tuple[Name, ...] = ()


class Endpoint(Node):
    """One end of a flow arrow: `start`, `end`, a step, or `all(a, b)` for a parallel set."""

    steps: tuple[Name, ...]
    parallel: bool = False


class FlowLine(Node):
    """`a -> b -> c`, optionally `when outcome`, `otherwise` or `clock paused` (last arrow)."""

    path: tuple[Endpoint, ...]
    when: Name | None = None
    otherwise: bool = False
    paused: bool = False


class Moved(Node):
    """Where a procedure moved from in the 2025 reform, by which instrument, the old deadline."""

    level: Level = Field(alias="from")
    basis: tuple[Citation, ...] = ()
    deadline: Duration | None = None


# --- declarations -------------------------------------------------------------------------


class Procedure(Node):
    code: Text
    name: str
    field: str | None = None
    level: Level | None = None
    effective: dt.date | None = None
    until: dt.date | None = None
    power: Text | None = None
    moved: Moved | None = None
    basis: tuple[Citation, ...] = ()
    applicants: tuple[str, ...] = ()
    channels: tuple[Channel, ...] = ()
    anywhere: bool | None = None
    deadlines: tuple[Deadline, ...] = Field((), alias="deadline")
    day_rule: DayRule | None = None
    results: tuple[str, ...] = Field((), alias="result")
    fees: tuple[Fee, ...] = Field((), alias="fee")
    links: tuple[Text, ...] = ()
    two_persons: bool = False
    unstated: tuple[Unstated, ...] = ()
    dossier: tuple[Component, ...] = ()
    steps: tuple[Step, ...] = ()
    phases: tuple[Phase, ...] = ()
    flow: tuple[FlowLine, ...] = ()


class Authority(Node):
    id: Name
    title: str
    level: Level | None = None
    kind: AuthorityKind | None = None
    of: Name | None = None  # the collective body an individual heads or a unit belongs to
    one_stop: bool = False
    staff: int | None = None
    starts: dt.date | None = None
    until: dt.date | None = None
    # Other spellings of the title that published records use ("Chi nhánh VPĐKĐĐ"), matched
    # by `Registry.named` (case and spacing aside); one spelling names one authority (TT004).
    aliases: tuple[str, ...] = ()


class Instrument(Node):
    id: Name
    kind: InstrumentKind
    number: str
    title: str | None = None
    issuer: str | None = None
    signed: dt.date | None = None
    in_force: dt.date | None = None
    until: dt.date | None = None
    replaces: tuple[Name, ...] = ()
    confidence: Confidence | None = None  # absent: not stated, read as unverified
    source: str | None = None


class Grant(Node):
    id: Name
    power: Text
    giver: Name | None = Field(None, alias="from")
    receiver: Name = Field(alias="to")
    mode: GrantMode
    basis: tuple[Citation, ...] = ()
    starts: dt.date | None = None
    until: dt.date | None = None
    conditions: str | None = None
    resources: str | None = None
    confidence: Confidence | None = None  # absent: not stated, read as unverified


class Transfer(Node):
    id: Name
    power: Text
    giver: Name = Field(alias="from")
    receiver: Name = Field(alias="to")
    basis: tuple[Citation, ...] = ()
    confidence: Confidence | None = None  # absent: not stated, read as unverified


class Document(Node):
    """One file: any number of registry declarations and procedures."""

    authorities: tuple[Authority, ...] = ()
    instruments: tuple[Instrument, ...] = ()
    grants: tuple[Grant, ...] = ()
    transfers: tuple[Transfer, ...] = ()
    procedures: tuple[Procedure, ...] = ()


def without_spans(value: Any) -> Any:
    """The plain data of a node with every span removed, to compare twins from two forms."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    if isinstance(value, dict):
        return {key: without_spans(item) for key, item in value.items() if key != "span"}
    if isinstance(value, list):
        return [without_spans(item) for item in value]
    return value
