"""Correctness gates: accept-all gives the newer text, reject-all the older, ids unique, stable."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from assembler.compare.packages import compare_packages
from assembler.ooxml.package import read_package
from tests.unit.compare.oracle import count_tags, document_view, revision_ids
from tests.unit.compare.scenarios import scenarios

SCENARIOS = scenarios()
REVISION_TAGS = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")


def redline(tmp_path: Path, old: bytes, new: bytes) -> bytes:
    """Compare two fixture documents and return the redline bytes."""
    (tmp_path / "v1.docx").write_bytes(old)
    (tmp_path / "v2.docx").write_bytes(new)
    result = compare_packages(
        read_package(tmp_path / "v1.docx"),
        read_package(tmp_path / "v2.docx"),
        "Tester",
        "2026-02-01T09:00:00Z",
    )
    return result.data


def _nonempty(view: dict[str, list[str]]) -> dict[str, list[str]]:
    """Drop notes that exist only as empty shells in one of the views."""
    return {k: v for k, v in view.items() if v or not k.startswith("word/footnotes")}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_accept_gives_newer_and_reject_gives_older(tmp_path: Path, name: str) -> None:
    old, new = SCENARIOS[name]
    data = redline(tmp_path, old, new)
    assert _nonempty(document_view(data, "accept")) == _nonempty(document_view(new, "accept"))
    assert _nonempty(document_view(data, "reject")) == _nonempty(document_view(old, "reject"))


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_ids_unique_and_output_deterministic(tmp_path: Path, name: str) -> None:
    old, new = SCENARIOS[name]
    first = redline(tmp_path, old, new)
    second = redline(tmp_path, old, new)
    assert first == second
    ids = revision_ids(first)
    # moveFromRangeStart/moveToRangeStart share an id with their range end only
    assert len(ids) == len(set(ids))
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        for part in zf.namelist():
            if part.endswith(".xml"):
                etree.fromstring(zf.read(part))


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_compare_with_itself_adds_nothing(tmp_path: Path, name: str) -> None:
    _, new = SCENARIOS[name]
    data = redline(tmp_path, new, new)
    for tag in REVISION_TAGS:
        assert count_tags(data, tag) == count_tags(new, tag), tag


def test_word_edit_is_word_level(tmp_path: Path) -> None:
    old, new = SCENARIOS["ord"]
    data = redline(tmp_path, old, new)
    assert count_tags(data, "ins") == 1
    assert count_tags(data, "del") == 1
    assert b'<w:delText xml:space="preserve">to</w:delText>' in _doc(data)


def test_move_is_a_move(tmp_path: Path) -> None:
    old, new = SCENARIOS["flyttet"]
    data = redline(tmp_path, old, new)
    assert count_tags(data, "moveFrom") >= 1
    assert count_tags(data, "moveTo") >= 1
    doc = etree.fromstring(_doc(data))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert not doc.findall(f".//{w}del/{w}r")  # nothing retyped: the old text sits in w:moveFrom


def test_split_is_a_paragraph_mark_change(tmp_path: Path) -> None:
    old, new = SCENARIOS["delt"]
    doc = etree.fromstring(_doc(redline(tmp_path, old, new)))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    marks = doc.findall(f".//{w}pPr/{w}rPr/{w}ins")
    assert len(marks) == 1
    retyped = "".join(t.text or "" for t in doc.iter(f"{w}delText"))
    assert len(retyped) < 10  # only " efter" or similar, not the whole sentence


def test_formatting_change_is_rprchange(tmp_path: Path) -> None:
    old, new = SCENARIOS["fed"]
    data = redline(tmp_path, old, new)
    assert count_tags(data, "rPrChange") == 1
    assert count_tags(data, "ins") == 0
    assert count_tags(data, "del") == 0


def test_paragraph_format_change_is_pprchange(tmp_path: Path) -> None:
    old, new = SCENARIOS["afsnitsformat"]
    assert count_tags(redline(tmp_path, old, new), "pPrChange") == 1


def test_prior_revisions_are_kept(tmp_path: Path) -> None:
    old, new = SCENARIOS["tidligere_rettelser"]
    doc = _doc(redline(tmp_path, old, new))
    assert doc.count(b'w:author="Modpart"') == 2
    assert doc.count(b'w:author="Tester"') >= 1


def test_anchored_clause_move(tmp_path: Path) -> None:
    old, new = SCENARIOS["ankre"]
    data = redline(tmp_path, old, new)
    assert count_tags(data, "moveTo") >= 1


def _doc(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("word/document.xml")


def test_renumbered_footnote_is_paired_by_text(tmp_path: Path) -> None:
    old, new = SCENARIOS["fodnoter_omnummereret"]
    data = redline(tmp_path, old, new)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        notes = zf.read("word/footnotes.xml")
    assert b"<w:delText" not in notes  # the old note is not compared with the new one
    assert _doc(data).count(b"<w:ins ") == 1  # only the new reference is inserted in the body
    assert _doc(data).count(b"<w:del ") == 0


def test_hand_typed_renumbering_is_one_small_change(tmp_path: Path) -> None:
    from tests.unit.compare.fixtures import make_docx, para

    clauses = [
        ("Transport", "Rejsetid fra hjemmet medregnes som arbejdstid ved tjenesterejser."),
        ("Evaluering", "Parterne evaluerer aftalen i samarbejdsudvalget efter et år."),
        ("Opsigelse", "Aftalen kan opsiges med tre måneders varsel til udgangen af en måned."),
    ]
    old = [para(f"§ {n} {title}", style="Heading1") for n, (title, _) in enumerate(clauses, 6)]
    old = [
        x
        for n, (h, (_, body)) in enumerate(zip(old, clauses, strict=True))
        for x in (h, para(body))
    ]
    new = [para(f"§ {n} {title}", style="Heading1") for n, (title, _) in enumerate(clauses[1:], 6)]
    new = [x for h, (_, body) in zip(new, clauses[1:], strict=True) for x in (h, para(body))]
    data = redline(tmp_path, make_docx(old), make_docx(new))
    assert document_view(data, "accept") == document_view(make_docx(new), "accept")
    assert document_view(data, "reject") == document_view(make_docx(old), "reject")
    doc = etree.fromstring(_doc(data))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    headings = [p for p in doc.iter(f"{w}p") if "Evaluering" in "".join(p.itertext())]
    [evaluering] = [p for p in headings if p.find(f"{w}pPr/{w}pStyle") is not None]
    deleted = "".join(t.text or "" for t in evaluering.iter(f"{w}delText"))
    inserted = "".join(
        t.text or "" for ins in evaluering.iter(f"{w}ins") for t in ins.iter(f"{w}t")
    )
    assert (deleted.strip(), inserted.strip()) == ("§ 7", "§ 6"), "one clause reference swapped"
