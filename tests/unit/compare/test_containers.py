"""Every Word container round-trips with its revisions inside it (issue 10 item 1)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from assembler.compare.selfcheck import check, read_parts
from tests.unit.compare.containers import container_pairs
from tests.unit.compare.oracle import count_tags, document_view
from tests.unit.compare.test_gates import redline

PAIRS = container_pairs()
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REVISIONS = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")


def _doc(data: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_accept_is_newer_and_reject_is_older(tmp_path: Path, name: str) -> None:
    old, new = PAIRS[name]
    data = redline(tmp_path, old, new)
    assert document_view(data, "accept") == document_view(new, "accept")
    assert document_view(data, "reject") == document_view(old, "reject")
    assert check(read_parts(data), read_parts(old), read_parts(new)) == []
    assert sum(count_tags(data, t) for t in REVISIONS) > 0, "the change is tracked"


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_one_container_in_one_out(tmp_path: Path, name: str) -> None:
    old, new = PAIRS[name]
    data = redline(tmp_path, old, new)
    for tag in ("sdt", "hyperlink", "smartTag", "customXml", "fldSimple", "txbxContent"):
        assert count_tags(data, tag) == max(count_tags(old, tag), count_tags(new, tag)), tag
    if name != "felt_kode":  # a changed field code replaces the whole field (see below)
        assert count_tags(data, "fldChar") == count_tags(new, "fldChar")
    assert count_tags(data, "bookmarkStart") == count_tags(new, "bookmarkStart")
    assert count_tags(data, "commentRangeStart") == count_tags(new, "commentRangeStart")


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_compare_with_itself_adds_nothing(tmp_path: Path, name: str) -> None:
    _, new = PAIRS[name]
    data = redline(tmp_path, new, new)
    assert sum(count_tags(data, t) for t in REVISIONS) == 0


def _inside(data: bytes, container: str) -> tuple[str, str]:
    """Deleted and inserted text inside the named container elements."""
    doc = _doc(data)
    dels = "".join(t.text or "" for c in doc.iter(f"{W}{container}") for t in c.iter(f"{W}delText"))
    ins = "".join(
        t.text or ""
        for c in doc.iter(f"{W}{container}")
        for i in c.iter(f"{W}ins")
        for t in i.iter(f"{W}t")
    )
    return dels, ins


def test_block_control_holds_its_revisions(tmp_path: Path) -> None:
    data = redline(tmp_path, *PAIRS["sdt_blok"])
    assert _inside(data, "sdtContent") == ("hjemmearbejde 2026", "distancearbejde 2027")


def test_inline_control_stays_one_control_with_deleted_text_inside(tmp_path: Path) -> None:
    data = redline(tmp_path, *PAIRS["sdt_inline_udskiftet"])
    assert count_tags(data, "sdt") == 1
    assert _inside(data, "sdtContent") == ("Jens Hansen", "Mette Sørensen")


def test_row_control_keeps_row_revisions_inside(tmp_path: Path) -> None:
    data = redline(tmp_path, *PAIRS["sdt_raekke"])
    doc = _doc(data)
    [sdt] = list(doc.iter(f"{W}sdt"))
    assert (
        len(sdt.findall(f"{W}sdtContent/{W}tr")) == 3
    )  # Mandag (changed), Tirsdag (del), Onsdag (ins)


def test_nested_controls_stay_nested(tmp_path: Path) -> None:
    data = redline(tmp_path, *PAIRS["sdt_indlejret"])
    doc = _doc(data)
    outer = [s for s in doc.iter(f"{W}sdt") if s.getparent().tag == f"{W}body"]
    assert len(outer) == 1
    inner = list(outer[0].iter(f"{W}sdt"))[1:]
    assert len(inner) == 1
    assert "".join(t.text or "" for t in inner[0].iter(f"{W}delText")) == "Ole Olsen"


def test_text_box_fallback_kept_in_step(tmp_path: Path) -> None:
    data = redline(tmp_path, *PAIRS["tekstfelt"])
    doc = _doc(data)
    boxes = list(doc.iter(f"{W}txbxContent"))
    assert len(boxes) == 2  # DrawingML and its VML fallback
    for box in boxes:
        assert (
            "".join(t.text or "" for i in box.iter(f"{W}ins") for t in i.iter(f"{W}t")).strip()
            == "altid"
        )
    assert count_tags(data, "drawing") == 1


def test_hyperlink_and_field_code_are_kept(tmp_path: Path) -> None:
    data = redline(tmp_path, *PAIRS["hyperlink"])
    [link] = list(_doc(data).iter(f"{W}hyperlink"))
    assert (
        link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        == "rIdL"
    )
    assert link.find(f"{W}ins") is not None and link.find(f"{W}del") is not None
    data = redline(tmp_path, *PAIRS["felt_komplekst"])
    doc = _doc(data)
    assert [t.text for t in doc.iter(f"{W}instrText")] == [' DATE \\@ "d. MMMM yyyy" ']
    assert not list(doc.iter(f"{W}delInstrText"))


def test_data_bound_control_shows_its_change(tmp_path: Path) -> None:
    """Word refills a bound control from the data store when it opens the file, which would hide
    the tracked change; the changed control is unbound in the redline, the data store kept."""
    old, new = PAIRS["sdt_databinding"]
    data = redline(tmp_path, old, new)
    assert count_tags(data, "dataBinding") == 0
    store = zipfile.ZipFile(io.BytesIO(data)).read("customXml/item1.xml").decode()
    assert "Mette Sørensen" in store
    assert _inside(data, "sdtContent") == ("Jens Hansen", "Mette Sørensen")
    same = redline(tmp_path, new, new)
    assert count_tags(same, "dataBinding") == 1  # an unchanged control keeps its binding


def test_unbinding_is_told_in_the_notes(tmp_path: Path) -> None:
    from assembler.compare.packages import compare_packages
    from assembler.ooxml.package import read_package

    old, new = PAIRS["sdt_databinding"]
    (tmp_path / "a.docx").write_bytes(old)
    (tmp_path / "b.docx").write_bytes(new)
    result = compare_packages(
        read_package(tmp_path / "a.docx"), read_package(tmp_path / "b.docx"), "T", "2026-01-01"
    )
    assert any("„Navn“" in n and "bindingen er fjernet" in n for n in result.notes)


def test_changed_field_code_replaces_the_whole_field(tmp_path: Path) -> None:
    """Word reads a field whose code alone is deleted as partly deleted; the whole older field
    is deleted and the whole newer one inserted, each with its code kept as w:instrText or
    w:delInstrText."""
    old, new = PAIRS["felt_kode"]
    doc = _doc(redline(tmp_path, old, new))
    deleted = [d for d in doc.iter(f"{W}del") if d.find(f".//{W}fldChar") is not None]
    inserted = [i for i in doc.iter(f"{W}ins") if i.find(f".//{W}fldChar") is not None]
    assert len(deleted) == 1 and len(inserted) == 1
    assert len(deleted[0].findall(f".//{W}fldChar")) == 3
    assert [t.text for t in deleted[0].iter(f"{W}delInstrText")] == [" REF _Ref1 \\h "]
    assert [t.text for t in inserted[0].iter(f"{W}instrText")] == [" REF _Ref2 \\h "]
