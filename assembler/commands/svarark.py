"""`aftale svarark`: write the Excel answer sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assembler.commands.options import BibliotekOption


def svarark(
    ud: Annotated[
        Path, typer.Option("-o", "--ud", help="Filen, som svararket skrives til (.xlsx).")
    ] = Path("svarark.xlsx"),
    overskriv: Annotated[
        bool, typer.Option("--overskriv", help="Erstat filen, hvis den findes.")
    ] = False,
    bibliotek: BibliotekOption = None,
) -> None:
    """Skriv et Excel-svarark til lokalaftalen og de individuelle aftaler."""
    from assembler.answers.xlsx.workflow import write_answer_sheet
    from assembler.cli_support import out_console

    written = write_answer_sheet(ud, overskriv, bibliotek)
    out_console.print(f"Skrev svararket {written}", markup=False)
    out_console.print(f"Udfyld det, og kør: aftale generer {written} -o MAPPE", markup=False)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("svarark")(svarark)
