"""`aftale sammenlign`: compare negotiation rounds into Word redlines and a summary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def sammenlign(
    versioner: Annotated[
        list[Path],
        typer.Argument(help="To eller flere versioner i rækkefølge: V1.docx V2.docx [V3.docx …]"),
    ],
    ud: Annotated[
        Path | None,
        typer.Option("-o", "--ud", help="Redline-fil (.docx). Standard: <nyeste>-redline.docx"),
    ] = None,
    oversigt: Annotated[
        Path | None,
        typer.Option("--oversigt", help="Skriv oversigten over ændringer pr. punkt som .xlsx"),
    ] = None,
    forfatter: Annotated[
        list[str] | None,
        typer.Option(
            "--forfatter", help="Forfatter af ændringerne; én for alle eller én pr. runde"
        ),
    ] = None,
    dato: Annotated[
        list[str] | None,
        typer.Option(
            "--dato", help="Dato for ændringerne (ÅÅÅÅ-MM-DD); én for alle eller én pr. runde"
        ),
    ] = None,
    overskriv: Annotated[
        bool, typer.Option("--overskriv", help="Erstat eksisterende filer")
    ] = False,
    tillad_afvigelser: Annotated[
        bool,
        typer.Option(
            "--tillad-afvigelser",
            help="Afslut med 0, selv om selvkontrollen fandt steder, der ikke kunne spores",
        ),
    ] = False,
) -> None:
    """Sammenlign forhandlingsrunder og skriv en redline med sporede ændringer i Word.

    Den nyeste version skrives med Words egne sporede ændringer (indsat, slettet, flyttet,
    formatering), så hver ændring kan accepteres eller afvises i Word. Med tre eller flere
    versioner skrives én redline pr. runde og én samlet fra første til sidste version.

    Hver redline kontrolleres, efter den er skrevet: "acceptér alle" skal give den nyeste
    version og "afvis alle" den ældre. Findes et sted, der ikke kan spores, markeres det med en
    kommentar i Word, stedet nævnes, og kommandoen afslutter med kode 3 (ufuldstændig redline),
    medmindre --tillad-afvigelser er givet. Fejl i input eller output giver kode 1.
    """
    from assembler.compare.output import compare_workflow

    code = compare_workflow(
        list(versioner),
        ud,
        oversigt,
        forfatter or [],
        dato or [],
        overskriv,
        allow_deviations=tillad_afvigelser,
    )
    if code:
        raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("sammenlign")(sammenlign)
