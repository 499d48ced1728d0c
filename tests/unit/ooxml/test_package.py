"""Untrusted packages are refused with Danish messages; written packages are deterministic."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from assembler.errors import InputFileError, OutputError
from assembler.ooxml.package import OLE_MAGIC, package_bytes, read_package, write_atomic

CONTENT_TYPES = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buf.getvalue()


def test_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_text("hej")
    with pytest.raises(InputFileError, match="ikke et Word-dokument"):
        read_package(path)


def test_old_doc_format(tmp_path: Path) -> None:
    path = tmp_path / "a.doc"
    path.write_bytes(OLE_MAGIC + b"\0" * 600)
    with pytest.raises(InputFileError, match=r"gamle \.doc-format"):
        read_package(path)


def test_password_protected(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(OLE_MAGIC + b"\0" * 100 + "EncryptionInfo".encode("utf-16-le"))
    with pytest.raises(InputFileError, match="adgangskode"):
        read_package(path)


def test_corrupt_zip(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(InputFileError, match="beskadiget"):
        read_package(path)


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(
        _zip(
            {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"<a/>" + b" " * 50_000_000}
        )
    )
    with pytest.raises(InputFileError, match="zip-bombe"):
        read_package(path)


def test_entity_attack_is_refused(tmp_path: Path) -> None:
    evil = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'
    path = tmp_path / "evil.docx"
    path.write_bytes(_zip({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": evil}))
    with pytest.raises(InputFileError, match=r"delen 'word/document.xml' .*DOCTYPE/ENTITY"):
        read_package(path)  # refused when read, before any part is used


def test_package_bytes_are_deterministic_and_ordered() -> None:
    parts = {"word/document.xml": b"<a/>", "_rels/.rels": b"<r/>", "[Content_Types].xml": b"<t/>"}
    first = package_bytes(parts)
    assert first == package_bytes(dict(reversed(list(parts.items()))))
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.namelist()[:2] == ["[Content_Types].xml", "_rels/.rels"]
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_write_atomic_never_clobbers(tmp_path: Path) -> None:
    target = tmp_path / "x.docx"
    write_atomic(target, b"one")
    with pytest.raises(OutputError, match="--overskriv"):
        write_atomic(target, b"two")
    assert target.read_bytes() == b"one"
    write_atomic(target, b"two", overwrite=True)
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["x.docx"]


def test_write_atomic_leaves_only_the_target_readable_by_its_owner(tmp_path: Path) -> None:
    target = tmp_path / "ud" / "redline.docx"
    write_atomic(target, b"first")
    write_atomic(target, b"second", overwrite=True)
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["redline.docx"]  # no temporary left
    assert target.stat().st_mode & 0o777 == 0o600  # as tempfile.mkstemp made it before
