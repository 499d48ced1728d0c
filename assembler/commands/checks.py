"""`aftale regler` and `aftale tjek`: list the rules; check answers or any agreement .docx."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assembler.commands.options import BibliotekOption, OverwriteOption


def regler(
    som_json: Annotated[bool, typer.Option("--json", help="Skriv reglerne som JSON.")] = False,
) -> None:
    """Vis reglerne fra rammeaftalerne og lovgivningen med alvor, sektorer, periode og kilde."""
    from assembler.findings_view import emit_json, library_sources, print_rules, rules_data

    data = rules_data(library_sources())
    if som_json:
        emit_json(data)
    else:
        print_rules(data)


def tjek(
    fil: Annotated[
        Path, typer.Argument(help="Svarfil (.xlsx, .yaml, .json) eller en aftale (.docx).")
    ],
    som_json: Annotated[bool, typer.Option("--json", help="Skriv fundene som JSON.")] = False,
    ud: Annotated[
        Path | None,
        typer.Option("-o", "--ud", help="Mappe til gennemgangskopien (standard: ved siden af)."),
    ] = None,
    overskriv: OverwriteOption = False,
    sektor: Annotated[
        str | None,
        typer.Option("--sektor", help="stat, kommune eller region (når aftalen ikke siger det)."),
    ] = None,
    bibliotek: BibliotekOption = None,
    mod: Annotated[
        Path | None,
        typer.Option(
            "--mod",
            help="Vores seneste version (.docx): hver ændring i udkastet vurderes i forhold til "
            "den. Uden --mod bruges de svar, aftale har indlejret i udkastet, hvis der er nogen.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Tjek en svarfil eller en aftale (.docx) mod reglerne; .docx får en kommenteret kopi."""
    from assembler.library import load_library

    library = load_library(bibliotek)
    if fil.suffix.lower() == ".docx":
        from assembler.audit.workflow import audit_workflow

        failed = audit_workflow(library, fil, ud, overskriv, sektor, som_json, mod)
    else:
        if mod is not None:
            from assembler.errors import InputFileError

            raise InputFileError("--mod kan kun bruges, når der tjekkes en aftale (.docx).")
        from assembler.findings_view import check_answers_workflow

        failed = check_answers_workflow(library, fil, som_json)
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the commands to the app."""
    app.command("regler")(regler)
    app.command("tjek")(tjek)
