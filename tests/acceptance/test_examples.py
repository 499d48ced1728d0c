"""Both bundled examples, the state agency and the municipality, through `aftale demo`."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from assembler.answers.files import read_answers
from assembler.library.model import Library
from assembler.rules import check_answers
from assembler.workflows import EXAMPLES
from tests.acceptance.cli_helpers import run_cli
from tests.docx_text import full_text
from tests.unit.render.forbidden import problems_in


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_each_example_stays_inside_its_local_agreement(library: Library, example: str) -> None:
    answers = read_answers(library, EXAMPLES[example])
    assert answers.sector == example
    errors = [f for f in check_answers(library, answers) if f.severity == "fejl"]
    assert errors == []


def test_the_municipal_example_uses_the_variants_the_state_example_does_not(
    library: Library,
) -> None:
    state = read_answers(library, EXAMPLES["stat"])
    municipal = read_answers(library, EXAMPLES["kommune"])
    for agreement in ("local", "employees"):
        chosen: dict[str, set[str]] = {"stat": set(), "kommune": set()}
        for name, answers in (("stat", state), ("kommune", municipal)):
            parts = [answers.local] if agreement == "local" else list(answers.employees)
            chosen[name] = {f"{t}:{a.variant}" for part in parts for t, a in part.topics.items()}
        other = chosen["kommune"] - chosen["stat"]
        assert len(other) >= (12 if agreement == "local" else 6), other


def test_demo_writes_the_municipal_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kommune"
    result = run_cli(capsys, "demo", "--eksempel", "kommune", "-o", str(out))
    assert result.code == 0, result.err
    assert "Karin_Holm_Andersen" in result.out and "forhandling" not in result.out
    files = sorted((out / "individuelle").glob("*.docx"))
    assert len(files) == 4 and not (out / "forhandling").exists()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert all(not line.startswith("R") or " fejl" not in line.split(":")[0]
               for row in manifest for line in row["fund"])  # fmt: skip
    local = full_text(out / "lokalaftale.docx")
    assert "rammeaftalen om tele- og hjemmearbejde, indgået mellem KL og KTO" in local
    assert "Forhandlingsudkast 2 · 20. april 2027" in local  # a draft: the header says so
    karin = next(f for f in files if "Karin" in f.name)
    text = full_text(karin)
    assert "Medarbejderen arbejder hjemme én dag hver anden uge, fast om onsdagen i lige uger." in (
        text
    )
    assert "Medarbejderen kan dog opsige Aftalen uden varsel." in text
    assert "Medarbejderen forbliver omfattet af dansk social sikring" in text
    for path in [out / "lokalaftale.docx", *files]:
        for paragraph in docx.Document(str(path)).paragraphs:
            style = paragraph.style.name if paragraph.style is not None else ""
            if style == "Subtitle":
                continue  # "mellem … og …" under the title
            bullet = style == "List Bullet"
            assert not problems_in(paragraph.text, bullet) or not paragraph.text, paragraph.text
