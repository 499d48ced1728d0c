"""The `aftale` command: parse arguments, call the library, print in Danish, exit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assembler import __version__
from assembler.answers.xlsx.cli import register as register_sheet
from assembler.cli_support import out_console, run
from assembler.compare.cli import register as register_compare
from assembler.library import load_library
from assembler.library_view import show_library, show_topic
from assembler.rules.cli import register as register_rules
from assembler.workflows import demo_workflow, generate_workflow

app = typer.Typer(
    name="aftale",
    help=(
        "Udarbejd, tjek og sammenlign lokalaftaler og individuelle aftaler om fast "
        "tilbagevendende hjemmearbejde i staten, kommunerne og regionerne."
    ),
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

BibliotekOption = Annotated[
    Path | None,
    typer.Option(
        "--bibliotek", help="Brug et andet klausulbibliotek (en mappe).", show_default=False
    ),
]
OverwriteOption = Annotated[
    bool, typer.Option("--overskriv", help="Erstat filer, der allerede findes.")
]


def _version(value: bool) -> None:
    """Print the version and stop."""
    if value:
        out_console.print(f"aftale {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Vis versionen og afslut."
        ),
    ] = False,
) -> None:
    """Udarbejd, tjek og sammenlign aftaler om fast tilbagevendende hjemmearbejde."""


@app.command("generer")
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
    generate_workflow(
        svar, ud, overskriv, skabelon_lokal, skabelon_individuel, bibliotek, trods_fejl,
        skip_rows=spring_fejl_over,
    )  # fmt: skip


@app.command("klausuler")
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
    library = load_library(bibliotek)
    if emne:
        show_topic(library, emne, aftale)
    else:
        show_library(library, aftale)


@app.command("demo")
def demo(
    ud: Annotated[Path, typer.Option("-o", "--ud", help="Mappe, som eksemplet skrives i.")] = Path(
        "aftale-demo"
    ),
    overskriv: OverwriteOption = False,
) -> None:
    """Skriv eksemplets svar og de aftaler, der laves ud fra dem."""
    demo_workflow(ud, overskriv)


register_rules(app)
register_sheet(app)
register_compare(app)


def main() -> None:
    """Console-script entry point."""
    run(app)


if __name__ == "__main__":
    main()
