"""Large parts proved well-formed are remembered between runs by digest, never by content."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import assembler.safeio.zipcheck as zipcheck
from assembler.errors import InputFileError
from assembler.ooxml import checked
from assembler.ooxml.package import check_packages, read_package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"/>'
)
DOCUMENT = f'<w:document xmlns:w="{W}"><w:body><w:p/></w:body></w:document>'.encode()
SECRET = "Fortroligt stilnavn"


def _styles(extra: bytes = b"") -> bytes:
    body = b"".join(
        f'<w:style w:styleId="S{k}"><w:name w:val="{SECRET} {k}"/></w:style>'.encode()
        for k in range(1200)
    )
    return f'<w:styles xmlns:w="{W}">'.encode() + body + extra + b"</w:styles>"


def _docx(path: Path, styles: bytes) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", DOCUMENT)
        archive.writestr("word/styles.xml", styles)
        archive.writestr("word/settings.xml", f'<w:settings xmlns:w="{W}"/>'.encode())
    path.write_bytes(buf.getvalue())
    return path


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The names of the word/ parts check_parts parses, in a cache folder of this test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    names: list[str] = []
    real = zipcheck._well_formed

    def counting(path: Path, name: str, data: bytes) -> None:
        if name.startswith("word/"):  # not the content types check_structure reads
            names.append(name)
        real(path, name, data)

    monkeypatch.setattr(zipcheck, "_well_formed", counting)
    return names


def _check(*paths: Path) -> None:
    check_packages([read_package(p, "docx", parts_later=True) for p in paths])


def test_a_large_part_is_parsed_once_across_runs(parsed: list[str], tmp_path: Path) -> None:
    styles = _styles()
    assert len(styles) >= checked.MIN_SIZE
    old, new = _docx(tmp_path / "a.docx", styles), _docx(tmp_path / "b.docx", styles)
    _check(old, new)
    assert parsed == ["word/styles.xml", "word/settings.xml"]  # equal parts of b: once
    parsed.clear()
    _check(old, new)  # a later run: the styles are known by their digest; the small part not
    assert parsed == ["word/settings.xml"]
    kept = (tmp_path / "cache" / "aftale").glob("xml-checked-*.txt")
    text = next(kept).read_text(encoding="ascii")
    assert text.split() == [checked.digest(styles)]
    assert SECRET not in text  # a digest, never the document's content


def test_a_damaged_part_is_refused_after_a_sound_one_was_kept(
    parsed: list[str], tmp_path: Path
) -> None:
    good = _docx(tmp_path / "a.docx", _styles())
    _check(good)
    broken = _docx(tmp_path / "b.docx", _styles(b"<w:style>"))  # an unclosed element
    with pytest.raises(InputFileError, match=r"delen 'word/styles.xml' er ikke gyldig XML"):
        _check(good, broken)
    with pytest.raises(InputFileError, match=r"delen 'word/styles.xml' er ikke gyldig XML"):
        _check(broken)
    folder = tmp_path / "cache" / "aftale"
    assert [p.read_text().split() for p in folder.glob("xml-checked-*.txt")] == [
        [checked.digest(_styles())]
    ]


def test_a_damaged_memory_is_ignored(parsed: list[str], tmp_path: Path) -> None:
    folder = tmp_path / "cache" / "aftale"
    folder.mkdir(parents=True)
    styles = _styles()
    (folder / checked._file_name()).write_bytes(
        b"\xff\xfe not a digest\n" + checked.digest(styles).upper().encode() + b"\n"
    )
    _check(_docx(tmp_path / "a.docx", styles))
    assert parsed == ["word/styles.xml", "word/settings.xml"]


def test_an_unwritable_cache_only_means_parsing(
    parsed: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    doc = _docx(tmp_path / "a.docx", _styles())
    _check(doc)
    _check(doc)
    assert parsed.count("word/styles.xml") == 2
