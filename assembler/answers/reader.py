"""Read answers from any supported file, chosen by its suffix."""

from __future__ import annotations

from pathlib import Path

from assembler.answers.files import read_answers
from assembler.answers.model import Answers
from assembler.errors import InputFileError
from assembler.library.model import Library

TEXT_SUFFIXES = (".yaml", ".yml", ".json")


def read_answers_file(library: Library, path: Path) -> Answers:
    """Answers from .yaml, .yml or .json (and .xlsx once the answer sheet reader is present)."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return read_answers(library, path)
    raise InputFileError(
        f"{path}: ukendt filtype '{path.suffix}'. Brug en svarfil (.yaml eller .json)."
    )
