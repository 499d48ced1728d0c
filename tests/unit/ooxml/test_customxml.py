"""Answers embedded as a custom XML part can be read back."""

from __future__ import annotations

import io
from pathlib import Path

import docx

from assembler.ooxml.customxml import embed_payload, read_payload
from assembler.ooxml.package import package_bytes, read_package


def test_roundtrip_through_a_saved_docx(tmp_path: Path) -> None:
    buf = io.BytesIO()
    docx.Document().save(buf)
    source = tmp_path / "a.docx"
    source.write_bytes(buf.getvalue())
    parts = dict(read_package(source).parts)
    payload = {"sektor": "stat", "svar": {"parter": {"arbejdsgiver": "Region H & Co <AS> „x“"}}}
    embed_payload(parts, payload)
    target = tmp_path / "b.docx"
    target.write_bytes(package_bytes(parts))
    assert read_payload(read_package(target)) == payload
    reopened = docx.Document(str(target))  # python-docx accepts the new part and relationship
    assert reopened.paragraphs == [] or reopened.paragraphs[0].text == ""
