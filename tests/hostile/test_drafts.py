"""Drafts given to `tjek`, versions given to `sammenlign`: refused or handled, never passed on."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from assembler.errors import InputFileError
from assembler.ooxml.package import read_package
from assembler.safeio.budget import command_budget
from tests.hostile.corpus import (
    aftale,
    assert_no_english,
    assert_refused,
    document_xml,
    minimal_docx,
    snapshot,
    styled_docx,
)

EXTERNAL = '<!DOCTYPE w:document [<!ENTITY e SYSTEM "file:///etc/passwd">]>'


def test_external_entity_after_a_long_comment_is_refused(tmp_path: Path) -> None:
    prolog = "<!--" + "x" * 100_000 + "-->" + EXTERNAL
    document = document_xml(["&e; Aftale om hjemmearbejde"], prolog=prolog)
    (tmp_path / "udkast.docx").write_bytes(minimal_docx(document))
    before = snapshot(tmp_path)
    run = aftale("tjek", "udkast.docx", cwd=tmp_path)
    assert_refused(run, "udkast.docx", "delen 'word/document.xml'", "DOCTYPE/ENTITY")
    assert snapshot(tmp_path) == before  # no review copy Word could not open


def test_doctype_in_a_part_we_only_carry_is_refused(tmp_path: Path) -> None:
    settings = '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "a">]><w:settings/>'
    (tmp_path / "udkast.docx").write_bytes(minimal_docx(**{"word/settings.xml": settings}))
    assert_refused(aftale("tjek", "udkast.docx", cwd=tmp_path), "delen 'word/settings.xml'")


@pytest.mark.parametrize("member", ["../../evil_slip.txt", "/etc/cron.d/evil", "word/../../x.xml"])
def test_hostile_member_names_are_refused_by_tjek_and_sammenlign(
    tmp_path: Path, member: str
) -> None:
    (tmp_path / "v1.docx").write_bytes(minimal_docx())
    (tmp_path / "v2.docx").write_bytes(minimal_docx(**{member: b"evil"}))
    before = snapshot(tmp_path)
    assert_refused(aftale("tjek", "v2.docx", cwd=tmp_path), f"delen {member!r}")
    run = aftale("sammenlign", "v1.docx", "v2.docx", "-o", "r.docx", "--oversigt", "o.xlsx",
                 cwd=tmp_path)  # fmt: skip
    assert_refused(run, "v2.docx", f"delen {member!r}", "uden for dokumentet")
    assert snapshot(tmp_path) == before


def test_a_member_given_twice_is_refused(tmp_path: Path) -> None:
    data = minimal_docx()
    with zipfile.ZipFile(tmp_path / "dobbelt.docx", "w") as archive:
        with zipfile.ZipFile(__import__("io").BytesIO(data)) as source:
            for info in source.infolist():
                archive.writestr(info.filename, source.read(info))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
            archive.writestr("word/document.xml", document_xml(["Noget andet"]))
    assert_refused(aftale("tjek", "dobbelt.docx", cwd=tmp_path), "findes to gange")


def test_a_package_without_document_relationships_gets_a_valid_review_copy(
    tmp_path: Path,
) -> None:
    (tmp_path / "genereret.docx").write_bytes(minimal_docx())
    run = aftale("tjek", "genereret.docx", "--sektor", "stat", cwd=tmp_path)
    assert run.code in (0, 1), run.err  # 1: the draft breaks rules (the review says which)
    assert_no_english(run)
    assert "Gennemgangskopi med kommentarer" in run.out
    copy = tmp_path / "genereret-gennemgang.docx"
    with zipfile.ZipFile(copy) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
        types = archive.read("[Content_Types].xml").decode()
        comments = archive.read("word/comments.xml").decode()
    assert 'Target="comments.xml"' in rels and "/word/comments.xml" in types
    assert "<w:comment " in comments
    assert docx.Document(str(copy)).paragraphs[0].text == "Aftale om hjemmearbejde"


def test_three_versions_share_one_budget(tmp_path: Path) -> None:
    """Each version passes alone; together they pass the command's limit and are refused."""
    paragraphs = [
        f"Afsnit {i}: medarbejderen arbejder hjemme dag {i % 5 + 1}." for i in range(220_000)
    ]
    data = minimal_docx(document_xml(paragraphs))
    for k in (1, 2, 3):
        (tmp_path / f"v{k}.docx").write_bytes(data)
    with command_budget():
        read_package(tmp_path / "v1.docx")
        read_package(tmp_path / "v2.docx")
        with pytest.raises(InputFileError, match="fylder tilsammen"):
            read_package(tmp_path / "v3.docx")
    read_package(tmp_path / "v3.docx")  # outside a command, each file alone is fine
    run = aftale("sammenlign", "v1.docx", "v2.docx", "v3.docx", "-o", "r.docx", cwd=tmp_path)
    assert_refused(run, "v1.docx, v2.docx, v3.docx fylder tilsammen", "Word-XML")
    assert not (tmp_path / "r.docx").exists()


def test_a_formula_heading_stays_text_in_the_change_overview(tmp_path: Path) -> None:
    body = "Medarbejderen arbejder hjemme to dage om ugen."
    styled_docx(tmp_path / "v1.docx", [("Heading 1", "Arbejdstid"), ("", body)])
    styled_docx(tmp_path / "v2.docx", [("Heading 1", "=1+2"), ("", body + " Mandag og fredag.")])
    run = aftale("sammenlign", "v1.docx", "v2.docx", "-o", "r.docx", "--oversigt", "o.xlsx",
                 cwd=tmp_path)  # fmt: skip
    assert run.code == 0, run.err
    cells = [
        c for row in openpyxl.load_workbook(tmp_path / "o.xlsx").active.iter_rows() for c in row
    ]
    texts = [c for c in cells if isinstance(c.value, str) and c.value.startswith("=")]
    assert texts, "the heading =1+2 should be in the overview"
    assert all(c.data_type == "s" for c in texts)
    with zipfile.ZipFile(tmp_path / "o.xlsx") as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert not any(b"<f>" in s for s in sheets)


def test_the_wrong_kind_of_file_is_named(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.save(tmp_path / "regneark.docx")
    assert_refused(aftale("tjek", "regneark.docx", cwd=tmp_path), "ikke et Word-dokument")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + b"EncryptedPackage"
    (tmp_path / "krypteret.docx").write_bytes(ole)
    assert_refused(aftale("tjek", "krypteret.docx", cwd=tmp_path), "adgangskode")
