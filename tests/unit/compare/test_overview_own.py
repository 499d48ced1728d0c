"""The overview of rounds whose newer version carries tracked changes of its own: every one of
them listed (the .xlsx's own sheet, and the terminal says where), and clause numbers as they
are once those changes are accepted, never the redline's markup numbering."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from openpyxl import load_workbook

from assembler.cli import app
from assembler.compare.model import Round
from assembler.compare.overview import records
from assembler.compare.overview_prior import OWN_SHEET, own_changes
from assembler.compare.rounds import compare_versions
from assembler.compare.xlsx import summary_workbook
from tests.acceptance.test_tjek_cli import aftale
from tests.unit.compare.fixtures import para, run, write_versions
from tests.unit.compare.prior_rounds import three_versions

H = "Heading1"
NUMBERED = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
TR = 'w:author="TR" w:date="2026-03-08T22:30:00Z"'  # 23:30 in Copenhagen: still 8 March
FREE = ["Hjemmearbejde bygger på frivillighed.", "Ingen kan pålægges hjemmearbejde."]
CORE = "Medarbejderen kan kontaktes mellem kl. 9.00 og kl. 14.30."


def _heading(text: str) -> str:
    return para(text, style=H, ppr=NUMBERED)


def _own(kind: str, rid: int, text: str, heading: bool) -> str:
    """A paragraph whose mark and text are one of TR's own moves (moveFrom or moveTo)."""
    props = f'<w:pStyle w:val="{H}"/>{NUMBERED}' if heading else ""
    return (
        f'<w:p><w:pPr>{props}<w:rPr><w:{kind} w:id="{rid}" {TR}/></w:rPr></w:pPr>'
        f'<w:{kind} w:id="{rid + 1}" {TR}><w:r><w:t>{escape(text)}</w:t></w:r></w:{kind}></w:p>'
    )


def _moved(kind: str, base: int) -> list[str]:
    texts = [("Frivillighed", True), (FREE[0], False), (FREE[1], False)]
    return [_own(kind, base + 2 * k, text, heading) for k, (text, heading) in enumerate(texts)]


def _versions(folder: Path) -> list[Path]:
    """v1: § 1 Omfang, § 2 Frivillighed, § 3 Formål, § 4 Tilgængelighed, § 5 Ophør; v2 moves
    Frivillighed after Tilgængelighed and changes the core time and the notice; v3 is v2 with
    TR's own tracked changes that move Frivillighed back to § 2 and the core time back."""
    free = [_heading("Frivillighed"), *(para(t) for t in FREE)]
    purpose = [_heading("Formål"), para("Formålet er at give ro til fordybelse og fleksibilitet.")]
    scope = [_heading("Omfang"), para("Aftalen gælder for alle.")]
    v1 = [*scope, *free, *purpose, _heading("Tilgængelighed"), para(CORE), _heading("Ophør"),
          para("Opsiges med varsel.")]  # fmt: skip
    v2 = [*scope, *purpose, _heading("Tilgængelighed"), para(CORE.replace("9.00", "8.30")),
          *free, _heading("Ophør"), para("Opsiges med tre måneders varsel.")]  # fmt: skip
    back = para(
        "Medarbejderen kan kontaktes mellem kl. ",
        f'<w:del w:id="90" {TR}><w:r><w:delText>8.30</w:delText></w:r></w:del>',
        f'<w:ins w:id="91" {TR}>{run("9.00")}</w:ins>',
        " og kl. 14.30.",
    )
    v3 = [*scope, *_moved("moveTo", 10), *purpose, _heading("Tilgængelighed"), back,
          *_moved("moveFrom", 50), _heading("Ophør"),
          para("Opsiges med tre måneders varsel.")]  # fmt: skip
    return write_versions(folder, v1, v2, v3)


@pytest.fixture(scope="module")
def rounds(tmp_path_factory: pytest.TempPathFactory) -> list[Round]:
    return compare_versions(_versions(tmp_path_factory.mktemp("own")), [], [])


def test_numbers_are_those_after_accept_all(rounds: list[Round]) -> None:
    """After accepting v3's own changes: 1 Omfang, 2 Frivillighed, 3 Formål, 4 Tilgængelighed,
    5 Ophør. The redline's markup has Frivillighed twice, so counting its headings would give
    Ophør 6 (a number it does not have)."""
    whole = rounds[-1]
    numbers = {(r.heading, r.kind): r.number for r in whole.rows}
    assert numbers[("Ophør", "changed")] == "5"
    assert numbers[("Tilgængelighed", "clause_moved")] == "4"
    # the engine moves Formål and Tilgængelighed, v3's own changes move Frivillighed back: once
    # they are accepted both stand where they stood, and the labels say so
    labels = {(r.heading, r.kind): r.label for r in whole.rows}
    assert labels[("Tilgængelighed", "clause_moved")] == (
        "flyttet; står igen som punkt 4, når den nyeste versions egne sporede ændringer accepteres"
    )
    assert labels[("Formål", "moved")] == (
        "afsnit flyttet; står igen i punkt 3, når den nyeste versions egne sporede ændringer "
        "accepteres"
    )
    assert not any("fra punkt 4 til punkt 4" in r.label for r in whole.rows)
    # the round without own changes numbers its clauses as its newer version (v2) has them
    first = {(r.heading, r.kind): (r.number, r.label) for r in rounds[0].rows}
    assert first[("Ophør", "changed")] == ("5", "afsnit ændret")
    assert first[("Tilgængelighed", "clause_moved")] == ("3", "flyttet fra punkt 4 til punkt 3")


def test_every_own_change_is_listed_where_it_stands(rounds: list[Round]) -> None:
    [(rnd, changes)] = own_changes(rounds)
    assert rnd.label == "v2→v3" and len(changes) == rnd.prior_new == 14
    assert {c.author for c in changes} == {"TR"}
    rows = [(c.number, c.heading, c.kind, c.text) for c in changes]
    assert rows[:2] == [("2", "Frivillighed", "flyttet hertil", "(afsnitsskift)"),
                        ("2", "Frivillighed", "flyttet hertil", "Frivillighed")]  # fmt: skip
    assert ("4", "Tilgængelighed", "slettet", "8.30") in rows
    assert ("4", "Tilgængelighed", "indsat", "9.00") in rows
    away = [r for r in rows if r[2] == "flyttet herfra"]
    assert len(away) == 6  # three paragraphs, each with its mark
    assert {r[:2] for r in away} == {("4 (før ændringerne)", "Frivillighed")}
    assert ("4 (før ændringerne)", "Frivillighed", "flyttet herfra", FREE[1]) in rows


def test_the_sheet_lists_them_row_by_row(rounds: list[Round], tmp_path: Path) -> None:
    sheet = tmp_path / "oversigt.xlsx"
    sheet.write_bytes(summary_workbook(rounds))
    book = load_workbook(sheet)
    assert book.sheetnames == ["Oversigt", "Historik", OWN_SHEET]
    ws = book[OWN_SHEET]
    head, *body = list(ws.iter_rows(values_only=True))
    assert head == ("Version", "Nr.", "Overskrift", "Art", "Forfatter", "Dato", "Tekst")
    assert len(body) == 14 and {r[0] for r in body} == {"v3.docx"}
    assert {r[5] for r in body} == {dt.datetime(2026, 3, 8)}  # the Danish day, a real date
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if cell.column_letter == "F":
                assert cell.is_date and "mmmm" in cell.number_format
            elif cell.value is not None:
                assert cell.data_type == "s"  # text, never a formula
    # the overview itself still says they are kept, once per round that has them
    notes = [r["foer"] for r in records(rounds) if r["art"] == "note"]
    assert sum("indeholdt allerede 14 sporede ændringer" in n for n in notes) == 2


def test_the_terminal_says_where_they_are(tmp_path: Path) -> None:
    paths = _versions(tmp_path)
    sheet = tmp_path / "o.xlsx"
    result = aftale("sammenlign", *paths, "-o", tmp_path / "r.docx", "--oversigt", sheet)
    assert result.returncode == 0, result.stderr
    text = " ".join(result.stdout.split())
    said = f"De 14 sporede ændringer fra v3.docx står række for række på arket „{OWN_SHEET}“ i"
    assert text.count(said) == 1  # once, though v3 is the newer version of two rounds
    bare = aftale("sammenlign", paths[1], paths[2], "-o", tmp_path / "r2.docx")
    assert bare.returncode == 0, bare.stderr
    assert (
        "Brug --oversigt FIL.xlsx for at få de 14 sporede ændringer fra v3.docx listet række "
        "for række." in " ".join(bare.stdout.split())
    )
    assert len(load_workbook(sheet)[OWN_SHEET]["A"]) == 15


def test_the_demo_like_round_lists_all_its_own_changes(tmp_path: Path) -> None:
    """prior_rounds' v3 (moves with ranges, a deleted and inserted paragraph with marks)."""
    paths = []
    for k, data in enumerate(three_versions(), start=1):
        paths.append(tmp_path / f"v{k}.docx")
        paths[-1].write_bytes(data)
    listed = compare_versions(paths, [], [])
    [(rnd, changes)] = own_changes(listed)
    assert len(changes) == rnd.prior_new == 20
    kinds = {c.kind for c in changes}
    assert kinds == {"indsat", "slettet", "flyttet herfra", "flyttet hertil"}
    assert app is not None  # the command's module imports cleanly with the overview's


@pytest.mark.libreoffice
def test_libreoffice_opens_the_sheet_of_own_changes(
    rounds: list[Round], tmp_path: Path, soffice: str
) -> None:
    target = tmp_path / "oversigt.xlsx"
    target.write_bytes(summary_workbook(rounds))
    third = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1030,false,true,true,false,false,3"
    out = tmp_path / "lo"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{out / 'profile'}", "--headless",
         "--convert-to", third, "--outdir", str(out), str(target)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    csv = out / f"oversigt-{OWN_SHEET}.csv"  # one sheet asked for: named after it
    assert result.returncode == 0 and csv.exists(), result.stdout + result.stderr
    lines = csv.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Version,Nr.,Overskrift,Art,Forfatter,Dato,Tekst"
    assert len(lines) == 15 and all(",TR,8. marts 2026," in line for line in lines[1:])
    assert "v3.docx,2,Frivillighed,flyttet hertil,TR,8. marts 2026,Frivillighed" in lines
