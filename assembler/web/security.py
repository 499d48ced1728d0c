"""Safe by default: security headers, host and origin checks, upload limits, login and CSRF.

Two pure ASGI middlewares wrap the app. BodyLimit refuses requests larger than the limit before
they are parsed. Guard checks the Host header (a page on another site cannot reach a loopback
server through DNS rebinding), asks for the password when one is set, hands every browser a CSRF
token in a SameSite=Strict cookie, and adds the headers to every response, error pages included.
Forms carry the token and check_csrf compares it, so another site cannot post on a user's behalf.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import quote

from starlette.exceptions import HTTPException
from starlette.requests import Request

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
ErrorPage = Callable[[int, str, str], bytes]

CSRF_COOKIE = "aftale_csrf"
SESSION_COOKIE = "aftale_session"
SESSION_SECONDS = 12 * 3600
OPEN_PATHS = ("/login", "/static/")
EXPIRED_FORM = "Formularen er udløbet eller kom ikke fra denne side. Genindlæs siden, og prøv igen."
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]


class Sessions:
    """Logged-in browsers: random tokens held in memory, valid for twelve hours."""

    def __init__(self) -> None:
        self._expiry: dict[str, float] = {}

    def create(self) -> str:
        """A new session token."""
        token = secrets.token_urlsafe(32)
        self._expiry[token] = time.monotonic() + SESSION_SECONDS
        return token

    def valid(self, token: str | None) -> bool:
        """Whether the token belongs to a live session."""
        expiry = self._expiry.get(token or "")
        return expiry is not None and expiry > time.monotonic()

    def end(self, token: str | None) -> None:
        """Log a session out."""
        self._expiry.pop(token or "", None)


def cookie_header(name: str, value: str, max_age: int | None = None) -> tuple[bytes, bytes]:
    """A Set-Cookie header that scripts cannot read and other sites never send."""
    text = f"{name}={value}; Path=/; HttpOnly; SameSite=Strict"
    if max_age is not None:
        text += f"; Max-Age={max_age}"
    return b"set-cookie", text.encode()


def _cookies(scope: Scope) -> dict[str, str]:
    """The request's cookies."""
    jar: SimpleCookie = SimpleCookie()
    for key, value in scope.get("headers", []):
        if key == b"cookie":
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed cookie header counts as none
                return {}
    return {k: m.value for k, m in jar.items()}


def _header(scope: Scope, name: bytes) -> str:
    """One request header, or ''."""
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return ""


class BodyLimit:
    """Refuse request bodies over the limit with a Danish 413 page, before anything parses them."""

    def __init__(self, app: ASGIApp, limit: int, error_page: ErrorPage) -> None:
        self.app, self.limit, self.error_page = app, limit, error_page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _header(scope, b"content-length")
        if length.isdigit() and int(length) > self.limit:
            await self._refuse(send)
            return
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        """The 413 page."""
        megabytes = self.limit // (1024 * 1024)
        body = self.error_page(
            413, "Filerne er for store", f"En upload må højst fylde {megabytes} MB i alt."
        )
        await _send_page(send, 413, body)


class _TooLarge(Exception):
    """The body grew past the limit while it was read."""


async def _send_page(send: Send, status: int, body: bytes, extra: list[Any] | None = None) -> None:
    """Send a complete HTML response."""
    headers = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        *(extra or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """Host check, login, the CSRF cookie and the security headers, for every request."""

    def __init__(
        self,
        app: ASGIApp,
        sessions: Sessions,
        password: str | None,
        loopback: bool,
        error_page: ErrorPage,
    ) -> None:
        self.app, self.sessions, self.password = app, sessions, password
        self.loopback, self.error_page = loopback, error_page

    def _host_ok(self, scope: Scope) -> bool:
        """On loopback, only loopback host names (DNS rebinding cannot borrow the server)."""
        if not self.loopback:
            return True
        host = _header(scope, b"host")
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name in LOOPBACK_HOSTS

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = list(HEADERS)
        if not self._host_ok(scope):
            body = self.error_page(
                400, "Ukendt adresse", "Serveren svarer kun på 127.0.0.1 og localhost."
            )
            await _send_page(send, 400, body, extra)
            return
        cookies = _cookies(scope)
        token = cookies.get(CSRF_COOKIE, "")
        if len(token) != 43:
            token = secrets.token_urlsafe(32)
            extra.append(cookie_header(CSRF_COOKIE, token))
        scope.setdefault("state", {})["csrf"] = token
        path = scope.get("path", "/")
        logged_in = self.sessions.valid(cookies.get(SESSION_COOKIE))
        scope["state"]["logged_in"] = logged_in
        if self.password and not logged_in and not path.startswith(OPEN_PATHS):
            target = "/login?videre=" + quote(path, safe="/")
            await send(
                {
                    "type": "http.response.start",
                    "status": 303,
                    "headers": [(b"location", target.encode()), *extra],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, with_headers)


def check_csrf(request: Request, submitted: object) -> None:
    """Refuse a form that does not carry this browser's token or comes from another site."""
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        if origin.split("://", 1)[-1] != host:
            raise HTTPException(403, "Formularen kom fra en anden side.")
    if request.headers.get("sec-fetch-site") == "cross-site":
        raise HTTPException(403, "Formularen kom fra en anden side.")
    expected = str(request.state.csrf)
    if not isinstance(submitted, str) or not hmac.compare_digest(submitted, expected):
        raise HTTPException(
            403,
            "Formularen er udløbet eller kom ikke fra denne side. Genindlæs siden og prøv igen.",
        )


def password_ok(given: str, password: str) -> bool:
    """Constant-time password comparison."""
    return hmac.compare_digest(given.encode(), password.encode())
