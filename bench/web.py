"""Benchmark `aftale server`: time per page, and upload-to-ZIP against `aftale generer`.

Run with no arguments: `python bench/web.py`. It starts a real `aftale server` on 127.0.0.1 (a
free port), then

1. pages: every page requested REPEAT times over HTTP from this process (the whole round trip,
   so an upper bound on the server's time), and the same pages in-process through Starlette's
   TestClient (the application's own time, no network); median and worst per page, against the
   100 ms target;
2. the example answer sheet: upload → agreements → ZIP downloaded, as a browser does it (the
   upload returns when the job is done), against the named baseline `aftale generer` run as a
   whole command on the same sheet into a fresh folder; medians of ROUNDS runs, and the ratio.
"""

from __future__ import annotations

import http.client
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx2  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from assembler.web.app import create_app  # noqa: E402
from assembler.web.config import ServerConfig  # noqa: E402
from tests.web.helpers import ServerProcess, csrf_of  # noqa: E402

PAGES = ["/", "/svarark", "/lav", "/tjek", "/sammenlign", "/klausuler", "/klausuler?q=varsel",
         "/klausuler/lokal/tilgaengelighed", "/regler", "/regler?alvor=fejl"]  # fmt: skip
REPEAT = 30
ROUNDS = 7
TARGET_MS = 100.0
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def time_pages(get: object) -> dict[str, list[float]]:
    """Milliseconds per request for each page (after one warm-up request)."""
    times: dict[str, list[float]] = {}
    for path in PAGES:
        get(path)  # type: ignore[operator]
        samples = []
        for _ in range(REPEAT):
            start = time.perf_counter()
            response = get(path)  # type: ignore[operator]
            samples.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, path
        times[path] = samples
    return times


def print_pages(title: str, times: dict[str, list[float]]) -> float:
    """One line per page; return the worst median."""
    print(f"\n{title} (ms, {REPEAT} requests each; target < {TARGET_MS:.0f} ms)")
    for path, samples in times.items():
        print(f"  {path:<36} median {statistics.median(samples):6.1f}   worst {max(samples):6.1f}")
    return max(statistics.median(s) for s in times.values())


def upload_to_zip(base: str, sheet: bytes) -> float:
    """Seconds from choosing 'upload' to holding the ZIP, as a browser session does it."""
    with httpx2.Client(base_url=base, timeout=120) as client:
        token = csrf_of(client.get("/lav").text)
        start = time.perf_counter()
        posted = client.post("/lav", data={"csrf": token}, files={"svar": ("s.xlsx", sheet, XLSX)})
        job = posted.headers["location"]
        page = client.get(job).text
        while 'http-equiv="refresh"' in page:  # only if the job outlived the upload's wait
            time.sleep(0.05)
            page = client.get(job).text
        bundle = client.get(f"{job}/alt")
        elapsed = time.perf_counter() - start
        assert bundle.status_code == 200 and len(bundle.content) > 10_000
    return elapsed


def generer(sheet: Path, folder: Path, k: int) -> float:
    """Seconds for the whole command `aftale generer SHEET -o NEW_FOLDER`."""
    command = [sys.executable, "-m", "assembler.cli", "generer", str(sheet)]
    start = time.perf_counter()
    subprocess.run([*command, "-o", str(folder / f"ud{k}")], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    server = ServerProcess()
    try:
        connection = http.client.HTTPConnection(server.url.split("//")[1], timeout=30)
        connection.connect()  # keep-alive, Nagle off, as browsers do
        connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def get(path: str) -> http.client.HTTPResponse:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            response.status_code = response.status  # type: ignore[attr-defined]
            return response

        worst_http = print_pages("Pages over HTTP from a real server", time_pages(get))
        connection.close()
        sheet = httpx2.get(f"{server.url}/svarark/eksempel.xlsx").content
        with TestClient(create_app(ServerConfig(workers=1)), base_url="http://127.0.0.1") as app:
            worst_app = print_pages("Pages in-process (application time)", time_pages(app.get))
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "eksempel-svarark.xlsx"
            path.write_bytes(sheet)
            generer(path, Path(tmp), -1)  # warm the file cache
            upload_to_zip(server.url, sheet)
            web, cli = [], []
            for k in range(ROUNDS):  # alternate, so both see the same machine load
                cli.append(generer(path, Path(tmp), k))
                web.append(upload_to_zip(server.url, sheet))
    finally:
        server.stop()
    web_s, cli_s = statistics.median(web), statistics.median(cli)
    print(f"\nExample sheet, median of {ROUNDS} runs (3 agreements + local agreement + manifest):")
    print(f"  baseline `aftale generer` (whole command): {cli_s * 1000:7.0f} ms")
    print(f"  aftale server upload → ZIP downloaded:     {web_s * 1000:7.0f} ms")
    print(f"\nworst page median: {worst_http:.1f} ms over HTTP, {worst_app:.1f} ms in-process")
    print(f"upload-to-ZIP / aftale generer = {web_s / cli_s:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
