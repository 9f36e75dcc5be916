"""Strings from the checked files, made harmless for each output (`tthc.rules.report.neutral`)."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ElementTree

import pytest

from tthc.rules.report.neutral import line_start, one_line, path_uri, readable, xml_text

UNDECODABLE = os.fsdecode(b"h\xe0 n\xf4i.tthc")  # Latin-1 bytes: not UTF-8


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Trả kết quả", "Trả kết quả"),
        ("a\nb\r\tc", "a\\nb\\r\\tc"),
        ("\x00\x1b[2J\x0c\x7f\x85", "\\x00\\x1b[2J\\x0c\\x7f\\x85"),
        ("line\u2028para\u2029", "line\\u2028para\\u2029"),
        ("abc\u202edcba", "abc\\u202edcba"),  # a right-to-left override
        (UNDECODABLE, "h\\xe0 n\\xf4i.tthc"),
    ],
)
def test_one_line_writes_out_what_could_break_a_line_or_steer_a_terminal(
    text: str, shown: str
) -> None:
    assert one_line(text) == shown
    shown.encode("utf-8")


def test_a_line_never_starts_with_a_workflow_command() -> None:
    assert line_start("::error file=a::b.tthc") == "./::error file=a::b.tthc"
    assert line_start("a::b.tthc") == "a::b.tthc"


def test_readable_keeps_control_characters_for_json_and_writes_out_undecodable_bytes() -> None:
    assert readable("a\nb") == "a\nb"
    assert readable(UNDECODABLE) == "h\\xe0 n\\xf4i.tthc"
    assert readable("\ud800") == "\\ud800"


def test_xml_text_leaves_only_characters_xml_allows() -> None:
    hostile = "a\x00b\x1bc\x0cd\ufffe\ud800\tkeep\nlines"
    element = ElementTree.Element("x", name=xml_text(hostile))
    element.text = xml_text(hostile)
    ElementTree.fromstring(ElementTree.tostring(element))
    assert xml_text(hostile) == "a\\x00b\\x1bc\\x0cd\\ufffe\\ud800\tkeep\nlines"


def test_path_uri_percent_encodes_the_bytes_of_the_path() -> None:
    assert path_uri("thủ tục/a b#?%.tthc") == "th%E1%BB%A7%20t%E1%BB%A5c/a%20b%23%3F%25.tthc"
    assert path_uri(UNDECODABLE) == "h%E0%20n%F4i.tthc"
