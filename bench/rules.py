"""Benchmark: the rule check of 2,000 individual agreements, with and without the frame rules.

Run with no arguments: `python bench/rules.py`. Baseline: the rule set before the cross-agreement
rules (everything except R63 and R80–R89), timed in the same process on the same answers (the
bundled example's employees, repeated with distinct names). Then the whole command
`aftale tjek` on those answers written to a YAML file, timed as a user runs it. The last line is
the ratio full / baseline for the in-process check.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assembler.answers.files import load_raw, read_answers  # noqa: E402
from assembler.library import load_library  # noqa: E402
from assembler.rules import check_answers  # noqa: E402
from assembler.rules.model import REGISTRY  # noqa: E402
from tests.bulk import many_employees  # noqa: E402  (the same rows as the batch tests)

EXAMPLE = ROOT / "assembler" / "examples" / "eksempel.yaml"
ROWS = 2000
REPEATS = 5
NEW = {"R63", *(f"R{n}" for n in range(80, 90))}


def _median(run: Callable[[], object]) -> float:
    """The median of REPEATS timings of a no-argument callable, in seconds."""
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Print in-process timings, the whole command's time and the ratio."""
    library = load_library()
    answers = many_employees(read_answers(library, EXAMPLE), ROWS)
    baseline_rules = [r for r in REGISTRY.rules if r.id not in NEW]
    with mock.patch.object(REGISTRY, "rules", baseline_rules):
        baseline = _median(lambda: check_answers(library, answers))
        base_count = len(check_answers(library, answers))
    full = _median(lambda: check_answers(library, answers))
    full_count = len(check_answers(library, answers))
    print(f"check_answers, {ROWS} medarbejdere, baseline (uden R63/R80–R89): {baseline:.3f} s, "
          f"{base_count} fund")  # fmt: skip
    print(f"check_answers, {ROWS} medarbejdere, alle regler:               {full:.3f} s, "
          f"{full_count} fund")  # fmt: skip
    raw = load_raw(EXAMPLE)
    raw["medarbejdere"] = [
        raw["medarbejdere"][i % 3] | {"parter": raw["medarbejdere"][i % 3]["parter"]
                                      | {"navn": f"Medarbejder {i + 1:05d}"}}
        for i in range(ROWS)
    ]  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "svar.yaml"
        path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
        command = [sys.executable, "-m", "assembler.cli", "tjek", str(path), "--json"]
        start = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True)
        whole = time.perf_counter() - start
    print(f"aftale tjek (hele kommandoen), {ROWS} medarbejdere: {whole:.2f} s")
    print(f"Forhold alle regler / baseline (i processen): {full / baseline:.2f}")


if __name__ == "__main__":
    main()
