"""One overview, three views: the .xlsx, the terminal and plain data for a web page."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from rich.console import Console

from assembler import textable
from assembler.compare import output
from assembler.compare.model import Round
from assembler.compare.overview import COLUMNS, records
from assembler.compare.xlsx import summary_workbook
from tests.conftest import convert_with_libreoffice
from tests.unit.compare.overview_fixtures import clause_doc, compare

LONG = (
    "Medarbejderen arbejder hjemme to faste dage om ugen efter aftale med nærmeste leder, og "
    "dagene placeres, så de passer med enhedens møder, fremmødedage og opgaver i øvrigt."
)
HOSTILE = ["=SUM(A1:A9)", "+45 12 34 56 78", '@HYPERLINK("x")', "-1+2"]


def _rounds(tmp: Path) -> list[Round]:
    old = clause_doc(
        [("Omfang", [LONG]), ("Udstyr", ["Arbejdsgiveren stiller en pc til rådighed."])]
    )
    new = clause_doc(
        [
            ("Omfang", [LONG.replace("to faste dage", "én fast dag"), *HOSTILE]),
            ("Udstyr", ["Arbejdsgiveren stiller en pc til rådighed."]),
        ]
    )
    return compare(tmp, old, new, date="2027-03-02")


def test_workbook_stores_text_as_text_and_dates_as_danish_dates(tmp_path: Path) -> None:
    rounds = _rounds(tmp_path)
    ws = load_workbook(io.BytesIO(summary_workbook(rounds)))["Oversigt"]
    assert [c.value for c in ws[1]] == [name for _, name in COLUMNS]
    inserted = [row for row in ws.iter_rows(min_row=2) if row[6].value == "afsnit tilføjet"]
    assert [row[8].value for row in inserted] == HOSTILE  # exactly as written, not evaluated
    for row in ws.iter_rows(min_row=2):
        date = row[2]
        assert date.is_date and date.value == dt.datetime(2027, 3, 2)
        assert date.number_format == "[$-406]d. mmmm yyyy"
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
            if cell.value is not None and cell is not date:
                assert cell.data_type == "s" and cell.alignment.wrap_text


def test_workbook_layout_header_filter_freeze_widths(tmp_path: Path) -> None:
    ws = load_workbook(io.BytesIO(summary_workbook(_rounds(tmp_path))))["Oversigt"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == ws.dimensions == f"A1:J{ws.max_row}"
    assert all(c.font.bold and c.fill.fgColor.rgb.endswith("1F3864") for c in ws[1])
    assert ws.column_dimensions["H"].width == ws.column_dimensions["I"].width == 42
    changed = next(r for r in ws.iter_rows(min_row=2) if r[6].value == "afsnit ændret")
    assert ws.row_dimensions[changed[0].row].height >= 30  # tall enough for its wrapped text


def test_notes_and_history_sheet_for_three_versions(tmp_path: Path) -> None:
    v1 = clause_doc([("Omfang", ["To dage om ugen."]), ("Udstyr", ["En pc."])])
    v2 = clause_doc([("Omfang", ["Tre dage om ugen."]), ("Udstyr", ["En pc."])])
    v3 = clause_doc([("Omfang", ["Tre dage om ugen."]), ("Udstyr", ["En pc og en skærm."])])
    rounds = compare(tmp_path, v1, v2, v3)
    wb = load_workbook(io.BytesIO(summary_workbook(rounds)))
    history = [[c.value for c in row] for row in wb["Historik"].iter_rows()]
    assert history[0][3:] == ["v1→v2 (Ledelsen, 2. marts 2027)", "v2→v3 (Ledelsen, 2. marts 2027)"]
    assert history[1][1:] == ["Omfang", None, "ændret af Ledelsen", None]
    assert history[2][1:] == ["Udstyr", None, None, "ændret af Ledelsen"]
    notes = [r for r in wb["Oversigt"].iter_rows(values_only=True) if r[4] == "Bemærkning"]
    assert notes and all(r[0] == "v1→v3" for r in notes)  # the cumulative round's attribution


def test_workbook_is_byte_identical_run_to_run(tmp_path: Path) -> None:
    rounds = _rounds(tmp_path)
    assert summary_workbook(rounds) == summary_workbook(rounds)


@pytest.mark.libreoffice
def test_libreoffice_opens_the_workbook_and_shows_danish_dates(
    tmp_path: Path, soffice: str
) -> None:
    target = tmp_path / "oversigt.xlsx"
    target.write_bytes(summary_workbook(_rounds(tmp_path)))
    shown = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1030,false,true,true"  # as displayed
    csv = convert_with_libreoffice(soffice, target, tmp_path / "lo", shown)
    lines = csv.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("Runde,Forfatter,Dato,Nr.,Overskrift,Emne,Ændring,Før,Efter")
    assert all(",2. marts 2027," in line for line in lines[1:])
    assert any('"=SUM(A1:A9)"' in line or ",=SUM(A1:A9)," in line for line in lines)


def test_records_are_plain_data_with_the_table_columns(tmp_path: Path) -> None:
    data = records(_rounds(tmp_path))
    json.dumps(data)  # a web page gets it as JSON
    keys = [key for key, _ in COLUMNS]
    assert all(list(r)[: len(keys)] == keys for r in data)
    changed = next(r for r in data if r["aendring"] == "afsnit ændret")
    assert changed["dato"] == "2. marts 2027" and changed["dato_iso"] == "2027-03-02"
    assert changed["foer_hele"] == LONG and "én fast dag" in changed["efter_hele"]
    assert "to faste dage" in changed["foer"] and changed["foer"] != changed["foer_hele"]


@pytest.mark.parametrize("width", [80, 200])
def test_terminal_shows_every_row_in_a_list_or_a_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    rounds = _rounds(tmp_path)
    buffer = io.StringIO()
    monkeypatch.setattr(textable, "out_console", Console(file=buffer, width=width, highlight=False))
    output.print_rounds(rounds)
    text = " ".join(buffer.getvalue().replace("│", " ").split())
    assert "Runde v1→v2: v1.docx → v2.docx · Ledelsen · 2. marts 2027" in text
    for record in records(rounds):
        assert record["aendring"] in text
        assert " ".join(record["efter"].split()[:3]) in text
    assert ("Ændring:" in text) == (width < output.WIDE)  # a list when narrow, a table when wide
