"""The answer sheet's package scan in a forked child, while this process loads the renderer.

`aftale generer` spends about 0.3 s scanning a 10,000-row sheet's package (names, sizes, CRCs,
DOCTYPEs, formulas and the sheets' reach, safeio.zipcheck) before calamine may read it, and
about as long importing the rendering code and the rule check and compiling the templates, with
the second core idle. A forked child now runs the same scan_members while this process does the
rest; the sheet is read only after the child's result has arrived, so calamine still never sees
a sheet the scan would refuse.

The child reports only success. For any failure (a refused file, an unreadable one, a crash)
this process runs the scan itself, so every error is the one it gave before, raised at the
same point. The command's unpacking budget is charged here with what the child's scan counted,
as scan_members would have charged it here.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import re
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

# Imported before the fork (this process needs them too): the child starts scanning at once.
from assembler.answers.xlsx.cells import FORMULA
from assembler.safeio import budget
from assembler.safeio.budget import ReadBudget, command_budget
from assembler.safeio.sheetextent import Extent
from assembler.safeio.zipcheck import scan_members

PRESCAN_FROM = 512 * 1024  # bytes on disk; a smaller sheet scans in milliseconds

ScanResult = tuple[list[str], set[str], dict[str, Extent]]


class Prescan:
    """scan_members(path, "xlsx", pattern, extents) running in a forked child."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pid = 0
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the caller's code
            os.close(read_end)
            _child(path, write_end)
        os.close(write_end)
        self._pid, self._read_end = pid, read_end

    def take(self) -> tuple[ScanResult, tuple[int, int, int]] | None:
        """The child's scan and what it charged, or None when it failed (scan again here)."""
        if self._read_end < 0:
            return None
        with os.fdopen(self._read_end, "rb") as pipe:
            self._read_end = -1
            data = pipe.read()
        self._reap()
        try:
            result, charged = pickle.loads(data)
        except Exception:  # nothing sent (the child failed), or cut short: scan here
            return None
        return result, charged

    def close(self) -> None:
        """Stop and reap the child if it still runs (an error or Ctrl-C before take)."""
        if self._pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            self._reap()
        if self._read_end >= 0:
            os.close(self._read_end)
            self._read_end = -1

    def _reap(self) -> None:
        if self._pid:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._pid, 0)
            self._pid = 0


def _child(path: Path, write_end: int) -> None:
    """Scan, send (result, charged) on success, and exit without running any cleanup."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and kills us
        recorder = ReadBudget(sys.maxsize, sys.maxsize, sys.maxsize)
        extents: dict[str, Extent] = {}
        with command_budget(recorder):
            names, found = scan_members(path, "xlsx", FORMULA, extents)
        charged = (recorder.used_members, recorder.used_bytes, recorder.used_tree_bytes)
        data = pickle.dumps(((names, found, extents), charged), pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(write_end, view) :]
        code = 0
    except BaseException:  # any failure: the parent scans again and raises the error itself
        pass
    finally:
        os._exit(code)


def scanned(
    prescan: Prescan | None, path: Path, pattern: re.Pattern[bytes], extents: dict[str, Extent]
) -> tuple[list[str], set[str]]:
    """scan_members's result for path: the child's (charging the budget here), or scanned now."""
    ours = prescan is not None and prescan.path == path and pattern is FORMULA
    taken = prescan.take() if prescan is not None and ours else None
    if taken is None:
        return scan_members(path, "xlsx", pattern, extents)
    (names, found, child_extents), (members, size, tree) = taken
    budget.charge(str(path), members, size, tree)
    extents.update(child_extents)
    return names, found


@contextlib.contextmanager
def prescanning(path: Path) -> Iterator[Prescan | None]:
    """A Prescan of a large .xlsx answer sheet (None otherwise), always stopped at the end."""
    prescan = None
    with contextlib.suppress(OSError):
        if (
            path.suffix.lower() == ".xlsx"
            and hasattr(os, "fork")
            and path.stat().st_size >= PRESCAN_FROM
        ):
            prescan = Prescan(path)
    try:
        yield prescan
    finally:
        if prescan is not None:
            prescan.close()
