"""The answer sheet's package scan in a forked child: the same result, the same budget charge and
the same Danish error as the scan in this process, and no child left behind."""

from __future__ import annotations

import gc
import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from assembler.answers.model import Answers
from assembler.answers.xlsx import prescan as prescan_module
from assembler.answers.xlsx.cells import FORMULA, open_workbook
from assembler.answers.xlsx.layout import LOCAL_SHEET
from assembler.answers.xlsx.prescan import Prescan, prescanning, scanned
from assembler.errors import AftaleError, InputFileError
from assembler.library.model import Library
from assembler.render.templates import template_path
from assembler.safeio.budget import ReadBudget, command_budget
from assembler.workflows import generate_workflow
from tests.unit.answers.xlsx_helpers import edit, local_row, write_sheet

Change = Callable[[dict[str, bytes]], None]


def _rezip(path: Path, change: Change) -> Path:
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    change(parts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data)
    path.write_bytes(buffer.getvalue())
    return path


def _employees(parts: dict[str, bytes]) -> str:
    return next(
        n for n, d in parts.items() if n.startswith("xl/worksheets/") and b"<mergeCell " in d
    )


def _append(cells: bytes) -> Change:
    def change(parts: dict[str, bytes]) -> None:
        name = _employees(parts)
        parts[name] = parts[name].replace(b"</sheetData>", cells + b"</sheetData>")

    return change


def _doctype(parts: dict[str, bytes]) -> None:
    name = _employees(parts)
    parts[name] = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + parts[name]


def _formula(parts: dict[str, bytes]) -> None:
    name = _employees(parts)
    parts[name] = parts[name].replace(
        b"</sheetData>", b'<row r="90"><c r="C90"><f>1+1</f></c></row></sheetData>'
    )


def _hidden_column(parts: dict[str, bytes]) -> None:
    name = _employees(parts)
    parts[name] = parts[name].replace(b"<col ", b'<col hidden="1" ', 1)


def _macros(parts: dict[str, bytes]) -> None:
    parts["xl/vbaProject.bin"] = b"\x00" * 64


def _unchanged(parts: dict[str, bytes]) -> None:
    return None


def _here_and_there(path: Path, make_budget: Callable[[], ReadBudget]) -> list[object]:
    """scanned() without and with a Prescan: (names, found, extents, budget use) or the error."""
    outcomes: list[object] = []
    for prescan in (None, Prescan(path)):
        extents: dict = {}
        with command_budget(make_budget()) as budget:
            try:
                names, found = scanned(prescan, path, FORMULA, extents)
            except InputFileError as exc:
                outcomes.append(("error", str(exc)))
                continue
            finally:
                if prescan is not None:
                    prescan.close()
        used = (budget.files, budget.used_members, budget.used_bytes, budget.used_tree_bytes)
        outcomes.append((names, found, {p: vars(e) for p, e in extents.items()}, used))
    return outcomes


@pytest.mark.parametrize(
    "change",
    [
        _unchanged,
        _formula,
        _doctype,
        _macros,
        _hidden_column,
        _append(b'<row r="60000"><c r="XFD60000"><v>1</v></c></row>'),
        _append(
            b'<row r="40000" hidden="1"><c r="B40000" t="inlineStr"><is><t>x</t></is></c></row>'
        ),
        _append(b'<row r="40">' + b"<x:c><x:v>1</x:v></x:c>" * 300 + b"</row>"),
    ],
    ids=[
        "plain",
        "formula",
        "doctype",
        "macros",
        "hidden-column",
        "far-value",
        "hidden-row",
        "unreferenced",
    ],
)
def test_the_child_scans_as_this_process_does(
    library: Library, example: Answers, tmp_path: Path, change: Change
) -> None:
    path = _rezip(write_sheet(library, example, tmp_path / "svar.xlsx"), change)
    here, there = _here_and_there(path, ReadBudget)
    gc.collect()  # the left-open file's warning (see above) comes in this test, not a later one
    assert here == there
    if change is _doctype:
        assert here[0] == "error" and "DOCTYPE" in str(here[1])
    if change is _hidden_column:
        assert any(e["hidden_columns"] for e in here[2].values())  # type: ignore[index]


def test_a_sheet_over_the_command_budget_gives_the_same_error(
    library: Library, example: Answers, tmp_path: Path
) -> None:
    path = write_sheet(library, example, tmp_path / "svar.xlsx")
    here, there = _here_and_there(path, lambda: ReadBudget(max_bytes=10_000))
    assert here == there
    assert here[0] == "error" and "én kommando må højst pakke" in str(here[1])


def test_a_damaged_zip_gives_the_same_error_and_the_same_workbook_otherwise(
    library: Library, example: Answers, tmp_path: Path
) -> None:
    path = write_sheet(library, example, tmp_path / "svar.xlsx")
    book = open_workbook(path, Prescan(path))
    assert book.sheetnames == open_workbook(path).sheetnames
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    errors = []
    for prescan in (None, Prescan(path)):
        with pytest.raises(InputFileError) as caught:
            open_workbook(path, prescan)
        errors.append(str(caught.value))
    assert errors[0] == errors[1]
    assert errors[0].startswith(f"{path}: ")


def test_no_child_is_left_when_the_command_stops_before_the_result(
    library: Library, example: Answers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prescan_module, "PRESCAN_FROM", 0)
    path = write_sheet(library, example, tmp_path / "svar.xlsx")
    with pytest.raises(KeyboardInterrupt), prescanning(path) as prescan:
        assert prescan is not None
        pid = prescan._pid
        raise KeyboardInterrupt
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped already: no zombie, no running child


def test_small_files_and_other_formats_are_scanned_here(
    library: Library, example: Answers, tmp_path: Path
) -> None:
    path = write_sheet(library, example, tmp_path / "svar.xlsx")
    assert path.stat().st_size < prescan_module.PRESCAN_FROM
    with prescanning(path) as prescan:
        assert prescan is None
    with prescanning(tmp_path / "svar.yaml") as prescan:
        assert prescan is None


def test_generer_writes_the_same_files_through_the_prescan(
    library: Library, example: Answers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_sheet(library, example, tmp_path / "svar.xlsx")
    written = {}
    for name, threshold in (("here", 1 << 40), ("child", 0)):
        monkeypatch.setattr(prescan_module, "PRESCAN_FROM", threshold)
        out = tmp_path / name
        generate_workflow(path, out, False, None, None, None)
        written[name] = {
            str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
        }
    assert written["here"] == written["child"]
    assert any(name.startswith("individuelle/") for name in written["child"])


RCE = "{{ ''.__class__.__mro__[1].__subclasses__() }}"


def _hostile_template(folder: Path) -> Path:
    document = docx.Document(str(template_path("individuel")))
    document.add_paragraph(RCE)
    path = folder / "brevpapir.docx"
    document.save(str(path))
    return path


def _generer_error(
    sheet: Path, out: Path, template: Path, make_budget: Callable[[], ReadBudget]
) -> tuple[str, str]:
    """The error class and message of a generer that must fail."""
    with pytest.raises(AftaleError) as caught, command_budget(make_budget()):
        generate_workflow(sheet, out, False, None, template, None)
    assert not out.exists()  # nothing written
    return type(caught.value).__name__, str(caught.value)


@pytest.mark.parametrize("bad_sheet", [False, True], ids=["good-sheet", "bad-sheet"])
def test_templates_compiled_early_give_the_same_errors_in_the_same_order(
    library: Library,
    example: Answers,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    bad_sheet: bool,
) -> None:
    sheet = write_sheet(library, example, tmp_path / "svar.xlsx")
    if bad_sheet:
        edit(sheet, lambda wb: wb[LOCAL_SHEET].cell(local_row(wb, "sektor"), 3, "xyz"))
    template = _hostile_template(tmp_path)
    errors = []
    for name, threshold in (("here", 1 << 40), ("child", 0)):
        monkeypatch.setattr(prescan_module, "PRESCAN_FROM", threshold)
        errors.append(_generer_error(sheet, tmp_path / name, template, ReadBudget))
    assert errors[0] == errors[1]
    kind, message = errors[1]
    if bad_sheet:
        assert kind == "AnswerError" and "sektor" in message and "brevpapir" not in message
    else:
        assert kind == "TemplateError" and "brevpapir.docx" in message


def test_templates_compiled_early_are_charged_after_the_sheet(
    library: Library, example: Answers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a budget the sheet fits but the sheet and the templates do not, the error names the
    files in the order they were read: the sheet first."""
    sheet = write_sheet(library, example, tmp_path / "svar.xlsx")
    template = _hostile_template(tmp_path)
    with zipfile.ZipFile(sheet) as archive:
        size = sum(i.file_size for i in archive.infolist())
    errors = []
    for name, threshold in (("here", 1 << 40), ("child", 0)):
        monkeypatch.setattr(prescan_module, "PRESCAN_FROM", threshold)
        out = tmp_path / name
        errors.append(_generer_error(sheet, out, template, lambda: ReadBudget(max_bytes=size)))
    assert errors[0] == errors[1]
    kind, message = errors[1]
    assert kind == "InputFileError" and message.index("svar.xlsx") < message.index("docx")
