"""Our counter-proposal as an independent Word validator sees it (jubarte-redlines, run as a
separate program): valid Word, and every change from their draft a revision by our author —
the move back, the restored stk., the new date and the relabelled header included."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from assembler.library.model import Library
from assembler.negotiate.workflow import make_counter_proposal
from assembler.render.templates import TemplateSet
from tests.unit.audit import drafts

VALIDATOR = shutil.which("jubarte-redlines")
pytestmark = pytest.mark.skipif(
    VALIDATOR is None,
    reason="jubarte-redlines er ikke installeret (pip install -e '.[test]' installerer den)",
)
AUTHOR = "Medarbejdersiden"


def validate(draft: Path, proposal: Path) -> subprocess.CompletedProcess[str]:
    assert VALIDATOR is not None
    return subprocess.run(
        [VALIDATOR, "validate", "--original", str(draft), "--author", AUTHOR, str(proposal)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("case", ["runde", "kort", "fremmed"])
def test_counter_proposal_is_valid_word_with_only_our_revisions(
    library: Library, templates: TemplateSet, tmp_path: Path, case: str
) -> None:
    if case == "runde":
        draft = drafts.our_round(library, templates, tmp_path)[1]
    elif case == "kort":
        draft = drafts.short_draft(tmp_path)
    else:
        draft = drafts.local_compulsion(tmp_path)
    made = make_counter_proposal(library, draft, None, AUTHOR, "2027-03-03T00:00:00Z")
    assert made.plan.amendments
    out = tmp_path / "modforslag.docx"
    out.write_bytes(made.data)
    result = validate(draft, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no findings" in (result.stdout + result.stderr).casefold()
