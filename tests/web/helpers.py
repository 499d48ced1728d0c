"""Helpers for the web tests: CSRF tokens, filling answer sheets, a real server process."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import openpyxl

from assembler.answers.model import Answers
from assembler.answers.xlsx.layout import EMPLOYEE_SHEET, LOCAL_SHEET, employee_fields, local_fields
from assembler.answers.xlsx.sample import field_cell
from assembler.library.model import Library
from tests.unit.answers.xlsx_helpers import FIRST_EMPLOYEE_ROW, local_row, set_employee

CSRF = re.compile(r'name="csrf" value="([^"]+)"')
JOB_URL = re.compile(r"/opgave/[A-Za-z0-9_-]{43}")


def csrf_of(html: str) -> str:
    """The CSRF token embedded in a page's form."""
    match = CSRF.search(html)
    assert match, "the page has no form with a CSRF token"
    return match.group(1)


def fill_sheet(library: Library, example: Answers, path: Path, people: int = 2) -> None:
    """Fill a blank answer sheet as a person would: local answers, then employee rows."""
    wb = openpyxl.load_workbook(path)
    ws = wb[LOCAL_SHEET]
    ws.cell(local_row(wb, "dato"), 3).value = "15-01-2027"
    for field in local_fields(library):
        ws.cell(local_row(wb, field.key), 3).value = field_cell(field, example.local)
    for row in range(FIRST_EMPLOYEE_ROW, FIRST_EMPLOYEE_ROW + people):
        employee = example.employees[(row - FIRST_EMPLOYEE_ROW) % len(example.employees)]
        wb[EMPLOYEE_SHEET].cell(row, 1).value = None  # no longer the example row
        for field in employee_fields(library):
            set_employee(library, wb, field.key, row, field_cell(field, employee))
        set_employee(library, wb, "parter.navn", row, f"Person {row}")
    wb.save(path)


def zip_names(data: bytes) -> list[str]:
    """The member names of a ZIP file's bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()


class ServerProcess:
    """A real `aftale server` on 127.0.0.1 with a free port, for browser and load tests."""

    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        command = [sys.executable, "-m", "assembler.cli", "server", "--port", "0", *args]
        self.log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115
        self.final_log = ""
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
            env={**os.environ, **(env or {})},
        )
        self.url = self._read_url()

    def _read_url(self) -> str:
        """The address the server prints when it is listening."""
        assert self.process.stdout is not None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            match = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if match:
                return match.group(0).rstrip("/")
        message = f"aftale server did not start: {self.stderr()}"
        self.stop()
        raise RuntimeError(message)

    def stderr(self) -> str:
        """What the server has printed on stderr so far."""
        if self.log.closed:
            return self.final_log
        self.log.seek(0)
        return self.log.read()

    def stop(self) -> Any:
        """Stop the server (Ctrl+C, as a person would) and wait for it."""
        if self.process.poll() is None:
            self.process.send_signal(2)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.final_log = self.stderr()
        self.log.close()
        return self.process.returncode
