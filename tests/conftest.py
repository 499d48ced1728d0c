"""Shared fixtures: the real library, compiled templates, the example answers and LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from assembler.answers.files import read_answers
from assembler.answers.model import Answers
from assembler.library import load_library
from assembler.library.model import Library
from assembler.render.templates import TemplateSet, load_templates
from assembler.workflows import EXAMPLE_ANSWERS

CACHE_KEY = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    """The clause library's snapshot cache (assembler/library/snapshot.py) lives in a folder of
    this run, for the tests and every command they start: never the user's home directory."""
    config.stash[CACHE_KEY] = os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="aftale-")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove this run's cache folder."""
    shutil.rmtree(config.stash.get(CACHE_KEY, ""), ignore_errors=True)


@pytest.fixture(scope="session")
def library() -> Library:
    """The bundled clause library."""
    return load_library()


@pytest.fixture(scope="session")
def templates(library: Library) -> TemplateSet:
    """The bundled templates, compiled once."""
    return load_templates(library)


@pytest.fixture(scope="session")
def example(library: Library) -> Answers:
    """The bundled example answers."""
    return read_answers(library, EXAMPLE_ANSWERS)


def soffice_path() -> str | None:
    """LibreOffice's soffice, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="session")
def soffice() -> str:
    """soffice, or skip with a visible reason (CI installs libreoffice-writer-nogui)."""
    path = soffice_path()
    if path is None:
        pytest.skip(
            "LibreOffice (soffice) er ikke installeret; CI installerer libreoffice-writer-nogui"
        )
    return path


def convert_with_libreoffice(soffice: str, source: Path, out_dir: Path, fmt: str = "pdf") -> Path:
    """Convert a document headlessly; fail the test if LibreOffice cannot open it."""
    profile = out_dir / "lo-profile"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
         "--outdir", str(out_dir), str(source)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    target = out_dir / f"{source.stem}.{fmt.split(':')[0]}"
    assert result.returncode == 0 and target.exists(), result.stdout + result.stderr
    return target
