"""Paragraph styles read from a cut-down styles.xml give what the whole part gives."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from assembler.audit.numbering import Numbering
from assembler.audit.styles import STYLES, Style, read_styles
from assembler.ooxml.ns import qn
from assembler.ooxml.package import Package
from tests.unit.compare.fixtures import W_NS


def _whole(data: bytes) -> tuple[dict[str, Style], str]:
    """The paragraph styles and the default style, read from the whole part with lxml."""
    out, default = {}, "Normal"
    for style in etree.fromstring(data).iter(qn("w:style")):
        kind = style.get(qn("w:type"))
        if kind not in (None, "paragraph"):
            continue
        if kind == "paragraph" and style.get(qn("w:default")) in ("1", "true"):
            default = style.get(qn("w:styleId"), "Normal")

        def val(path: str, el: etree._Element = style) -> str | None:
            found = el.find("/".join(qn(p) for p in path.split("/")))
            return None if found is None else found.get(qn("w:val"))

        out[style.get(qn("w:styleId"), "")] = Style(
            val("w:name") or "",
            val("w:pPr/w:numPr/w:numId"),
            val("w:pPr/w:numPr/w:ilvl"),
            val("w:basedOn"),
        )
    return out, default


def _package(styles: bytes) -> Package:
    return Package(Path("v.docx"), {STYLES: styles})


def _python_docx_styles() -> bytes:
    """The 350 kB styles part of python-docx's template (table styles, latent styles, lists)."""
    buf = io.BytesIO()
    docx.Document().save(buf)
    return zipfile.ZipFile(buf).read(STYLES)


def test_a_large_real_styles_part_reads_as_the_whole_part() -> None:
    data = _python_docx_styles()
    styles = read_styles(_package(data))
    assert (styles.by_id, styles.default) == _whole(data)
    assert styles.by_id["Heading1"].name == "heading 1"
    assert styles.by_id["ListNumber"].num_id is not None  # numbering a style carries
    assert "LightShading" not in styles.by_id  # a table style never names a paragraph's style


ODD = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">
<w:style w:type='paragraph' w:default='1' w:styleId='Brod' w14:x="1"><w:name w:val='Brødtekst'/>
</w:style>
<w:style w:styleId="Untyped"><w:name w:val="heading 2"/><w:basedOn w:val="Brod"/></w:style>
<w:style w:type="paragraph" w:styleId="Tom"/>
<w:style w:type="table" w:styleId="Tabel"><w:name w:val="heading 9"/><w:pPr><w:numPr>
<w:numId w:val="7"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Liste"><w:name w:val="Liste"/><w:pPr><w:numPr>
<w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
</w:styles>"""


@pytest.mark.parametrize(
    "data",
    [
        ODD.encode(),  # single quotes, an untyped style, an empty one, a w14 attribute
        ODD.replace("w:", "x:").replace("xmlns:w=", "xmlns:x=").encode(),  # another prefix
        # a comment the cut cannot tell from a style: the whole part is read
        ODD.replace(
            "<w:style w:styleId=", '<!-- <w:style w:type="x"> --><w:style w:styleId='
        ).encode(),
    ],
)
def test_unusual_styles_parts_read_as_the_whole_part(data: bytes) -> None:
    styles = read_styles(_package(data))
    assert (styles.by_id, styles.default) == _whole(data)
    assert set(styles.by_id) == {"Brod", "Untyped", "Tom", "Liste"}
    assert styles.default == "Brod"


def test_numbering_follows_the_styles_read_once() -> None:
    numbering = f"""<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
    <w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>"""
    parts = {STYLES: ODD.encode(), "word/numbering.xml": numbering.encode()}
    package = Package(Path("v.docx"), parts)
    p = etree.fromstring(
        f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="Liste"/></w:pPr></w:p>'.encode()
    )
    plain = etree.fromstring(f'<w:p xmlns:w="{W_NS}"/>'.encode())
    for reader in (Numbering(package), Numbering(package, read_styles(package))):
        assert reader.number_of(p) == ("3", "1")
        assert reader.number_of(plain) is None
        assert reader.default_style == "Brod"


def test_versions_with_the_same_styles_part_share_one_reading() -> None:
    data = _python_docx_styles()
    first = read_styles(_package(data))
    assert read_styles(_package(bytes(bytearray(data)))) is first  # equal bytes, another object
    other = data.replace(b'w:styleId="Heading1"', b'w:styleId="Overskrift1"', 1)
    changed = read_styles(_package(other))
    assert changed is not first
    assert "Overskrift1" in changed.by_id and "Heading1" not in changed.by_id
    assert "Heading1" in first.by_id  # the earlier reading is untouched
    assert read_styles(_package(data)).by_id == first.by_id
