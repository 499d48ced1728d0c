"""Benchmark: reviewing and answering a counterparty's draft (`tjek`, `modforslag`).

Run with no arguments: `python bench/negotiate.py`. Baseline: `aftale sammenlign` of our version
against the same draft — the redline alone, which `modforslag` builds on — timed in the same run.
Two drafts: the demo's counter-draft of our local agreement, and a long one (the counter-draft's
clauses repeated, as a 20-page draft in the other side's Word). Each is timed in-process (median
of five) and as whole commands, the way a user runs them; the ratios are against the baseline.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assembler.audit.review import audit  # noqa: E402
from assembler.compare.packages import compare_packages  # noqa: E402
from assembler.library import load_library  # noqa: E402
from assembler.negotiate.workflow import make_counter_proposal  # noqa: E402
from assembler.ooxml.package import read_package  # noqa: E402
from tests.unit.audit.drafts import our_round  # noqa: E402

REPEATS = 5
LONG_COPIES = 6  # the counter-draft's body six times: about 20 pages
DATE = "2027-01-20T00:00:00Z"


def _median(run: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _command(*args: str | Path) -> float:
    """Median wall time of a whole `aftale` process."""
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assembler.cli", *map(str, args)], check=True,
                       capture_output=True)  # fmt: skip
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _long(draft: Path, target: Path) -> Path:
    """The draft with its body repeated, saved as a new Word file (no embedded answers)."""
    source = docx.Document(str(draft))
    long = docx.Document()
    for _ in range(LONG_COPIES):
        for paragraph in source.paragraphs:
            style = "Heading 1" if paragraph.style.name.startswith("Heading") else None
            long.add_paragraph(paragraph.text, style=style)
    long.save(str(target))
    return target


def main() -> None:
    """Print in-process and whole-command timings with their ratios to the baseline."""
    from assembler.render.templates import load_templates

    library = load_library()
    folder = Path(tempfile.mkdtemp(prefix="aftale-bench-"))
    ours, theirs = our_round(library, load_templates(library), folder)
    long_ours = _long(ours, folder / "lang-vores.docx")
    long_theirs = _long(theirs, folder / "lang-udkast.docx")  # the counter-draft's clauses
    for label, mine, draft in (("demoens udkast", ours, theirs),
                               ("langt udkast", long_ours, long_theirs)):  # fmt: skip
        old, new = read_package(mine), read_package(draft)
        base = _median(lambda o=old, n=new: compare_packages(o, n, "B", DATE))
        review = _median(lambda d=draft: audit(library, d))
        answer = _median(lambda d=draft: make_counter_proposal(library, d, None, "M", DATE, "stat"))
        print(
            f"{label}, i processen: sammenlign (grundlinje) {base:.3f} s; tjek {review:.3f} s "
            f"({review / base:.2f}×); modforslag {answer:.3f} s ({answer / base:.2f}×)"
        )
        base_cmd = _command("sammenlign", mine, draft, "-o", folder / "r.docx", "--overskriv")
        review_cmd = _command("tjek", draft, "-o", folder / "ud")
        answer_cmd = _command("modforslag", draft, "-o", folder / "m.docx", "--overskriv",
                              "--sektor", "stat")  # fmt: skip
        print(
            f"{label}, hele kommandoer: sammenlign {base_cmd:.3f} s; tjek {review_cmd:.3f} s "
            f"({review_cmd / base_cmd:.2f}×); modforslag {answer_cmd:.3f} s "
            f"({answer_cmd / base_cmd:.2f}×)"
        )


if __name__ == "__main__":
    main()
