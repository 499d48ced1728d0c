"""Where a paragraph stands ('§ 9, stk. 3') and when a draft is dated, read from drafts as Word
and the other side write them; and R110 end to end on a foreign draft."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from assembler.audit.citations import draft_citations
from assembler.audit.document import read_draft
from assembler.audit.features import draft_date
from assembler.audit.review import audit
from assembler.library.model import Library
from assembler.negotiate.workflow import make_counter_proposal
from assembler.render.templates import TemplateSet
from tests.unit.audit import drafts
from tests.unit.audit.comment_ranges import covered_texts
from tests.unit.compare.oracle import document_view


@pytest.fixture(scope="module")
def demo_round(library: Library, templates: TemplateSet,
               tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:  # fmt: skip
    """Our local agreement and management's counter-draft of it."""
    return drafts.our_round(library, templates, tmp_path_factory.mktemp("runde"))


def cites(path: Path) -> dict[str, str | None]:
    """The citation of every paragraph, by its first words."""
    draft = read_draft(path)
    citations = draft_citations(draft)
    return {p.text[:30]: citations.cite(p.index) for p in draft.paragraphs if p.text}


def test_word_numbered_clauses_and_their_stk(
    library: Library, demo_round: tuple[Path, Path]
) -> None:
    found = cites(demo_round[1])  # our document: "§ N." and "Stk. N." come from the styles
    assert found["Uden for kernetiden placeres a"] == "§ 9, stk. 3"
    assert found["I uforudsete og uopsættelige s"] == "§ 10, stk. 2"
    assert found["Aftalen træder i kraft den 1. "] == "§ 19, stk. 1"
    assert found["fuldmægtige og specialkonsulen"] == "§ 2, stk. 2"  # a bullet: part of stk. 2
    assert found["Frivillighed"] is None  # a heading is the clause itself


def test_hand_numbered_and_unnumbered_headings(tmp_path: Path) -> None:
    numbered = cites(drafts.local_numbered(tmp_path))
    assert numbered["Ledelsen kan indkalde med to d"] == "§ 4"  # typed "4. Ændring af …"
    assert numbered["Aftalen er indgået mellem Styr"] == "§ 1"
    plain = cites(drafts.local_styled(tmp_path))  # headings without numbers: nothing to cite
    assert set(plain.values()) == {None}
    typed = drafts.write_draft(tmp_path / "stk.docx", "Lokalaftale", [
        ("§ 3 Fremmøde", "Ledelsen kan indkalde med tre arbejdsdages varsel."),
    ], styled=False)  # fmt: skip
    document = docx.Document(str(typed))
    document.add_paragraph("Stk. 2. I akutte tilfælde kan der indkaldes samme dag.")
    document.save(str(typed))
    assert cites(typed)["Stk. 2. I akutte tilfælde kan "] == "§ 3, stk. 2"


def _dated_draft(folder: Path, header: str | None, saved: dt.datetime | None) -> Path:
    path = drafts.write_draft(
        folder / "dateret.docx",
        "Lokalaftale om hjemmearbejde i Styrelsen for Dataforsyning",
        drafts.LOCAL_COMPULSION,
        styled=True,
    )
    document = docx.Document(str(path))
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    if saved is not None:
        document.core_properties.modified = saved
    document.save(str(path))
    return path


def test_the_drafts_own_date(tmp_path: Path, demo_round: tuple[Path, Path]) -> None:
    assert draft_date(read_draft(demo_round[1])) == (dt.date(2027, 3, 2), "sidehovedet")
    saved = dt.datetime(2027, 2, 20, 10, 0)
    path = _dated_draft(tmp_path, None, saved)
    assert draft_date(read_draft(path)) == (dt.date(2027, 2, 20), "dokumentegenskaberne")
    path = _dated_draft(tmp_path, "Ledelsens udkast · 3. marts 2027", saved)
    assert draft_date(read_draft(path)) == (dt.date(2027, 3, 3), "sidehovedet")  # header first


@pytest.mark.parametrize(
    ("header", "fires"),
    [("Udkast 2 · 2. marts 2027", True), ("Udkast 2 · 15. februar 2027", False)],
)
def test_r110_on_a_foreign_draft_and_our_answer(
    library: Library, tmp_path: Path, header: str, fires: bool
) -> None:
    path = _dated_draft(tmp_path, header, None)  # "træder i kraft den 1. marts 2027"
    result, _ = audit(library, path)
    assert ("R110" in {f.rule for f in result.findings}) is fires
    made = make_counter_proposal(library, path, None, "Medarbejdersiden", "2027-03-04T00:00:00Z")
    answered = [a for a in made.plan.amendments if a.topic == "ikrafttraeden"]
    if not fires:
        assert not answered
        return
    assert len(answered) == 1 and answered[0].comment().startswith(
        "Vi foreslår, at Aftalen træder i kraft den første dag i måneden efter underskriften. "
        "Udkastet er dateret den 2. marts 2027, så ikrafttrædelsesdatoen den 1. marts 2027 er "
        "allerede passeret."
    )
    accepted = document_view(made.data, "accept")
    assert ("Aftalen træder i kraft den første dag i måneden efter underskriften og kan opsiges "
            "med tre måneders varsel.") in accepted["body"]  # fmt: skip
    assert "Medarbejdersidens modforslag af 4. marts 2027 til Udkast 2" in " ".join(
        accepted["header/0/default"]
    )
    out = tmp_path / "modforslag.docx"
    out.write_bytes(made.data)
    date_comment = next(w for t, w in covered_texts(out) if "træder i kraft" in t)
    assert "1. marts 2027" in date_comment  # on the words that change


def test_citations_before_an_annex_are_those_of_the_whole_draft(
    demo_round: tuple[Path, Path], tmp_path: Path
) -> None:
    """The audit cites only paragraphs before an annexed template and so reads no slots past
    it (review._text_facts): every citation before it is the one the whole draft gives."""
    typed = drafts.write_draft(tmp_path / "bilag.docx", "Lokalaftale", [
        ("§ 1 Fremmøde", "Ledelsen kan indkalde med tre arbejdsdages varsel."),
        ("§ 2 Tilgængelighed", "Medarbejderen kan træffes mellem kl. 9 og kl. 15."),
    ], styled=False)  # fmt: skip
    document = docx.Document(str(typed))
    for text in ("Bilag 1. Skabelon for individuel aftale om hjemmearbejde", "Stk. 3. Noget.",
                 "§ 3 Omfang", "Medarbejderen arbejder hjemme to dage om ugen."):  # fmt: skip
        document.add_paragraph(text)  # the annex's first line is no heading: § 2 runs on
    document.save(str(typed))
    for path in (*demo_round, typed):
        draft = read_draft(path)
        whole = draft_citations(draft)
        starts = [p.index for p in draft.paragraphs if p.text.startswith("Bilag 1")]
        assert starts, path
        for before in (starts[0], starts[0] + 1, len(draft.paragraphs) // 2):
            part = draft_citations(draft, before)
            for para in draft.paragraphs[:before]:
                assert part.cite(para.index) == whole.cite(para.index), (path, para.text)
    cited = {p.text[:20]: whole.cite(p.index) for p in draft.paragraphs if p.text}
    assert cited["Medarbejderen kan tr"] == "§ 2, stk. 1"  # the annex's first lines count as stk.
