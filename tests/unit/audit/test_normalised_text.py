"""The title checks skip paragraphs longer than every title (topics, embedded, compare/views):
sound because a paragraph's text and heading are whitespace-normalised as read and case folding
never shortens a text."""

from __future__ import annotations

import sys
from pathlib import Path

from assembler.audit.document import read_draft
from assembler.audit.topics import find_topics
from assembler.library.model import Library
from tests.unit.audit import drafts


def test_case_folding_never_shortens_a_character() -> None:
    shorter = [c for c in range(sys.maxunicode + 1) if len(chr(c).casefold()) < 1]
    assert shorter == []


def test_texts_and_headings_are_read_whitespace_normalised(tmp_path: Path) -> None:
    sections = [
        ("  Tilgængelighed\t ", "Medarbejderen  kan\ttræffes\u00a0mellem kl. 9 og kl. 15.  "),
        ("§ 3.   Arbejdsmiljø", "  APV'en   omfatter\u2003også hjemmearbejdspladsen. "),
    ]
    for styled in (True, False):
        path = drafts.write_draft(tmp_path / f"mellemrum{styled}.docx", " Lokalaftale  om "
                                  "hjemmearbejde ", sections, styled=styled)  # fmt: skip
        draft = read_draft(path)
        for para in draft.paragraphs:
            assert para.text == " ".join(para.text.split())
            if para.heading is not None:
                assert para.heading == " ".join(para.heading.split())
        assert any("  " in s[1] for s in sections)  # the input did have runs of white space


def test_a_title_with_odd_spacing_is_still_found(library: Library, tmp_path: Path) -> None:
    """A heading typed with extra spaces and other case is the topic's title all the same."""
    path = drafts.write_draft(tmp_path / "titel.docx", "Lokalaftale om hjemmearbejde",
                              [("  TILGÆNGELIGHED  ", "Medarbejderen kan træffes mellem kl. 9 "
                                "og kl. 15.")], styled=False)  # fmt: skip
    found = find_topics(read_draft(path), library, "lokal")
    assert found["tilgaengelighed"].how == "overskrift"
