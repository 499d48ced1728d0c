"""Build the Starlette application: routes, middleware, error pages, and the job store's life."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import traceback
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from assembler.findings_view import rules_data
from assembler.library import load_library
from assembler.web import job_pages, pages, uploads
from assembler.web.config import ServerConfig
from assembler.web.jobs import JobStore
from assembler.web.security import BodyLimit, Guard, Sessions
from assembler.web.view import ERROR_TITLES, STATIC_DIR, View

SWEEP_SECONDS = 60

ROUTES = [
    Route("/", pages.forside),
    Route("/svarark", pages.svarark),
    Route("/svarark/blankt", pages.svarark_blankt),
    Route("/svarark/eksempel.{format:str}", pages.svarark_eksempel),
    Route("/lav", uploads.lav_form, methods=["GET"]),
    Route("/lav", uploads.lav, methods=["POST"]),
    Route("/tjek", uploads.tjek_form, methods=["GET"]),
    Route("/tjek", uploads.tjek, methods=["POST"]),
    Route("/sammenlign", uploads.sammenlign_form, methods=["GET"]),
    Route("/sammenlign", uploads.sammenlign, methods=["POST"]),
    Route("/opgave/{job:str}", job_pages.opgave),
    Route("/opgave/{job:str}/hent/{n:int}", job_pages.hent),
    Route("/opgave/{job:str}/alt", job_pages.hent_alt),
    Route("/opgave/{job:str}/slet", job_pages.slet, methods=["POST"]),
    Route("/klausuler", pages.klausuler),
    Route("/klausuler/{aftale:str}/{emne:str}", pages.emne),
    Route("/regler", pages.regler),
    Route("/login", pages.login, methods=["GET", "POST"]),
    Route("/logout", pages.logout, methods=["POST"]),
    Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
]


def create_app(config: ServerConfig) -> Starlette:
    """The web application; the library is loaded (and checked) before it starts."""
    library = load_library()
    view = View(library.version_label, bool(config.password))
    sessions = Sessions()

    def error_page(status: int, title: str, text: str) -> bytes:
        return view.error_bytes(status, title, text)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        title = ERROR_TITLES.get(exc.status_code, "Forespørgslen kan ikke bruges")
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail != title else ""
        if exc.status_code == 404 and not detail:
            detail = "Adressen findes ikke. Brug menuen for at finde det, du leder efter."
        if exc.status_code == 405:
            detail = "Siden kan ikke bruges sådan. Gå tilbage, og brug formularen på siden."
        return view.page(
            request, "fejl.html", exc.status_code, title=title, text=detail, code=exc.status_code
        )

    async def server_error(request: Request, exc: Exception) -> Response:
        print("aftale server: uventet fejl:", file=sys.stderr)
        traceback.print_exception(exc)
        text = "Der opstod en uventet fejl. Intet er gemt. Prøv igen om lidt."
        return view.page(request, "fejl.html", 500, title=ERROR_TITLES[500], text=text, code=500)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        jobs = JobStore(config.workers, config.job_ttl_seconds, config.max_jobs)
        app.state.jobs = jobs
        sweeper = asyncio.create_task(_sweep(jobs))
        sheets = asyncio.create_task(pages.warm_sheets(app.state))
        try:
            yield
        finally:
            sweeper.cancel()
            sheets.cancel()
            await asyncio.to_thread(jobs.close)

    app = Starlette(
        routes=ROUTES,
        middleware=[
            Middleware(
                Guard,
                sessions=sessions,
                password=config.password,
                loopback=config.loopback,
                error_page=error_page,
            ),
            Middleware(
                BodyLimit,
                limit=config.max_request_bytes,
                error_page=error_page,
            ),
        ],
        exception_handlers={HTTPException: http_error, Exception: server_error},
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.library = library
    app.state.view = view
    app.state.sessions = sessions
    app.state.rules = rules_data(library.sources)
    app.state.example_facts = pages.example_facts(library)
    app.state.sheets = {}
    return app


async def _sweep(jobs: JobStore) -> Any:
    """Delete expired jobs every minute."""
    while True:
        await asyncio.sleep(SWEEP_SECONDS)
        jobs.sweep()
