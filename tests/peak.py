"""Run a command and measure its true peak memory, for the hostile-input tests and the benches.

Linux carries a process's peak resident size across fork and exec, so a command started from a
large process (pytest after many tests, a bench that built a sheet) would report that process's
size as its own. A small launcher (a fresh interpreter without site) forks the command itself,
so the figure starts from a few megabytes, and reads back the command's peak, workers included
(the command waits for them), with wait4. The launcher also applies the address-space limit.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

LAUNCHER = r"""
import os, resource, sys
report, limit, *command = sys.argv[1:]
pid = os.fork()
if pid == 0:
    if int(limit):
        resource.setrlimit(resource.RLIMIT_AS, (int(limit), int(limit)))
    os.execvp(command[0], command)
_, status, usage = os.wait4(pid, 0)
with open(report, "w") as fh:
    fh.write(f"{usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


@dataclass
class Measured:
    """Exit code, wall seconds and peak resident megabytes (largest process) of one command."""

    code: int
    seconds: float
    peak_mb: float


def measure(
    command: list[str],
    cwd: Path,
    stdout: IO[bytes] | int | None = None,
    stderr: IO[bytes] | int | None = None,
    env: dict[str, str] | None = None,
    address_limit: int = 0,
    timeout: float = 600,
) -> Measured:
    """Run command from a small launcher; its exit code, wall time and peak memory."""
    with tempfile.NamedTemporaryFile("r", suffix=".peak") as report:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-S", "-c", LAUNCHER, report.name, str(address_limit), *command],
            cwd=cwd, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL, env=env,
            start_new_session=True,
        )  # fmt: skip
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise AssertionError(f"{command[:4]}… kørte mere end {timeout:.0f} s") from None
        seconds = time.perf_counter() - start
        maxrss, code = report.read().split()
    return Measured(int(code), seconds, int(maxrss) / 1024)
