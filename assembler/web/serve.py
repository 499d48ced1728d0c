"""Run the web application with uvicorn on a socket we bind ourselves (clear Danish errors)."""

from __future__ import annotations

import contextlib
import socket
import threading
import webbrowser

from assembler.errors import AftaleError
from assembler.web.config import PASSWORD_ENV, ServerConfig


def check_config(config: ServerConfig) -> None:
    """Refuse a server reachable from the network without a password."""
    if not config.loopback and not config.password:
        raise AftaleError(
            f"--host {config.host} gør serveren tilgængelig fra netværket og kræver en "
            f"adgangskode: brug --adgangskode eller miljøvariablen {PASSWORD_ENV}."
        )
    if config.password is not None and len(config.password) < 8:
        raise AftaleError("Adgangskoden skal være på mindst 8 tegn.")


def bind(config: ServerConfig) -> socket.socket:
    """Listen on the address, or say in Danish why not."""
    try:
        infos = socket.getaddrinfo(config.host, config.port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise AftaleError(
            f"--host {config.host}: adressen kan ikke findes ({exc.strerror})."
        ) from exc
    family, kind, proto, _, address = infos[0]
    # proto must say TCP: asyncio turns Nagle off only for sockets that do, and with Nagle on
    # every response waits for the browser's delayed ACK (about 40 ms).
    sock = socket.socket(family, kind, proto or socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            raise AftaleError(
                f"Port {config.port} er optaget af et andet program. Vælg en anden med --port."
            ) from exc
        raise AftaleError(
            f"Kan ikke lytte på {config.host}:{config.port} ({exc.strerror})."
        ) from exc
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def serve(config: ServerConfig, open_browser: bool = False) -> None:
    """Start the server and keep it running until Ctrl+C."""
    import uvicorn

    from assembler.cli_support import out_console
    from assembler.web.app import create_app

    check_config(config)
    sock = bind(config)
    port = sock.getsockname()[1]
    config = ServerConfig(**{**config.__dict__, "port": port})
    app = create_app(config)
    server = uvicorn.Server(
        uvicorn.Config(
            app, log_level="warning", access_log=False, lifespan="on", timeout_graceful_shutdown=5
        )
    )
    out_console.print(f"aftale kører på {config.url}", markup=False)
    if not config.loopback:
        out_console.print(
            "Serveren kan nås fra netværket og kræver adgangskode. Forbindelsen er ikke "
            "krypteret: brug den kun på et netværk, I stoler på, eller bag en HTTPS-proxy.",
            markup=False,
        )
    out_console.print("Stop serveren med Ctrl+C.", markup=False)
    if open_browser:
        threading.Timer(0.8, webbrowser.open, (config.url,)).start()
    with contextlib.suppress(KeyboardInterrupt):  # uvicorn stopped cleanly, then re-raised it
        server.run(sockets=[sock])
    if not server.started:
        raise AftaleError("Serveren kunne ikke starte; se meddelelserne ovenfor.")
    out_console.print("Serveren er stoppet.", markup=False)
