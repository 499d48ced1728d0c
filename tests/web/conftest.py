"""Fixtures for the web tests: an in-process client, a real server process and Chromium."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from assembler.web.app import create_app
from assembler.web.config import ServerConfig
from tests.web.helpers import ServerProcess

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BASE = "http://127.0.0.1:8000"


@pytest.fixture(scope="session")
def client() -> Iterator[TestClient]:
    """The app in this process, with one worker process for jobs."""
    app = create_app(ServerConfig(workers=1))
    with TestClient(app, base_url=BASE, follow_redirects=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def server() -> Iterator[ServerProcess]:
    """One real `aftale server` for the whole session (browser and load tests)."""
    process = ServerProcess()
    yield process
    code = process.stop()
    log = process.stderr()
    assert "Traceback" not in log, log
    assert code == 0, log


def chromium_path() -> str | None:
    """Debian's Chromium, when installed."""
    return CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium driven by Playwright; skipped with a reason where it is absent."""
    executable = chromium_path()
    if executable is None:
        pytest.skip("Chromium er ikke installeret (apt-get install chromium); CI installerer det")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright er ikke installeret (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=executable, args=[*CHROMIUM_ARGS, "--lang=da"]
        )
        yield instance
        instance.close()
