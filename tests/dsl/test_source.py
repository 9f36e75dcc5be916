"""Reading bytes: what is not UTF-8 text is refused with the place and the reason (TT008),
decomposed Vietnamese is pointed out (TT007), and nothing raises."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from tthc.dsl import DEFAULT_LIMITS, Limits, decode_source, parse_path, read_source

HEAD = 'procedure "1.000656" "Đăng ký khai tử" {\n'
NFD = unicodedata.normalize("NFD", "Hộ tịch")


def _codes(data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[tuple[str, int, int]]:
    outcome = decode_source("f.tthc", data, limits)
    return [(d.code, d.span.line, d.span.column) for d in outcome.diagnostics]


def test_utf8_with_or_without_byte_order_mark_is_read() -> None:
    text = HEAD + '  field "Hộ tịch"\n}\n'
    for data in (text.encode(), b"\xef\xbb\xbf" + text.encode()):
        outcome = decode_source("f.tthc", data)
        assert outcome.diagnostics == [] and outcome.value is not None
        assert outcome.value.text == text


def test_legacy_encoding_is_refused_at_the_first_bad_byte() -> None:
    data = (HEAD + '  field "').encode() + "Tư pháp".encode("cp1258") + b'"\n}\n'
    outcome = decode_source("f.tthc", data)
    assert outcome.value is None
    [diagnostic] = outcome.diagnostics
    assert (diagnostic.code, diagnostic.span.line, diagnostic.span.column) == ("TT008", 2, 11)
    offset = data.index("ư".encode("cp1258"))
    assert f"at byte {offset}" in diagnostic.message.en
    assert "Windows-1258" in diagnostic.message.en and diagnostic.help is not None


def test_declared_encoding_is_refused_on_its_line() -> None:
    data = b"# registry of the commune\n# -*- coding: cp1258 -*-\n" + HEAD.encode() + b"}\n"
    assert _codes(data) == [("TT008", 2, 1)]
    [diagnostic] = decode_source("f.tthc", data).diagnostics
    assert "'cp1258'" in diagnostic.message.en and "'cp1258'" in diagnostic.message.vi


def test_declared_utf8_is_fine() -> None:
    assert _codes(b"# -*- coding: utf-8 -*-\n" + HEAD.encode() + b"}\n") == []


def test_utf16_and_utf32_are_named() -> None:
    text = HEAD + "}\n"
    for encoding, name in [
        ("utf-16", "UTF-16"),
        ("utf-16-be", "UTF-16"),
        ("utf-16-le", "UTF-16"),
        ("utf-32", "UTF-32"),
    ]:
        data = text.encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        outcome = decode_source("f.yaml", data)
        [diagnostic] = outcome.diagnostics
        assert diagnostic.code == "TT008" and (diagnostic.span.line, diagnostic.span.column) == (
            1,
            1,
        )
        assert f"saved as {name}" in diagnostic.message.en, encoding


def test_control_characters_mean_binary_data() -> None:
    data = (HEAD + '  field "Hộ tịch"\n  result "a\x00b"\n}\n').encode()
    assert _codes(data) == [("TT008", 3, 12)]
    [diagnostic] = decode_source("f.tthc", data).diagnostics
    assert "U+0000" in diagnostic.message.en


# Every character that means binary data: C0 controls but tab and line ends, DEL, C1 controls
# but NEL (U+0085), and the two non-characters.
CONTROLS = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0x85)]
CONTROLS += [*range(0x86, 0xA0), 0xFFFE, 0xFFFF]


def test_every_control_character_is_found() -> None:
    for code in CONTROLS:
        data = (HEAD + f'  field "a{chr(code)}"\n}}\n').encode()
        assert _codes(data) == [("TT008", 2, 11)], hex(code)


def test_characters_beside_the_controls_are_text() -> None:
    for char in ["\t", "\r", "\u0085", "\u00a0", "\u00bf", "\ufffd", "\uff01", "\U0001f600"]:
        assert _codes((HEAD + f'  field "a{char}"\n}}\n').encode()) == [], repr(char)


def test_binary_garbage_gives_one_diagnostic() -> None:
    data = bytes(range(256)) * 3
    outcome = decode_source("image.yaml", data)
    assert outcome.value is None and len(outcome.diagnostics) == 1
    assert outcome.diagnostics[0].code == "TT008"


def test_decomposed_text_is_a_warning_and_kept_as_written() -> None:
    text = HEAD + f'  field "{NFD}"\n}}\n'
    outcome = decode_source("f.tthc", text.encode())
    assert outcome.value is not None and outcome.value.text == text
    [diagnostic] = outcome.diagnostics
    assert (diagnostic.code, diagnostic.severity, diagnostic.span.line) == ("TT007", "warning", 2)
    assert diagnostic.span.column == 11  # the "o" of "Hộ", which carries decomposed marks


def test_one_word_spelled_both_ways_names_both_places() -> None:
    text = HEAD + '  field "Hộ tịch"\n' + f'  result "Trích lục {NFD}"\n}}\n'
    [diagnostic] = decode_source("f.tthc", text.encode()).diagnostics
    assert diagnostic.code == "TT007"
    assert (diagnostic.span.line, diagnostic.span.column) == (3, 21)
    assert "line 2 in precomposed form" in diagnostic.message.en
    assert [(r.span.line, r.span.column) for r in diagnostic.related] == [(2, 10)]


def test_nfc_text_is_clean() -> None:
    assert _codes((HEAD + '  field "Hộ tịch"\n}\n').encode()) == []


def test_file_over_the_size_limit() -> None:
    data = (HEAD + "}\n").encode()
    assert _codes(data, Limits(max_bytes=len(data))) == []
    assert _codes(data, Limits(max_bytes=len(data) - 1)) == [("TT006", 1, 1)]


def test_read_source_stops_reading_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.tthc"
    path.write_bytes(b"# " + b"x" * 5000 + b"\n")
    outcome = read_source(path, Limits(max_bytes=1000))
    assert [d.code for d in outcome.diagnostics] == ["TT006"]


def test_a_file_longer_than_the_first_read_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "long.tthc"
    body = HEAD + "".join(f"  # ghi chú {i:05d}\n" for i in range(3400)) + "}\n"
    for size in (65535, 65536, 65537, 80000):  # around the 64 KiB read first, and beyond
        text = body + "#" * (size - len(body.encode()) - 1) + "\n"
        path.write_text(text, encoding="utf-8")
        assert path.stat().st_size == size
        outcome = read_source(path)
        assert outcome.value is not None and outcome.value.text == text
        assert read_source(path, Limits(max_bytes=size)).diagnostics == []
        too_small = read_source(path, Limits(max_bytes=size - 1))
        assert [d.code for d in too_small.diagnostics] == ["TT006"], size


def test_missing_file_is_a_diagnostic(tmp_path: Path) -> None:
    outcome = parse_path(tmp_path / "absent.tthc")
    assert outcome.value is None
    assert [d.code for d in outcome.diagnostics] == ["TT008"]


def test_declaration_is_found_after_a_comment_that_mentions_encoding() -> None:
    data = b"# this file's encoding matters\n# encoding: windows-1258\n"
    assert _codes(data) == [("TT008", 2, 1)]


def test_a_lone_carriage_return_ends_a_line_in_both_forms() -> None:
    """Classic Mac OS line ends: a lone CR. YAML ends a line there; the DSL must too, or a
    comment would swallow the rest of the file. Found by the fuzz test: YAML "{\\r\\r"."""
    from tthc.dsl import parse

    dsl = '# chú thích\rauthority a "A" { level commune }\r'.encode()
    read = decode_source("mac.tthc", dsl)
    assert read.value is not None and read.value.text.count("\n") == 2
    parsed = parse(read.value)
    assert parsed.value is not None and [a.id.value for a in parsed.value.authorities] == ["a"]
    assert parsed.value.authorities[0].span.line == 2
    broken = decode_source("mac.yaml", b"{\r\r")
    assert broken.value is not None
    (problem,) = parse(broken.value).diagnostics
    assert problem.span.line <= broken.value.text.count("\n") + 1
