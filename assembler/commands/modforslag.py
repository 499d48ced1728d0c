"""`aftale modforslag`: our answer to a counterparty's draft, as tracked changes with reasons."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assembler.commands.options import BibliotekOption, OverwriteOption


def modforslag(
    udkast: Annotated[
        Path,
        typer.Argument(help="Modpartens udkast (.docx).", exists=True, dir_okay=False),
    ],
    ud: Annotated[Path, typer.Option("-o", "--ud", help="Hvor modforslaget skrives (.docx).")],
    svar: Annotated[
        Path | None,
        typer.Option(
            "--svar",
            help="Vores svar (.xlsx, .yaml eller .json) som vores position. Standard: de svar, "
            "aftale har indlejret i udkastet, ellers bibliotekets standardposition for "
            "medarbejdersiden.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    forfatter: Annotated[
        str,
        typer.Option("--forfatter", help="Navn på ændringerne og kommentarerne i Word."),
    ] = "Medarbejdersiden",
    dato: Annotated[
        str | None,
        typer.Option("--dato", help="Dato for ændringerne (ÅÅÅÅ-MM-DD). Standard: i dag."),
    ] = None,
    sektor: Annotated[
        str | None,
        typer.Option("--sektor", help="stat, kommune eller region (når udkastet ikke siger det)."),
    ] = None,
    noter: Annotated[
        Path | None,
        typer.Option(
            "--noter",
            help="Skriv også vores interne noter (vurdering, regler og kilder bag hver ændring) "
            "til denne tekstfil. De kommer aldrig med i modforslaget.",
            dir_okay=False,
        ),
    ] = None,
    overskriv: OverwriteOption = False,
    bibliotek: BibliotekOption = None,
) -> None:
    """Skriv vores modforslag: modpartens udkast med vores svar som sporede ændringer.

    Hver ændring har en Word-kommentar til modparten: hvad vi foreslår, og hvorfor, med
    henvisning til rammeaftalen, aftalens egne bestemmelser eller loven. Modparten kan
    acceptere eller afvise ændringerne én for én. Et manglende påkrævet emne indsættes fra
    klausulbiblioteket; en bestemmelse, der bryder en regel eller er ringere for medarbejderne
    end vores position, ændres med færrest mulige ord. Resten af udkastet og modpartens egne
    sporede ændringer røres ikke. Vores interne vurdering (regler og kilder) står kun i
    terminalen og i --noter.
    """
    from assembler.library import load_library
    from assembler.negotiate.workflow import counter_proposal_workflow

    counter_proposal_workflow(
        load_library(bibliotek), udkast, ud, svar, forfatter, dato, sektor, overskriv, noter
    )


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("modforslag")(modforslag)
