"""The upload forms: check the choice, save it under the server's own names, start the job."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from assembler.library.model import SECTOR_NAMES, SECTORS
from assembler.web import counter, tasks
from assembler.web.jobs import Busy, Job
from assembler.web.security import check_csrf

ANSWER_SUFFIXES = (".xlsx", ".yaml", ".yml", ".json")
WAIT_SECONDS = 1.0  # a job still running after this shows its progress page instead
FORM_LIMITS = {"max_files": 8, "max_fields": 40}
KIND_FORMS = {"aftaler": "/lav", "tjek": "/tjek", "sammenlign": "/sammenlign"}


class FormProblem(Exception):
    """A form filled in wrongly: shown above the form again, with status 400."""


def _state(request: Request) -> Any:
    """The application's shared state."""
    return request.app.state


def shown_name(upload: UploadFile) -> str:
    """The user's file name for display only (never a path on the server)."""
    name = re.split(r"[\\/]", upload.filename or "")[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return name[:120] or "uden navn"


def _file(form: FormData, field: str) -> UploadFile | None:
    """The uploaded file of a field, or None when the user chose none."""
    value = form.get(field)
    if isinstance(value, UploadFile) and (value.filename or value.size):
        return value
    return None


def _suffix(upload: UploadFile, allowed: tuple[str, ...], what: str) -> str:
    """The upload's suffix if it is one we read; a Danish problem otherwise."""
    suffix = Path(shown_name(upload)).suffix.lower()
    if suffix not in allowed:
        raise FormProblem(f"„{shown_name(upload)}“ kan ikke bruges: vælg {what}.")
    return suffix


async def save(request: Request, upload: UploadFile, job: Job, saved: str) -> None:
    """Copy an upload into the job folder under the server's own name, within the size limit."""
    limit = _state(request).config.max_file_bytes
    size = 0
    with (job.folder / saved).open("wb") as sink:
        while chunk := await upload.read(1024 * 1024):
            size += len(chunk)
            if size > limit:
                raise FormProblem(
                    f"„{shown_name(upload)}“ er for stor: en fil må højst fylde "
                    f"{limit // (1024 * 1024)} MB."
                )
            sink.write(chunk)
    if size == 0:
        raise FormProblem(f"„{shown_name(upload)}“ er tom.")
    job.names[saved] = shown_name(upload)


def _form_page(request: Request, kind: str, problem: str = "", status: int = 200) -> Response:
    """An upload form, with a problem above it when there is one."""
    template = {"aftaler": "lav.html", "tjek": "tjek.html", "sammenlign": "sammenlign.html"}[kind]
    state = _state(request)
    return state.view.page(
        request,
        template,
        status,
        problem=problem,
        sectors=SECTOR_NAMES,
        counter=counter.counter_proposal_writer() is not None,
        slots=range(1, state.config.max_versions + 1),
    )


# Starlette's refusals of a malformed or oversized form (English) → what the user reads.
FORM_ERRORS = (
    (re.compile(r"Too many files\. Maximum number of files is (\d+)"),
     "Der er for mange filer i formularen; højst {0} ad gangen."),
    (re.compile(r"Too many fields\. Maximum number of fields is (\d+)"),
     "Der er for mange felter i formularen; højst {0}."),
    (re.compile(r"(?:Field|Part) exceeded maximum size of (\d+)KB"),
     "Et felt i formularen er for langt (højst {0} KB)."),
    (re.compile(r"Missing boundary|Invalid multipart"),
     "Formularen kunne ikke læses. Genindlæs siden, og prøv igen."),
)  # fmt: skip


def _danish_form_error(exc: HTTPException) -> HTTPException:
    """The same refusal with a Danish text, when Starlette refused the form itself."""
    for pattern, text in FORM_ERRORS:
        if exc.status_code == 400 and (found := pattern.search(str(exc.detail))):
            return HTTPException(400, text.format(*found.groups()))
    return exc


async def _new_job(request: Request, kind: str, fill: Any) -> Response:
    """Parse the form, create the job, save its files, start it; back to the form on problems."""
    try:
        return await _parse_and_start(request, kind, fill)
    except HTTPException as exc:
        raise _danish_form_error(exc) from None


async def _parse_and_start(request: Request, kind: str, fill: Any) -> Response:
    """_new_job's work: the form is parsed by Starlette within FORM_LIMITS."""
    store = _state(request).jobs
    async with request.form(**FORM_LIMITS) as form:
        check_csrf(request, form.get("csrf"))
        try:
            job = store.new(kind)
        except Busy:
            raise HTTPException(
                503, "Der er mange opgaver i gang. Prøv igen om et øjeblik."
            ) from None
        try:
            function, args = await fill(request, form, job)
        except FormProblem as problem:
            store.forget(job)
            return _form_page(request, kind, str(problem), 400)
        except BaseException:
            store.forget(job)
            raise
    store.start(job, function, *args)
    if job.future is not None:  # most jobs finish in moments: show their result at once
        await asyncio.wait({asyncio.wrap_future(job.future)}, timeout=WAIT_SECONDS)
    return RedirectResponse(f"/opgave/{job.id}", status_code=303)


async def lav_form(request: Request) -> Response:
    """The 'Lav aftaler' form."""
    return _form_page(request, "aftaler")


async def lav(request: Request) -> Response:
    """Upload an answer sheet (or YAML/JSON) and make the agreements."""

    async def fill(request: Request, form: FormData, job: Job) -> tuple[Any, tuple[Any, ...]]:
        upload = _file(form, "svar")
        if upload is None:
            raise FormProblem("Vælg svararket (.xlsx) eller en svarfil (.yaml eller .json).")
        suffix = _suffix(upload, ANSWER_SUFFIXES, "et svarark (.xlsx) eller en svarfil")
        saved = f"svar{suffix}"
        await save(request, upload, job, saved)
        options = (form.get("trods_fejl") == "ja", form.get("spring_over") == "ja")
        return tasks.make_agreements, (saved, job.names[saved], *options)

    return await _new_job(request, "aftaler", fill)


async def tjek_form(request: Request) -> Response:
    """The 'Tjek et udkast' form."""
    return _form_page(request, "tjek")


async def tjek(request: Request) -> Response:
    """Upload a draft (and optionally our last version) and review it."""

    async def fill(request: Request, form: FormData, job: Job) -> tuple[Any, tuple[Any, ...]]:
        draft = _file(form, "udkast")
        if draft is None:
            raise FormProblem("Vælg udkastet (.docx), der skal tjekkes.")
        _suffix(draft, (".docx",), "et Word-dokument (.docx)")
        ours = _file(form, "vores")
        if ours is not None:
            _suffix(ours, (".docx",), "jeres seneste version som Word-dokument (.docx)")
        sector = str(form.get("sektor", ""))
        if sector and sector not in SECTORS:
            raise FormProblem("Vælg stat, kommune eller region som sektor.")
        await save(request, draft, job, "udkast.docx")
        uploads = [("udkast.docx", job.names["udkast.docx"])]
        if ours is not None:
            await save(request, ours, job, "vores.docx")
            uploads.append(("vores.docx", job.names["vores.docx"]))
        wants_counter = form.get("handling") == "modforslag"
        return tasks.review_draft, (uploads, sector or None, wants_counter)

    return await _new_job(request, "tjek", fill)


async def sammenlign_form(request: Request) -> Response:
    """The 'Sammenlign runder' form."""
    return _form_page(request, "sammenlign")


def _author(value: object) -> str:
    """An author name from the form: printable, at most 80 characters."""
    text = "".join(ch for ch in str(value or "") if ch.isprintable()).strip()
    return text[:80]


async def sammenlign(request: Request) -> Response:
    """Upload two or more versions in order and compare them round by round."""

    async def fill(request: Request, form: FormData, job: Job) -> tuple[Any, tuple[Any, ...]]:
        slots = range(1, _state(request).config.max_versions + 1)
        chosen = [(k, f) for k in slots if (f := _file(form, f"version_{k}")) is not None]
        if len(chosen) < 2:
            raise FormProblem("Vælg mindst to versioner (.docx) i den rækkefølge, de er lavet.")
        for _, upload in chosen:
            _suffix(upload, (".docx",), "Word-dokumenter (.docx)")
        uploads = []
        for k, upload in chosen:
            saved = f"version-{k}.docx"
            await save(request, upload, job, saved)
            uploads.append((saved, job.names[saved]))
        authors = [_author(form.get(f"forfatter_{k}")) for k, _ in chosen[1:]]
        return tasks.compare_rounds, (uploads, authors)

    return await _new_job(request, "sammenlign", fill)
