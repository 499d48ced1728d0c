"""The safe readers one by one: YAML, JSON, XML prologs, zip members and the command budget."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from assembler.errors import InputFileError
from assembler.safeio.budget import ReadBudget, command_budget
from assembler.safeio.textdata import DataProblem, load_json, load_yaml
from assembler.safeio.xmlprolog import doctype_in, has_doctype
from assembler.safeio.zipcheck import read_members, scan_members
from tests.hostile.corpus import minimal_docx, zip_bytes


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: &x 1\nb: *x\n", 1, "ankre"),
        ("a: 1\nb: 2\na: 3\n", 3, "„a“ står to gange (også i linje 1)"),
        ("d: 2027-02-29\n", 1, "findes ikke"),
        ("n: -.inf\n", 1, "ikke et tal"),
        ("a:\n  - [1, 2\n", 3, "ugyldig YAML"),
    ],
)
def test_yaml_refusals_name_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(DataProblem) as caught:
        load_yaml(text)
    assert caught.value.line == line and words in caught.value.message_da


def test_yaml_keeps_what_answer_files_need() -> None:
    data = load_yaml("sektor: stat\ndato: 2028-02-29\ntal: 1.5\nliste: [a, b]\n")
    assert str(data["dato"]) == "2028-02-29" and data["tal"] == 1.5 and data["liste"] == ["a", "b"]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('{"a": 1,\n "a": 2}', 2, "„a“ står to gange"),
        ('{"a": Infinity}', 1, "„Infinity“"),
        ('{"a": [' + "[" * 50 + "]" * 50 + "]}", 1, "40 niveauer"),
        ('{"a": 1,}', 1, "ugyldig JSON"),
    ],
)
def test_json_refusals_name_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(DataProblem) as caught:
        load_json(text)
    assert caught.value.line == line and words in caught.value.message_da


def test_json_brackets_inside_strings_do_not_count_as_nesting() -> None:
    assert load_json('{"a": "' + "[" * 100 + '"}') == {"a": "[" * 100}


@pytest.mark.parametrize(
    ("xml", "found"),
    [
        (b'<?xml version="1.0"?><!-- x --><?pi y?>\n<!DOCTYPE a><a/>', True),
        (b"<!--" + b"-" * 5 + b"x" * 300_000 + b"--><!doctype a><a/>", True),
        ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a><a/>'.encode("utf-16"), True),
        ("<!DOCTYPE a><a/>".encode("utf-16-le"), True),
        (b"<a><![CDATA[<!DOCTYPE a>]]></a>", False),
        (b"<!-- <!DOCTYPE a> --><a/>", False),
        ("<?xml?>\n<!DOCTYPE a><a/>".encode("utf-16-be"), True),
        ("<a>\u00e6</a>".encode("utf-16-le"), False),
        (b'<?xml version="1.0"?><a>\xc3\xa6 &lt;!</a>', False),
        (b"", False),
    ],
)
def test_doctype_found_only_in_the_prolog(xml: bytes, found: bool) -> None:
    assert has_doctype(xml) is found


def test_the_quick_prolog_check_agrees_with_the_full_scan() -> None:
    pieces = [
        b'<?xml version="1.0"?>',
        b"<?pi x?>",
        b"<!-- c -->",
        b"<!DOCTYPE a>",
        b"<!doctype a>",
    ]
    pieces += [b" ", b"\r\n", b"\xef\xbb\xbf", b"<a/>", b"<\xc3\xa6/>", b"x", b"<", b"?>", b"\x00"]
    rnd = random.Random(14)
    for _ in range(20_000):
        data = b"".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 5)))
        for xml in (data, data.decode("utf-8", "replace").encode("utf-16-le")):
            assert has_doctype(xml) is doctype_in([xml]), xml


def test_doctype_scan_stops_at_the_root_element() -> None:
    def chunks():  # the rest of a huge part is never read
        yield b"<a>"
        raise AssertionError("read past the root element")

    assert doctype_in(chunks()) is False


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("member", ["../x", "/abs", "C:/x", "a/../../b", "a\\..\\b", "\\\\srv\\x"])
def test_unsafe_member_names_are_refused_with_the_name(tmp_path: Path, member: str) -> None:
    path = _write(tmp_path, "d.docx", minimal_docx(**{member: b"x"}))
    with pytest.raises(InputFileError, match="peger uden for dokumentet") as caught:
        read_members(path, "docx")
    assert repr(member) in caught.value.message_da
    with pytest.raises(InputFileError):
        scan_members(path, "docx")


def test_a_lying_size_header_is_refused(tmp_path: Path) -> None:
    data = bytearray(minimal_docx())
    name = b"word/document.xml"
    entry = bytes(data).find(b"PK\x01\x02")  # the central directory entries, in order
    while bytes(data[entry + 46 : entry + 46 + len(name)]) != name:
        entry = bytes(data).find(b"PK\x01\x02", entry + 4)
    data[entry + 24 : entry + 28] = (10).to_bytes(4, "little")  # declared size: 10 bytes
    path = _write(tmp_path, "d.docx", bytes(data))
    with pytest.raises(InputFileError, match=r"større end angivet|beskadiget \(delen 'word/doc"):
        read_members(path, "docx")  # zipfile or our own read stops at the declared size


def test_the_budget_counts_every_file_of_a_command(tmp_path: Path) -> None:
    parts = {"[Content_Types].xml": "<T/>", "word/document.xml": "<d>" + "x" * 4000 + "</d>"}
    path = _write(tmp_path, "a.docx", zip_bytes(parts))
    with command_budget(ReadBudget(max_bytes=10_000)) as budget:
        read_members(path, "docx")
        read_members(path, "docx")
        with pytest.raises(InputFileError) as caught:
            read_members(path, "docx")
    assert "a.docx fylder tilsammen 0,0 MB udpakket" in caught.value.message_da
    assert budget.used_members == 6
    read_members(path, "docx")  # no budget outside a command


def _deflated(data: bytes) -> bytes:
    """The same zip with every member deflated, as Word writes them (the read's fast path)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            archive.writestr(info.filename, source.read(info), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _central_entry(data: bytes, name: bytes) -> int:
    """Where the central directory record of a member starts."""
    entry = data.find(b"PK\x01\x02")
    while data[entry + 46 : entry + 46 + len(name)] != name:
        entry = data.find(b"PK\x01\x02", entry + 4)
    return entry


def test_members_read_as_zipfile_reads_them(tmp_path: Path) -> None:
    parts = {"[Content_Types].xml": "<T/>", "word/document.xml": "<d>" + "æøå x " * 5000 + "</d>"}
    parts["word/media/empty.bin"] = ""
    path = _write(tmp_path, "a.docx", _deflated(zip_bytes(parts)))
    with zipfile.ZipFile(path) as archive:
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_DEFLATED}
        expected = {i.filename: archive.read(i) for i in archive.infolist()}
    assert read_members(path, "docx") == expected


def test_a_wrong_crc_is_refused_naming_the_part(tmp_path: Path) -> None:
    data = bytearray(_deflated(minimal_docx()))
    entry = _central_entry(bytes(data), b"word/document.xml")
    data[entry + 16 : entry + 20] = bytes(4)  # the directory's CRC no longer matches
    path = _write(tmp_path, "d.docx", bytes(data))
    with pytest.raises(InputFileError, match=r"beskadiget \(delen 'word/document.xml'\)"):
        read_members(path, "docx")


def test_a_local_header_naming_another_member_is_refused(tmp_path: Path) -> None:
    data = _deflated(minimal_docx())
    local = data.find(b"word/document.xml")  # the local header comes before the directory
    forged = data[:local] + b"word/documenX.xml" + data[local + len(b"word/document.xml") :]
    path = _write(tmp_path, "d.docx", forged)
    with pytest.raises(InputFileError, match="beskadiget"):
        read_members(path, "docx")


def test_invalid_deflate_data_is_refused(tmp_path: Path) -> None:
    data = bytearray(_deflated(minimal_docx()))
    entry = _central_entry(bytes(data), b"word/document.xml")
    offset = int.from_bytes(data[entry + 42 : entry + 46], "little")
    start = offset + 30 + int.from_bytes(data[offset + 26 : offset + 28], "little")
    start += int.from_bytes(data[offset + 28 : offset + 30], "little")
    data[start : start + 8] = b"\xff" * 8  # not a deflate stream
    path = _write(tmp_path, "d.docx", bytes(data))
    with pytest.raises(InputFileError, match="beskadiget"):
        read_members(path, "docx")
