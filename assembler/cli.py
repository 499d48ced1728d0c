"""The `aftale` command: parse arguments, call the library, print in Danish, exit."""

from __future__ import annotations

from typing import Annotated

import typer

from assembler import __version__
from assembler.commands import agreements, checks, modforslag, sammenlign, server, svarark

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


def _version(value: bool) -> None:
    """Print the version and stop."""
    if value:
        typer.echo(f"aftale {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Vis versionen og afslut."
        ),
    ] = False,
    detaljer: Annotated[
        bool,
        typer.Option(
            "--detaljer", help="Vis også systemets oprindelige fejltekst, når noget går galt."
        ),
    ] = False,
) -> None:
    """Udarbejd, tjek og sammenlign aftaler om fast tilbagevendende hjemmearbejde."""
    from assembler.cli_support import Details

    Details.enabled = detaljer


for module in (agreements, checks, svarark, sammenlign, server, modforslag):
    module.register(app)


def main() -> None:
    """Console-script entry point."""
    from assembler.cli_support import run

    run(app)


if __name__ == "__main__":
    main()
