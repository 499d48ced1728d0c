"""Benchmark what the change overview costs on top of the redline: python bench/overview.py.

Baseline: the same comparison with the overview step (`describe_rounds`: library, the audit's
reading of both versions, topics, assessment) switched off. Measured in-process (median of
several runs after a warm-up) and as whole commands (`aftale sammenlign` started as a process,
the baseline started with the step patched out), on the demo's negotiation round and on
generated agreements of about 5, 50 and 500 pages. Prints each ratio with/without.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assembler.compare import overview as overview_module  # noqa: E402
from assembler.compare import rounds as rounds_module  # noqa: E402
from assembler.compare.overview import describe_rounds  # noqa: E402
from assembler.workflows import demo_workflow  # noqa: E402
from bench.compare import agreement  # noqa: E402

RUNS = 5
WHOLE_RUNS = 5
# The baseline command: `aftale sammenlign` with the overview step replaced by a no-op.
WITHOUT = (
    "import sys; import assembler.compare.overview as o; o.describe_rounds = lambda *a, **k: None; "
    "from assembler.cli import main; sys.argv = ['aftale', *sys.argv[1:]]; main()"
)


def _median(action: Callable[[], object], runs: int) -> float:
    """Median wall seconds of `runs` calls after one warm-up call."""
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def in_process(old: Path, new: Path) -> tuple[float, float]:
    """(with overview, without) seconds for compare_versions in this process."""

    def compare() -> object:
        return rounds_module.compare_versions([old, new], ["bench"], ["2027-03-02"])

    with_overview = _median(compare, RUNS)
    overview_module.describe_rounds = lambda *a, **k: None  # type: ignore[assignment]
    try:
        without = _median(compare, RUNS)
    finally:
        overview_module.describe_rounds = describe_rounds
    return with_overview, without


def whole(old: Path, new: Path, out: Path) -> tuple[float, float]:
    """(with overview, without) median wall seconds of whole `aftale sammenlign` processes."""
    args = ["sammenlign", str(old), str(new), "-o", str(out), "--overskriv"]
    aftale = [str(Path(sys.executable).with_name("aftale")), *args]
    baseline = [sys.executable, "-c", WITHOUT, *args]

    def run(command: list[str]) -> None:
        subprocess.run(command, check=True, capture_output=True, timeout=600)

    times: dict[str, list[float]] = {"with": [], "without": []}
    run(aftale)
    run(baseline)
    for _ in range(WHOLE_RUNS):  # in turn, so drift in the machine's speed hits both alike
        for key, command in (("with", aftale), ("without", baseline)):
            start = time.perf_counter()
            run(command)
            times[key].append(time.perf_counter() - start)
    return statistics.median(times["with"]), statistics.median(times["without"])


def pairs(tmp: Path) -> list[tuple[str, Path, Path]]:
    """The demo's round and generated agreements."""
    demo = tmp / "demo"
    with contextlib.redirect_stdout(io.StringIO()):  # the demo's own report is not the bench's
        demo_workflow(demo, overwrite=False)
    out = [
        (
            "demoens forhandlingsrunde",
            demo / "lokalaftale.docx",
            demo / "forhandling" / "lokalaftale-modpartens-udkast.docx",
        )
    ]
    for pages in (5, 50, 500):
        old, new = tmp / f"a{pages}-v1.docx", tmp / f"a{pages}-v2.docx"
        old.write_bytes(agreement(pages, pages, False))
        new.write_bytes(agreement(pages, pages, True))
        out.append((f"genereret aftale, ~{pages} sider", old, new))
    return out


def main() -> None:
    """Print both modes for every pair: seconds with and without the overview, and the ratio."""
    tmp = Path(tempfile.mkdtemp(prefix="aftale-bench-overview-"))
    print(f"{'par':34} {'tilstand':10} {'med s':>8} {'uden s':>8} {'forhold':>8}")
    for name, old, new in pairs(tmp):
        for mode, (with_s, without_s) in (
            ("i proces", in_process(old, new)),
            ("kommando", whole(old, new, tmp / "r.docx")),
        ):
            ratio = with_s / without_s
            print(f"{name:34} {mode:10} {with_s:8.3f} {without_s:8.3f} {ratio:7.2f}x")
    print("forhold = tid med oversigt / tid uden (grundlinje: samme sammenligning uden oversigt).")


if __name__ == "__main__":
    main()
