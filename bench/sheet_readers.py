"""Benchmark: read the same answer sheet with openpyxl (full, read-only) and python-calamine.

Run: `python bench/sheet_readers.py [ROWS …]` (default 10000 50000). Each reader runs in a fresh
process (its own peak memory) and reads every value of the employee sheet. Also printed: whether
the reader gives what aftale's errors need: cell places (row and column of every value), merged
ranges, and dates as dates. The baseline is openpyxl in full mode, what `aftale` used before.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assembler.answers.xlsx.layout import EMPLOYEE_SHEET  # noqa: E402
from bench.scale import sheet  # noqa: E402  (the same cached sheets as the end-to-end bench)

READERS = ("openpyxl full", "openpyxl read-only", "calamine")


def read(reader: str, path: Path) -> dict[str, Any]:
    """Read every value of the employee sheet; report time, memory and capabilities."""
    start = time.perf_counter()
    merged: object = "no (read-only worksheets have no merged ranges)"
    if reader == "calamine":
        from python_calamine import CalamineWorkbook

        ws = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(EMPLOYEE_SHEET)
        rows = ws.to_python(skip_empty_area=False)
        merged = len(ws.merged_cell_ranges or [])
    else:
        import openpyxl

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(
                path, read_only=reader.endswith("read-only"), data_only=True
            )
        ws = wb[EMPLOYEE_SHEET]
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        if hasattr(ws, "merged_cells"):
            merged = len(ws.merged_cells.ranges)
    seconds = time.perf_counter() - start
    dates = any(isinstance(v, dt.date) for row in rows[2:50] for v in row)
    return {
        "seconds": seconds,
        "peak_mb": _own_peak_mb(),
        "rows": len(rows),
        "merged": merged,
        "dates": dates,
    }


def _own_peak_mb() -> float:
    """This process image's peak resident size (VmHWM: unlike ru_maxrss, not inherited)."""
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmHWM:")[1].split()[0]) / 1024


def in_child(reader: str, path: Path) -> dict[str, Any]:
    """One reader in a fresh interpreter."""
    out = subprocess.run([sys.executable, __file__, "--case", reader, str(path)],
                         check=True, capture_output=True, text=True)  # fmt: skip
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    """Print each reader's figures per size and its speed against openpyxl's full mode."""
    if len(sys.argv) == 4 and sys.argv[1] == "--case":
        print(json.dumps(read(sys.argv[2], Path(sys.argv[3]))))
        return
    for rows in [int(a) for a in sys.argv[1:]] or [10_000, 50_000]:
        path = sheet(rows)
        results = {reader: in_child(reader, path) for reader in READERS}
        base = results["openpyxl full"]["seconds"]
        for reader, r in results.items():
            print(
                f"{rows:6d} rows, {reader:18s}: {r['seconds']:6.2f} s "
                f"({base / r['seconds']:4.1f}x openpyxl full), peak {r['peak_mb']:5.0f} MB, "
                f"merged ranges: {r['merged']}, dates typed: {r['dates']}",
                flush=True,
            )


if __name__ == "__main__":
    main()
