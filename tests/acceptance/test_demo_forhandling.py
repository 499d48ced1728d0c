"""`aftale demo`'s negotiation round: management's counter-draft, its redline and the summary."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from assembler.compare.demo import write_demo
from assembler.errors import OutputError
from assembler.workflows import demo_workflow
from tests.unit.compare.oracle import count_tags, document_view

STATUSES = {"ændret", "tilføjet", "slettet", "flyttet"}


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
    assert sorted(accepted) == sorted(document_view((demo_dir / "lokalaftale.docx").read_bytes(),
                                                    "accept")["body"])  # fmt: skip
    xml = zipfile.ZipFile(folder / "lokalaftale-modforslag.docx").read("word/comments.xml")
    assert xml.decode().count("Vi foreslår") == 4


def test_counter_draft_holds_managements_positions(demo_dir: Path) -> None:
    v2 = docx.Document(str(demo_dir / "forhandling" / "lokalaftale-modpartens-udkast.docx"))
    text = "\n".join(p.text for p in v2.paragraphs)
    assert "Fremmødet varsles senest kl. 12 dagen før." in text
    assert "kl. 08.30 til kl. 15.30" in text
    assert "Rejsetiden fra hjemmet" not in text
    assert "drøftes forinden i samarbejdsudvalget" in text
    assert "MED" not in text.replace("MEDARBEJDER", "")  # a state agency: no MED system
    headings = [
        p.text for p in v2.paragraphs if p.style is not None and p.style.name == "Heading 1"
    ]
    assert headings[headings.index("Formål") + 1] == "Frivillighed"
    assert v2.core_properties.last_modified_by == "Ledelsen"


def test_redline_reproduces_both_versions(demo_dir: Path) -> None:
    folder = demo_dir / "forhandling"
    data = (folder / "lokalaftale-redline.docx").read_bytes()
    docx.Document(str(folder / "lokalaftale-redline.docx"))  # opens in python-docx
    for tag in ("ins", "del", "moveFrom", "moveTo"):
        assert count_tags(data, tag) > 0, tag
    xml = zipfile.ZipFile(folder / "lokalaftale-redline.docx").read("word/document.xml")
    assert b'w:author="Ledelsen"' in xml and b'w:date="2026-03-02T00:00:00Z"' in xml
    v1 = (demo_dir / "lokalaftale.docx").read_bytes()
    v2 = (folder / "lokalaftale-modpartens-udkast.docx").read_bytes()
    assert document_view(data, "accept") == document_view(v2, "accept")
    assert document_view(data, "reject") == document_view(v1, "reject")


def test_summary_lists_clauses_with_danish_statuses(demo_dir: Path) -> None:
    ws = load_workbook(demo_dir / "forhandling" / "lokalaftale-aendringer.xlsx")["Oversigt"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:7] == ("Runde", "Forfatter", "Dato", "Nr.", "Overskrift", "Emne", "Ændring")
    body = [r for r in rows[1:] if r[4] != "Bemærkning"]
    assert body and {r[6] for r in body} <= STATUSES
    by_heading = {r[4]: r for r in body}
    assert by_heading["Frivillighed"][6] == "flyttet"
    assert by_heading["Frivillighed"][5] == "frivillighed"
    availability = by_heading["Tilgængelighed"]
    assert availability[6] == "ændret"
    assert "09.00" in availability[7] and "08.30" in availability[8]
    assert by_heading["Transport på hjemmearbejdsdage"][6] == "ændret"
    assert all(r[1] == "Ledelsen" and r[2] == "2026-03-02" for r in body)


def test_demo_round_refuses_to_overwrite(demo_dir: Path) -> None:
    with pytest.raises(OutputError, match="--overskriv"):
        write_demo(demo_dir / "forhandling", demo_dir / "lokalaftale.docx", overwrite=False)
