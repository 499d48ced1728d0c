"""`aftale demo` records the same rule findings in its manifest as `aftale generer` (review §6)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from assembler.answers.model import Answers
from assembler.library.model import Library
from assembler.rules import check_answers
from assembler.rules.gate import OVERRIDE_NOTE
from assembler.workflows import DEMO_ANSWERS_NAME, demo_workflow, generate_workflow


def _manifest(folder: Path) -> dict[str, list[str]]:
    rows: list[dict[str, Any]] = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return {row["kilde"]: row["fund"] for row in rows}


def test_demo_and_generer_manifests_have_the_same_findings(
    library: Library, example: Answers, tmp_path: Path
) -> None:
    demo_workflow(tmp_path / "demo", False)
    generate_workflow(
        tmp_path / "demo" / DEMO_ANSWERS_NAME, tmp_path / "ud", False, None, None, None
    )
    demo, generated = _manifest(tmp_path / "demo"), _manifest(tmp_path / "ud")
    assert demo == generated
    wanted = check_answers(library, example)
    assert wanted, "the example has findings to compare"
    assert sum(len(lines) for lines in demo.values()) == len(wanted)
    assert all(OVERRIDE_NOTE not in lines for lines in demo.values())
    for finding in wanted:
        assert finding.line() in demo[finding.where]
    with (tmp_path / "demo" / "manifest.csv").open(encoding="utf-8-sig", newline="") as handle:
        table = {row["Kilde"]: row["Fund"] for row in csv.DictReader(handle, delimiter=";")}
    for finding in wanted:
        assert finding.line() in table[finding.where]
