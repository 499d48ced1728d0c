"""Reading answer sheets: what people really type, and every bad input with its sheet!cell."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl.workbook.workbook import Workbook

from assembler.answers.files import answers_to_raw
from assembler.answers.model import Answers
from assembler.answers.reader import read_answers_file
from assembler.answers.xlsx.layout import EMPLOYEE_SHEET, LOCAL_SHEET, SCHEMA_SHEET
from assembler.answers.xlsx.read import read_answer_sheet, read_answers_skipping
from assembler.errors import AnswerError, InputFileError
from assembler.library.model import Library
from tests.unit.answers.xlsx_helpers import (
    FIRST_EMPLOYEE_ROW,
    column,
    edit,
    local_row,
    ref,
    set_employee,
    write_sheet,
)

ROW = FIRST_EMPLOYEE_ROW


@pytest.fixture
def sheet(library: Library, example: Answers, tmp_path: Path) -> Path:
    """The example answers as a filled answer sheet."""
    return write_sheet(library, example, tmp_path / "svar.xlsx")


def _problems(library: Library, path: Path) -> list[str]:
    with pytest.raises(AnswerError) as caught:
        read_answers_file(library, path)
    return caught.value.problems


def _plain(answers: Answers) -> dict:
    return answers_to_raw(answers)


def test_filled_sheet_reads_back_as_the_same_answers(
    library: Library, example: Answers, sheet: Path
) -> None:
    before = sheet.read_bytes()
    answers = read_answers_file(library, sheet)
    assert _plain(answers) == _plain(example)
    assert [e.origin for e in answers.employees] == [
        f"{EMPLOYEE_SHEET}, række {r}" for r in range(ROW, ROW + len(example.employees))
    ]
    assert sheet.read_bytes() == before  # the user's workbook is never modified


def test_blank_sheet_example_row_is_skipped_and_missing_answers_named(
    library: Library, tmp_path: Path
) -> None:
    path = write_sheet(library, None, tmp_path / "blank.xlsx")
    problems = _problems(library, path)
    assert problems[0].startswith(f"{LOCAL_SHEET}!C2: sektor skal være")
    assert any(re.match(rf"{LOCAL_SHEET}!C\d+: mangler \(", p) for p in problems)
    assert not any(EMPLOYEE_SHEET in p for p in problems)


def test_reordered_columns_and_empty_rows_in_the_middle(
    library: Library, example: Answers, sheet: Path
) -> None:
    def change(wb: Workbook) -> None:
        ws = wb[EMPLOYEE_SHEET]
        a, b = column(library, wb, "parter.navn"), column(library, wb, "parter.leder")
        for row in range(2, ws.max_row + 1):
            first, second = ws.cell(row, a), ws.cell(row, b)
            first.value, second.value = second.value, first.value
        ws.insert_rows(ROW + 1, amount=2)  # two empty rows between the first and second employee

    answers = read_answers_file(library, edit(sheet, change))
    assert _plain(answers) == _plain(example)
    assert answers.employees[1].origin == f"{EMPLOYEE_SHEET}, række {ROW + 3}"


@pytest.mark.parametrize(
    "typed",
    ["1. marts 2027", " 01.03.2027 ", "1-3-2027", "2027-03-01", dt.datetime(2027, 3, 1), 46447],
)
def test_dates_as_people_type_them(library: Library, sheet: Path, typed: object) -> None:
    key = "ikrafttraeden.ikrafttraedelsesdato"
    path = edit(sheet, lambda wb: set_employee(library, wb, key, ROW, typed))
    answers = read_answers_file(library, path)
    assert answers.employees[0].value("ikrafttraeden", "ikrafttraedelsesdato") == dt.date(
        2027, 3, 1
    )


def test_comma_decimals_stray_spaces_and_line_breaks(library: Library, sheet: Path) -> None:
    def change(wb: Workbook) -> None:
        set_employee(library, wb, "parter.ugentlig_arbejdstid", ROW, "37,5")
        set_employee(library, wb, "parter.navn", ROW, "  Anne   Hansen  ")
        set_employee(library, wb, "arbejdssted.variant", ROW, "flere_adresser")
        set_employee(
            library,
            wb,
            "arbejdssted.adresser",
            ROW,
            "Søndergade 1, 8000 Aarhus C\nStrandvejen 4, 4500 Nykøbing Sj.\n",
        )

    employee = read_answers_file(library, edit(sheet, change)).employees[0]
    assert employee.value("parter", "ugentlig_arbejdstid") == Decimal("37.5")
    assert employee.value("parter", "navn") == "Anne   Hansen"
    assert employee.variant("arbejdssted") == "flere_adresser"
    assert employee.value("arbejdssted", "adresser") == [
        "Søndergade 1, 8000 Aarhus C",
        "Strandvejen 4, 4500 Nykøbing Sj.",
    ]


def test_invalid_date_is_reported_with_its_cell(library: Library, sheet: Path) -> None:
    key = "ikrafttraeden.ikrafttraedelsesdato"
    path = edit(sheet, lambda wb: set_employee(library, wb, key, ROW + 1, "31-02-2027"))
    problems = _problems(library, path)
    wb_ref = ref(library, _wb(path), key, ROW + 1)
    assert f'{wb_ref}: "31-02-2027" er ikke en gyldig dato (skriv fx 1-3-2027)' in problems


def _wb(path: Path) -> Workbook:
    import openpyxl

    return openpyxl.load_workbook(path)


def test_all_problems_come_in_one_list(library: Library, sheet: Path) -> None:
    def change(wb: Workbook) -> None:
        set_employee(library, wb, "parter.navn", ROW, None)
        set_employee(library, wb, "opsigelse.variant", ROW + 1, "Efter behov")
        set_employee(library, wb, "parter.ugentlig_arbejdstid", ROW + 2, "mange")
        wb[LOCAL_SHEET].cell(local_row(wb, "dato"), 3, "i morgen")

    path = edit(sheet, change)
    problems = _problems(library, path)
    wb = _wb(path)
    assert len(problems) == 4, problems
    assert problems[0].startswith(f'{LOCAL_SHEET}!C{local_row(wb, "dato")}: "i morgen"')
    assert problems[1] == f"{ref(library, wb, 'parter.navn', ROW)}: mangler (Medarbejderens navn)"
    assert problems[2].startswith(
        f'{ref(library, wb, "opsigelse.variant", ROW + 1)}: "Efter behov"'
    )
    assert (
        problems[3]
        == f'{ref(library, wb, "parter.ugentlig_arbejdstid", ROW + 2)}: "mange" er ikke et tal'
    )


def test_formula_without_cached_value(library: Library, sheet: Path) -> None:
    key = "parter.ugentlig_arbejdstid"
    path = edit(sheet, lambda wb: set_employee(library, wb, key, ROW, "=30+7"))
    problems = _problems(library, path)
    assert len(problems) == 1
    assert problems[0].startswith(
        f"{ref(library, _wb(path), key, ROW)}: cellen indeholder en formel"
    )
    assert "gem den" in problems[0]


def test_merged_cells_in_the_answer_area_are_refused_with_the_range(
    library: Library, example: Answers, sheet: Path
) -> None:
    """A merge over two employees' names gave the second one the first one's name, silently."""

    def change(wb: Workbook) -> None:
        col = column(library, wb, "parter.navn")
        wb[EMPLOYEE_SHEET].merge_cells(
            start_row=ROW, start_column=col, end_row=ROW + 1, end_column=col
        )

    path = edit(sheet, change)
    letter = ref(library, _wb(path), "parter.navn", ROW).split("!")[1].rstrip("0123456789")
    problems = _problems(library, path)
    assert problems == [
        f"{EMPLOYEE_SHEET}!{letter}{ROW}:{letter}{ROW + 1}: cellerne er flettet sammen, så kun "
        "den første række har en værdi. Ophæv sammenfletningen (Start > Flet og centrer), og "
        "skriv værdien i hver række"
    ]


def test_duplicate_employee_number_names_both_rows(
    library: Library, example: Answers, sheet: Path
) -> None:
    key = "parter.medarbejdernummer"
    path = edit(sheet, lambda wb: set_employee(library, wb, key, ROW + 2, "10234"))
    first, second = ref(library, _wb(path), key, ROW), ref(library, _wb(path), key, ROW + 2)
    assert _problems(library, path) == [
        f"{second}: medarbejdernummer 10234 står også i række {ROW} ({first}); hver "
        "medarbejder skal have sit eget nummer"
    ]


def test_control_characters_are_rejected_with_the_cell(
    library: Library, sheet: Path, tmp_path: Path
) -> None:
    wb = _wb(sheet)
    where = ref(library, wb, "parter.stilling", ROW)
    path = edit(
        sheet, lambda wb: set_employee(library, wb, "parter.stilling", ROW, "STILLING-MARK")
    )
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    parts = {n: d.replace(b"STILLING-MARK", b"Fuldm_x0007_gtig") for n, d in parts.items()}
    bad = tmp_path / "kontrol.xlsx"
    with zipfile.ZipFile(bad, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    problems = _problems(library, bad)
    assert problems == [
        f"{where}: indeholder et ulovligt kontroltegn (U+0007); slet det og skriv teksten igen"
    ]


def test_renamed_sheet_and_column_are_named(library: Library, sheet: Path) -> None:
    path = edit(sheet, lambda wb: setattr(wb[EMPLOYEE_SHEET], "title", "Medarbejdere"))
    problems = _problems(library, path)
    assert problems[0].startswith(f"arket „{EMPLOYEE_SHEET}“ mangler (fandt")
    assert "„Medarbejdere“" in problems[0]

    def rename(wb: Workbook) -> None:
        wb["Medarbejdere"].title = EMPLOYEE_SHEET
        wb[EMPLOYEE_SHEET].cell(2, column(library, wb, "parter.navn"), "Navn")

    problems = _problems(library, edit(path, rename))
    assert f"arket „{EMPLOYEE_SHEET}“ mangler kolonnen „Medarbejderens navn“" in problems
    assert any("ukendte kolonner: „Navn“" in p for p in problems)


def test_old_schema_is_recognised(library: Library, sheet: Path) -> None:
    path = edit(sheet, lambda wb: wb[SCHEMA_SHEET].cell(1, 2, "aftale-svarark/0"))
    problems = _problems(library, path)
    assert problems and "skemaversion „aftale-svarark/0“" in problems[0]
    path = edit(path, lambda wb: wb.remove(wb[SCHEMA_SHEET]))
    assert "„Skema“ mangler" in _problems(library, path)[0]


def test_wrong_kinds_of_file(library: Library, tmp_path: Path) -> None:
    csv = tmp_path / "svar.csv"
    csv.write_text("navn;stilling\n", encoding="utf-8")
    xls = tmp_path / "svar.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    locked = tmp_path / "laast.xlsx"
    locked.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le") + b"\0" * 600
    )
    broken = tmp_path / "i-stykker.xlsx"
    broken.write_bytes(b"PK\x03\x04 dette er ikke en zip")
    expected = {
        csv: "CSV-filer kan ikke bruges",
        xls: "gamle .xls-format",
        locked: "adgangskode",
        broken: "beskadiget",
    }
    for path, words in expected.items():
        with pytest.raises(InputFileError) as caught:
            read_answers_file(library, path)
        assert words in caught.value.message_da, path


def test_skipping_rows_keeps_the_valid_ones(library: Library, sheet: Path) -> None:
    path = edit(sheet, lambda wb: set_employee(library, wb, "parter.navn", ROW + 1, None))
    answers, skipped = read_answers_skipping(library, path)
    assert len(answers.employees) == 2
    assert [e.origin for e in answers.employees] == [
        f"{EMPLOYEE_SHEET}, række {ROW}",
        f"{EMPLOYEE_SHEET}, række {ROW + 2}",
    ]
    assert skipped == [
        (
            f"{EMPLOYEE_SHEET}, række {ROW + 1}",
            "",
            [f"{ref(library, _wb(path), 'parter.navn', ROW + 1)}: mangler (Medarbejderens navn)"],
        )
    ]


def test_local_problems_stop_even_when_skipping(library: Library, sheet: Path) -> None:
    path = edit(sheet, lambda wb: wb[LOCAL_SHEET].cell(local_row(wb, "sektor"), 3, "land"))
    with pytest.raises(AnswerError) as caught:
        read_answers_skipping(library, path)
    assert caught.value.problems[0].startswith(
        f"{LOCAL_SHEET}!C{local_row(_wb(path), 'sektor')}: sektor"
    )


def test_sheet_result_counts_rows(library: Library, sheet: Path) -> None:
    result = read_answer_sheet(library, sheet)
    assert result.rows == [ROW, ROW + 1, ROW + 2]
    assert result.all_problems == []


def test_in_memory_bytes_are_a_valid_zip(library: Library, example: Answers) -> None:
    from assembler.answers.xlsx.write import answer_sheet_bytes

    with zipfile.ZipFile(io.BytesIO(answer_sheet_bytes(library, example))) as z:
        assert z.testzip() is None


def test_repeated_rows_give_their_own_answers_and_their_own_problems(
    library: Library, sheet: Path
) -> None:
    """Rows that repeat earlier cells (the reader reuses answers built from equal cells) still
    read as their own values and types, and a repeated mistake is named in every row."""
    date_key, hours_key = "ikrafttraeden.ikrafttraedelsesdato", "parter.ugentlig_arbejdstid"

    def change(wb: Workbook) -> None:
        ws = wb[EMPLOYEE_SHEET]
        width = ws.max_column
        for copy in range(4):  # four copies of the first employee below the others
            target = ws.max_row + 1
            for col in range(1, width + 1):
                ws.cell(target, col).value = ws.cell(ROW, col).value
            set_employee(library, wb, "parter.navn", target, f"Kopi {copy}")
            set_employee(library, wb, "parter.medarbejdernummer", target, f"K{copy}")
        last = ws.max_row
        set_employee(library, wb, hours_key, last - 3, 30)  # a number
        set_employee(library, wb, hours_key, last - 2, "30")  # the same as text
        set_employee(library, wb, date_key, last - 1, "31-02-2027")
        set_employee(library, wb, date_key, last, "31-02-2027")

    path = edit(sheet, change)
    wb = _wb(path)
    last = wb[EMPLOYEE_SHEET].max_row
    problems = _problems(library, path)
    for row in (last - 1, last):
        assert f'{ref(library, wb, date_key, row)}: "31-02-2027" er ikke en gyldig dato' in (
            " ".join(problems)
        )
    skipping, skipped = read_answers_skipping(library, path)
    assert [row for row, _, _ in skipped] == [
        f"{EMPLOYEE_SHEET}, række {last - 1}",
        f"{EMPLOYEE_SHEET}, række {last}",
    ]
    assert [name for _, name, _ in skipped] == ["Kopi 2", "Kopi 3"]
    copies = {e.value("parter", "navn"): e for e in skipping.employees}
    assert copies["Kopi 0"].value("parter", "ugentlig_arbejdstid") == Decimal(30)
    assert copies["Kopi 1"].value("parter", "ugentlig_arbejdstid") == Decimal(30)
    assert copies["Kopi 0"].origin == f"{EMPLOYEE_SHEET}, række {last - 3}"
    assert read_answer_sheet(library, path).rows[-2:] == [last - 3, last - 2]
