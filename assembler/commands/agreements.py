"""`aftale generer`, `aftale demo` and `aftale klausuler`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from assembler.commands.options import BibliotekOption, OverwriteOption


class Eksempel(StrEnum):
    """The bundled examples `aftale demo` can write."""

    stat = "stat"
    kommune = "kommune"


def generer(
    svar: Annotated[Path, typer.Argument(help="Svarfil: .yaml, .json eller .xlsx (svarark).")],
    ud: Annotated[Path, typer.Option("-o", "--ud", help="Mappe, som aftalerne skrives i.")],
    overskriv: OverwriteOption = False,
    skabelon_lokal: Annotated[
        Path | None,
        typer.Option("--skabelon-lokal", help="Egen Word-skabelon til lokalaftalen (.docx)."),
    ] = None,
    skabelon_individuel: Annotated[
        Path | None,
        typer.Option(
            "--skabelon-individuel", help="Egen Word-skabelon til de individuelle aftaler."
        ),
    ] = None,
    bibliotek: BibliotekOption = None,
    trods_fejl: Annotated[
        bool,
        typer.Option(
            "--trods-fejl",
            help="Skriv aftalerne, selv om tjekket finder fejl (det noteres i manifestet).",
        ),
    ] = False,
    spring_fejl_over: Annotated[
        bool,
        typer.Option(
            "--spring-fejl-over",
            help="Svarark: skriv aftalerne for de rækker, der er i orden, og list resten.",
        ),
    ] = False,
) -> None:
    """Lav lokalaftalen og én individuel aftale pr. medarbejder ud fra en svarfil."""
    from assembler.workflows import generate_workflow

    generate_workflow(
        svar, ud, overskriv, skabelon_lokal, skabelon_individuel, bibliotek, trods_fejl,
        skip_rows=spring_fejl_over,
    )  # fmt: skip


def klausuler(
    emne: Annotated[
        str | None, typer.Option("--emne", help="Vis ét emne med vejledning og kilder (emne-id).")
    ] = None,
    aftale: Annotated[
        str | None,
        typer.Option("--aftale", help="Vis kun emner for 'lokal' eller 'individuel'."),
    ] = None,
    bibliotek: BibliotekOption = None,
) -> None:
    """Vis klausulbibliotekets emner, varianter og parametre."""
    from assembler.library import load_library
    from assembler.library_view import show_library, show_topic

    library = load_library(bibliotek)
    if emne:
        show_topic(library, emne, aftale)
    else:
        show_library(library, aftale)


def demo(
    ud: Annotated[Path, typer.Option("-o", "--ud", help="Mappe, som eksemplet skrives i.")] = Path(
        "aftale-demo"
    ),
    overskriv: OverwriteOption = False,
    eksempel: Annotated[
        Eksempel,
        typer.Option(
            "--eksempel",
            help="stat: en styrelse med en forhandlingsrunde; kommune: en kommune med de øvrige "
            "varianter.",
        ),
    ] = Eksempel.stat,
) -> None:
    """Skriv eksemplets svar og de aftaler, der laves ud fra dem."""
    from assembler.workflows import demo_workflow

    demo_workflow(ud, overskriv, eksempel.value)


def register(app: typer.Typer) -> None:
    """Add the commands to the app."""
    app.command("generer")(generer)
    app.command("klausuler")(klausuler)
    app.command("demo")(demo)
