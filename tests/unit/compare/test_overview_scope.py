"""The overview reads the library and the audit only for documents they can say something about."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from assembler.compare import assessed, scope
from assembler.compare.overview import describe_rounds
from assembler.compare.rounds import compare_versions
from assembler.ooxml.package import Package
from tests.unit.compare.fixtures import W_NS, make_docx, para
from tests.unit.compare.overview_fixtures import H, clause_doc

CONTRACT = [
    ("Leveringstid", ["Varerne leveres inden for fem hverdage efter bestillingen."]),
    ("Betaling", ["Betaling sker senest tredive dage efter fakturadato."]),
]
LATER = [
    ("Leveringstid", ["Varerne leveres inden for tre hverdage efter bestillingen."]),
    ("Betaling", ["Betaling sker senest tredive dage efter fakturadato."]),
]


def _package(body: list[str], **kw: object) -> Package:
    """A package as read from disk: the parts of a generated .docx."""
    data = make_docx(body, **kw)  # type: ignore[arg-type]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    return Package(Path("v.docx"), parts)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ([para("Varerne leveres inden for fem hverdage.")], False),
        ([para("Medarbejderen kan aftale HJEMMEARBEJDE med lederen.")], True),
        ([para("Aftalen om distancearbejde i staten gælder.")], True),
        ([para("Rammeaftalen om tele- og telearbejde.")], True),
        ([para("Om hjemme", "arbejde på faste dage.")], True),  # one word in two w:r
        ([para("Aftale om hjemme"), para("arbejdstid og løn")], False),  # two paragraphs
        ([para("Formål", anchor="_Aft_formaal__opgaveloesning")], True),  # our clause anchor
    ],
)
def test_what_concerns_home_work(body: list[str], expected: bool) -> None:
    assert scope.concerns_home_work(_package(body)) is expected


def test_a_mention_in_the_header_counts() -> None:
    body = [para("Varerne leveres inden for fem hverdage.")]
    assert scope.concerns_home_work(_package(body, header=[para("Lokalaftale om hjemmearbejde")]))


def test_a_contract_gets_every_row_and_no_library_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kw: object) -> None:
        raise AssertionError("the library and the audit were asked about a contract")

    monkeypatch.setattr(assessed, "describe_assessed", refuse)
    old, new = tmp_path / "v1.docx", tmp_path / "v2.docx"
    old.write_bytes(clause_doc(CONTRACT))
    new.write_bytes(clause_doc(LATER))
    [rnd] = compare_versions([old, new], ["Leverandøren"], ["2027-03-02"])
    [row] = rnd.rows
    assert (row.heading, row.label) == ("Leveringstid", "afsnit ændret")
    assert (row.excerpt_before, row.excerpt_after) == (
        "Varerne leveres inden for fem hverdage efter bestillingen.",
        "Varerne leveres inden for tre hverdage efter bestillingen.",
    )
    assert (row.topic, row.topic_title, row.assessment) == ("", "", "")
    assert rnd.notes == []


def _compare_in_a_process(old: Path, new: Path) -> tuple[int, list[str]]:
    """Compare two versions in a fresh process: the rows and every module it imported."""
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from assembler.compare.rounds import compare_versions\n"
        "rounds = compare_versions([Path(sys.argv[1]), Path(sys.argv[2])], [], [])\n"
        "print(json.dumps([len(rounds[0].rows), sorted(sys.modules)]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(old), str(new)],
        capture_output=True,
        text=True,
        check=True,
    )
    rows, modules = json.loads(done.stdout)
    return rows, modules


def test_a_contract_loads_neither_library_nor_audit(tmp_path: Path) -> None:
    """As a whole process: comparing two contracts never imports the audit, the rules or YAML."""
    old, new = tmp_path / "v1.docx", tmp_path / "v2.docx"
    old.write_bytes(clause_doc(CONTRACT))
    new.write_bytes(clause_doc(LATER))
    rows, modules = _compare_in_a_process(old, new)
    assert rows == 1
    loaded = [m for m in modules if m.startswith(("assembler.audit.review", "assembler.rules"))]
    assert loaded == []
    assert "yaml" not in modules and "assembler.library.loader" not in modules
    # The comparison's records are plain classes: no dataclasses at start-up (issue 14).
    assert "dataclasses" not in modules and "decimal" not in modules


NUMBERING = f"""<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>
<w:numFmt w:val="decimal"/><w:lvlText w:val="§ %1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"""
NUMBERED = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'


def _numbered(clauses: list[tuple[str, list[str]]], words: str = "") -> bytes:
    body = []
    for heading, paragraphs in clauses:
        body.append(para(heading, style=H, ppr=NUMBERED))
        body.extend(para(text + words) for text in paragraphs)
    return make_docx(body, extra_parts={"word/numbering.xml": NUMBERING})


def test_word_numbered_clauses_keep_their_numbers_without_the_audit(tmp_path: Path) -> None:
    """The clause number comes from Word's numbering for any document, read or not by the audit."""
    numbers = {}
    for name, words in (("kontrakt", ""), ("aftale", " Det gælder også ved hjemmearbejde.")):
        old, new = tmp_path / f"{name}1.docx", tmp_path / f"{name}2.docx"
        old.write_bytes(_numbered(CONTRACT, words))
        new.write_bytes(_numbered(LATER, words))
        [rnd] = compare_versions([old, new], [], [])
        numbers[name] = [(row.number, row.heading) for row in rnd.rows]
    assert numbers["kontrakt"] == numbers["aftale"] == [("§ 1", "Leveringstid")]


def test_a_version_that_cannot_be_read_is_noted_even_for_a_contract(tmp_path: Path) -> None:
    old, new = tmp_path / "v1.docx", tmp_path / "v2.docx"
    old.write_bytes(clause_doc(CONTRACT))
    new.write_bytes(clause_doc(LATER))
    [rnd] = compare_versions([old, new], [], [])
    rnd.rows, rnd.notes = [], []
    rnd.new = rnd.new._replace(path=tmp_path / "flyttet.docx")  # gone since it was compared
    describe_rounds([rnd])
    assert [row.label for row in rnd.rows] == ["afsnit ændret"]
    assert any("flyttet.docx kunne ikke læses" in note for note in rnd.notes)


def test_an_agreement_about_home_work_is_assessed_without_yaml(tmp_path: Path) -> None:
    """As a whole process: the assessed overview reads the library's snapshot, and neither PyYAML
    (answer files) nor the rendering of our own version (no answers in the file) is imported."""
    from assembler.library.loader import load_library

    load_library()  # the snapshot the subprocess reads (the same cache folder, by environment)
    words = " Det gælder også ved hjemmearbejde."
    old, new = tmp_path / "v1.docx", tmp_path / "v2.docx"
    old.write_bytes(clause_doc([(h, [t + words for t in ts]) for h, ts in CONTRACT]))
    new.write_bytes(clause_doc([(h, [t + words for t in ts]) for h, ts in LATER]))
    rows, modules = _compare_in_a_process(old, new)
    assert rows == 1
    assert "assembler.audit.review" in modules  # it was assessed
    assert "yaml" not in modules and "assembler.answers.files" not in modules
    assert "assembler.audit.changes" not in modules and "assembler.render.context" not in modules
