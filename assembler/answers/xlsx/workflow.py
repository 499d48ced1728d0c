"""Write the Excel answer sheet for `aftale svarark`, `generer` and `demo`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from assembler.answers.files import read_answers
from assembler.answers.model import AgreementAnswers, Answers
from assembler.answers.xlsx.write import answer_sheet_bytes
from assembler.cli_support import out_console
from assembler.counts import count
from assembler.errors import AftaleError
from assembler.library import load_library
from assembler.library.model import Library
from assembler.ooxml.package import write_atomic

EXAMPLE_ANSWERS = Path(__file__).resolve().parents[2] / "examples" / "eksempel.yaml"
DEMO_SHEET_NAME = "eksempel-svarark.xlsx"


class _Skipped(Protocol):
    """A manifest row of a left-out sheet row."""

    kilde: str
    fund: list[str]


def example_employee(library: Library) -> AgreementAnswers | None:
    """The bundled example's first employee, if it fits this library (for the example row)."""
    try:
        answers = read_answers(library, EXAMPLE_ANSWERS)
    except AftaleError:
        return None
    return answers.employees[0] if answers.employees else None


def write_answer_sheet(out: Path, overwrite: bool, library_path: Path | None) -> Path:
    """Write a blank answer sheet with defaults and one example row."""
    library = load_library(library_path)
    if out.suffix.lower() != ".xlsx":
        out = out.with_suffix(".xlsx") if not out.suffix else out
    write_atomic(out, answer_sheet_bytes(library, example=example_employee(library)), overwrite)
    return out


def write_demo_sheet(library: Library, answers: Answers, out_dir: Path, overwrite: bool) -> Path:
    """The demo's answers as a filled answer sheet (readable again by `aftale generer`)."""
    target = out_dir / DEMO_SHEET_NAME
    write_atomic(target, answer_sheet_bytes(library, answers), overwrite)
    return target


SHOW_ROWS = 20  # skipped rows listed on the terminal; all of them are in the manifest


def report_skipped(skipped: Sequence[_Skipped], out_dir: Path) -> None:
    """List the rows left out by --spring-fejl-over, with their problems."""
    if not skipped:
        return
    out_console.print(
        f"{count(len(skipped), 'række', 'rækker')} blev sprunget over på grund af fejl "
        f"(se {out_dir / 'manifest.csv'}):",
        markup=False,
    )
    for row in skipped[:SHOW_ROWS]:
        out_console.print(f"  {row.kilde}:", markup=False)
        for problem in row.fund:
            out_console.print(f"    - {problem}", markup=False)
    if len(skipped) > SHOW_ROWS:
        out_console.print(
            f"  … og {count(len(skipped) - SHOW_ROWS, 'række', 'rækker')} mere "
            f"(se {out_dir / 'manifest.csv'})",
            markup=False,
        )
