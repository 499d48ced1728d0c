"""The pages that need no job: the front page, answer sheets, the clause library and the rules."""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from assembler.library.model import (
    AGREEMENTS,
    POSITIONS,
    SECTOR_NAMES,
    SECTORS,
    TYPE_NAMES_DA,
    Library,
)
from assembler.web import library as lib
from assembler.web.security import SESSION_COOKIE, check_csrf, cookie_header, password_ok

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SEVERITY_NAMES = {"fejl": "Fejl", "advarsel": "Advarsel", "info": "Til orientering"}


def _state(request: Request) -> Any:
    """The application's shared state (library, view, rules, config, jobs)."""
    return request.app.state


async def forside(request: Request) -> Response:
    """The four tasks in plain words."""
    return _state(request).view.page(request, "forside.html")


async def svarark(request: Request) -> Response:
    """Choose a blank answer sheet by sector, or the filled example."""
    state = _state(request)
    sector, count = state.example_facts
    return state.view.page(
        request, "svarark.html", sectors=SECTOR_NAMES, example_sector=sector, example_count=count
    )


def example_facts(library: Library) -> tuple[str, int]:
    """The bundled example's sector and number of employees."""
    from assembler.answers.files import read_answers
    from assembler.answers.xlsx.workflow import EXAMPLE_ANSWERS

    answers = read_answers(library, EXAMPLE_ANSWERS)
    return answers.sector, len(answers.employees)


def _sheet_bytes(library: Library, sector: str | None) -> bytes:
    """A blank answer sheet for the sector, or the filled example when sector is None."""
    from assembler.answers.files import read_answers
    from assembler.answers.xlsx.workflow import EXAMPLE_ANSWERS, example_employee
    from assembler.answers.xlsx.write import answer_sheet_bytes

    if sector is None:
        return answer_sheet_bytes(library, read_answers(library, EXAMPLE_ANSWERS))
    return answer_sheet_bytes(library, example=example_employee(library), sector=sector)


async def sheet(state: Any, sector: str | None) -> bytes:
    """The sheet's bytes, made once per server (they are deterministic) off the event loop."""
    if sector not in state.sheets:
        state.sheets[sector] = await asyncio.to_thread(_sheet_bytes, state.library, sector)
    data: bytes = state.sheets[sector]
    return data


async def warm_sheets(state: Any) -> None:
    """Make every answer sheet at start-up, so the first download is as quick as the rest."""
    for sector in (*SECTORS, None):
        await sheet(state, sector)


def attachment(data: bytes, filename: str, media_type: str) -> Response:
    """A download that the browser saves under filename."""
    headers = {
        "content-disposition": f'attachment; filename="{filename}"',
        "cache-control": "no-store",
    }
    return Response(data, media_type=media_type, headers=headers)


async def svarark_blankt(request: Request) -> Response:
    """A blank answer sheet with the sector filled in."""
    sector = request.query_params.get("sektor", "")
    if sector not in SECTORS:
        raise HTTPException(400, "Vælg stat, kommune eller region.")
    return attachment(await sheet(_state(request), sector), f"svarark-{sector}.xlsx", XLSX)


async def svarark_eksempel(request: Request) -> Response:
    """The example answers as a filled answer sheet, or as YAML."""
    kind = request.path_params["format"]
    if kind == "yaml":
        from assembler.answers.xlsx.workflow import EXAMPLE_ANSWERS

        return attachment(EXAMPLE_ANSWERS.read_bytes(), "eksempel-svar.yaml", "text/yaml")
    if kind != "xlsx":
        raise HTTPException(404)
    return attachment(await sheet(_state(request), None), "eksempel-svarark.xlsx", XLSX)


def _query(request: Request) -> str:
    """The search words (at most 200 characters)."""
    return request.query_params.get("q", "").strip()[:200]


def _choice(request: Request, name: str, allowed: tuple[str, ...]) -> str:
    """A filter value if it is one of the allowed ones, else '' (no filter)."""
    value = request.query_params.get(name, "")
    return value if value in allowed else ""


async def klausuler(request: Request) -> Response:
    """Browse and search the clause library."""
    state = _state(request)
    query = _query(request)
    agreement = _choice(request, "aftale", AGREEMENTS)
    sector = _choice(request, "sektor", SECTORS)
    topics = lib.search_topics(state.library, query, agreement, sector)
    return state.view.page(
        request,
        "klausuler.html",
        topics=topics,
        q=query,
        aftale=agreement,
        sektor=sector,
        agreements=lib.AGREEMENT_LABELS,
        sectors=SECTOR_NAMES,
        sector_label=lib.sector_label,
        total=len(state.library.topics),
    )


async def emne(request: Request) -> Response:
    """One topic: question, guidance, sources and every variant's full text."""
    state = _state(request)
    library: Library = state.library
    try:
        topic = library.topic(request.path_params["aftale"], request.path_params["emne"])
    except KeyError:
        raise HTTPException(404, "Emnet findes ikke i klausulbiblioteket.") from None
    variants = [
        {
            "variant": v,
            "blocks": lib.clause_blocks(library, topic, v.text),
            "params": topic.params_for(v.id),
            "sources": _sources(library, v.sources),
        }
        for v in topic.variants
    ]
    return state.view.page(
        request,
        "emne.html",
        topic=topic,
        variants=variants,
        agreement=lib.AGREEMENT_LABELS[topic.agreement],
        sector_label=lib.sector_label,
        sources=_sources(library, topic.sources),
        positions=POSITIONS,
        type_names=TYPE_NAMES_DA,
    )


def _sources(library: Library, ids: tuple[str, ...]) -> list[dict[str, str]]:
    """Source ids with titles and addresses."""
    from assembler.web.results import source_links

    return source_links(library, ids)


async def regler(request: Request) -> Response:
    """Every rule with severity, sectors, validity and source; filterable."""
    state = _state(request)
    query = _query(request)
    sector = _choice(request, "sektor", SECTORS)
    severity = _choice(request, "alvor", tuple(SEVERITY_NAMES))
    data = state.rules
    rules = [r for r in data["regler"] if lib.rule_matches(r, query, sector, severity)]
    return state.view.page(
        request,
        "regler.html",
        rules=rules,
        total=len(data["regler"]),
        q=query,
        sektor=sector,
        alvor=severity,
        sectors=SECTOR_NAMES,
        severities=SEVERITY_NAMES,
        not_checkable=data["kan_ikke_tjekkes"],
        partly=data["delvist"],
        sector_label=lib.sector_label,
        agreements=lib.AGREEMENT_LABELS,
    )


def _next(target: str) -> str:
    """Only local paths as the page to return to after login."""
    return target if target.startswith("/") and not target.startswith("//") else "/"


async def login(request: Request) -> Response:
    """The login page, and checking the password."""
    state = _state(request)
    target = _next(request.query_params.get("videre", "/"))
    if request.method == "GET":
        return state.view.page(request, "login.html", target=target, message="")
    async with request.form(max_files=0, max_fields=5) as form:
        check_csrf(request, form.get("csrf"))
        given = str(form.get("adgangskode", ""))
        target = _next(str(form.get("videre", "/")))
    if not state.config.password or not password_ok(given, state.config.password):
        await asyncio.sleep(1.0)  # slows guessing without blocking other users
        return state.view.page(
            request, "login.html", 401, target=target, message="Adgangskoden er forkert."
        )
    response = RedirectResponse(target, status_code=303)
    key, value = cookie_header(SESSION_COOKIE, state.sessions.create())
    response.headers.append(key.decode(), value.decode())
    return response


async def logout(request: Request) -> Response:
    """End the session."""
    async with request.form(max_files=0, max_fields=5) as form:
        check_csrf(request, form.get("csrf"))
    _state(request).sessions.end(request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/login", status_code=303)
    key, value = cookie_header(SESSION_COOKIE, "", max_age=0)
    response.headers.append(key.decode(), value.decode())
    return response
