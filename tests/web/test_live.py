"""A real `aftale server` process: ten uploads at once, a 2,000-row sheet with live progress."""

from __future__ import annotations

import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2
import pytest

from assembler.answers.model import Answers
from assembler.answers.xlsx.write import answer_sheet_bytes
from assembler.library.model import Library
from tests.bulk import many_numbered_employees
from tests.web.helpers import JOB_URL, ServerProcess, csrf_of, zip_names

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(base: str, sheet: bytes, name: str = "svarark.xlsx") -> tuple[httpx2.Client, str]:
    """A fresh browser session that uploads the sheet; returns it and the job's address."""
    client = httpx2.Client(base_url=base, timeout=120)
    token = csrf_of(client.get("/lav").text)
    response = client.post("/lav", data={"csrf": token}, files={"svar": (name, sheet, XLSX)})
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    assert JOB_URL.fullmatch(location)
    return client, location


def wait(client: httpx2.Client, job: str, limit: float) -> list[str]:
    """Poll a job page until done; return every progress line seen on the way."""
    seen: list[str] = []
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        html = client.get(job).text
        if 'http-equiv="refresh"' not in html:
            seen.append(html)
            return seen
        seen.extend(re.findall(r"Skriver aftalerne: [\d.]+ af [\d.]+ dokumenter", html))
        time.sleep(0.25)
    raise AssertionError(f"job not finished after {limit} s")


def test_ten_simultaneous_uploads_all_succeed(server: ServerProcess) -> None:
    sheet = httpx2.get(f"{server.url}/svarark/eksempel.xlsx").content

    def one(_: int) -> list[str]:
        client, job = upload(server.url, sheet)
        html = wait(client, job, 180)[-1]
        assert "Lokalaftalen og 3 individuelle aftaler" in html, html
        names = zip_names(client.get(f"{job}/alt").content)
        client.close()
        return names

    with ThreadPoolExecutor(10) as pool:
        results = list(pool.map(one, range(10)))
    assert len(results) == 10
    assert all(len(names) == 6 for names in results)  # 1 + 3 agreements, manifest .json/.csv


@pytest.mark.slow
def test_two_thousand_rows_show_progress_and_finish(
    server: ServerProcess, library: Library, example: Answers, tmp_path: Path
) -> None:
    sheet = answer_sheet_bytes(library, many_numbered_employees(example, 2000))
    client, job = upload(server.url, sheet, "stort svarark.xlsx")
    seen = wait(client, job, 900)
    progress = [line for line in seen[:-1] if line.startswith("Skriver")]
    assert progress, "no live progress was shown while the documents were written"
    assert progress[-1].endswith("af 2.001 dokumenter")
    assert "Lokalaftalen og 2.000 individuelle aftaler" in seen[-1]
    assert "2.000 individuelle aftaler</summary>" in seen[-1]
    bundle = client.get(f"{job}/alt")
    names = zip_names(bundle.content)
    assert sum(n.endswith(".docx") for n in names) == 2001
    client.close()
