"""Readable changes: numbers, times, amounts and clause references change as whole tokens, and a
phrase whose words mostly changed is one deletion plus one insertion (issue 10 item 4)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from assembler.compare.seqdiff import tokenize
from tests.unit.compare.fixtures import make_docx, para, run
from tests.unit.compare.oracle import document_view
from tests.unit.compare.test_gates import redline

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _changes(data: bytes) -> tuple[list[str], list[str]]:
    """The texts of every w:del and w:ins of the body, in document order."""
    doc = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    dels = ["".join(t.text or "" for t in d.iter(f"{W}delText")) for d in doc.iter(f"{W}del")]
    ins = ["".join(t.text or "" for t in i.iter(f"{W}t")) for i in doc.iter(f"{W}ins")]
    return [d for d in dels if d], [i for i in ins if i]


def _compare(tmp_path: Path, old: str | list[str], new: str | list[str]) -> bytes:
    """Redline of two one-paragraph documents (a list gives the paragraph's runs)."""
    old_doc = make_docx([para(*(old if isinstance(old, list) else [old]))])
    new_doc = make_docx([para(*(new if isinstance(new, list) else [new]))])
    data = redline(tmp_path, old_doc, new_doc)
    assert document_view(data, "accept") == document_view(new_doc, "accept")
    assert document_view(data, "reject") == document_view(old_doc, "reject")
    return data


@pytest.mark.parametrize(
    ("old", "new", "deleted", "inserted"),
    [
        ("Kernetid fra kl. 9.00 til 15.00.", "Kernetid fra kl. 8.30 til 15.00.", "9.00", "8.30"),
        ("Mødet er kl. 09.00 hver mandag.", "Mødet er kl. 08.30 hver mandag.", "09.00", "08.30"),
        (
            "Tilskuddet er 1.250 kr. om året.",
            "Tilskuddet er 1.500 kr. om året.",
            "1.250 kr.",
            "1.500 kr.",
        ),
        ("Som nævnt i § 4 gælder det.", "Som nævnt i § 5 gælder det.", "§ 4", "§ 5"),
        (
            "Aftalen gælder fra 01.03.2026.",
            "Aftalen gælder fra 01.04.2026.",
            "01.03.2026",
            "01.04.2026",
        ),
        ("Højst 40 % af tiden.", "Højst 60 % af tiden.", "40 %", "60 %"),
    ],
)
def test_numbers_change_as_whole_tokens(
    tmp_path: Path, old: str, new: str, deleted: str, inserted: str
) -> None:
    assert _changes(_compare(tmp_path, old, new)) == ([deleted], [inserted])


def test_number_split_over_two_runs_is_still_one_token(tmp_path: Path) -> None:
    data = _compare(tmp_path, ["Fra kl. 9.", "00 hver dag."], ["Fra kl. 8.", "30 hver dag."])
    assert _changes(data) == (["9.00"], ["8.30"])


def test_number_with_different_formatting_parts_keeps_each_format(tmp_path: Path) -> None:
    old = ["Fra kl. ", run("9", "<w:b/>"), ".00 hver dag."]
    new = ["Fra kl. ", run("8", "<w:b/>"), ".00 hver dag."]
    assert _changes(_compare(tmp_path, old, new)) == (["9"], ["8"])


def test_mostly_rewritten_phrase_is_one_deletion_and_one_insertion(tmp_path: Path) -> None:
    # The demo's round: the notice for changing a home-work day.
    old = "Ændring meddeles senest på den 3. arbejdsdag før den pågældende dag."
    new = "Ændring meddeles senest kl. 12 dagen før."
    assert _changes(_compare(tmp_path, old, new)) == (
        ["på den 3. arbejdsdag før den pågældende dag"],
        ["kl. 12 dagen før"],
    )


def test_two_word_edits_in_a_sentence_stay_two_small_changes(tmp_path: Path) -> None:
    old = "Medarbejderen arbejder hjemme to dage om ugen efter aftale."
    new = "Medarbejderen arbejder hjemme tre dage om måneden efter aftale."
    assert _changes(_compare(tmp_path, old, new)) == (["to", "ugen"], ["tre", "måneden"])


def test_one_word_edit_is_one_word(tmp_path: Path) -> None:
    old = "Aftalen kan opsiges med tre måneders varsel."
    new = "Aftalen kan opsiges med seks måneders varsel."
    assert _changes(_compare(tmp_path, old, new)) == (["tre"], ["seks"])


def test_whitespace_and_punctuation_are_kept_byte_for_byte(tmp_path: Path) -> None:
    old = "Punkt a; punkt b ;  punkt c:\u00a0slut."
    new = "Punkt a;  punkt b; punkt c :\u00a0slut ."
    data = _compare(tmp_path, old, new)
    assert document_view(data, "accept")["body"] == [new]
    assert document_view(data, "reject")["body"] == [old]


def test_tokenizer_keeps_units_and_signs() -> None:
    assert tokenize("1.250,- kr og §§ 5a") == ["1.250,- kr", " ", "og", " ", "§§ 5a"]
    assert tokenize("2 krus") == ["2", " ", "krus"]


def test_edge_space_word_drops_is_not_written_back(tmp_path: Path) -> None:
    """A w:t without xml:space="preserve" shows without its edge spaces in Word; the redline
    must not bring them back (that was the stray space before a semicolon)."""
    old = make_docx([para("Kernetid kl. 9-15; fleksibel start.")])
    new_xml = para(
        "<w:r><w:t>Kernetid kl. 9-14</w:t></w:r>", "<w:r><w:t> ; fleksibel start.</w:t></w:r>"
    )
    new = make_docx([new_xml])
    data = redline(tmp_path, old, new)
    assert document_view(new, "accept")["body"] == ["Kernetid kl. 9-14; fleksibel start."]
    assert document_view(data, "accept")["body"] == ["Kernetid kl. 9-14; fleksibel start."]
    assert document_view(data, "reject")["body"] == ["Kernetid kl. 9-15; fleksibel start."]
    doc = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert " ;" not in doc
