"""Word validity as an independent tool sees it: jubarte-redlines' `validate`, run as a command.

jubarte-redlines is AGPL: it is only run as a separate program here (never imported, never shipped).
Every kind of redline we write — moves, tables, notes, rounds, prior revisions, containers — must
have no finding that its inputs do not already have.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from assembler.compare.rounds import compare_versions
from tests.unit.compare.containers import container_pairs
from tests.unit.compare.fixtures import make_docx, para
from tests.unit.compare.scenarios import BODY, INTRO, LAST, MOVED, scenarios
from tests.unit.compare.test_gates import redline

VALIDATOR = shutil.which("jubarte-redlines")
pytestmark = pytest.mark.skipif(
    VALIDATOR is None,
    reason="jubarte-redlines er ikke installeret (pip install -e '.[test]' installerer den)",
)
PAIRS = {**scenarios(), **container_pairs()}


def findings(path: Path) -> set[tuple[str, str]]:
    """(code, message) of every word-validity finding the validator reports for a file."""
    assert VALIDATOR is not None
    result = subprocess.run(
        [VALIDATOR, "validate", "--json", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode in (0, 2), result.stderr
    out = set()
    for line in result.stdout.splitlines():
        item = json.loads(line)
        if "code" in item:
            out.add((item["code"], item["message"]))
    return out


def new_findings(redline_path: Path, *inputs: Path) -> set[tuple[str, str]]:
    """Findings of the redline that none of its inputs already has."""
    known: set[tuple[str, str]] = set()
    for path in inputs:
        known |= findings(path)
    return findings(redline_path) - known


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_redline_has_no_new_validity_finding(tmp_path: Path, name: str) -> None:
    old, new = PAIRS[name]
    (tmp_path / "r.docx").write_bytes(redline(tmp_path, old, new))
    assert new_findings(tmp_path / "r.docx", tmp_path / "v1.docx", tmp_path / "v2.docx") == set()


def test_moves_are_written_as_word_writes_them(tmp_path: Path) -> None:
    old, new = scenarios()["flyttet"]
    (tmp_path / "r.docx").write_bytes(redline(tmp_path, old, new))
    assert findings(tmp_path / "r.docx") == set()


def test_rounds_have_no_new_validity_finding(tmp_path: Path) -> None:
    versions = [
        make_docx([para(INTRO), para(BODY), para(MOVED), para(LAST)]),
        make_docx([para(INTRO), para(BODY.replace("to", "tre")), para(LAST), para(MOVED)]),
        make_docx([para(INTRO), para(BODY.replace("to", "fire")), para(LAST)]),
    ]
    paths = []
    for k, data in enumerate(versions, start=1):
        paths.append(tmp_path / f"v{k}.docx")
        paths[-1].write_bytes(data)
    rounds = compare_versions(paths, ["Ledelsen", "TR"], ["2026-03-01", "2026-03-08"])
    assert len(rounds) == 3
    for k, rnd in enumerate(rounds):
        out = tmp_path / f"r{k}.docx"
        out.write_bytes(rnd.data)
        assert new_findings(out, *paths) == set(), rnd.label
