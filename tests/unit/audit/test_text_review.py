"""The review reads what a draft does: foreign drafts in other wording, their opposites, and an
edited copy of our own agreement compared with our version, comments on the changed words."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from assembler.audit.assess import assess_change
from assembler.audit.comments_plan import comment_plan
from assembler.audit.review import audit
from assembler.audit.review_copy import review_path, write_review
from assembler.library.model import Library
from assembler.render.document import render_agreement
from assembler.render.templates import TemplateSet
from tests.unit.audit import drafts
from tests.unit.audit.comment_ranges import covered_texts
from tests.unit.audit.test_review_copy import comment_anchors
from tests.unit.rules.helpers import example_raw

TEXT_RULES = {"R90", "R92", "R93", "R94", "R95", "R96", "R97", "R98", "R99"}


def rules(library: Library, path: Path, sector: str | None = None) -> dict[str, str]:
    result, _ = audit(library, path, sector)
    return {f.rule: f.severity for f in result.findings}


def test_first_foreign_draft(library: Library, tmp_path: Path) -> None:
    found = rules(library, drafts.local_compulsion(tmp_path))
    assert found["R90"] == "fejl" and found["R99"] == "fejl"  # imposed; five days a week
    assert found["R91"] == "advarsel"  # no voluntariness clause
    opposite = rules(library, drafts.local_compulsion(tmp_path, negated=True))
    assert not TEXT_RULES & set(opposite)


def test_short_draft_without_headings(library: Library, tmp_path: Path) -> None:
    found = rules(library, drafts.short_draft(tmp_path))
    assert {r: found.get(r) for r in ("R90", "R96", "R97", "R98")} == {
        "R90": "fejl", "R96": "advarsel", "R97": "fejl", "R98": "advarsel",
    }  # fmt: skip
    assert "R36" not in found  # the draft has a termination clause ("uden varsel")
    assert "R91" in found  # no scope clause
    opposite = rules(library, drafts.short_draft(tmp_path, negated=True))
    assert not TEXT_RULES & set(opposite)


@pytest.fixture(scope="module")
def ours_and_theirs(
    library: Library, templates: TemplateSet, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """Our generated local agreement and management's counter-draft of it (the demo's edits)."""
    return drafts.our_round(library, templates, tmp_path_factory.mktemp("runde"))


def test_counter_draft_is_not_clean(library: Library, ours_and_theirs: tuple[Path, Path]) -> None:
    result, _ = audit(library, ours_and_theirs[1])
    found = {f.rule for f in result.findings}
    assert {"R92", "R93", "R94", "R95", "R110"} <= found  # … and the date that has passed
    assert result.versus == "vores udkast (Udkast 1 af 15. januar 2027)"
    worse = [c for c in result.changes if c.assessment.favour == "arbejdsgiveren"]
    assert [(c.topic, c.kind) for c in worse] == [
        ("tilgaengelighed", "ændret"),
        ("undtagelser", "ændret"),
        ("undtagelser", "tilføjet"),
        ("transport", "slettet"),  # the rule (travel time and allowance)
    ]  # fmt: skip  (in the library's clause order: availability comes before changes)
    # its cap went with it: no gain for the employees, as nothing is left to cap
    cap = next(c for c in result.changes if c.before.startswith("Der ydes dog højst"))
    assert (cap.kind, cap.assessment.favour) == ("slettet", "neutral")
    assert cap.assessment.text == (
        "Loftet på 50 kilometer hver vej over befordringsgodtgørelsen og loftet på én time hver "
        "vej over rejsetiden er fjernet; det har ingen selvstændig betydning, da bestemmelsen "
        "ikke længere siger, at der ydes befordringsgodtgørelse, eller at rejsetiden medregnes i "
        "arbejdstiden."
    )
    notice = worse[1].assessment
    assert notice.text == ("Varslet for fremmøde er forkortet fra tre arbejdsdage til dagen før "
                           "kl. 12.")  # fmt: skip
    assert notice.library == (
        "ringere for medarbejderne end variant 'Indkaldelse med varsel' (Balanceret)"
    )  # for our notes, not the union rep's comment
    moved = next(c for c in result.changes if c.kind == "flyttet")
    assert moved.topic == "frivillighed" and moved.assessment.favour == "neutral"
    assert moved.move is not None and (moved.move.was, moved.move.now) == (4, 6)
    assert ("lokalaftalens § 4 om frivillighed", 4, 6) in moved.move.renumbered
    assert "det altoverskyggende princip" in moved.assessment.text
    assert "Kræv bestemmelsen flyttet tilbage til § 4." in moved.assessment.text
    assert "uden betydning" not in moved.assessment.favour_da


def test_mod_our_docx_gives_the_same_changes(
    library: Library, ours_and_theirs: tuple[Path, Path]
) -> None:
    embedded, _ = audit(library, ours_and_theirs[1])
    against, _ = audit(library, ours_and_theirs[1], ours=ours_and_theirs[0])
    assert against.versus == "lokalaftale.docx"
    assert [(c.topic, c.kind, c.assessment.text) for c in against.changes] == [
        (c.topic, c.kind, c.assessment.text) for c in embedded.changes
    ]


def test_review_copy_comments_sit_on_the_changed_words(
    library: Library, ours_and_theirs: tuple[Path, Path], tmp_path: Path
) -> None:
    result, draft = audit(library, ours_and_theirs[1])
    target = review_path(ours_and_theirs[1], tmp_path)
    write_review(draft, comment_plan(result, draft), target, replace=False)
    covered = covered_texts(target)
    by_start = {text.split("\n", 1)[0][:40]: words for text, words in covered}
    notice = next(w for t, w in covered if t.startswith("Ændret") and "Varslet" in t)
    assert notice == "senest kl. 12 dagen før."  # "med mindst tre arbejdsdages varsel" before
    core = next(w for t, w in covered if t.startswith("Ændret") and "Kernetiden" in t)
    assert core == "8.30 og kl. 15.30"
    r92 = next(w for t, w in covered if t.startswith("R92"))
    assert r92 == "kan midlertidigt indstille hjemmearbejdet"
    r95 = next(w for t, w in covered if t.startswith("R95"))
    assert r95 == "regnes hjemmet som udgangspunkt"
    deleted = next(t for t, _ in covered if t.startswith("Slettet"))
    assert "Slettet tekst fra vores udkast: „Rejsetiden fra hjemmet til mødestedet" in deleted
    r110 = next(w for t, w in covered if t.startswith("R110"))
    assert r110 == "den 1. marts 2027"  # on the date in § 19 that has passed
    assert by_start and len(comment_anchors(target)) == len(covered)
    reopened = docx.Document(str(target))
    assert [p.text for p in reopened.paragraphs] == [
        p.text for p in docx.Document(str(ours_and_theirs[1])).paragraphs
    ]  # the comments changed no text


def test_assess_change_is_a_plain_function(library: Library) -> None:
    before = "Medarbejderne kan træffes mellem kl. 9 og 14."
    after = "Medarbejderne kan træffes mellem kl. 8 og 16."
    result = assess_change("tilgaengelighed", before, after, library)
    assert result.favour == "arbejdsgiveren"
    assert (
        "Kernetiden er udvidet fra kl. 9.00–14.00 til kl. 8.00–16.00 (5 → 8 timer)" in result.text
    )
    back = assess_change("tilgaengelighed", after, before, library)
    assert back.favour == "medarbejderne" and "indskrænket" in back.text
    unclear = assess_change("formaal", "Formålet er ro.", "Formålet er ro og fordybelse.", library)
    assert unclear.favour == "uafklaret" and "Læs den selv" in unclear.text
    assert (
        assess_change("formaal", "Formålet er ro.", "formålet er ro", library).favour == "neutral"
    )


def test_an_edited_notice_is_read_into_the_frame_facts(
    library: Library, templates: TemplateSet, tmp_path: Path
) -> None:
    """The other side shortens Anne's call-in notice in Word: the individual notice is read from
    the new words and checked against the local agreement's frame embedded in the document."""
    from assembler.answers.files import answers_from_raw

    answers = answers_from_raw(library, example_raw(library), "eksempel")
    path = tmp_path / "anne.docx"
    path.write_bytes(render_agreement(templates.for_agreement("individuel"), library, answers,
                                      answers.employees[0]))  # fmt: skip
    assert "R82" not in {f.rule for f in audit(library, path)[0].findings}
    document = docx.Document(str(path))
    for paragraph in document.paragraphs:
        if "mindst tre arbejdsdages varsel" in paragraph.text:
            paragraph.text = paragraph.text.replace(
                "mindst tre arbejdsdages varsel", "mindst én arbejdsdags varsel"
            )
    document.save(str(path))
    result, _ = audit(library, path)
    assert "aendring" in {t.id for t in result.edited}
    assert result.employee is not None and result.employee.call_in_notice_days == 1
    assert [f.severity for f in result.findings if f.rule == "R82"] == ["fejl"]
    change = next(c for c in result.changes if c.topic == "aendring")
    assert change.assessment.favour == "arbejdsgiveren"
    assert "forkortet fra tre arbejdsdage til én arbejdsdag" in change.assessment.text


def test_overview_assessor_adapts_the_plain_function(library: Library) -> None:
    from assembler.audit.assess import OverviewAssessor
    from assembler.compare.assess import ChangeFacts

    assessor = OverviewAssessor(library)
    before = "Fremmødet varsles senest på den 3. arbejdsdag før den pågældende dag."
    after = "Fremmødet varsles senest kl. 12 dagen før."
    facts = ChangeFacts("lokal", "undtagelser", "changed", before, after, None, None)
    text = assessor(facts)
    assert text is not None and text.startswith("Varslet for fremmøde er forkortet")
    assert text.endswith("(til fordel for arbejdsgiveren).")
    unclear = ChangeFacts("lokal", "formaal", "changed", "Formålet er ro.", "Formålet er fokus.",
                          None, None)  # fmt: skip
    assert assessor(unclear) is None  # filled only when sure
    assert assessor(ChangeFacts("", "", "changed", before, after, None, None)) is None
