"""`aftale server`: the whole job in a browser."""

from __future__ import annotations

from typing import Annotated

import typer


def server(
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Adressen, serveren lytter på. Andet end 127.0.0.1 gør den tilgængelig fra "
            "netværket og kræver adgangskode.",
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Porten (0 vælger en ledig).")] = 8000,
    aabn: Annotated[
        bool, typer.Option("--aabn", help="Åbn siden i browseren, når serveren er startet.")
    ] = False,
    adgangskode: Annotated[
        str | None,
        typer.Option(
            "--adgangskode",
            envvar="AFTALE_ADGANGSKODE",
            help="Adgangskode til siden (kræves ved --host uden for denne maskine). Kan også "
            "gives i miljøvariablen AFTALE_ADGANGSKODE.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Start aftale i browseren: svarark, aftaler, tjek af udkast og sammenligning af runder."""
    from assembler.web.config import ServerConfig, default_workers
    from assembler.web.serve import serve

    config = ServerConfig(
        host=host, port=port, password=adgangskode or None, workers=default_workers()
    )
    serve(config, open_browser=aabn)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("server")(server)
