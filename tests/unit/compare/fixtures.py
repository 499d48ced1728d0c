"""Build small .docx files from literal WordprocessingML for the compare tests."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"

# Namespaces of text boxes (DrawingML with its VML fallback) and content controls.
DRAWING_NS = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'mc:Ignorable="w14"'
)

STYLES = f"""<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>
<w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr>
<w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>
<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>"""


def run(text: str, props: str = "") -> str:
    """A w:r with text and optional run properties XML."""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*runs: str, style: str = "", anchor: str = "", ppr: str = "") -> str:
    """A w:p from run XML strings (plain strings become plain runs)."""
    body = "".join(r if r.startswith("<") else run(r) for r in runs)
    if anchor:
        body = f'<w:bookmarkStart w:id="9{len(anchor)}" w:name="{anchor}"/>{body}'
        body += f'<w:bookmarkEnd w:id="9{len(anchor)}"/>'
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    props = f"<w:pPr>{style_xml}{ppr}</w:pPr>" if style_xml or ppr else ""
    return f"<w:p>{props}{body}</w:p>"


def table(rows: list[list[str]]) -> str:
    """A simple table whose cells each hold one paragraph."""
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in rows[0])
    body = "".join(
        "<w:tr>"
        + "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{para(c)}</w:tc>' for c in row
        )
        + "</w:tr>"
        for row in rows
    )
    props = '<w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
    return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def footnote_ref(note_id: int) -> str:
    """A run holding a footnote reference."""
    return (
        f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        f'<w:footnoteReference w:id="{note_id}"/></w:r>'
    )


def make_docx(
    body: list[str],
    header: list[str] | None = None,
    footer: list[str] | None = None,
    footnotes: dict[int, str] | None = None,
    comments: str | None = None,
    extra_rels: list[str] | None = None,
    extra_parts: dict[str, str] | None = None,
) -> bytes:
    """Zip a minimal but complete .docx from block XML strings.

    `extra_rels` are Relationship elements of the main part (hyperlinks, custom XML) and
    `extra_parts` more parts by name (a custom XML data store, its properties).
    """
    rels = list(extra_rels or [])
    types = [
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
        f'<Override PartName="/word/document.xml" ContentType="{CT_MAIN}.document.main+xml"/>',
        f'<Override PartName="/word/styles.xml" ContentType="{CT_MAIN}.styles+xml"/>',
    ]
    parts: dict[str, str] = {"word/styles.xml": STYLES, **(extra_parts or {})}
    rels.append(f'<Relationship Id="rIdS" Type="{DOC_REL}/styles" Target="styles.xml"/>')
    sect_refs = ""
    if header is not None:
        parts["word/header1.xml"] = (
            f'<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{"".join(header)}</w:hdr>'
        )
        rels.append(f'<Relationship Id="rIdH" Type="{DOC_REL}/header" Target="header1.xml"/>')
        types.append(f'<Override PartName="/word/header1.xml" ContentType="{CT_MAIN}.header+xml"/>')
        sect_refs += '<w:headerReference w:type="default" r:id="rIdH"/>'
    if footer is not None:
        parts["word/footer1.xml"] = (
            f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{"".join(footer)}</w:ftr>'
        )
        rels.append(f'<Relationship Id="rIdF" Type="{DOC_REL}/footer" Target="footer1.xml"/>')
        types.append(f'<Override PartName="/word/footer1.xml" ContentType="{CT_MAIN}.footer+xml"/>')
        sect_refs += '<w:footerReference w:type="default" r:id="rIdF"/>'
    if footnotes is not None:
        notes = (
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            "<w:continuationSeparator/>"
            "</w:r></w:p></w:footnote>"
        )
        for nid, text in sorted(footnotes.items()):
            notes += f'<w:footnote w:id="{nid}">{para(text)}</w:footnote>'
        parts["word/footnotes.xml"] = (
            f'<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}">{notes}</w:footnotes>'
        )
        rels.append(f'<Relationship Id="rIdN" Type="{DOC_REL}/footnotes" Target="footnotes.xml"/>')
        types.append(
            f'<Override PartName="/word/footnotes.xml" ContentType="{CT_MAIN}.footnotes+xml"/>'
        )
    if comments is not None:
        parts["word/comments.xml"] = f'<w:comments xmlns:w="{W_NS}">{comments}</w:comments>'
        rels.append(f'<Relationship Id="rIdC" Type="{DOC_REL}/comments" Target="comments.xml"/>')
        types.append(
            f'<Override PartName="/word/comments.xml" ContentType="{CT_MAIN}.comments+xml"/>'
        )
    sect = f'<w:sectPr>{sect_refs}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
    parts["word/document.xml"] = (
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}" {DRAWING_NS}>'
        f"<w:body>{''.join(body)}{sect}</w:body></w:document>"
    )
    parts["word/_rels/document.xml.rels"] = (
        f'<Relationships xmlns="{PKG_REL}">{"".join(rels)}</Relationships>'
    )
    parts["_rels/.rels"] = (
        f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
        f'Type="{DOC_REL}/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        + "".join(types)
        + "</Types>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in [
            "[Content_Types].xml",
            "_rels/.rels",
            *sorted(k for k in parts if k[0] != "[" and k[0] != "_"),
        ]:
            zf.writestr(
                name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + parts[name]
            )
    return buf.getvalue()


def write(tmp: Path, name: str, data: bytes) -> Path:
    """Write fixture bytes to tmp/name and return the path."""
    path = tmp / name
    path.write_bytes(data)
    return path


def write_versions(folder: Path, *bodies: list[str]) -> list[Path]:
    """Each body as folder/v1.docx, v2.docx, … in order; their paths."""
    return [write(folder, f"v{k}.docx", make_docx(body)) for k, body in enumerate(bodies, 1)]
