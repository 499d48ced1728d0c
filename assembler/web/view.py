"""Render the Jinja2 page templates (autoescaped) into Danish HTML responses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from assembler import __version__
from assembler.counts import count, thousands

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent / "static"
NAV = (
    ("/", "Forside"),
    ("/svarark", "Svarark"),
    ("/lav", "Lav aftaler"),
    ("/tjek", "Tjek et udkast"),
    ("/sammenlign", "Sammenlign runder"),
    ("/klausuler", "Klausulbibliotek"),
    ("/regler", "Regler"),
)
ERROR_TITLES = {
    400: "Forespørgslen kan ikke bruges",
    403: "Adgang nægtet",
    404: "Siden findes ikke",
    405: "Handlingen er ikke tilladt her",
    409: "Det kan ikke lade sig gøre lige nu",
    413: "Filerne er for store",
    500: "Der opstod en fejl på serveren",
    503: "Serveren er optaget",
}


def danish_date(iso: str) -> str:
    """'2026-03-02' → '2.3.2026'; anything else unchanged."""
    parts = iso[:10].split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return iso
    return f"{int(parts[2])}.{int(parts[1])}.{parts[0]}"


def megabytes(size: int) -> str:
    """A file size in Danish: '1,4 MB' or '12 kB'."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} kB"


class View:
    """The page templates and what every page shows (menu, versions, login state)."""

    def __init__(self, library_version: str, password: bool) -> None:
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATE_DIR),
            autoescape=select_autoescape(("html",), default=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["tal"] = thousands
        self.env.filters["mb"] = megabytes
        self.env.filters["antal"] = count
        self.env.filters["dato"] = danish_date
        self.env.globals.update(
            nav=NAV, version=__version__, library_version=library_version, password=password
        )

    def html(self, template: str, **context: Any) -> str:
        """Render a template to a string."""
        context.setdefault("csrf", "")
        context.setdefault("current", "")
        context.setdefault("logged_in", False)
        context.setdefault("refresh", 0)
        return self.env.get_template(template).render(**context)

    def page(
        self, request: Request, template: str, status: int = 200, **context: Any
    ) -> HTMLResponse:
        """A page for this request (its CSRF token, the active menu item)."""
        state = request.state
        context |= {
            "csrf": getattr(state, "csrf", ""),
            "logged_in": getattr(state, "logged_in", False),
            "path": request.url.path,
        }
        context.setdefault("current", _section(request.url.path))
        return HTMLResponse(self.html(template, **context), status_code=status)

    def error_bytes(self, status: int, title: str, text: str) -> bytes:
        """An error page as bytes (for the middleware, which has no request object)."""
        return self.html("fejl.html", code=status, title=title, text=text).encode("utf-8")


def _section(path: str) -> str:
    """The menu item a path belongs to."""
    if path == "/":
        return "/"
    first = "/" + path.strip("/").split("/", 1)[0]
    return first if first in dict(NAV) else ""
