"""The `aftale sammenlign` command: compare negotiation rounds into Word redlines and a summary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from assembler.cli_support import out_console
from assembler.compare.engine import compare_versions, output_paths
from assembler.compare.model import Round
from assembler.compare.xlsx import summary_workbook
from assembler.errors import OutputError
from assembler.ooxml.package import write_atomic


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
) -> None:
    """Sammenlign forhandlingsrunder og skriv en redline med sporede ændringer i Word.

    Den nyeste version skrives med Words egne sporede ændringer (indsat, slettet, flyttet,
    formatering), så hver ændring kan accepteres eller afvises i Word. Med tre eller flere
    versioner skrives én redline pr. runde og én samlet fra første til sidste version.
    """
    rounds = compare_versions(list(versioner), forfatter or [], dato or [])
    target = ud or versioner[-1].with_name(f"{versioner[-1].stem}-redline.docx")
    if target.suffix.lower() != ".docx":
        raise OutputError(f"{target}: redlinen skal have endelsen .docx.")
    if oversigt is not None and oversigt.suffix.lower() != ".xlsx":
        raise OutputError(f"{oversigt}: oversigten skal have endelsen .xlsx.")
    paths = output_paths(target, len(rounds))
    write_all(rounds, paths, oversigt, overskriv)
    print_rounds(rounds)


def write_all(
    rounds: list[Round], paths: list[Path], summary: Path | None, overwrite: bool
) -> None:
    """Check every target first, then write redlines and the optional summary."""
    targets = [*paths, *([summary] if summary is not None else [])]
    inputs = {r.old.path.resolve() for r in rounds} | {r.new.path.resolve() for r in rounds}
    for path in targets:
        if path.resolve() in inputs:
            raise OutputError(f"{path}: må ikke overskrive en af de versioner, der sammenlignes.")
        if path.exists() and not overwrite:
            raise OutputError(
                f"{path}: filen findes allerede. Brug --overskriv for at erstatte den."
            )
    for rnd, path in zip(rounds, paths, strict=True):
        write_atomic(path, rnd.data, overwrite)
        rnd.output = path
    if summary is not None:
        write_atomic(summary, summary_workbook(rounds), overwrite)


def print_rounds(rounds: list[Round]) -> None:
    """Print each round's clause table and notes."""
    console = out_console
    for rnd in rounds:
        title = f"Runde {rnd.label}: {rnd.old.path.name} → {rnd.new.path.name} ({rnd.new.author})"
        table = Table(title=title, show_lines=False)
        for name in ("Nr.", "Overskrift", "Ændring", "Før", "Efter"):
            table.add_column(name, overflow="fold")
        for c in rnd.clauses:
            table.add_row(c.number, c.heading, c.status_da, c.before, c.after)
        console.print(table)
        if not rnd.clauses:
            console.print("Ingen ændringer.")
        for note in rnd.notes:
            console.print(f"Bemærk: {note}")
        if rnd.output is not None:
            console.print(f"Skrev {rnd.output} ({rnd.revisions} sporede ændringer).")


def register(app: typer.Typer) -> None:
    """Add the `sammenlign` command to the main app."""
    app.command("sammenlign")(sammenlign)
