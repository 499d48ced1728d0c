"""Uploads through the in-process app: validation pinned to cells, agreements, review, rounds."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import docx
import pytest
from starlette.testclient import TestClient

from assembler.answers.files import answers_to_raw
from assembler.answers.model import Answers
from assembler.library.model import Library
from tests.unit.answers.xlsx_helpers import FIRST_EMPLOYEE_ROW, edit, ref, set_employee
from tests.web.helpers import JOB_URL, csrf_of, zip_names

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def post(client: TestClient, form: str, files: dict, data: dict | None = None) -> str:
    """Post an upload form with this browser's CSRF token; return the job page's address."""
    token = csrf_of(client.get(form).text)
    response = client.post(form, data={"csrf": token, **(data or {})}, files=files)
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    assert JOB_URL.fullmatch(location)
    return location


def finished(client: TestClient, job: str, timeout: float = 120) -> tuple[int, str]:
    """Poll the job page until it no longer refreshes itself."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        response = client.get(job)
        if 'http-equiv="refresh"' not in response.text:
            return response.status_code, response.text
        time.sleep(0.2)
    raise AssertionError("the job did not finish")


def test_example_sheet_makes_agreements_and_a_zip(
    client: TestClient, library: Library, tmp_path: Path
) -> None:
    sheet = client.get("/svarark/eksempel.xlsx").content
    job = post(client, "/lav", {"svar": ("mit svarark.xlsx", sheet, XLSX)})
    status, html = finished(client, job)
    assert status == 200, html
    assert "Aftalerne er lavet" in html
    assert "Lokalaftalen og 3 individuelle aftaler (staten)." in html
    folder = client.app.state.jobs.get(job.rsplit("/", 1)[1]).folder  # type: ignore[attr-defined]
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == ["aftaler.zip", "fremdrift.json", "ud"]  # the upload itself is gone
    # The page shows the same findings as the library's own check, each with its sources.
    from assembler.answers.reader import read_answers_file
    from assembler.rules.engine import check_answers

    sheet_path = tmp_path / "eksempel.xlsx"
    sheet_path.write_bytes(sheet)
    findings = check_answers(library, read_answers_file(library, sheet_path))
    warnings = sum(f.severity == "advarsel" for f in findings)
    assert f"{warnings} {'advarsel' if warnings == 1 else 'advarsler'}" in html
    for finding in findings:
        assert f'<span class="rule-id">{finding.rule}</span>' in html
        assert all(f">{source}</a>" in html for source in finding.sources)
    first = client.get(f"{job}/hent/1")
    assert first.status_code == 200 and first.headers["content-type"] == DOCX
    document = docx.Document(io.BytesIO(first.content))
    assert "Anne Søgaard Østergaard" in "\n".join(p.text for p in document.paragraphs)
    bundle = client.get(f"{job}/alt")
    assert bundle.status_code == 200
    names = zip_names(bundle.content)
    assert names[0] == "lokalaftale.docx" and "manifest.json" in names
    assert sum(n.startswith("individuelle/") for n in names) == 3
    # The ZIP was everything: the files are gone, the page says so, and downloads are 404.
    again = client.get(job)
    assert "Filerne er slettet fra serveren" in again.text
    gone = client.get(f"{job}/hent/1")
    assert gone.status_code == 404 and "Filen er slettet fra serveren" in gone.text


def test_planted_error_is_pinned_to_its_cell(
    client: TestClient, library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "svar.xlsx"
    path.write_bytes(client.get("/svarark/eksempel.xlsx").content)
    key = "ikrafttraeden.ikrafttraedelsesdato"
    row = FIRST_EMPLOYEE_ROW + 1
    edit(path, lambda wb: set_employee(library, wb, key, row, "31-02-2027"))
    import openpyxl

    cell = ref(library, openpyxl.load_workbook(path), key, row)
    job = post(client, "/lav", {"svar": ("svar.xlsx", path.read_bytes(), XLSX)})
    status, html = finished(client, job)
    assert status == 422
    assert f'<td class="cell">{cell}</td>' in html
    assert "&#34;31-02-2027&#34; er ikke en gyldig dato (skriv fx 1-3-2027)" in html
    assert "svar.xlsx: svararket indeholder 1 problem:" in html
    assert "/tmp" not in html and "aftale-server-" not in html  # no server path leaks
    assert 'action="/lav"' in html  # upload again from the same page


def test_rule_errors_stop_unless_the_user_overrides(client: TestClient, example: Answers) -> None:
    raw = answers_to_raw(example)
    raw["medarbejdere"][0]["parter"]["personalegruppe"] = "Kantinepersonale"  # outside the scope
    body = json.dumps(raw, ensure_ascii=False).encode()
    job = post(client, "/lav", {"svar": ("svar.json", body, "application/json")})
    status, html = finished(client, job)
    assert status == 422
    assert "Svarene bryder 1 regel" in html and "Intet er lavet endnu" in html
    assert 'class="badge fejl"' in html and "R12" in html and "Kantinepersonale" in html
    job = post(client, "/lav", {"svar": ("svar.json", body, "application/json")},
               {"trods_fejl": "ja"})  # fmt: skip
    status, html = finished(client, job)
    assert status == 200 and "Aftalerne er lavet trods fejl" in html


def test_wrong_file_type_is_refused_before_any_job(client: TestClient) -> None:
    token = csrf_of(client.get("/lav").text)
    response = client.post(
        "/lav", data={"csrf": token}, files={"svar": ("svar.exe", b"MZ", "application/x-msdos")}
    )
    assert response.status_code == 400
    assert "„svar.exe“ kan ikke bruges: vælg et svarark (.xlsx) eller en svarfil." in response.text


def test_broken_sheet_gets_a_danish_error(client: TestClient) -> None:
    job = post(client, "/lav", {"svar": ("svar.xlsx", b"not a zip at all", XLSX)})
    status, html = finished(client, job)
    assert status == 422
    assert "svar.xlsx" in html and "Traceback" not in html


def test_form_without_csrf_token_is_refused(client: TestClient) -> None:
    response = client.post("/lav", files={"svar": ("svar.yaml", b"x: 1", "text/yaml")})
    assert response.status_code == 403
    assert "Genindlæs siden" in response.text


def test_form_from_another_site_is_refused(client: TestClient) -> None:
    token = csrf_of(client.get("/lav").text)
    response = client.post(
        "/lav",
        data={"csrf": token},
        files={"svar": ("svar.yaml", b"x: 1", "text/yaml")},
        headers={"origin": "http://evil.example"},
    )
    assert response.status_code == 403


def test_too_large_upload_is_413(client: TestClient) -> None:
    limit = client.app.state.config.max_request_bytes  # type: ignore[attr-defined]
    token = csrf_of(client.get("/lav").text)
    big = b"0" * (limit + 1)
    response = client.post("/lav", data={"csrf": token}, files={"svar": ("s.yaml", big, "t/y")})
    assert response.status_code == 413
    assert "Filerne er for store" in response.text


def test_unknown_and_malformed_job_ids_are_404(client: TestClient) -> None:
    for job in ("/opgave/" + "A" * 43, "/opgave/x/hent/0", "/opgave/..%2F..%2Fetc%2Fpasswd"):
        response = client.get(job)
        assert response.status_code == 404
        assert "Fejlkode 404" in response.text and "root:" not in response.text
    assert "Opgaven findes ikke" in client.get("/opgave/" + "A" * 43).text


def test_review_of_a_draft_with_our_version(client: TestClient, tmp_path: Path) -> None:
    from assembler.workflows import demo_workflow

    demo_workflow(tmp_path / "demo", overwrite=False)
    ours = (tmp_path / "demo" / "lokalaftale.docx").read_bytes()
    theirs = tmp_path / "demo" / "forhandling" / "lokalaftale-modpartens-udkast.docx"
    job = post(client, "/tjek", {"udkast": ("deres udkast.docx", theirs.read_bytes(), DOCX),
                                 "vores": ("vores.docx", ours, DOCX)})  # fmt: skip
    status, html = finished(client, job)
    assert status == 200, html
    assert "deres udkast.docx: lokalaftale" in html
    assert "Runde v1→v2: vores.docx → deres udkast.docx" in html
    assert "Tilgængelighed" in html
    review = client.get(f"{job}/hent/0")
    assert review.headers["content-disposition"].startswith(
        'attachment; filename="deres_udkast-gennemgang.docx"'
    )
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    part = docx.Document(io.BytesIO(review.content)).part
    assert any(r.reltype == RT.COMMENTS for r in part.rels.values())


def test_three_rounds_give_three_redlines_and_a_table(client: TestClient, tmp_path: Path) -> None:
    from tests.web.rounds import three_versions

    versions = three_versions(tmp_path)
    files = {f"version_{k}": (p.name, p.read_bytes(), DOCX) for k, p in enumerate(versions, 1)}
    job = post(client, "/sammenlign", files, {"forfatter_2": "TR Hansen", "forfatter_3": ""})
    status, html = finished(client, job)
    assert status == 200, html
    assert "3 versioner sammenlignet" in html
    assert "Runde v1→v2: v1.docx → v2.docx" in html and "Forfatter: TR Hansen" in html
    assert "Runde v2→v3" in html and "Runde v1→v3" in html
    assert '<table class="changes">' in html
    names = zip_names(client.get(f"{job}/alt").content)
    assert names == ["v3-redline-runde1.docx", "v3-redline-runde2.docx", "v3-redline.docx",
                     "v3-aendringer.xlsx"]  # fmt: skip


def test_one_version_is_not_enough(client: TestClient, tmp_path: Path) -> None:
    token = csrf_of(client.get("/sammenlign").text)
    response = client.post(
        "/sammenlign", data={"csrf": token}, files={"version_1": ("a.docx", b"PK", DOCX)}
    )
    assert response.status_code == 400
    assert "Vælg mindst to versioner" in response.text


@pytest.mark.parametrize(
    ("form", "field"), [("/tjek", "udkast"), ("/sammenlign", "version_1")]
)  # fmt: skip
def test_a_file_that_is_not_word_gets_a_danish_page(
    client: TestClient, form: str, field: str
) -> None:
    files = {field: ("mit udkast.docx", b"%PDF-1.7 not a docx", DOCX)}
    if form == "/sammenlign":
        files["version_2"] = ("andet.docx", b"%PDF-1.7", DOCX)
    job = post(client, form, files)
    status, html = finished(client, job)
    assert status == 422
    assert "mit udkast.docx" in html and "Word-dokument" in html
    assert "Traceback" not in html and "/tmp" not in html


def test_a_job_that_finishes_while_its_page_is_drawn_shows_its_progress(
    client: TestClient,
) -> None:
    """The page decides once whether a job is done; the template never asks the job again."""

    class FinishingJob:
        id, kind, files_deleted = "x" * 32, "aftaler", False
        done = True  # finished after the page chose the progress view

    view = client.app.state.view  # type: ignore[attr-defined]
    html = view.html(
        "opgave.html",
        job=FinishingJob(),
        progress={"phase": "Skriver aftalerne", "done": 5, "total": 10},
        refresh=1,
        current="/lav",
        title="Lav aftaler",
        form="/lav",
        sectors={},
        slots=range(1, 3),
        counter=False,
        csrf="",
        logged_in=False,
        path="/opgave/x",
    )
    assert "Skriver aftalerne: 5 af 10 dokumenter" in html
