"""A server on the network: password, login page, sessions, CSRF; loopback refuses other hosts."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from assembler.web.app import create_app
from assembler.web.config import ServerConfig, is_loopback
from tests.acceptance.cli_helpers import run_cli
from tests.web.helpers import csrf_of

PASSWORD = "korrekt-hest-batteri"


@pytest.fixture(scope="module")
def shared() -> Iterator[TestClient]:
    """An app as `aftale server --host 0.0.0.0 --adgangskode …` builds it (no job workers)."""
    app = create_app(ServerConfig(host="0.0.0.0", password=PASSWORD))
    yield TestClient(app, base_url="http://192.0.2.10:8000", follow_redirects=False)


def test_every_page_asks_for_login_first(shared: TestClient) -> None:
    shared.cookies.clear()
    for path in ("/", "/lav", "/klausuler", "/opgave/" + "A" * 43, "/svarark/eksempel.xlsx"):
        response = shared.get(path)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/login?videre=")
    assert shared.get("/static/aftale.css").status_code == 200


def test_wrong_password_then_right_one(shared: TestClient) -> None:
    shared.cookies.clear()
    page = shared.get("/login?videre=/regler")
    assert page.status_code == 200 and 'type="password"' in page.text
    token = csrf_of(page.text)
    wrong = shared.post("/login", data={"csrf": token, "adgangskode": "gæt", "videre": "/regler"})
    assert wrong.status_code == 401 and "Adgangskoden er forkert." in wrong.text
    right = shared.post(
        "/login", data={"csrf": token, "adgangskode": PASSWORD, "videre": "/regler"}
    )
    assert right.status_code == 303 and right.headers["location"] == "/regler"
    cookie = right.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert shared.get("/regler").status_code == 200
    logout = shared.post("/logout", data={"csrf": csrf_of(shared.get("/").text)})
    assert logout.status_code == 303
    assert shared.get("/regler").status_code == 303


def test_login_needs_the_csrf_token(shared: TestClient) -> None:
    shared.cookies.clear()
    shared.get("/login")
    response = shared.post("/login", data={"adgangskode": PASSWORD})
    assert response.status_code == 403


def test_login_only_returns_to_local_pages(shared: TestClient) -> None:
    shared.cookies.clear()
    token = csrf_of(shared.get("/login").text)
    response = shared.post(
        "/login", data={"csrf": token, "adgangskode": PASSWORD, "videre": "//evil.example/"}
    )
    assert response.headers["location"] == "/"


def test_loopback_server_refuses_other_host_names() -> None:
    app = create_app(ServerConfig())
    client = TestClient(app, base_url="http://rebound.example:8000")
    response = client.get("/")
    assert response.status_code == 400
    assert "Serveren svarer kun på 127.0.0.1 og localhost." in response.text
    assert TestClient(app, base_url="http://localhost:8000").get("/").status_code == 200


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False),
     ("192.168.1.20", False), ("kontor.local", False)],
)  # fmt: skip
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_network_host_without_password_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AFTALE_ADGANGSKODE", raising=False)
    result = run_cli(capsys, "server", "--host", "0.0.0.0", "--port", "0")
    assert result.code == 1 and result.out == ""
    assert "Fejl: --host 0.0.0.0 gør serveren tilgængelig fra netværket" in result.err
    assert "--adgangskode" in result.err and "AFTALE_ADGANGSKODE" in result.err


def test_short_password_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "server", "--host", "0.0.0.0", "--adgangskode", "kort")
    assert result.code == 1 and "mindst 8 tegn" in result.err


def test_port_in_use_is_a_danish_error(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run_cli(capsys, "server", "--port", str(port))
    assert result.code == 1
    assert f"Port {port} er optaget af et andet program. Vælg en anden med --port." in result.err
    assert "Traceback" not in result.err


def test_help_is_danish(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "server", "--help")
    assert result.code == 0
    for text in ("--host", "--port", "--aabn", "--adgangskode", "Åbn siden i browseren"):
        assert text in result.out
