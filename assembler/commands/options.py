"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

BibliotekOption = Annotated[
    Path | None,
    typer.Option(
        "--bibliotek", help="Brug et andet klausulbibliotek (en mappe).", show_default=False
    ),
]
OverwriteOption = Annotated[
    bool, typer.Option("--overskriv", help="Erstat filer, der allerede findes.")
]
