"""Benchmark: individual agreements per second, naive docxtpl vs aftale's batch path.

Run with no arguments: `python bench/batch.py`. The same template (word_templates/
individuel_aftale.docx) and the same rows (the bundled example's employees, repeated with
distinct names) are rendered (a) the naive way, a new DocxTemplate + render + save per row, and
(b) through aftale's batch path (generate(): templates compiled once, both cores, files written as
they are made). Each case runs in its own process so its peak memory (RSS, workers included) is
its own. The last line is the speed-up at 2,000 rows.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assembler.answers.files import read_answers  # noqa: E402
from assembler.answers.model import Answers  # noqa: E402
from assembler.library import load_library  # noqa: E402
from assembler.library.model import Library  # noqa: E402
from tests.bulk import many_employees  # noqa: E402  (the same rows as the batch tests)

EXAMPLE = ROOT / "assembler" / "examples" / "eksempel.yaml"
SIZES = (100, 2000)


def bench_answers(library: Library, rows: int) -> Answers:
    """The example answers with `rows` employees, cycling the examples with distinct names."""
    return many_employees(read_answers(library, EXAMPLE), rows)


def naive(library: Library, answers: Answers, out: Path) -> int:
    """(a) A new DocxTemplate per row: docxtpl patches and compiles the XML on every render."""
    from docxtpl import DocxTemplate

    from assembler.render.context import build_context
    from assembler.render.templates import template_path

    path = template_path("individuel")
    for i, employee in enumerate(answers.employees):
        context, _ = build_context(library, answers, employee)
        doc = DocxTemplate(str(path))
        doc.render(context, autoescape=True)
        doc.save(str(out / f"aftale_{i:05d}.docx"))
    return len(answers.employees)


def batch(library: Library, answers: Answers, out: Path) -> int:
    """(b) aftale's batch path: the same call `aftale generer` makes."""
    from assembler.render.generate import generate
    from assembler.render.templates import load_templates

    templates = load_templates(library)
    rows = generate(library, answers, templates, out)
    return sum(1 for r in rows if r.fil.startswith("individuelle/"))


def run_case(case: str, rows: int) -> dict[str, float]:
    """Time one case in this process; return docs/s and peak RSS in MB (children included)."""
    library = load_library()
    answers = bench_answers(library, rows)
    # Flush the previous case's writes and deletions first, so its disk work is not billed here.
    os.sync()
    before = _cpu_seconds()
    with tempfile.TemporaryDirectory(prefix=".bench-", dir=ROOT / "bench") as tmp:
        start = time.perf_counter()
        made = (naive if case == "naive" else batch)(library, answers, Path(tmp))
        seconds = time.perf_counter() - start
    cpu = _cpu_seconds() - before
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "docs": made,
        "seconds": seconds,
        "rate": made / seconds,
        "cpu_ms": cpu / made * 1000,
        "peak_mb": own / 1024,
        "worker_peak_mb": children / 1024,
    }


def _cpu_seconds() -> float:
    """User + system CPU time of this process and its finished workers."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def in_child(case: str, rows: int) -> dict[str, float]:
    """Run one case in a fresh interpreter, so peak memory is measured per case."""
    out = subprocess.run(
        [sys.executable, __file__, "--case", case, str(rows)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    """Print docs/s and peak memory for each size, then the speed-up at the largest size."""
    if len(sys.argv) == 4 and sys.argv[1] == "--case":
        print(json.dumps(run_case(sys.argv[2], int(sys.argv[3]))))
        return
    results: dict[tuple[str, int], dict[str, float]] = {}
    for rows in SIZES:
        for case in ("naive", "batch"):
            r = results[(case, rows)] = in_child(case, rows)
            print(
                f"{case:5s} {rows:5d} rows: {r['rate']:8.1f} docs/s ({r['seconds']:.2f} s, "
                f"CPU {r['cpu_ms']:.1f} ms/doc), peak memory {r['peak_mb']:.0f} MB "
                f"(workers {r['worker_peak_mb']:.0f} MB)",
                flush=True,
            )
    largest = SIZES[-1]
    fast, slow = results[("batch", largest)]["rate"], results[("naive", largest)]["rate"]
    print(
        f"speedup: {fast / slow:.1f}x (batch {fast:.0f} docs/s, naive docxtpl {slow:.1f} docs/s, "
        f"{largest} rows)"
    )


if __name__ == "__main__":
    main()
