"""Bad input is a reported problem, never an exception; the mapping tables are data a person
edits, and a bad row is reported rather than guessed at."""

from __future__ import annotations

from pathlib import Path

from tthc.compiler.importer import import_files, load_tables, read_files
from tthc.compiler.importer.mapping import match_unit
from tthc.compiler.importer.records import ascii_key


def test_database_field_names_and_ascii_keys_are_the_same_field() -> None:
    assert ascii_key("Thời hạn giải quyết") == "thoi_han_giai_quyet"
    assert ascii_key("Mã thủ tục") == "ma_thu_tuc"
    assert ascii_key("ma_thu_tuc") == "ma_thu_tuc"


def test_broken_json_is_a_problem_with_its_place(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('[{"ten_thu_tuc": "A",}]', encoding="utf-8")
    records, problems = read_files([bad])
    assert records == []
    (problem,) = problems
    assert problem.origin == f"{bad}:1:22" and "JSON" in problem.en


def test_a_missing_file_and_steps_of_an_unknown_record_are_problems(tmp_path: Path) -> None:
    steps = tmp_path / "steps.csv"
    steps.write_text("ID,Bước,Nội dung,Đơn vị,Thời gian\nX-1,Bước 1,Tiếp nhận,Trung tâm,1 ngày\n")
    records, problems = read_files([tmp_path / "none.json", steps])
    assert records == []
    assert [p.en.split(":")[0] for p in problems] == [
        "cannot read",
        "internal-process step of an unknown record",
    ]


def test_an_unknown_field_is_kept_as_a_comment_and_reported(tmp_path: Path) -> None:
    file = tmp_path / "r.json"
    file.write_text(
        '[{"ma_thu_tuc": "1.000001", "ten_thu_tuc": "A", "Mức độ DVC": "Toàn trình"}]',
        encoding="utf-8",
    )
    result = import_files([file])
    (draft,) = result.drafts
    assert "# Mức độ DVC: Toàn trình" in draft.text
    assert any(i.field == "Mức độ DVC" and i.status.value == "kept" for i in draft.report.items)


def test_a_bad_table_row_is_reported_and_the_rest_used(tmp_path: Path) -> None:
    (tmp_path / "kinds.csv").write_text(
        "keyword,kind,with\ntiếp nhận,reception,\nthẩm định,appraise,\n", encoding="utf-8"
    )
    tables = load_tables(tmp_path)
    assert [k.keyword for k in tables.kinds] == ["tiếp nhận"]
    (problem,) = tables.problems
    assert problem.origin.endswith("kinds.csv:3")
    assert tables.units  # units.csv not given there: the shipped one


def test_the_first_unit_named_acts_and_the_others_are_listed() -> None:
    tables = load_tables()
    unit = match_unit(
        "Trung tâm Phục vụ HCC tỉnh/ Bưu chính chuyển cho tổ chức, công dân; Trung tâm Phục vụ HCC xã, phường",
        "province",
        tables,
    )
    assert unit.row is not None and unit.row.authority == "province.one_stop"
    assert [row.authority for row in unit.others] == ["commune.one_stop"]
    assert unit.postal


def test_a_unit_name_with_commas_is_one_unit_and_lanh_dao_is_its_head() -> None:
    tables = load_tables()
    unit = match_unit(
        "Lãnh đạo Phòng Quy hoạch, kế hoạch đất đai và Quản lý đo đạc, bản đồ, viễn thám",
        "province",
        tables,
    )
    assert unit.row is not None
    assert unit.row.authority == "province.department.agriculture_environment.planning_division"
    assert unit.head and unit.others == ()


def test_the_same_words_mean_the_centre_of_the_records_level() -> None:
    tables = load_tables()
    for level, authority in (("province", "province.one_stop"), ("commune", "commune.one_stop")):
        unit = match_unit("Trung tâm Phục vụ HCC", level, tables)
        assert unit.row is not None and unit.row.authority == authority


def test_a_number_of_thousands_of_digits_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    # Found by `make fuzz` (seed 19, input 16227): Python cannot convert an integer of more
    # than 4,300 digits, and the JSON reader raised while reading the records.
    source = tmp_path / "records.json"
    source.write_text('{"records": [{"ma_thu_tuc": ' + "1" * 5000 + "}]}", encoding="utf-8")
    records, problems = read_files([source])
    assert records == []
    assert [p.en for p in problems] == [
        "the JSON holds a number of 5000 digits; no field of a record is that long"
    ]
