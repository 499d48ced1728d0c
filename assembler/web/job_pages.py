"""The job pages: live progress while a job runs, then its results and downloads."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from assembler.library.model import SECTOR_NAMES
from assembler.web import counter
from assembler.web.jobs import Job
from assembler.web.security import check_csrf
from assembler.web.uploads import KIND_FORMS

MEDIA = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".zip": "application/zip",
    ".json": "application/json",
    ".csv": "text/csv; charset=utf-8",
}
KIND_TITLES = {
    "aftaler": "Lav aftaler",
    "tjek": "Tjek et udkast",
    "sammenlign": "Sammenlign runder",
}
STATUS_CODES = {"faerdig": 200, "ugyldig": 422, "regelfejl": 422, "crash": 500}


def _state(request: Request) -> Any:
    """The application's shared state."""
    return request.app.state


def downloads(job: Job, result: dict[str, Any]) -> list[dict[str, Any]]:
    """Every file of a finished job in one list; each page link is an index into it."""
    if result.get("status") != "faerdig":
        return []
    if job.kind == "aftaler":
        items = result["documents"] + result["extra"]
    elif job.kind == "tjek":
        items = result["files"]
    else:
        items = result["rounds"] + [result["overview"]]
    for n, item in enumerate(items):
        item["n"] = n
    for rnd in result.get("rounds", []) if job.kind == "tjek" else []:
        rnd["n"] = next(item["n"] for item in items if item["path"] == rnd["path"])
    return list(items)


def _job(request: Request) -> Job:
    """The job of the URL, or a Danish 404."""
    job = _state(request).jobs.get(request.path_params["job"])
    if job is None:
        raise HTTPException(
            404,
            "Opgaven findes ikke (længere). Filer slettes, når du har hentet ZIP-filen, og senest "
            "en time efter upload. Upload filerne igen for at lave dem på ny.",
        )
    return job


async def opgave(request: Request) -> Response:
    """A job's page: live progress while it runs (refreshing itself), then its results."""
    job = _job(request)
    state = _state(request)
    common = {
        "current": KIND_FORMS[job.kind],
        "job": job,
        "title": KIND_TITLES[job.kind],
        "form": KIND_FORMS[job.kind],
        "sectors": SECTOR_NAMES,
        "slots": range(1, state.config.max_versions + 1),
        "counter": counter.counter_proposal_writer() is not None,
    }
    # Decided once here: the template must not ask the job again (it may finish in between).
    if not job.done:
        progress = job.progress()
        return state.view.page(request, "opgave.html", refresh=1, progress=progress, **common)
    result = job.result
    files = downloads(job, result)
    status = STATUS_CODES.get(result.get("status", ""), 500)
    return state.view.page(
        request, "opgave.html", status, result=result, files=files, problem="", **common
    )


def _send(path: Path, filename: str, background: BackgroundTask | None = None) -> Response:
    """A file download under a safe name (ASCII fallback plus the UTF-8 name)."""
    ascii_name = filename.encode("ascii", "replace").decode().replace("?", "_").replace('"', "")
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    media = MEDIA.get(path.suffix.lower(), "application/octet-stream")
    headers = {"content-disposition": disposition, "cache-control": "no-store"}
    return FileResponse(path, media_type=media, headers=headers, background=background)


def _gone() -> HTTPException:
    return HTTPException(
        404, "Filen er slettet fra serveren. Upload filerne igen for at lave dem på ny."
    )


async def hent(request: Request) -> Response:
    """One file of a finished job, by its number on the page."""
    job = _job(request)
    if not job.done:
        raise HTTPException(404, "Opgaven er ikke færdig endnu.")
    files = downloads(job, job.result)
    index = request.path_params["n"]
    if not 0 <= index < len(files):
        raise HTTPException(404, "Filen findes ikke.")
    path = job.path(files[index]["path"])
    if path is None:
        raise _gone()
    return _send(path, files[index]["filename"])


async def hent_alt(request: Request) -> Response:
    """Everything as one ZIP; the job's files are deleted once it has been sent."""
    job = _job(request)
    result = job.result if job.done else {}
    if result.get("status") != "faerdig":
        raise HTTPException(404, "Opgaven har ingen filer at hente.")
    path = job.path(result["bundle"]["path"])
    if path is None:
        raise _gone()
    store = _state(request).jobs
    return _send(path, result["bundle"]["filename"], BackgroundTask(store.delete_files, job))


async def slet(request: Request) -> Response:
    """Delete a job and its files now."""
    job = _job(request)
    async with request.form(max_files=0, max_fields=5) as form:
        check_csrf(request, form.get("csrf"))
    if not job.done:
        raise HTTPException(409, "Opgaven kører stadig; den kan slettes, når den er færdig.")
    _state(request).jobs.forget(job)
    return _state(request).view.page(request, "slettet.html", form=KIND_FORMS[job.kind])
