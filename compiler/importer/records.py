"""Published procedure records read from JSON or CSV: files → `Record`s and input problems.

Input: files in the field layout of the national procedure database (mã thủ tục, tên thủ tục,
lĩnh vực, cấp thực hiện, trình tự thực hiện, cách thức thực hiện, thành phần hồ sơ, thời hạn
giải quyết, đối tượng thực hiện, cơ quan thực hiện / phối hợp, kết quả, phí / lệ phí, căn cứ
pháp lý, yêu cầu điều kiện) with the provincial internal process (quy trình nội bộ: bước, nội
dung công việc, đơn vị / người thực hiện, thời gian). Output: `Record`s, and `InputProblem`s
for what could not be read (a broken file is a problem, never an exception).

Keys may be written as in the database ("Mã thủ tục", "Thời hạn giải quyết") or in ASCII
("ma_thu_tuc"): both are reduced to the ASCII key. A key the importer does not know is kept in
`Record.extra` and reported, never dropped.

JSON: a list of records, or `{"nguon": "...", "records": [...]}` (the source applies to every
record that does not name its own). CSV: one record per row (list fields: one item per line of
the cell), or, when the header has `buoc` and `noi_dung`, one internal-process step per row,
joined to its record by `ma_thu_tuc` or `id`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

FIELDS = (
    "id",
    "nguon",
    "ma_thu_tuc",
    "ten_thu_tuc",
    "linh_vuc",
    "cap_thuc_hien",
    "trinh_tu_thuc_hien",
    "cach_thuc_thuc_hien",
    "thanh_phan_ho_so",
    "thoi_han_giai_quyet",
    "doi_tuong_thuc_hien",
    "co_quan_thuc_hien",
    "co_quan_phoi_hop",
    "ket_qua",
    "phi_le_phi",
    "can_cu_phap_ly",
    "yeu_cau_dieu_kien",
    "giai_doan",
    "quy_trinh_noi_bo",
)
LISTS = frozenset(
    {
        "trinh_tu_thuc_hien",
        "cach_thuc_thuc_hien",
        "thanh_phan_ho_so",
        "ket_qua",
        "can_cu_phap_ly",
        "giai_doan",
    }
)
STEP_FIELDS = ("giai_doan", "buoc", "noi_dung", "don_vi", "thoi_gian")


@dataclass(frozen=True)
class InternalStep:
    """One line of a quy trình nội bộ, as published."""

    step: str  # "GĐ1 - Bước 2", "Bước 3"
    task: str  # nội dung công việc
    unit: str  # đơn vị / người thực hiện
    time: str  # thời gian, as written
    phase: str = ""  # giai đoạn, when given in its own column


@dataclass
class Record:
    """One published record; every text as the source gives it ("" or () when absent)."""

    origin: str  # file and position, for the report
    values: dict[str, str] = field(default_factory=dict)
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    internal: list[InternalStep] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)

    def text(self, key: str) -> str:
        return self.values.get(key, "").strip()

    def items(self, key: str) -> tuple[str, ...]:
        return self.lists.get(key, ())

    @property
    def key(self) -> str:
        """The record's identifier: its procedure code, else its local id, else its origin."""
        return self.text("ma_thu_tuc") or self.text("id") or self.origin


@dataclass(frozen=True)
class InputProblem:
    origin: str
    vi: str
    en: str


@cache  # the same few dozen keys, once per record
def ascii_key(name: str) -> str:
    """`Thời hạn giải quyết` → `thoi_han_giai_quyet`; `ma_thu_tuc` unchanged."""
    text = unicodedata.normalize("NFD", name.strip().lower()).replace("đ", "d")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = "".join(c if c.isalnum() else "_" for c in text)
    return "_".join(part for part in text.split("_") if part)


def read_files(paths: list[Path]) -> tuple[list[Record], list[InputProblem]]:
    """Every record of the files, internal-process CSV files joined to their records."""
    records: list[Record] = []
    steps: list[tuple[str, str, InternalStep]] = []
    problems: list[InputProblem] = []
    for path in paths:
        shown = _shown(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            problems.append(
                InputProblem(shown, f"không đọc được tệp: {error}", f"cannot read: {error}")
            )
            continue
        if path.suffix.lower() == ".csv":
            _read_csv(shown, text, records, steps, problems)
        else:
            _read_json(shown, text, records, problems)
    _join(records, steps, problems)
    return records, problems


def _shown(path: Path) -> str:
    """A file's name as the drafts and the report quote it: an undecodable byte of the name
    written `\\xff`, so that a draft (UTF-8) can hold it."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _whole_characters(value: Any) -> Any:
    """The value with each lone surrogate (`"\\ud800"` in the JSON) replaced by U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_whole_characters(item) for item in value]
    if isinstance(value, dict):
        return {_whole_characters(k): _whole_characters(v) for k, v in value.items()}
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")


class _TooManyDigits(ValueError):
    """A JSON integer too long to be any field of a record (reported, never converted)."""


def _integer(text: str) -> int:
    """A JSON integer, refused past 64 digits: no field of a record is a number that long, and
    Python cannot even convert one of more than 4,300 digits."""
    if len(text.lstrip("-")) > 64:
        raise _TooManyDigits(text)
    return int(text)


def _read_json(origin: str, text: str, records: list[Record], problems: list[InputProblem]) -> None:
    try:
        data = json.loads(text, parse_int=_integer)
        if "\\u" in text:  # an escape may stand for half a UTF-16 pair, which no file can hold
            data = _whole_characters(data)
    except json.JSONDecodeError as error:
        problems.append(
            InputProblem(
                f"{origin}:{error.lineno}:{error.colno}",
                f"JSON không hợp lệ: {error.msg}",
                f"invalid JSON: {error.msg}",
            )
        )
        return
    except _TooManyDigits as error:
        digits = len(str(error.args[0]).lstrip("-"))
        problems.append(
            InputProblem(
                origin,
                f"JSON có một số dài {digits} chữ số; không trường nào của hồ sơ thủ tục là số dài như vậy",
                f"the JSON holds a number of {digits} digits; no field of a record is that long",
            )
        )
        return
    source = ""
    if isinstance(data, dict):
        source = str(data.get("nguon", ""))
        data = data.get("records", data.get("thu_tuc", []))
    if not isinstance(data, list):
        problems.append(
            InputProblem(origin, "cần một danh sách bản ghi", "expected a list of records")
        )
        return
    for index, item in enumerate(data, 1):
        where = f"{origin}#{index}"
        if not isinstance(item, dict):
            problems.append(InputProblem(where, "bản ghi không phải đối tượng", "not an object"))
            continue
        record = _record(where, item, problems)
        if source and not record.text("nguon"):
            record.values["nguon"] = source
        records.append(record)


def _record(origin: str, item: dict[str, Any], problems: list[InputProblem]) -> Record:
    record = Record(origin)
    for name, value in item.items():
        key = ascii_key(str(name))
        if key == "quy_trinh_noi_bo":
            record.internal.extend(_steps(origin, value, problems))
        elif key in LISTS:
            record.lists[key] = _as_list(value)
        elif key in FIELDS:
            record.values[key] = _as_text(value)
        else:
            record.extra[str(name)] = _as_text(value)
    return record


def _steps(origin: str, value: Any, problems: list[InputProblem]) -> list[InternalStep]:
    if not isinstance(value, list):
        problems.append(
            InputProblem(origin, "quy_trinh_noi_bo phải là danh sách", "quy_trinh_noi_bo: a list")
        )
        return []
    found = []
    for item in value:
        if isinstance(item, dict):
            row = {ascii_key(str(k)): _as_text(v) for k, v in item.items()}
            found.append(_step(row))
    return found


def _step(row: dict[str, str]) -> InternalStep:
    return InternalStep(
        step=row.get("buoc", ""),
        task=row.get("noi_dung", row.get("noi_dung_cong_viec", "")),
        unit=row.get("don_vi", row.get("don_vi_nguoi_thuc_hien", row.get("don_vi_thuc_hien", ""))),
        time=row.get("thoi_gian", row.get("thoi_gian_thuc_hien", "")),
        phase=row.get("giai_doan", ""),
    )


def _read_csv(
    origin: str,
    text: str,
    records: list[Record],
    steps: list[tuple[str, str, InternalStep]],
    problems: list[InputProblem],
) -> None:
    try:
        rows = list(csv.DictReader(io.StringIO(text)))
    except csv.Error as error:
        problems.append(InputProblem(origin, f"CSV không hợp lệ: {error}", f"invalid CSV: {error}"))
        return
    for index, raw in enumerate(rows, 2):
        row = {ascii_key(k): (v or "") for k, v in raw.items() if k is not None}
        where = f"{origin}:{index}"
        if "buoc" in row and "noi_dung" in row:
            owner = row.get("ma_thu_tuc") or row.get("id", "")
            steps.append((owner, where, _step(row)))
        else:
            item: dict[str, Any] = {
                k: (v.splitlines() if k in LISTS else v) for k, v in row.items()
            }
            records.append(_record(where, item, problems))


def _join(
    records: list[Record], steps: list[tuple[str, str, InternalStep]], problems: list[InputProblem]
) -> None:
    # Steps of a CSV file belong to records of CSV files: a JSON record of the same code is
    # another publication of it, not the row the steps were written for.
    by_key: dict[str, Record] = {}
    for record in (r for r in records if ".csv:" in r.origin):
        for key in (record.text("ma_thu_tuc"), record.text("id")):
            if key:
                by_key.setdefault(key, record)
    for owner, where, step in steps:
        target = by_key.get(owner)
        if target is None:
            problems.append(
                InputProblem(
                    where,
                    f"bước của quy trình nội bộ thuộc bản ghi không có: '{owner}'",
                    f"internal-process step of an unknown record: '{owner}'",
                )
            )
            continue
        target.internal.append(step)


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(_as_text(v) for v in value)
    return str(value)


def _as_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        items = [_as_text(v).strip() for v in value]
    else:
        items = [line.strip() for line in _as_text(value).splitlines()]
    return tuple(i for i in items if i)
