"""The server's settings: where it listens, the password, limits and how many workers."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass

MB = 1024 * 1024
PASSWORD_ENV = "AFTALE_ADGANGSKODE"
LOOPBACK_NAMES = ("localhost",)


def is_loopback(host: str) -> bool:
    """Whether the address only accepts connections from this machine."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def default_workers() -> int:
    """Worker processes for jobs: two, or $AFTALE_WEB_WORKERS (a large batch uses both cores)."""
    value = os.environ.get("AFTALE_WEB_WORKERS", "")
    return max(1, int(value)) if value.isdigit() else 2


@dataclass(frozen=True)
class ServerConfig:
    """How `aftale server` runs; the defaults are safe for one person on their own machine."""

    host: str = "127.0.0.1"
    port: int = 8000
    password: str | None = None
    workers: int = 2
    job_ttl_seconds: float = 3600.0  # a job's files are deleted after download or after this
    max_file_bytes: int = 20 * MB  # one uploaded file (answer sheets with thousands of rows fit)
    max_request_bytes: int = 70 * MB  # a whole upload request (several negotiation rounds)
    max_versions: int = 6  # rounds on the comparison page
    max_jobs: int = 40  # jobs waiting or running at once; more are refused with 503

    @property
    def loopback(self) -> bool:
        """Whether only this machine can reach the server."""
        return is_loopback(self.host)

    @property
    def url(self) -> str:
        """The address a browser on this machine opens."""
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::") else self.host
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"
        return f"http://{host}:{self.port}/"
