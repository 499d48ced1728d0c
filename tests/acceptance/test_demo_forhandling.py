"""`aftale demo`'s negotiation round: management's counter-draft, its redline and the summary."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from openpyxl import load_workbook

from assembler.compare.clauses import Clause
from assembler.compare.demo import draft_facts, write_demo
from assembler.compare.overview import records
from assembler.compare.rounds import compare_versions
from assembler.compare.variants import variant_of
from assembler.compare.views import VersionView, clause_text, locate, read_view
from assembler.errors import OutputError
from assembler.library.loader import load_library
from assembler.workflows import demo_workflow
from tests.acceptance.cli_helpers import run_cli
from tests.unit.audit.comment_ranges import covered_texts
from tests.unit.compare.oracle import count_tags, document_view
from tests.unit.negotiate.test_counter_proposal import DEMO_COMMENTS

HEAD = (
    "Runde",
    "Forfatter",
    "Dato",
    "Nr.",
    "Overskrift",
    "Emne",
    "Ændring",
    "Før",
    "Efter",
    "Vurdering",
)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the whole demo once."""
    out = tmp_path_factory.mktemp("demo")
    demo_workflow(out, overwrite=False)
    return out


def test_demo_writes_the_round_files(demo_dir: Path) -> None:
    folder = demo_dir / "forhandling"
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "lokalaftale-aendringer.xlsx",
        "lokalaftale-modforslag-noter.txt",
        "lokalaftale-modforslag.docx",
        "lokalaftale-modpartens-udkast-gennemgang.docx",
        "lokalaftale-modpartens-udkast.docx",
        "lokalaftale-redline.docx",
    ]


def test_demo_reviews_the_counter_draft_with_comments(demo_dir: Path) -> None:
    review = demo_dir / "forhandling" / "lokalaftale-modpartens-udkast-gennemgang.docx"
    with zipfile.ZipFile(review) as archive:
        comments = archive.read("word/comments.xml").decode()
    # management edited three clauses after generation; the review says what each change does
    assert "Tilgængelighed" in comments and "Transport på hjemmearbejdsdage" in comments
    for rule in ("R92", "R93", "R94", "R95"):  # suspension, notice, core time, transport
        assert f"{rule} (advarsel)" in comments, rule
    assert "Varslet for fremmøde er forkortet fra tre arbejdsdage til dagen før kl. 12" in comments


def test_demo_answers_with_a_counter_proposal(demo_dir: Path) -> None:
    folder = demo_dir / "forhandling"
    proposal = (folder / "lokalaftale-modforslag.docx").read_bytes()
    draft = (folder / "lokalaftale-modpartens-udkast.docx").read_bytes()
    assert document_view(proposal, "reject") == document_view(draft, "reject")
    accepted = document_view(proposal, "accept")["body"]
    ours = document_view((demo_dir / "lokalaftale.docx").read_bytes(), "accept")["body"]
    date = "den 1. marts 2027"  # passed by the time of their draft: our new date instead
    assert accepted == [
        line.replace(date, "den første dag i måneden efter underskriften") for line in ours
    ]  # fmt: skip  (our order: Frivillighed moved back)
    comments = [text for text, _ in covered_texts(folder / "lokalaftale-modforslag.docx")]
    assert comments == DEMO_COMMENTS  # the wording management reads, in full
    notes = (folder / "lokalaftale-modforslag-noter.txt").read_text(encoding="utf-8")
    assert notes.startswith("Interne noter til modforslaget lokalaftale-modforslag.docx – sendes "
                            "ikke til modparten.")  # fmt: skip
    for comment in DEMO_COMMENTS:  # each comment, with our reasoning behind it
        assert f"Kommentar til modparten: {comment}" in notes
    assert "– R110 (advarsel)" in notes and "Kilde: S2 (Medst" in notes


def test_counter_draft_holds_managements_positions(demo_dir: Path) -> None:
    v2 = docx.Document(str(demo_dir / "forhandling" / "lokalaftale-modpartens-udkast.docx"))
    text = "\n".join(p.text for p in v2.paragraphs)
    assert "Pålægget gives senest kl. 12 dagen før." in text
    assert "kl. 8.30 og kl. 15.30" in text
    assert "Rejsetiden fra hjemmet" not in text
    assert "drøftes forinden i samarbejdsudvalget" in text
    assert "MED" not in text.replace("MEDARBEJDER", "")  # a state agency: no MED system
    headings = [
        p.text for p in v2.paragraphs if p.style is not None and p.style.name == "Heading 1"
    ]
    assert (
        headings[headings.index("Niveauer og proces for individuelle aftaler") + 1]
        == "Frivillighed"
    )
    assert v2.core_properties.last_modified_by == "Ledelsen"


def test_redline_reproduces_both_versions(demo_dir: Path) -> None:
    folder = demo_dir / "forhandling"
    data = (folder / "lokalaftale-redline.docx").read_bytes()
    docx.Document(str(folder / "lokalaftale-redline.docx"))  # opens in python-docx
    for tag in ("ins", "del", "moveFrom", "moveTo"):
        assert count_tags(data, tag) > 0, tag
    xml = zipfile.ZipFile(folder / "lokalaftale-redline.docx").read("word/document.xml")
    assert b'w:author="Ledelsen"' in xml and b'w:date="2027-03-02T09:00:00Z"' in xml
    v1 = (demo_dir / "lokalaftale.docx").read_bytes()
    v2 = (folder / "lokalaftale-modpartens-udkast.docx").read_bytes()
    assert document_view(data, "accept") == document_view(v2, "accept")
    assert document_view(data, "reject") == document_view(v1, "reject")


def test_counter_draft_metadata_agree_and_follow_the_draft(demo_dir: Path) -> None:
    """Header, properties and round date say draft 2 of 2 March 2027, after draft 1."""
    v1 = docx.Document(str(demo_dir / "lokalaftale.docx"))
    v2 = docx.Document(str(demo_dir / "forhandling" / "lokalaftale-modpartens-udkast.docx"))
    header_v1 = "\n".join(p.text for p in v1.sections[0].header.paragraphs)
    header_v2 = "\n".join(p.text for p in v2.sections[0].header.paragraphs)
    assert "Udkast 1 · 15. januar 2027" in header_v1
    assert "Udkast 2 · 2. marts 2027" in header_v2 and "Udkast 1" not in header_v2
    modified = v2.core_properties.modified
    assert modified is not None and modified.date() == dt.date(2027, 3, 2)
    assert v2.core_properties.revision == 2
    _, draft_day = draft_facts(demo_dir / "lokalaftale.docx")
    assert draft_day == dt.date(2027, 1, 15) < modified.date()


def _overview(demo_dir: Path) -> list[tuple[object, ...]]:
    ws = load_workbook(demo_dir / "forhandling" / "lokalaftale-aendringer.xlsx")["Oversigt"]
    return list(ws.iter_rows(values_only=True))


def test_overview_lists_every_change_the_review_names(demo_dir: Path) -> None:
    """Legal review 2026-11, section 6: suspension paragraph, notice, core time, transport, move."""
    rows = _overview(demo_dir)
    assert rows[0] == HEAD
    body: list[dict[str, Any]] = [dict(zip(HEAD, r, strict=True)) for r in rows[1:]]
    by_change = {(r["Overskrift"], r["Ændring"]): r for r in body}
    notice_clause = "Ændring af planlagte hjemmearbejdsdage"
    move = by_change[("Frivillighed", "flyttet fra § 4 til § 6")]
    assert move["Nr."] == "§ 6" and move["Emne"] == "Frivillighed"
    notice = by_change[(notice_clause, "afsnit ændret")]
    assert (
        notice["Før"]
        == "…fysisk tilstedeværelse. Pålægget gives med mindst tre arbejdsdages varsel."
    )
    assert notice["Efter"] == "…fysisk tilstedeværelse. Pålægget gives senest kl. 12 dagen før."
    suspension = by_change[(notice_clause, "afsnit tilføjet")]
    assert suspension["Efter"] == (
        "Arbejdsgiveren kan midlertidigt indstille hjemmearbejdet i en enhed, når driften kræver "
        "det. Indstillingen drøftes forinden i samarbejdsudvalget og gælder højst tre måneder ad "
        "gangen."
    )
    assert suspension["Før"] is None and suspension["Nr."] == "§ 10"
    core = by_change[("Tilgængelighed", "afsnit ændret")]
    assert "kl. 9.00 og kl. 14.30" in core["Før"] and "kl. 8.30 og kl. 15.30" in core["Efter"]
    assert core["Emne"] == "Tilgængelighed"  # the library's title, not the id 'tilgaengelighed'
    assert core["Vurdering"].startswith(
        "Kernetiden er udvidet fra kl. 9.00–14.30 til kl. 8.30–15.30 (5,5 → 7 timer). Ændringen "
        "er til fordel for arbejdsgiveren.\n"
        "Punktet er stadig bibliotekets variant 'Faste kernetider' (balanceret) med andre værdier: "
        "Kernetid fra: 9.00 → 8.30; Kernetid til: 14.30 → 15.30.\nR94 (advarsel): "
    )  # what the change does (as tjek says it), the library's reading, then tjek's finding
    deleted = [r for r in body
               if (r["Overskrift"], r["Ændring"]) == ("Transport på hjemmearbejdsdage",
                                                      "afsnit slettet")]  # fmt: skip
    transport = deleted[0]  # the rule; its cap (the next paragraph) went with it
    assert len(deleted) == 2 and deleted[1]["Før"].startswith("Der ydes dog højst")
    assert transport["Før"].startswith("Rejsetiden fra hjemmet til mødestedet og retur medregnes")
    assert transport["Før"].endswith("jf. ligningslovens § 9 B.")  # whole, never mid-word
    assert transport["Efter"] is None
    assert transport["Vurdering"].startswith(
        "Bestemmelsen om, at rejsetiden medregnes i arbejdstiden, og at der ydes "
        "befordringsgodtgørelse, er fjernet. Ændringen er til fordel for arbejdsgiveren. "
        "Kilde: S1 (Akademikerne: Vejledning til indgåelse af lokalaftaler om hjemmearbejde i det "
        "offentlige (ca. 2021)).\n"
        "Punktet afviger nu fra bibliotekets variant 'Hjemmet er udgangspunkt ved pålagt fremmøde' "
        "(medarbejdervenlig) og svarer ikke til nogen variant i klausulbiblioteket."
        "\nR95 (advarsel): "
    )  # and tjek's finding: the clause has lost its consequence
    assert deleted[1]["Vurdering"] == (  # the cap went with what it capped, as tjek says
        "Loftet på 50 kilometer hver vej over befordringsgodtgørelsen og loftet på én time hver "
        "vej over rejsetiden er fjernet; det har ingen selvstændig betydning, da bestemmelsen "
        "ikke længere siger, at der ydes befordringsgodtgørelse, eller at rejsetiden medregnes i "
        "arbejdstiden. Kilde: S1 (Akademikerne: Vejledning til indgåelse af lokalaftaler om "
        "hjemmearbejde i det offentlige (ca. 2021))."
    )
    header = by_change[("Sidehoved", "afsnit ændret")]
    assert "Udkast 1 · 15. januar 2027" in header["Før"]
    assert "Udkast 2 · 2. marts 2027" in header["Efter"]
    assert len(body) == 7  # nothing else, and nothing folded away (two transport deletions)
    for row in body:
        assert row["Runde"] == "v1→v2" and row["Forfatter"] == "Ledelsen"
        assert row["Dato"] == dt.datetime(2027, 3, 2)  # a real date, after the draft's
        # before and after are never the same text (a pure move has neither: its label says it)
        assert row["Før"] != row["Efter"] or row is move


def test_overview_cells_are_text_and_danish_dates(demo_dir: Path) -> None:
    ws = load_workbook(demo_dir / "forhandling" / "lokalaftale-aendringer.xlsx")["Oversigt"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == ws.dimensions
    assert all(cell.font.bold for cell in ws[1])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if cell.column_letter == "C":
                assert cell.is_date and "mmmm" in cell.number_format
            elif cell.value is not None:
                assert cell.data_type == "s", cell.coordinate  # text, never a formula
                assert cell.alignment.wrap_text


def test_sammenlign_prints_the_same_overview(
    demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    v1, v2 = (
        demo_dir / "lokalaftale.docx",
        demo_dir / "forhandling" / "lokalaftale-modpartens-udkast.docx",
    )
    result = run_cli(capsys, "sammenlign", str(v1), str(v2), "-o", str(demo_dir / "r.docx"))
    assert result.code == 0, result.err
    text = " ".join(result.out.split())
    assert "Ledelsen · 2. marts 2027" in text
    for expected in (
        "§ 6 Frivillighed Ændring: flyttet fra § 4 til § 6",
        "Ændring: afsnit tilføjet Efter: Arbejdsgiveren kan midlertidigt indstille",
        "Før: …fysisk tilstedeværelse. Pålægget gives med mindst tre arbejdsdages varsel.",
        "Efter: …fysisk tilstedeværelse. Pålægget gives senest kl. 12 dagen før.",
        "Ændring: afsnit slettet Før: Rejsetiden fra hjemmet",
        "kl. 8.30 og kl. 15.30",
        "Vurdering: Kernetiden er udvidet fra kl. 9.00–14.30 til kl. 8.30–15.30 (5,5 → 7 timer). "
        "Ændringen er til fordel for arbejdsgiveren. Punktet er stadig bibliotekets variant "
        "'Faste kernetider'",
    ):
        assert expected in text, expected
    shown = [
        (r["overskrift"], r["aendring"], r["foer"], r["efter"])
        for r in records(compare_versions([v1, v2], [], []))
    ]
    in_sheet = [(r[4], r[6], r[7] or "", r[8] or "") for r in _overview(demo_dir)[1:]]
    assert shown == in_sheet  # one source for the terminal, the sheet and a web page


def test_every_generated_clause_is_recognised_as_its_library_variant(demo_dir: Path) -> None:
    """The assessment's variant matching, on all four agreements the demo renders."""
    library = load_library()
    paths = [demo_dir / "lokalaftale.docx", *sorted((demo_dir / "individuelle").glob("*.docx"))]
    checked = 0
    for path in paths:
        view, problem = read_view(library, path, run_rules=False)
        assert view is not None, problem
        clauses = [
            Clause(k, heading=el_text, old_heading=el_text, seq=k, old_seq=k)
            for k, el_text in enumerate(_anchored_headings(view))
        ]
        located = locate(view, clauses, old=False)
        for clause, (topic, variant, _) in zip(clauses, view.draft.anchors, strict=True):
            found = variant_of(
                library.topic(view.agreement, topic), clause_text(view, located[clause.index])
            )
            assert found is not None and found[0].id == variant, f"{path.name}: {topic}"
            checked += 1
    assert checked >= 50


def _anchored_headings(view: VersionView) -> list[str]:
    return [para.text for _, _, el in view.draft.anchors if (para := view.draft.para_of(el))]


def test_demo_round_refuses_to_overwrite(demo_dir: Path) -> None:
    with pytest.raises(OutputError, match="--overskriv"):
        write_demo(demo_dir / "forhandling", demo_dir / "lokalaftale.docx", overwrite=False)


def test_three_rounds_number_clauses_as_they_stand_after_accept_all(demo_dir: Path) -> None:
    """v2 moves Frivillighed from § 4 to § 6; the counter-proposal (v3) moves it back with its
    own tracked changes. In the combined v1→v3 overview no clause has a number it lacks once
    v3's changes are accepted (the redline's markup has Frivillighed twice: '§ 7' and one more
    for every clause after it)."""
    folder = demo_dir / "forhandling"
    paths = [demo_dir / "lokalaftale.docx", folder / "lokalaftale-modpartens-udkast.docx",
             folder / "lokalaftale-modforslag.docx"]  # fmt: skip
    rounds = compare_versions(paths, [], [])
    whole = rounds[-1]
    assert whole.label == "v1→v3" and not whole.deviations
    numbers = {r.heading: set() for r in whole.rows}
    for row in whole.rows:
        numbers[row.heading].add(row.number)
    assert numbers["Frivillighed"] == {"§ 4"}
    assert numbers["Tilgængelighed"] == {"§ 9"}
    assert numbers["Ændring af planlagte hjemmearbejdsdage"] == {"§ 10"}
    assert numbers["Transport på hjemmearbejdsdage"] == {"§ 11"}
    labels = [r.label for r in whole.rows if r.heading == "Frivillighed"]
    assert labels == [
        "punkt slettet",
        "punkt tilføjet; den nyeste version flytter selv punktet til § 4 med sine sporede "
        "ændringer",
        *["afsnit flyttet fra § 4 med punktet"] * 3,
    ]
    assert not any("§ 7" in r.label for r in whole.rows)
    # no term sentence claims the clause on voluntariness is gone: it stands in v3 as in v1
    assert not any("frivillighed er fjernet" in r.assessment for r in whole.rows)
    # v3's own changes take back the core time, the notice and the suspension: once accepted,
    # nothing in those terms changed from v1, so no sentence says they did
    said = "\n".join(r.assessment for r in whole.rows)
    for taken_back in ("Kernetiden er udvidet", "Varslet for fremmøde", "indstille"):
        assert taken_back not in said
    assert "Kernetiden er udvidet" in "\n".join(r.assessment for r in rounds[0].rows)
    # the consecutive round v1→v2 keeps v2's numbers
    assert {r.number for r in rounds[0].rows if r.heading == "Frivillighed"} == {"§ 6"}
