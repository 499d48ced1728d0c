"""Our own documents edited after generation: edits are reported, their facts come from the text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from assembler.answers.files import answers_from_raw
from assembler.audit.comments_plan import comment_plan
from assembler.audit.review import audit
from assembler.audit.review_copy import review_path, write_review
from assembler.cli import app
from assembler.library.model import Library
from assembler.render.document import render_agreement
from assembler.render.templates import TemplateSet
from tests.unit.audit.test_review_copy import comment_anchors
from tests.unit.rules.helpers import example_raw


def _generate(library: Library, templates: TemplateSet, folder: Path) -> tuple[Path, Path]:
    """The example's local agreement and first individual agreement, as aftale writes them."""
    answers = answers_from_raw(library, example_raw(library), "eksempel")
    paths = []
    for name, agreement in (("lokal", answers.local), ("anne", answers.employees[0])):
        compiled = templates.for_agreement(agreement.agreement)
        path = folder / f"{name}.docx"
        path.write_bytes(render_agreement(compiled, library, answers, agreement))
        paths.append(path)
    return paths[0], paths[1]


def _edit(path: Path, heading_to_delete: str, replace: dict[str, str]) -> None:
    """Delete a clause (heading and body, up to the next heading); replace paragraph texts."""
    document = docx.Document(str(path))
    deleting = False
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            deleting = paragraph.text == heading_to_delete
        for old, new in replace.items():
            if old in paragraph.text:
                paragraph.text = paragraph.text.replace(old, new)
        if deleting:
            paragraph._p.getparent().remove(paragraph._p)
    document.save(str(path))


@pytest.fixture
def edited(library: Library, templates: TemplateSet, tmp_path: Path) -> tuple[Path, Path]:
    """Both agreements, edited by the other side in Word (here: with python-docx)."""
    local, individual = _generate(library, templates, tmp_path)
    _edit(
        local,
        "Evaluering og opfølgning",
        {
            "træder i kraft den 1. marts 2027": "træder i kraft den 1. april 2027",
            "Aftalen kan opsiges skriftligt af hver af parterne med tre måneders varsel til "
            "udgangen af en måned.": (
                "Aftalen kan opsiges af hver af parterne med seks måneders varsel."
            ),
        },
    )
    _edit(individual, "Kontakttid", {"med en måneds varsel": "med tre måneders varsel"})
    return local, individual


def test_unedited_copies_trust_the_embedded_answers(
    library: Library, templates: TemplateSet, tmp_path: Path
) -> None:
    for path in _generate(library, templates, tmp_path):
        result, _ = audit(library, path)
        assert result.from_answers and result.edited == [] and result.deleted == []


def test_edited_local_agreement(library: Library, edited: tuple[Path, Path]) -> None:
    result, _ = audit(library, edited[0])
    assert result.from_answers
    assert [t.id for t in result.edited] == ["ikrafttraeden"]
    assert [t.id for t in result.deleted] == ["evaluering"]
    assert [t.id for t in result.missing] == ["evaluering"]
    assert result.local is not None
    assert result.local.effective == dt.date(2027, 4, 1)  # from the new text
    assert result.local.notice_months == 6
    assert result.local.has_evaluation is False
    assert result.local.employer == "Styrelsen for Digital Borgerservice"  # still from answers
    assert "R35" in {f.rule for f in result.findings}


def test_edited_individual_agreement(library: Library, edited: tuple[Path, Path]) -> None:
    result, _ = audit(library, edited[1])
    assert [t.id for t in result.edited] == ["opsigelse"]
    assert [t.id for t in result.deleted] == ["kontakttid"]
    assert "kontakttid" in {t.id for t in result.missing_recommended}
    assert "kontakttid" not in result.found
    assert result.employee is not None
    assert result.employee.notice_months == 3  # the answers said one month
    assert result.employee.has_availability is False
    assert result.employee.name == "Anne Søgaard Østergaard"
    r31 = next(f for f in result.findings if f.rule == "R31")
    assert "3 måneder" in r31.message_da


def test_edits_are_reported_in_output_and_review_copy(
    library: Library, edited: tuple[Path, Path], tmp_path: Path
) -> None:
    output = CliRunner().invoke(app, ["tjek", str(edited[1]), "-o", str(tmp_path / "ud")])
    assert "Ændret i forhold til vores udkast (vurderet ud fra den nye tekst)" in output.stdout
    assert "generering" not in output.stdout and "indlejrede svar" not in output.stdout
    assert "opsigelse: Opsigelse (teksten er ændret)" in output.stdout
    assert "kontakttid: Kontakttid (bestemmelsen er slettet)" in output.stdout
    result, draft = audit(library, edited[1])
    target = review_path(edited[1], tmp_path)
    write_review(draft, comment_plan(result, draft), target, replace=False)
    notes = comment_anchors(target).values()
    summary = next(text for _, text in notes if text.startswith("Gennemgang"))
    assert "Bestemmelser med ændret tekst i forhold til vores udkast: Opsigelse." in summary
    assert "Bestemmelser fra vores udkast, der ikke længere er med: Kontakttid." in summary
    assert "generering" not in summary and "indlejrede" not in summary
    opsigelse = next(text for _, text in notes if text.startswith("Ændret i forhold til"))
    assert "– Opsigelse: Opsigelsesvarslet er forlænget fra én måned til tre måneder" in opsigelse
