"""Errors before a command runs (click's path checks, Starlette's form limits) are Danish too."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from assembler.web.app import create_app
from assembler.web.config import ServerConfig
from assembler.workflows import EXAMPLE_ANSWERS
from tests.hostile.corpus import (
    aftale,
    assert_no_english,
    assert_refused,
    minimal_docx,
    snapshot,
    styled_docx,
)
from tests.web.helpers import csrf_of


def test_path_checks_are_danish(tmp_path: Path) -> None:
    (tmp_path / "mappe.txt").mkdir()
    (tmp_path / "u.docx").write_bytes(minimal_docx())
    shutil.copy(EXAMPLE_ANSWERS, tmp_path / "svar.yaml")
    run = aftale("modforslag", "u.docx", "-o", "m.docx", "--noter", "mappe.txt", cwd=tmp_path)
    assert run.code == 2 and "'mappe.txt' er en mappe; angiv en fil" in run.err, run.err
    assert_no_english(run)
    (tmp_path / "u.docx").chmod(0)
    run = aftale("tjek", "u.docx", cwd=tmp_path, unprivileged=True)
    assert run.code == 2 and "'u.docx' kan ikke læses: du har ikke adgang" in run.err, run.err
    assert_no_english(run)


def test_notes_never_replace_the_answer_file(tmp_path: Path) -> None:
    (tmp_path / "u.docx").write_bytes(minimal_docx())
    shutil.copy(EXAMPLE_ANSWERS, tmp_path / "svar.yaml")
    before = snapshot(tmp_path)
    run = aftale("modforslag", "u.docx", "-o", "m.docx", "--svar", "svar.yaml", "--noter",
                 "svar.yaml", "--overskriv", cwd=tmp_path)  # fmt: skip
    assert run.code == 1 and "noterne må ikke erstatte jeres svarfil" in run.err, run.err
    assert snapshot(tmp_path) == before


def test_too_many_files_or_fields_in_an_upload_are_refused_in_danish() -> None:
    app = create_app(ServerConfig(workers=1))
    with TestClient(app, base_url="http://127.0.0.1:8000", follow_redirects=False) as client:
        token = csrf_of(client.get("/tjek").text)
        draft = minimal_docx()
        files = [(f"f{i}", (f"u{i}.docx", draft)) for i in range(9)]
        answer = client.post("/tjek", data={"csrf": token}, files=files)
        assert answer.status_code == 400
        assert "Der er for mange filer i formularen; højst 8 ad gangen." in answer.text
        fields = {"csrf": token, **{f"x{i}": "y" for i in range(50)}}
        answer = client.post("/tjek", data=fields, files=[("udkast", ("u.docx", draft))])
        assert answer.status_code == 400
        assert "Der er for mange felter i formularen; højst 40." in answer.text
        assert "Too many" not in answer.text


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 600 KB file system with 20 KB left (skipped where tmpfs cannot be mounted)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(disk)],
                             capture_output=True, check=False)  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip("no tmpfs can be mounted here")
    try:
        (disk / "fyld").write_bytes(bytes(580_000))
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_a_full_disk_is_named_and_leaves_nothing(tmp_path: Path, full_disk: Path) -> None:
    shutil.copy(EXAMPLE_ANSWERS, tmp_path / "svar.yaml")
    run = aftale("generer", "svar.yaml", "-o", str(full_disk / "ud"), cwd=tmp_path)
    assert_refused(run, f"{full_disk / 'ud'}: kan ikke skrive aftalerne", "ikke mere plads")
    styled_docx(tmp_path / "a.docx", [("", "Aftale om hjemmearbejde")])  # 36 KB, styles included
    run = aftale("tjek", "a.docx", "-o", str(full_disk), cwd=tmp_path)
    assert_refused(run, "a-gennemgang.docx", "ikke mere plads på disken")
    assert sorted(p.name for p in full_disk.iterdir()) == ["fyld"]
