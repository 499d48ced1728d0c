"""`aftale sammenlign` end to end: redline, summary, rounds and bad input."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import load_workbook

from tests.acceptance.cli_helpers import run_cli
from tests.unit.compare.fixtures import make_docx, para
from tests.unit.compare.oracle import document_view
from tests.unit.compare.scenarios import BODY, INTRO, LAST, MOVED, scenarios

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run `aftale sammenlign` in-process; return exit code, stdout, stderr."""
    result = run_cli(capsys, "sammenlign", *args)
    return result.code, result.out, result.err


def _versions(tmp_path: Path, *versions: bytes) -> list[Path]:
    """Write v1.docx, v2.docx … and return their paths."""
    paths = [tmp_path / f"v{k}.docx" for k in range(1, len(versions) + 1)]
    for path, data in zip(paths, versions, strict=True):
        path.write_bytes(data)
    return paths


def test_redline_and_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = scenarios()["ankre"]
    (tmp_path / "v1.docx").write_bytes(old)
    (tmp_path / "v2.docx").write_bytes(new)
    code, out, err = cli(
        capsys,
        str(tmp_path / "v1.docx"),
        str(tmp_path / "v2.docx"),
        "-o",
        str(tmp_path / "r.docx"),
        "--oversigt",
        str(tmp_path / "o.xlsx"),
        "--forfatter",
        "Ledelsen",
        "--dato",
        "2026-03-01",
    )
    assert code == 0, err
    assert err == ""
    assert "flyttet" in out
    data = (tmp_path / "r.docx").read_bytes()
    assert document_view(data, "accept") == document_view(new, "accept")
    assert b'w:author="Ledelsen"' in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    ws = load_workbook(tmp_path / "o.xlsx")["Oversigt"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("Runde", "Forfatter", "Dato")
    # The lighter clause is the one moved; its edited heading shows as before → after.
    moved = [r for r in rows[1:] if str(r[6]).startswith("flyttet")]
    assert [(r[4], r[5], r[7], r[8]) for r in moved] == [
        ("Udstyr og indretning", "Udstyr", "Udstyr", "Udstyr og indretning")
    ]


def test_three_rounds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    v1 = make_docx([para("Omfang", style="Heading1"), para(BODY), para(MOVED)])
    v2 = make_docx([para("Omfang", style="Heading1"), para(BODY.replace("to", "tre")), para(MOVED)])
    v3 = make_docx(
        [para("Omfang", style="Heading1"), para(BODY.replace("to", "tre")), para(MOVED), para(LAST)]
    )
    paths = _versions(tmp_path, v1, v2, v3)
    code, _, err = cli(
        capsys,
        *map(str, paths),
        "-o",
        str(tmp_path / "r.docx"),
        "--oversigt",
        str(tmp_path / "o.xlsx"),
        "--forfatter",
        "Ledelsen",
        "--forfatter",
        "Tillidsrepræsentanten",
    )
    assert code == 0, err
    for name in ("r-runde1.docx", "r-runde2.docx", "r.docx"):
        assert (tmp_path / name).exists()
    cumulative = (tmp_path / "r.docx").read_bytes()
    assert document_view(cumulative, "reject") == document_view(v1, "reject")
    assert document_view(cumulative, "accept") == document_view(v3, "accept")
    history = load_workbook(tmp_path / "o.xlsx")["Historik"]
    rows = list(history.iter_rows(values_only=True))
    assert "Ledelsen" in str(rows[0][3]) and "Tillidsrepræsentanten" in str(rows[0][4])
    assert rows[1][3] == "ændret af Ledelsen"
    assert rows[1][4] == "ændret af Tillidsrepræsentanten"


def test_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = scenarios()["ord"]
    (tmp_path / "v1.docx").write_bytes(old)
    (tmp_path / "v2.docx").write_bytes(new)
    (tmp_path / "r.docx").write_bytes(b"keep")
    code, _, err = cli(
        capsys, str(tmp_path / "v1.docx"), str(tmp_path / "v2.docx"), "-o", str(tmp_path / "r.docx")
    )
    assert code == 1
    assert "Fejl:" in err and "--overskriv" in err
    assert (tmp_path / "r.docx").read_bytes() == b"keep"


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _entity_docx() -> bytes:
    good = zipfile.ZipFile(io.BytesIO(make_docx([para(INTRO)])))
    parts = {n: good.read(n) for n in good.namelist()}
    parts["word/document.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]>'
        + parts["word/document.xml"].split(b"?>", 1)[1]
    )
    return _zip(parts)


BAD = {
    "tekst.docx": (b"Dette er ikke et Word-dokument", "ikke et Word-dokument"),
    "beskadiget.docx": (b"PK\x03\x04" + b"\x00" * 200, "beskadiget"),
    "bombe.docx": (
        _zip(
            {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\x20" * (30 * 1024 * 1024)}
        ),
        "zip-bombe",
    ),
    "entitet.docx": (_entity_docx(), "DOCTYPE"),
    "kode.docx": (OLE + b"\x00" * 512 + "EncryptionInfo".encode("utf-16-le"), "adgangskode"),
    "gammel.doc": (OLE + b"\x00" * 512, ".doc"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_gives_danish_error_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    data, expected = BAD[name]
    good = tmp_path / "v1.docx"
    good.write_bytes(make_docx([para(INTRO)]))
    bad = tmp_path / name
    bad.write_bytes(data)
    code, _, err = cli(
        capsys,
        str(good),
        str(bad),
        "-o",
        str(tmp_path / "r.docx"),
        "--oversigt",
        str(tmp_path / "o.xlsx"),
    )
    assert code == 1
    assert err.startswith("Fejl:")
    assert expected in err
    assert not (tmp_path / "r.docx").exists()
    assert not (tmp_path / "o.xlsx").exists()


def test_bad_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = scenarios()["ord"]
    (tmp_path / "v1.docx").write_bytes(old)
    (tmp_path / "v2.docx").write_bytes(new)
    code, _, err = cli(
        capsys, str(tmp_path / "v1.docx"), str(tmp_path / "v2.docx"), "--dato", "1. marts"
    )
    assert code == 1
    assert "ÅÅÅÅ-MM-DD" in err


def test_cumulative_redline_attributes_each_change_to_its_round(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    v1 = make_docx([para("Omfang", style="Heading1"), para(BODY), para(MOVED), para(LAST)])
    v2 = make_docx(
        [para("Omfang", style="Heading1"), para(BODY.replace("to dage", "tre dage")), para(MOVED)]
    )
    v3 = make_docx(
        [
            para("Omfang", style="Heading1"),
            para(BODY.replace("to dage", "tre dage")),
            para(MOVED.replace("bærbar computer", "bærbar pc")),
        ]
    )
    paths = _versions(tmp_path, v1, v2, v3)
    code, out, err = cli(
        capsys,
        *map(str, paths),
        "-o",
        str(tmp_path / "r.docx"),
        "--forfatter",
        "Ledelsen",
        "--forfatter",
        "TR",
        "--dato",
        "2026-03-01",
        "--dato",
        "2026-03-08",
    )
    assert code == 0, err
    doc = etree.fromstring(zipfile.ZipFile(tmp_path / "r.docx").read("word/document.xml"))
    by_text = {}
    for el in doc.iter(f"{W}ins", f"{W}del"):
        text = "".join(el.itertext())
        if text.strip():
            by_text[(etree.QName(el).localname, text)] = (el.get(f"{W}author"), el.get(f"{W}date"))
    assert by_text[("ins", "tre")] == ("Ledelsen", "2026-03-01T00:00:00Z")
    assert by_text[("del", "to")] == ("Ledelsen", "2026-03-01T00:00:00Z")
    assert by_text[("ins", "pc")] == ("TR", "2026-03-08T00:00:00Z")
    assert by_text[("del", LAST)] == ("Ledelsen", "2026-03-01T00:00:00Z")
    assert "tilskrevet den runde" in out
