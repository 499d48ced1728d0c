"""Answer sheets (.xlsx): XML bombs, row floods, merged answers, duplicates and damaged zips."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from assembler.answers.model import Answers
from assembler.answers.xlsx.write import answer_sheet_bytes
from assembler.library.model import Library
from tests.hostile.corpus import aftale, assert_no_english, assert_refused, snapshot, zip_bytes

ENTITY = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
LAUGHS = (
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
    + "".join(
        f'<!ENTITY {n} "{("&" + p + ";") * 10}">'
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "]>"
)


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


def _employee_part(parts: dict[str, bytes]) -> str:
    return next(
        n
        for n, d in parts.items()
        if n.startswith("xl/worksheets/")
        and b"<mergeCell " in d  # the employee sheet merges its topic titles
    )


def _sheet(
    library: Library, answers: Answers, folder: Path, change: Callable[[dict[str, bytes]], None]
) -> Path:
    parts = _parts(answer_sheet_bytes(library, answers))
    change(parts)
    path = folder / "svar.xlsx"
    path.write_bytes(zip_bytes(dict(parts)))
    return path


def _with_rows(
    rows: Callable[[int], str], count: int, start: int = 10
) -> Callable[[dict[str, bytes]], None]:
    def change(parts: dict[str, bytes]) -> None:
        name = _employee_part(parts)
        extra = "".join(rows(r) for r in range(start, start + count)).encode()
        parts[name] = parts[name].replace(b"</sheetData>", extra + b"</sheetData>")
        parts[name] = re.sub(rb'<dimension ref="[^"]*"/>', b"", parts[name])

    return change


def _prolog(part: str, doctype: str, reference: bool) -> Callable[[dict[str, bytes]], None]:
    def change(parts: dict[str, bytes]) -> None:
        text = parts[part].decode("utf-8")
        head, sep, body = text.partition("?>")
        if not sep:  # openpyxl writes no XML declaration
            head, body = "", text
        if reference:
            body = body.replace(
                "<sheetData>",
                '<sheetData><row r="900"><c r="B900" t="inlineStr"><is><t>&e;&i;</t></is>'
                "</c></row>",
                1,
            )
        parts[part] = (head + sep + "<!--" + "x" * 70_000 + "-->" + doctype + body).encode()

    return change


@pytest.mark.parametrize(
    ("case", "part_of", "doctype"),
    [
        ("entity-i-ark", "employee", ENTITY),
        ("billion-laughs-i-workbook", "xl/workbook.xml", LAUGHS),
    ],
)
def test_doctype_in_any_sheet_part_is_refused(
    library: Library, example: Answers, tmp_path: Path, case: str, part_of: str, doctype: str
) -> None:
    parts = _parts(answer_sheet_bytes(library, example))
    part = _employee_part(parts) if part_of == "employee" else part_of
    path = _sheet(library, example, tmp_path, _prolog(part, doctype, part_of == "employee"))
    before = snapshot(tmp_path)
    run = aftale("generer", "svar.xlsx", "-o", "ud", cwd=tmp_path)
    assert_refused(run, "svar.xlsx", f"delen '{part}'", "DOCTYPE/ENTITY")
    assert snapshot(tmp_path) == before
    assert path.exists()


def test_empty_styled_rows_cost_nothing(library: Library, example: Answers, tmp_path: Path) -> None:
    styled = _with_rows(
        lambda r: (
            f'<row r="{r}" s="1" customFormat="1"><c r="B{r}" s="1"/><c r="C{r}" s="1"/></row>'
        ),
        100_000,
    )
    _sheet(library, example, tmp_path, styled)
    run = aftale("generer", "svar.xlsx", "-o", "ud", cwd=tmp_path)
    assert run.code == 0, run.err
    assert_no_english(run)
    assert len(list((tmp_path / "ud" / "individuelle").glob("*.docx"))) == len(example.employees)
    assert run.peak_mb < 300, run.peak_mb


def test_a_flood_of_rows_is_refused_at_the_documented_cap(
    library: Library, example: Answers, tmp_path: Path
) -> None:
    named = _with_rows(
        lambda r: f'<row r="{r}"><c r="B{r}" t="inlineStr"><is><t>Navn {r}</t></is></c></row>',
        100_000,
    )
    _sheet(library, example, tmp_path, named)
    before = snapshot(tmp_path)
    run = aftale("generer", "svar.xlsx", "-o", "ud", cwd=tmp_path)
    assert_refused(
        run,
        "svar.xlsx",
        "„Individuelle aftaler“ går til række 100.009",
        "højst have 50.000 medarbejdere",
    )
    assert snapshot(tmp_path) == before


def test_merged_names_and_a_shared_number_are_refused_naming_range_and_rows(
    library: Library, example: Answers, tmp_path: Path
) -> None:
    def merge(parts: dict[str, bytes]) -> None:
        name = _employee_part(parts)
        xml = parts[name]
        xml = (
            xml.replace(b'<mergeCells count="', b'<mergeCells count="1', 1)
            if b"<mergeCells" in xml
            else xml
        )
        parts[name] = xml.replace(b"</mergeCells>", b'<mergeCell ref="B3:B4"/></mergeCells>', 1)

    _sheet(library, example, tmp_path, merge)
    run = aftale("generer", "svar.xlsx", "-o", "ud", cwd=tmp_path)
    assert_refused(run, "Individuelle aftaler!B3:B4: cellerne er flettet sammen")
    assert not (tmp_path / "ud").exists()

    def same_number(parts: dict[str, bytes]) -> None:
        name = _employee_part(parts)
        parts[name] = parts[name].replace(b"<t>10877</t>", b"<t>10234</t>")

    _sheet(library, example, tmp_path, same_number)
    run = aftale("generer", "svar.xlsx", "-o", "ud", cwd=tmp_path)
    assert_refused(run, "medarbejdernummer 10234 står også i række 3")
    assert not (tmp_path / "ud").exists()


def test_hidden_rows_with_answers_are_refused_naming_the_rows(
    library: Library, example: Answers, tmp_path: Path
) -> None:
    def hide(*rows: int) -> Callable[[dict[str, bytes]], None]:
        def change(parts: dict[str, bytes]) -> None:
            name = _employee_part(parts)
            for row in rows:
                tag = f'<row r="{row}"'.encode()
                assert tag in parts[name]
                parts[name] = parts[name].replace(tag, tag + b' hidden="1"', 1)

        return change

    _sheet(library, example, tmp_path, hide(3, 4))
    before = snapshot(tmp_path)
    run = aftale("generer", "svar.xlsx", "-o", "ud", cwd=tmp_path)
    assert_refused(
        run,
        "arket „Individuelle aftaler“, række 3 og 4: rækkerne er skjult i Excel (fx af et filter)",
    )
    assert not (tmp_path / "ud").exists()
    assert snapshot(tmp_path) == before

    empty_hidden = _with_rows(lambda r: f'<row r="{r}" hidden="1"/>', 1, start=40)
    _sheet(library, example, tmp_path, empty_hidden)  # hidden but holding no answer: no matter
    run = aftale("generer", "svar.xlsx", "-o", "ud", cwd=tmp_path)
    assert run.code == 0, run.err


def test_hidden_columns_and_sheets_with_answers_are_refused(
    library: Library, example: Answers, tmp_path: Path
) -> None:
    def hide_column(parts: dict[str, bytes]) -> None:
        name = _employee_part(parts)
        span = re.search(rb'<col [^>]*min="2" max="2"[^>]*/>', parts[name])
        assert span is not None
        parts[name] = parts[name].replace(span.group(), span.group()[:-2] + b' hidden="1"/>', 1)

    def hide_sheet(parts: dict[str, bytes]) -> None:
        book = parts["xl/workbook.xml"]
        assert b'name="Individuelle aftaler" sheetId="3" state="visible"' in book
        parts["xl/workbook.xml"] = book.replace(
            b'name="Individuelle aftaler" sheetId="3" state="visible"',
            b'name="Individuelle aftaler" sheetId="3" state="hidden"',
        )

    for change, needle in (
        (
            hide_column,
            "arket „Individuelle aftaler“, kolonne B („Medarbejderens navn“): kolonnen er skjult",
        ),
        (
            hide_sheet,
            "arket „Individuelle aftaler“ er skjult i Excel, men svarene i det bliver læst",
        ),
    ):
        _sheet(library, example, tmp_path, change)
        before = snapshot(tmp_path)
        run = aftale("generer", "svar.xlsx", "-o", "ud", cwd=tmp_path)
        assert_refused(run, needle)
        assert not (tmp_path / "ud").exists()
        assert snapshot(tmp_path) == before


def test_two_sheets_with_one_name_are_refused(
    library: Library, example: Answers, tmp_path: Path
) -> None:
    def twin(parts: dict[str, bytes]) -> None:
        book = parts["xl/workbook.xml"]
        first = re.search(rb'<sheet [^>]*name="Lister"', book)
        assert first is not None
        renamed = first.group().replace(b'name="Lister"', b'name="INDIVIDUELLE aftaler"')
        parts["xl/workbook.xml"] = book.replace(first.group(), renamed, 1)

    _sheet(library, example, tmp_path, twin)
    before = snapshot(tmp_path)
    run = aftale("generer", "svar.xlsx", "-o", "ud", cwd=tmp_path)
    assert_refused(run, "arket „INDIVIDUELLE aftaler“ findes to gange")
    assert not (tmp_path / "ud").exists()
    assert snapshot(tmp_path) == before


def test_damaged_and_hostile_zips(library: Library, example: Answers, tmp_path: Path) -> None:
    good = answer_sheet_bytes(library, example)
    for name, stored in (("beskadiget.xlsx", True), ("ugyldig-deflate.xlsx", False)):
        data = zip_bytes(dict(_parts(good)), stored=stored)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("xl/workbook.xml")
            offset = info.header_offset + 30 + len(info.filename) + 40
        damaged = bytearray(data)
        damaged[offset] ^= 0x5A  # stored: Bad CRC-32 (English); deflated: a zlib error
        (tmp_path / name).write_bytes(bytes(damaged))
        run = aftale("generer", name, "-o", "ud", cwd=tmp_path)
        assert_refused(run, f"{name}: filen er beskadiget")

    parts = _parts(good) | {"/etc/evil.txt": b"x"}
    (tmp_path / "absolut.xlsx").write_bytes(zip_bytes(dict(parts)))
    assert_refused(aftale("generer", "absolut.xlsx", "-o", "ud", cwd=tmp_path), "'/etc/evil.txt'")
    (tmp_path / "tom.xlsx").write_bytes(b"")
    assert_refused(aftale("generer", "tom.xlsx", "-o", "ud", cwd=tmp_path), "tom.xlsx")
    assert not (tmp_path / "ud").exists()

    detailed = aftale("--detaljer", "generer", "beskadiget.xlsx", "-o", "ud", cwd=tmp_path)
    assert detailed.code == 1 and "detaljer: BadZipFile: Bad CRC-32" in detailed.err


@pytest.mark.parametrize(
    ("row", "needles"),
    [
        (
            '<row r="1048576"><c r="B1048576" t="inlineStr"><is><t>x</t></is></c></row>',
            ["„Individuelle aftaler“ går til række 1.048.576", "højst have 50.000 medarbejdere"],
        ),
        (
            '<row r="60000"><c r="XFD60000"><v>1</v></c></row>',
            ["„Individuelle aftaler“ går til række 60.000"],
        ),
        (
            '<row r="40000"><c r="XFD40000"><v>1</v></c></row>',
            ["„Individuelle aftaler“ har indhold helt ud i kolonne XFD", "10.000.000 celler"],
        ),
        (  # cells without a reference follow each other: 20,000 of them reach past XFD
            '<row r="40000">' + "<x:c><x:v>1</x:v></x:c>" * 20_000 + "</row>",
            ["„Individuelle aftaler“ har indhold helt ud i kolonne XFD"],
        ),
    ],
    ids=["last-row", "far-row-and-column", "far-column", "unreferenced-cells"],
)
def test_one_value_far_away_is_refused_before_the_reader_allocates(
    library: Library, example: Answers, tmp_path: Path, row: str, needles: list[str]
) -> None:
    """calamine holds a sheet as one block up to its last value: row 1,048,576 took 2.4 GB and
    the process aborted with "memory allocation of 2449473536 bytes failed"."""

    def far(parts: dict[str, bytes]) -> None:
        name = _employee_part(parts)
        parts[name] = parts[name].replace(b"</sheetData>", row.encode() + b"</sheetData>")

    _sheet(library, example, tmp_path, far)
    before = snapshot(tmp_path)
    for command in (("generer", "svar.xlsx", "-o", "ud"), ("tjek", "svar.xlsx")):
        run = aftale(*command, cwd=tmp_path)
        assert_refused(run, "svar.xlsx: arket", *needles)
        assert run.peak_mb < 150, run.peak_mb  # refused while streaming, before any block
    assert snapshot(tmp_path) == before


def test_a_far_empty_styled_cell_costs_nothing(
    library: Library, example: Answers, tmp_path: Path
) -> None:
    def styled(parts: dict[str, bytes]) -> None:
        name = _employee_part(parts)
        cell = b'<row r="1048576"><c r="XFD1048576" s="1"/></row>'
        parts[name] = parts[name].replace(b"</sheetData>", cell + b"</sheetData>")

    _sheet(library, example, tmp_path, styled)
    run = aftale("tjek", "svar.xlsx", cwd=tmp_path)
    assert run.code == 0, run.err
    assert_no_english(run)


@pytest.mark.parametrize("value", ["NaN", "INF", "-INF"])
def test_a_number_cell_that_is_not_a_number_names_the_cell(
    library: Library, example: Answers, tmp_path: Path, value: str
) -> None:
    def nan(parts: dict[str, bytes]) -> None:
        name = _employee_part(parts)
        number = rb"\1<v>" + value.encode() + b"</v>"
        parts[name] = re.sub(rb'(<c r="H3"[^>]*>)<v>[^<]*</v>', number, parts[name], count=1)

    _sheet(library, example, tmp_path, nan)
    run = aftale("generer", "svar.xlsx", "-o", "ud", cwd=tmp_path)
    assert_refused(run, "Individuelle aftaler!H3", "er ikke et tal")
    assert not (tmp_path / "ud").exists()
