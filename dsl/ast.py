"""The abstract syntax tree that both front ends (DSL and YAML) produce.

Input: built by `tthc.dsl.reading.parser` and `tthc.dsl.yaml.loader`. Output: frozen records
(`tthc.dsl.frozen`), every node with a `Span`. Two twins of one procedure give equal trees once
spans are set aside (`without_spans`). Field names (or their aliases) are the YAML keys, so the
YAML form *is* this model: `tthc.dsl.models` makes the pydantic models the YAML front end, the
schema and deploy bundles validate with, from the fields declared here.

Why past 400 lines: each of the 20 node classes spells out its `__slots__` and `__init__`
(what pydantic or a dataclass would generate at import time, at a cost a one-file check
would pay for every class); `tests/dsl/test_nodes.py` holds each `__init__` to the fields.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Any, ClassVar

from tthc.dsl.frozen import Frozen
from tthc.dsl.span import Span


class Node(Frozen):
    # Aliases (`_aliases`) are the DSL keywords (`by`, `takes`, `from`, `to`), which the YAML
    # form uses as keys too; Python code uses the plain field names.
    __slots__ = ("span",)

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

    __slots__ = ("value",)

    def __init__(self, *, span: Span, value: str) -> None:
        self.span = span
        self.value = value


class Text(Node):
    """A spanned literal: a procedure code, a power, a condition."""

    value: str

    __slots__ = ("value",)

    def __init__(self, *, span: Span, value: str) -> None:
        self.span = span
        self.value = value


class Citation(Node):
    """A legal basis: an instrument from the registry and, optionally, the article and clause."""

    instrument: Name
    article: str | None
    clause: str | None

    __slots__ = ("article", "clause", "instrument")

    def __init__(
        self,
        *,
        span: Span,
        instrument: Name,
        article: str | None = None,
        clause: str | None = None,
    ) -> None:
        self.span = span
        self.instrument = instrument
        self.article = article
        self.clause = clause


class Duration(Node):
    amount: Decimal
    unit: DurationUnit

    __slots__ = ("amount", "unit")

    def __init__(self, *, span: Span, amount: Decimal, unit: DurationUnit) -> None:
        self.span = span
        self.amount = amount
        self.unit = unit


class Deadline(Node):
    """`immediately`, or a duration, optionally under a condition ("vùng khó khăn"). A range
    ("30–35 ngày": `30 to 35 days`) keeps its lower amount in `least`, in the duration's unit;
    the check holds the process to the upper one. An extension ("+10 ngày đối với vùng sâu,
    vùng xa": `+10 days when "…"`) adds its duration to the narrowest plain deadline.

    A variant may be tied to the flow (issue 11): it then governs only the timed paths that pass
    every step of `through`, take an arrow of every outcome of `via` (`when x` in the flow) and
    pass no step of `avoiding`; TT501 holds those paths to it. Untied, it keeps the meaning the
    rule gives every deadline (the widest on every path, the plain one off verification)."""

    immediate: bool
    duration: Duration | None
    condition: str | None
    least: Decimal | None
    extension: bool
    through: tuple[Name, ...]
    via: tuple[Name, ...]
    avoiding: tuple[Name, ...]

    __slots__ = (
        "avoiding",
        "condition",
        "duration",
        "extension",
        "immediate",
        "least",
        "through",
        "via",
    )

    def __init__(
        self,
        *,
        span: Span,
        immediate: bool = False,
        duration: Duration | None = None,
        condition: str | None = None,
        least: Decimal | None = None,
        extension: bool = False,
        through: tuple[Name, ...] = (),
        via: tuple[Name, ...] = (),
        avoiding: tuple[Name, ...] = (),
    ) -> None:
        self.span = span
        self.immediate = immediate
        self.duration = duration
        self.condition = condition
        self.least = least
        self.extension = extension
        self.through = through
        self.via = via
        self.avoiding = avoiding

    @property
    def tied(self) -> bool:
        """Whether the variant names the paths it governs."""
        return bool(self.through or self.via or self.avoiding)


class Channel(Node):
    kind: ChannelKind
    online: OnlineLevel | None

    __slots__ = ("kind", "online")

    def __init__(self, *, span: Span, kind: ChannelKind, online: OnlineLevel | None = None) -> None:
        self.span = span
        self.kind = kind
        self.online = online


class Fee(Node):
    amount: int
    description: str
    basis: tuple[Citation, ...]

    __slots__ = ("amount", "basis", "description")

    def __init__(
        self,
        *,
        span: Span,
        amount: int,
        description: str,
        basis: tuple[Citation, ...] = (),
    ) -> None:
        self.span = span
        self.amount = amount
        self.description = description
        self.basis = basis


class Component(Node):
    """A dossier component (thành phần hồ sơ)."""

    id: Name
    title: str
    form: str | None
    copies: int
    required: bool
    personal: bool

    __slots__ = ("copies", "form", "id", "personal", "required", "title")

    def __init__(
        self,
        *,
        span: Span,
        id: Name,
        title: str,
        form: str | None = None,
        copies: int = 1,
        required: bool = True,
        personal: bool = False,
    ) -> None:
        self.span = span
        self.id = id
        self.title = title
        self.form = form
        self.copies = copies
        self.required = required
        self.personal = personal


class Coordination(Node):
    """Another body that works on a step ("X phối hợp Y"), with the time it has, if stated: the
    time runs inside the step's own (TT506); a step without `takes` counts its longest
    coordination. The runtime can hand the dossier to `authority` until the time is up."""

    authority: Name
    duration: Duration | None

    __slots__ = ("authority", "duration")

    def __init__(self, *, span: Span, authority: Name, duration: Duration | None = None) -> None:
        self.span = span
        self.authority = authority
        self.duration = duration


class Step(Node):
    id: Name
    kind: StepKind
    title: str
    actor: Name | None
    # "Lãnh đạo X": the head of the unit `by`, or a deputy acting for it (`by head of X`).
    head: bool
    # Other units that may carry out the step instead ("Trung tâm Phục vụ HCC tỉnh, xã, hoặc
    # Chi nhánh VPĐKĐĐ"): `by a or b or c`.
    alternatives: tuple[Name, ...]
    duration: Duration | None
    reads: tuple[Name, ...]
    signs: SignatureKind | None
    notifies: bool
    counterpart: Name | None
    basis: tuple[Citation, ...]
    coordinates: tuple[Coordination, ...]
    # How this step's time compares with the deadline's kind of day, when it differs from the
    # procedure's `day_rule` (a posting "15 ngày" read strictly in a process of working days).
    day_rule: DayRule | None
    # "Thời gian ... không tính vào thời hạn giải quyết": the record says the step's time is
    # outside the time limit (the applicant paying, a posting period); the clock skips it.
    counted: bool

    __slots__ = (
        "actor",
        "alternatives",
        "basis",
        "coordinates",
        "counted",
        "counterpart",
        "day_rule",
        "duration",
        "head",
        "id",
        "kind",
        "notifies",
        "reads",
        "signs",
        "title",
    )
    _aliases: ClassVar[dict[str, str]] = {
        "actor": "by",
        "alternatives": "or",
        "duration": "takes",
        "counterpart": "with",
    }

    def __init__(
        self,
        *,
        span: Span,
        id: Name,
        kind: StepKind,
        title: str,
        actor: Name | None = None,
        head: bool = False,
        alternatives: tuple[Name, ...] = (),
        duration: Duration | None = None,
        reads: tuple[Name, ...] = (),
        signs: SignatureKind | None = None,
        notifies: bool = False,
        counterpart: Name | None = None,
        basis: tuple[Citation, ...] = (),
        coordinates: tuple[Coordination, ...] = (),
        day_rule: DayRule | None = None,
        counted: bool = True,
    ) -> None:
        self.span = span
        self.id = id
        self.kind = kind
        self.title = title
        self.actor = actor
        self.head = head
        self.alternatives = alternatives
        self.duration = duration
        self.reads = reads
        self.signs = signs
        self.notifies = notifies
        self.counterpart = counterpart
        self.basis = basis
        self.coordinates = coordinates
        self.day_rule = day_rule
        self.counted = counted


class Phase(Node):
    """A phase (giai đoạn) of the internal process: a group of steps with its own time budget.
    The longest timed path through its steps must fit the budget (TT505)."""

    id: Name
    title: str
    budget: Duration | None
    steps: tuple[Name, ...]

    __slots__ = ("budget", "id", "steps", "title")

    def __init__(
        self,
        *,
        span: Span,
        id: Name,
        title: str,
        budget: Duration | None = None,
        steps: tuple[Name, ...] = (),
    ) -> None:
        self.span = span
        self.id = id
        self.title = title
        self.budget = budget
        self.steps = steps


class Endpoint(Node):
    """One end of a flow arrow: `start`, `end`, a step, or `all(a, b)` for a parallel set."""

    steps: tuple[Name, ...]
    parallel: bool

    __slots__ = ("parallel", "steps")

    def __init__(self, *, span: Span, steps: tuple[Name, ...], parallel: bool = False) -> None:
        self.span = span
        self.steps = steps
        self.parallel = parallel


class FlowLine(Node):
    """`a -> b -> c`, optionally `when outcome`, `otherwise` or `clock paused` (last arrow)."""

    path: tuple[Endpoint, ...]
    when: Name | None
    otherwise: bool
    paused: bool

    __slots__ = ("otherwise", "path", "paused", "when")

    def __init__(
        self,
        *,
        span: Span,
        path: tuple[Endpoint, ...],
        when: Name | None = None,
        otherwise: bool = False,
        paused: bool = False,
    ) -> None:
        self.span = span
        self.path = path
        self.when = when
        self.otherwise = otherwise
        self.paused = paused


class Moved(Node):
    """Where a procedure moved from in the 2025 reform, by which instrument, the old deadline."""

    level: Level
    basis: tuple[Citation, ...]
    deadline: Duration | None

    __slots__ = ("basis", "deadline", "level")
    _aliases: ClassVar[dict[str, str]] = {"level": "from"}

    def __init__(
        self,
        *,
        span: Span,
        level: Level,
        basis: tuple[Citation, ...] = (),
        deadline: Duration | None = None,
    ) -> None:
        self.span = span
        self.level = level
        self.basis = basis
        self.deadline = deadline


# --- declarations -------------------------------------------------------------------------


class Procedure(Node):
    code: Text
    name: str
    field: str | None
    level: Level | None
    effective: dt.date | None
    until: dt.date | None
    power: Text | None
    moved: Moved | None
    basis: tuple[Citation, ...]
    applicants: tuple[str, ...]
    channels: tuple[Channel, ...]
    anywhere: bool | None
    deadlines: tuple[Deadline, ...]
    day_rule: DayRule | None
    results: tuple[str, ...]
    fees: tuple[Fee, ...]
    links: tuple[Text, ...]
    two_persons: bool
    unstated: tuple[Unstated, ...]
    dossier: tuple[Component, ...]
    steps: tuple[Step, ...]
    phases: tuple[Phase, ...]
    flow: tuple[FlowLine, ...]

    __slots__ = (
        "anywhere",
        "applicants",
        "basis",
        "channels",
        "code",
        "day_rule",
        "deadlines",
        "dossier",
        "effective",
        "fees",
        "field",
        "flow",
        "level",
        "links",
        "moved",
        "name",
        "phases",
        "power",
        "results",
        "steps",
        "two_persons",
        "unstated",
        "until",
    )
    _aliases: ClassVar[dict[str, str]] = {
        "deadlines": "deadline",
        "results": "result",
        "fees": "fee",
    }

    def __init__(
        self,
        *,
        span: Span,
        code: Text,
        name: str,
        field: str | None = None,
        level: Level | None = None,
        effective: dt.date | None = None,
        until: dt.date | None = None,
        power: Text | None = None,
        moved: Moved | None = None,
        basis: tuple[Citation, ...] = (),
        applicants: tuple[str, ...] = (),
        channels: tuple[Channel, ...] = (),
        anywhere: bool | None = None,
        deadlines: tuple[Deadline, ...] = (),
        day_rule: DayRule | None = None,
        results: tuple[str, ...] = (),
        fees: tuple[Fee, ...] = (),
        links: tuple[Text, ...] = (),
        two_persons: bool = False,
        unstated: tuple[Unstated, ...] = (),
        dossier: tuple[Component, ...] = (),
        steps: tuple[Step, ...] = (),
        phases: tuple[Phase, ...] = (),
        flow: tuple[FlowLine, ...] = (),
    ) -> None:
        self.span = span
        self.code = code
        self.name = name
        self.field = field
        self.level = level
        self.effective = effective
        self.until = until
        self.power = power
        self.moved = moved
        self.basis = basis
        self.applicants = applicants
        self.channels = channels
        self.anywhere = anywhere
        self.deadlines = deadlines
        self.day_rule = day_rule
        self.results = results
        self.fees = fees
        self.links = links
        self.two_persons = two_persons
        self.unstated = unstated
        self.dossier = dossier
        self.steps = steps
        self.phases = phases
        self.flow = flow


class Authority(Node):
    id: Name
    title: str
    level: Level | None
    kind: AuthorityKind | None
    of: Name | None  # the collective body an individual heads or a unit belongs to
    one_stop: bool
    staff: int | None
    starts: dt.date | None
    until: dt.date | None
    # Other spellings of the title that published records use ("Chi nhánh VPĐKĐĐ"), matched
    # by `Registry.named` (case and spacing aside); one spelling names one authority (TT004).
    aliases: tuple[str, ...]

    __slots__ = (
        "aliases",
        "id",
        "kind",
        "level",
        "of",
        "one_stop",
        "staff",
        "starts",
        "title",
        "until",
    )

    def __init__(
        self,
        *,
        span: Span,
        id: Name,
        title: str,
        level: Level | None = None,
        kind: AuthorityKind | None = None,
        of: Name | None = None,
        one_stop: bool = False,
        staff: int | None = None,
        starts: dt.date | None = None,
        until: dt.date | None = None,
        aliases: tuple[str, ...] = (),
    ) -> None:
        self.span = span
        self.id = id
        self.title = title
        self.level = level
        self.kind = kind
        self.of = of
        self.one_stop = one_stop
        self.staff = staff
        self.starts = starts
        self.until = until
        self.aliases = aliases


class Instrument(Node):
    id: Name
    kind: InstrumentKind
    number: str
    title: str | None
    issuer: str | None
    signed: dt.date | None
    in_force: dt.date | None
    until: dt.date | None
    replaces: tuple[Name, ...]
    confidence: Confidence | None  # absent: not stated, read as unverified
    source: str | None

    __slots__ = (
        "confidence",
        "id",
        "in_force",
        "issuer",
        "kind",
        "number",
        "replaces",
        "signed",
        "source",
        "title",
        "until",
    )

    def __init__(
        self,
        *,
        span: Span,
        id: Name,
        kind: InstrumentKind,
        number: str,
        title: str | None = None,
        issuer: str | None = None,
        signed: dt.date | None = None,
        in_force: dt.date | None = None,
        until: dt.date | None = None,
        replaces: tuple[Name, ...] = (),
        confidence: Confidence | None = None,
        source: str | None = None,
    ) -> None:
        self.span = span
        self.id = id
        self.kind = kind
        self.number = number
        self.title = title
        self.issuer = issuer
        self.signed = signed
        self.in_force = in_force
        self.until = until
        self.replaces = replaces
        self.confidence = confidence
        self.source = source


class Grant(Node):
    id: Name
    power: Text
    giver: Name | None
    receiver: Name
    mode: GrantMode
    basis: tuple[Citation, ...]
    starts: dt.date | None
    until: dt.date | None
    conditions: str | None
    resources: str | None
    confidence: Confidence | None  # absent: not stated, read as unverified

    __slots__ = (
        "basis",
        "conditions",
        "confidence",
        "giver",
        "id",
        "mode",
        "power",
        "receiver",
        "resources",
        "starts",
        "until",
    )
    _aliases: ClassVar[dict[str, str]] = {"giver": "from", "receiver": "to"}

    def __init__(
        self,
        *,
        span: Span,
        id: Name,
        power: Text,
        giver: Name | None = None,
        receiver: Name,
        mode: GrantMode,
        basis: tuple[Citation, ...] = (),
        starts: dt.date | None = None,
        until: dt.date | None = None,
        conditions: str | None = None,
        resources: str | None = None,
        confidence: Confidence | None = None,
    ) -> None:
        self.span = span
        self.id = id
        self.power = power
        self.giver = giver
        self.receiver = receiver
        self.mode = mode
        self.basis = basis
        self.starts = starts
        self.until = until
        self.conditions = conditions
        self.resources = resources
        self.confidence = confidence


class Transfer(Node):
    id: Name
    power: Text
    giver: Name
    receiver: Name
    basis: tuple[Citation, ...]
    confidence: Confidence | None  # absent: not stated, read as unverified

    __slots__ = ("basis", "confidence", "giver", "id", "power", "receiver")
    _aliases: ClassVar[dict[str, str]] = {"giver": "from", "receiver": "to"}

    def __init__(
        self,
        *,
        span: Span,
        id: Name,
        power: Text,
        giver: Name,
        receiver: Name,
        basis: tuple[Citation, ...] = (),
        confidence: Confidence | None = None,
    ) -> None:
        self.span = span
        self.id = id
        self.power = power
        self.giver = giver
        self.receiver = receiver
        self.basis = basis
        self.confidence = confidence


class Document(Node):
    """One file: any number of registry declarations and procedures."""

    authorities: tuple[Authority, ...]
    instruments: tuple[Instrument, ...]
    grants: tuple[Grant, ...]
    transfers: tuple[Transfer, ...]
    procedures: tuple[Procedure, ...]

    __slots__ = ("authorities", "grants", "instruments", "procedures", "transfers")

    def __init__(
        self,
        *,
        span: Span,
        authorities: tuple[Authority, ...] = (),
        instruments: tuple[Instrument, ...] = (),
        grants: tuple[Grant, ...] = (),
        transfers: tuple[Transfer, ...] = (),
        procedures: tuple[Procedure, ...] = (),
    ) -> None:
        self.span = span
        self.authorities = authorities
        self.instruments = instruments
        self.grants = grants
        self.transfers = transfers
        self.procedures = procedures


def without_spans(value: Any) -> Any:
    """The plain data of a node with every span removed, to compare twins from two forms."""
    if isinstance(value, Frozen):
        value = value.model_dump(mode="json")
    if isinstance(value, dict):
        return {key: without_spans(item) for key, item in value.items() if key != "span"}
    if isinstance(value, list):
        return [without_spans(item) for item in value]
    return value
