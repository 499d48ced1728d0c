"""Build the bundled Word templates lokalaftale.docx and individuel_aftale.docx.

Run `python word_templates/build_templates.py` after changing this script; the .docx files are
committed so lawyers can restyle them in Word. Clause headings use style "Heading 1", numbered by
Word's own multilevel list ("§ 1."), so numbering stays right when clauses are added in Word.
The second level of the same list numbers a clause's further paragraphs in the Danish way: the
first paragraph has no number, the next ones read "Stk. 2.", "Stk. 3." (style "Stk"); the count
restarts under every § heading because the level restarts after its parent level.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from assembler.ooxml.package import package_bytes

HERE = Path(__file__).resolve().parent
HEADING_NUM_ID = 20
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)

NUMBERING_XML = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="{HEADING_NUM_ID}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/>
    <w:lvlText w:val="§ %1."/><w:lvlJc w:val="left"/>
    <w:pPr><w:tabs><w:tab w:val="num" w:pos="851"/></w:tabs>
      <w:ind w:left="851" w:hanging="851"/></w:pPr>
  </w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="2"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Stk"/>
    <w:suff w:val="space"/><w:lvlText w:val="Stk. %2."/><w:lvlJc w:val="left"/>
    <w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr><w:rPr><w:i/></w:rPr>
  </w:lvl>
</w:abstractNum>
"""


def _styles(doc: Document) -> None:
    """Define the body, title, heading and list styles (Danish language, readable type)."""
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    rpr = normal.element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = parse_xml(f"<w:lang {nsdecls('w')}/>")
        rpr.append(lang)
    lang.set(qn("w:val"), "da-DK")
    lang.set(qn("w:eastAsia"), "da-DK")
    title = styles["Title"]
    title.font.name = "Calibri Light"
    title.font.size = Pt(22)
    title.font.color.rgb = ACCENT
    title.paragraph_format.space_after = Pt(6)
    subtitle = styles["Subtitle"]
    subtitle.font.size = Pt(12)
    subtitle.paragraph_format.space_after = Pt(12)
    heading = styles["Heading 1"]
    heading.font.name = "Calibri"
    heading.font.size = Pt(13)
    heading.font.color.rgb = ACCENT
    heading.paragraph_format.space_before = Pt(14)
    heading.paragraph_format.space_after = Pt(4)
    heading.paragraph_format.keep_with_next = True
    ppr = heading.element.get_or_add_pPr()
    ppr.insert(
        0,
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/>'
            f'<w:numId w:val="{HEADING_NUM_ID}"/></w:numPr>'
        ),
    )
    stk = styles.add_style("Stk", WD_STYLE_TYPE.PARAGRAPH)
    stk.base_style = styles["Normal"]
    stk.element.get_or_add_pPr().insert(
        0,
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="1"/>'
            f'<w:numId w:val="{HEADING_NUM_ID}"/></w:numPr>'
        ),
    )
    sign = styles.add_style("Underskrifter", WD_STYLE_TYPE.PARAGRAPH)
    sign.base_style = styles["Normal"]
    sign.font.bold = True
    sign.font.color.rgb = ACCENT
    sign.paragraph_format.space_before = Pt(18)
    sign.paragraph_format.keep_with_next = True
    annex = styles.add_style("Bilag", WD_STYLE_TYPE.PARAGRAPH)
    annex.base_style = styles["Normal"]
    annex.font.bold = True
    annex.font.size = Pt(13)
    annex.font.color.rgb = ACCENT
    annex.paragraph_format.page_break_before = True
    annex.paragraph_format.space_after = Pt(8)
    annex.paragraph_format.keep_with_next = True
    section = styles.add_style("Bilagsafsnit", WD_STYLE_TYPE.PARAGRAPH)
    section.base_style = styles["Normal"]
    section.font.bold = True
    section.paragraph_format.space_before = Pt(8)
    section.paragraph_format.keep_with_next = True
    styles["List Bullet"].paragraph_format.space_after = Pt(3)
    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(8.5)
        styles[name].font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def _numbering(doc: Document) -> None:
    """Add the multilevel list behind the clause headings."""
    numbering = doc.part.numbering_part.element
    abstract = parse_xml(NUMBERING_XML)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{HEADING_NUM_ID}">'
            f'<w:abstractNumId w:val="{HEADING_NUM_ID}"/></w:num>'
        )
    )


def _field_run(paragraph: object, instruction: str) -> None:
    """Append a simple field (PAGE, NUMPAGES) to a paragraph."""
    paragraph._p.append(
        parse_xml(  # type: ignore[attr-defined]
            f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} ">'
            "<w:r><w:t>1</w:t></w:r></w:fldSimple>"
        )
    )


def _right_tab_only(paragraph: Any) -> None:
    """One right-aligned tab stop at the A4 text width, instead of the Letter-sized defaults."""
    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT)
    tabs = paragraph._p.get_or_add_pPr().find(qn("w:tabs"))
    for pos in ("4680", "9360"):  # clear the Header/Footer styles' Letter-sized tab stops
        tabs.append(parse_xml(f'<w:tab {nsdecls("w")} w:val="clear" w:pos="{pos}"/>'))
    tabs[:] = sorted(tabs, key=lambda tab: int(tab.get(qn("w:pos"))))  # Word keeps them sorted


def _header_footer(doc: Document, title: str) -> None:
    """Header with the title and, while a draft, version and date; footer with page numbers.

    No tool provenance is printed: the library version is in the document properties.
    """
    section = doc.sections[0]
    section.page_width = Cm(21)  # A4, as Danish agreements are printed
    section.page_height = Cm(29.7)
    section.top_margin = Cm(2.5)
    section.bottom_margin = Cm(2.2)
    section.left_margin = Cm(2.5)
    section.right_margin = Cm(2.5)
    header = section.header.paragraphs[0]
    header.text = f"{title}\t{{{{ aftale.status }}}}"
    header.style = doc.styles["Header"]
    _right_tab_only(header)
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Footer"]
    _right_tab_only(footer)
    footer.add_run("\tSide ")
    _field_run(footer, "PAGE")
    footer.add_run(" af ")
    _field_run(footer, "NUMPAGES")


def _text_paragraph(doc: Document, style: str | None = None) -> None:
    """A paragraph holding a clause text; spaces kept (a cross-reference field splits the run)."""
    paragraph = doc.add_paragraph("{{ a.tekst }}", style=style)
    paragraph.runs[0]._r.find(qn("w:t")).set(
        "{http://www.w3.org/XML/1998/namespace}space", "preserve"
    )


def _clause_loop(doc: Document) -> None:
    """The loop over clauses: numbered heading, then body, stk. and bullet paragraphs."""
    doc.add_paragraph("{%p for k in klausuler %}")
    doc.add_paragraph("{{ k.titel }}", style="Heading 1")
    doc.add_paragraph("{%p for a in k.afsnit %}")
    doc.add_paragraph("{%p if a.punkt %}")
    _text_paragraph(doc, "List Bullet")
    doc.add_paragraph("{%p elif a.stk %}")
    _text_paragraph(doc, "Stk")
    doc.add_paragraph("{%p else %}")
    _text_paragraph(doc)
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")


def _keep_row_together(row: Any) -> None:
    """A table row that never splits across pages and keeps with the next row."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def _signature_table(doc: Document) -> None:
    """The signature heading and one table row per two signatories (see render/signatures.py)."""
    doc.add_paragraph("Underskrifter", style="Underskrifter")
    table = doc.add_table(rows=3, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.rows[0].cells[0].paragraphs[0].text = "{%tr for r in underskrifter %}"
    table.rows[2].cells[0].paragraphs[0].text = "{%tr endfor %}"
    lines = ("part", "sted", "", "linje", "navn", "titel")
    for cell, side in zip(table.rows[1].cells, ("venstre", "hoejre"), strict=True):
        for index, field in enumerate(lines):
            para = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            if field:
                run = para.add_run(f"{{{{ r.{side}.{field} }}}}")
                run.bold = field == "part"
            para.paragraph_format.space_after = Pt(2)
    _keep_row_together(table.rows[1])


def _annex(doc: Document) -> None:
    """Annex 1, when the context has one: the individual agreement's template."""
    doc.add_paragraph("{%p if bilag %}")
    doc.add_paragraph("{{ bilagstitel }}", style="Bilag")
    doc.add_paragraph("{{ bilagsintro }}")
    doc.add_paragraph("{%p for b in bilag %}")
    doc.add_paragraph("{{ b.titel }}", style="Bilagsafsnit")
    doc.add_paragraph("{%p for l in b.linjer %}")
    doc.add_paragraph("{%p if l.punkt %}")
    doc.add_paragraph("{{ l.tekst }}", style="List Bullet")
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph("{{ l.tekst }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")


def _base(title: str) -> Document:
    """A document with styles, numbering, header/footer and fixed core properties."""
    doc = Document()
    _styles(doc)
    _numbering(doc)
    _header_footer(doc, title)
    props = doc.core_properties
    props.title = title
    props.author = "aftale"
    props.last_modified_by = "aftale"
    props.comments = ""
    props.language = "da-DK"
    props.created = dt.datetime(2026, 1, 1)
    props.modified = dt.datetime(2026, 1, 1)
    props.revision = 1
    return doc


def build_local() -> Document:
    """The local agreement template."""
    title = "Lokalaftale om fast tilbagevendende hjemmearbejde"
    doc = _base(title)
    doc.add_paragraph(title, style="Title")
    doc.add_paragraph(
        "mellem {{ felter.parter.arbejdsgiver }} og {{ felter.parter.organisationer }}",
        style="Subtitle",
    )
    _clause_loop(doc)
    _signature_table(doc)
    _annex(doc)
    return doc


def build_individual() -> Document:
    """The individual agreement template."""
    title = "Individuel aftale om fast tilbagevendende hjemmearbejde"
    doc = _base(title)
    doc.add_paragraph(title, style="Title")
    doc.add_paragraph(
        "mellem {{ felter.parter.navn }} og {{ lokal.parter.arbejdsgiver }}", style="Subtitle"
    )
    _clause_loop(doc)
    _signature_table(doc)
    return doc


def deterministic_bytes(doc: Document) -> bytes:
    """Save through python-docx, then re-zip with fixed timestamps and order."""
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as archive:
        parts = {
            i.filename: archive.read(i)
            for i in archive.infolist()
            if i.filename != "docProps/thumbnail.jpeg"
        }
    rels = parts["_rels/.rels"].decode()
    if "thumbnail" in rels:  # the empty-page thumbnail would misrepresent our documents
        import re

        rels = re.sub(r"<Relationship [^>]*thumbnail[^>]*/>", "", rels)
        parts["_rels/.rels"] = rels.encode()
    ctypes = (
        parts["[Content_Types].xml"]
        .decode()
        .replace('<Default Extension="jpeg" ContentType="image/jpeg"/>', "")
    )
    parts["[Content_Types].xml"] = ctypes.encode()
    return package_bytes(parts)


def main() -> None:
    """Write both templates next to this script."""
    (HERE / "lokalaftale.docx").write_bytes(deterministic_bytes(build_local()))
    (HERE / "individuel_aftale.docx").write_bytes(deterministic_bytes(build_individual()))
    print("Skrev word_templates/lokalaftale.docx og word_templates/individuel_aftale.docx")


if __name__ == "__main__":
    main()
