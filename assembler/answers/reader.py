"""Read answers from any supported file, chosen by its suffix."""

from __future__ import annotations

from pathlib import Path

from assembler.answers.files import read_answers
from assembler.answers.model import Answers
from assembler.answers.xlsx.prescan import Prescan
from assembler.answers.xlsx.read import read_answers_xlsx
from assembler.errors import InputFileError
from assembler.library.model import Library

TEXT_SUFFIXES = (".yaml", ".yml", ".json")
# .xls, .csv and .xlsm go to the sheet reader too, which explains what to do with them.
SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv")


def read_answers_file(library: Library, path: Path, prescan: Prescan | None = None) -> Answers:
    """Answers from .yaml, .yml, .json or an answer sheet (.xlsx)."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return read_answers(library, path)
    if suffix in SHEET_SUFFIXES:
        return read_answers_xlsx(library, path, prescan)
    raise InputFileError(
        f"{path}: ukendt filtype '{path.suffix}'. Brug et svarark (.xlsx) eller en svarfil "
        "(.yaml eller .json)."
    )
