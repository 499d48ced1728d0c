"""Word-numbered headings; a topic found by wording needs more than a passing mention."""

from __future__ import annotations

from pathlib import Path

from assembler.audit.document import read_draft
from assembler.audit.review import audit
from assembler.library.model import Library
from tests.unit.audit import drafts


def test_headings_numbered_by_word_are_headings(tmp_path: Path) -> None:
    draft = read_draft(drafts.auto_numbered(tmp_path))
    headings = [p.heading for p in draft.paragraphs if p.heading]
    assert headings == [heading for heading, _ in drafts.AUTO_NUMBERED]
    assert drafts.STYLE_NUMBERED in headings  # numbered through its paragraph style
    not_headings = {"Internet", "Transport", "Telefon", "Evaluering af indretningen"}
    assert not not_headings & set(headings)  # short list items, numbered or bulleted


def test_draft_with_word_numbered_headings_reports_exactly_its_gaps(
    library: Library, tmp_path: Path
) -> None:
    result, _ = audit(library, drafts.auto_numbered(tmp_path))
    assert result.agreement == "lokal" and result.sector == "kommune"
    assert [t.id for t in result.missing] == drafts.AUTO_NUMBERED_MISSING
    assert all(found.how == "overskrift" for found in result.found.values())
    assert [f.rule for f in result.findings] == ["R35"]


def test_a_passing_mention_does_not_make_a_topic_present(library: Library, tmp_path: Path) -> None:
    result, _ = audit(library, drafts.passing_mention(tmp_path))
    assert "tilgængelig på intranettet" in read_draft(result.path).text
    assert [t.id for t in result.missing] == drafts.LOCAL_NUMBERED_MISSING
    assert "tilgaengelighed" not in result.found


def test_wording_in_two_paragraphs_makes_a_topic_present(library: Library, tmp_path: Path) -> None:
    sections = [
        (h, b + " Medarbejderen kan træffes i kernetiden." if h.startswith(("5.", "6.")) else b)
        for h, b in drafts.LOCAL_NUMBERED
    ]
    path = drafts.write_draft(tmp_path / "to_gange.docx", "Lokalaftale om hjemmearbejde i "
                              "Styrelsen for Dataforsyning", sections, styled=False)  # fmt: skip
    result, _ = audit(library, path)
    assert result.found["tilgaengelighed"].how == "tekst"
    assert result.found["tilgaengelighed"].para.text.startswith("Transport fra hjemmet")
    missing = [t for t in drafts.LOCAL_NUMBERED_MISSING if t != "tilgaengelighed"]
    assert [t.id for t in result.missing] == missing
