"""The audit: our own agreements are complete; hand-made drafts report exactly their gaps."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from assembler.answers.files import answers_from_raw
from assembler.audit.review import audit
from assembler.library.model import Library
from assembler.render.document import render_agreement
from assembler.render.templates import TemplateSet
from assembler.rules import check_answers
from tests.unit.audit import drafts
from tests.unit.rules.helpers import example_raw


@pytest.fixture(scope="module")
def generated(library: Library, templates: TemplateSet, tmp_path_factory: pytest.TempPathFactory):
    """The example's local agreement and individual agreements, rendered to files."""
    answers = answers_from_raw(library, example_raw(library), "eksempel")
    folder = tmp_path_factory.mktemp("egne")
    files = []
    for index, agreement in enumerate([answers.local, *answers.employees]):
        compiled = templates.for_agreement(agreement.agreement)
        path = folder / f"aftale{index}.docx"
        path.write_bytes(render_agreement(compiled, library, answers, agreement))
        files.append((agreement, path))
    return answers, files


def test_our_agreements_are_complete(library: Library, generated) -> None:
    answers, files = generated
    for agreement, path in files:
        result, _ = audit(library, path)
        assert result.agreement == agreement.agreement
        assert result.sector == answers.sector and result.from_answers
        assert result.missing == [] and result.missing_recommended == []
        expected = {t.id for t in library.for_agreement(agreement.agreement)
                    if answers.sector in t.sectors}  # fmt: skip
        assert expected <= set(result.found)
        clause_topics = {
            t.id for t in library.for_agreement(agreement.agreement) if t.kind == "clause"
        }
        assert all(result.found[t].how == "bogmærke" for t in clause_topics & expected)


def test_our_agreements_give_the_same_findings_as_the_answers(library: Library, generated) -> None:
    answers, files = generated
    from_answers = check_answers(library, answers)
    for agreement, path in files[1:]:
        result, _ = audit(library, path)
        wanted = sorted(f.rule for f in from_answers if f.where == agreement.origin)
        assert sorted(f.rule for f in result.findings) == wanted


def test_styled_local_draft_reports_exactly_its_gaps(library: Library, tmp_path: Path) -> None:
    result, _ = audit(library, drafts.local_styled(tmp_path))
    assert result.agreement == "lokal" and not result.from_answers
    assert result.sector == "kommune" and result.sector_from == "teksten"
    assert [t.id for t in result.missing] == drafts.LOCAL_STYLED_MISSING
    assert [f.rule for f in result.findings] == ["R35"]


def test_hand_numbered_local_draft(library: Library, tmp_path: Path) -> None:
    result, _ = audit(library, drafts.local_numbered(tmp_path))
    assert result.agreement == "lokal" and result.sector == "stat"
    assert [t.id for t in result.missing] == drafts.LOCAL_NUMBERED_MISSING
    assert all(result.found[t].how == "overskrift" for t in result.found)
    assert result.found["it_sikkerhed"].para.text == "8. IT-sikkerhed"
    assert {f.rule: f.severity for f in result.findings} == {"R04": "fejl", "R91": "advarsel"}
    r91 = next(f for f in result.findings if f.rule == "R91")
    assert r91.topic == "frivillighed" and "ingen bestemmelse om frivillighed" in r91.message_da


def test_individual_draft_facts_and_gaps(library: Library, tmp_path: Path) -> None:
    result, _ = audit(library, drafts.individual(tmp_path), sector_override="stat")
    assert result.agreement == "individuel" and result.sector == "stat"
    assert [t.id for t in result.missing] == drafts.INDIVIDUAL_MISSING
    assert "kontakttid" in {t.id for t in result.missing_recommended}
    rules = {f.rule: f.severity for f in result.findings}
    assert rules == {
        "R03": "fejl",
        "R50": "fejl",
        "R24": "advarsel",
        "R61": "advarsel",
        "R31": "info",
    }
    r24 = next(f for f in result.findings if f.rule == "R24")
    assert "3 dage om ugen" in r24.message_da


def test_facts_read_from_wording() -> None:
    from assembler.audit import extract

    assert extract.extent("én dag hver anden uge") == (Decimal(1), "14. dag")
    assert extract.extent("2,5 dage om ugen") == (Decimal("2.5"), "uge")
    assert extract.notice_months("med en måneds varsel") == 1
    assert extract.effective_date("Aftalen træder i kraft den 01.03.2027.") == dt.date(2027, 3, 1)
    assert extract.end_date("Aftalen ophører uden varsel den 28. februar 2028.") == dt.date(
        2028, 2, 28
    )
    assert (
        extract.sector_of("Rammeaftale om tele- og hjemmearbejde, Region Midtjylland") == "region"
    )
