"""Run the `aftale` command in-process, as the console script does."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest

from assembler.cli import main


@dataclass
class Result:
    """Exit code and the two output streams, kept apart."""

    code: int
    out: str
    err: str


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> Result:
    """Call the CLI entry point with arguments and capture what it printed."""
    argv = sys.argv
    sys.argv = ["aftale", *args]
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.argv = argv
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)
