"""Pairs of versions whose changes sit inside Word containers (issue 10 item 1).

Content controls at block, inline, row and cell level, nested and data-bound; smartTag and
customXml wrappers; text boxes (DrawingML with their VML fallback); hyperlinks; simple and complex
fields; bookmarks and comment ranges spanning the changed text.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from tests.unit.compare.fixtures import DOC_REL, make_docx, para, run

INTRO = "Aftalen gælder for medarbejdere, der arbejder hjemme fast hver uge."
LAST = "Aftalen kan opsiges med tre måneders varsel til udgangen af en måned."
STORE = "{6C3C8BC8-F283-45AE-878A-BAB7291924A1}"


def sdt_props(tag: str, sdt_id: int, extra: str = "") -> str:
    """w:sdtPr with alias, tag and id (and extra children such as w:dataBinding)."""
    return (
        f'<w:sdtPr><w:alias w:val="{tag.title()}"/><w:tag w:val="{tag}"/>'
        f'<w:id w:val="{sdt_id}"/>{extra}</w:sdtPr>'
    )


def block_sdt(tag: str, sdt_id: int, *blocks: str) -> str:
    """A block-level content control around paragraphs or tables."""
    return f"<w:sdt>{sdt_props(tag, sdt_id)}<w:sdtContent>{''.join(blocks)}</w:sdtContent></w:sdt>"


def inline_sdt(tag: str, sdt_id: int, text: str, extra: str = "") -> str:
    """An inline content control (a form field) holding one run."""
    props = sdt_props(tag, sdt_id, extra)
    return f"<w:sdt>{props}<w:sdtContent>{run(text)}</w:sdtContent></w:sdt>"


def row(*cells: str) -> str:
    """A table row of one-paragraph cells."""
    return "<w:tr>" + "".join(f"<w:tc>{para(c)}</w:tc>" for c in cells) + "</w:tr>"


def table(*rows: str) -> str:
    """A two-column table from row XML."""
    grid = '<w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>'
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>{grid}{"".join(rows)}</w:tbl>'


def text_box(*paragraphs: str) -> str:
    """A run holding a text box as Word writes it: DrawingML with a VML fallback."""
    content = f"<w:txbxContent>{''.join(paragraphs)}</w:txbxContent>"
    drawing = (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
        '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
        '</wp:posOffset></wp:positionV><wp:extent cx="2000000" cy="600000"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/>'
        '<wp:docPr id="1" name="Tekstfelt 1"/><wp:cNvGraphicFramePr/>'
        "<a:graphic><a:graphicData "
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        '<a:ext cx="2000000" cy="600000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        f"</a:prstGeom></wps:spPr><wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    fallback = (
        '<w:pict><v:shape id="Tekstfelt1" style="width:157pt;height:47pt" type="#_x0000_t202">'
        f"<v:textbox>{content}</v:textbox></v:shape></w:pict>"
    )
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        f"{drawing}</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>"
    )


def complex_field(instr: str, result: str) -> str:
    """A complex field: begin, code, separate, result run, end."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{escape(instr)}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run(result)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _store(value: str) -> dict[str, str]:
    """A custom XML data store holding the employee's name."""
    return {
        "customXml/item1.xml": (
            f'<aftale xmlns="urn:aftale:test"><navn>{escape(value)}</navn></aftale>'
        ),
        "customXml/itemProps1.xml": (
            '<ds:datastoreItem xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'customXml" ds:itemID="{STORE}"><ds:schemaRefs/></ds:datastoreItem>'
        ),
        "customXml/_rels/item1.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{DOC_REL}/customXmlProps" Target="itemProps1.xml"/>'
            "</Relationships>"
        ),
    }


BINDING = (
    "<w:dataBinding w:prefixMappings=\"xmlns:ns0='urn:aftale:test'\" "
    f'w:xpath="/ns0:aftale[1]/ns0:navn[1]" w:storeItemID="{STORE}"/>'
)
LINK_REL = (
    f'<Relationship Id="rIdL" Type="{DOC_REL}/hyperlink" '
    'Target="https://www.retsinformation.dk/" TargetMode="External"/>'
)
CUSTOM_XML_REL = (
    f'<Relationship Id="rIdX" Type="{DOC_REL}/customXml" Target="../customXml/item1.xml"/>'
)


def _doc(body: list[str], **kw: object) -> bytes:
    """A document with the fixed first and last paragraph around `body`."""
    return make_docx([para(INTRO), *body, para(LAST)], **kw)  # type: ignore[arg-type]


def container_pairs() -> dict[str, tuple[bytes, bytes]]:
    """Name → (older, newer) .docx bytes, one container each."""
    s: dict[str, tuple[bytes, bytes]] = {}
    s["sdt_blok"] = (
        _doc([block_sdt("titel", 11, para("Lokalaftale om hjemmearbejde 2026", style="Heading1"))]),
        _doc(
            [block_sdt("titel", 11, para("Lokalaftale om distancearbejde 2027", style="Heading1"))]
        ),
    )
    s["sdt_blok_flere_afsnit"] = (
        _doc([block_sdt("omfang", 12, para("Første afsnit om omfang."), para("Andet afsnit."))]),
        _doc([block_sdt("omfang", 12, para("Første afsnit om det nye omfang."), para("Tredje."))]),
    )
    s["sdt_blok_ny"] = (
        _doc([]),
        _doc([block_sdt("bilag", 13, para("Et nyt bilag om udstyr."))]),
    )
    s["sdt_blok_slettet"] = (
        _doc([block_sdt("bilag", 13, para("Et bilag om udstyr, der udgår."))]),
        _doc([]),
    )
    s["sdt_inline"] = (
        _doc([para("Medarbejder: ", inline_sdt("navn", 21, "Jens Hansen"), ", afdeling A.")]),
        _doc([para("Medarbejder: ", inline_sdt("navn", 21, "Jens Hansen-Berg"), ", afdeling A.")]),
    )
    s["sdt_inline_udskiftet"] = (
        _doc([para("Medarbejder: ", inline_sdt("navn", 21, "Jens Hansen"), ", afdeling A.")]),
        _doc([para("Medarbejder: ", inline_sdt("navn", 21, "Mette Sørensen"), ", afdeling A.")]),
    )
    s["sdt_celle"] = (
        _doc(
            [
                table(
                    row("Navn", "x"),
                    f"<w:tr><w:tc>{para('Sted')}</w:tc><w:tc>"
                    f"{block_sdt('sted', 31, para('Hjemme mandag'))}</w:tc></w:tr>",
                )
            ]
        ),
        _doc(
            [
                table(
                    row("Navn", "x"),
                    f"<w:tr><w:tc>{para('Sted')}</w:tc><w:tc>"
                    f"{block_sdt('sted', 31, para('Hjemme tirsdag'))}</w:tc></w:tr>",
                )
            ]
        ),
    )
    s["sdt_celleniveau"] = (
        _doc(
            [
                table(
                    row("Dag", "Sted"),
                    "<w:tr><w:tc>"
                    + para("Mandag")
                    + "</w:tc>"
                    + block_sdt("sted", 32, f"<w:tc>{para('Hjemme hele dagen')}</w:tc>")
                    + "</w:tr>",
                )
            ]
        ),
        _doc(
            [
                table(
                    row("Dag", "Sted"),
                    "<w:tr><w:tc>"
                    + para("Mandag")
                    + "</w:tc>"
                    + block_sdt("sted", 32, f"<w:tc>{para('Hjemme om formiddagen')}</w:tc>")
                    + "</w:tr>",
                )
            ]
        ),
    )
    s["sdt_raekke"] = (
        _doc(
            [
                table(
                    row("Dag", "Sted"),
                    block_sdt("dage", 41, row("Mandag", "Hjemme"), row("Tirsdag", "Kontor")),
                )
            ]
        ),
        _doc(
            [
                table(
                    row("Dag", "Sted"),
                    block_sdt("dage", 41, row("Mandag", "Kontor"), row("Onsdag", "Hjemme")),
                )
            ]
        ),
    )
    s["sdt_indlejret"] = (
        _doc(
            [
                block_sdt(
                    "parter",
                    51,
                    para("Mellem ", inline_sdt("leder", 52, "Ole Olsen"), " og medarbejderen."),
                )
            ]
        ),
        _doc(
            [
                block_sdt(
                    "parter",
                    51,
                    para("Mellem ", inline_sdt("leder", 52, "Ida Holm"), " og medarbejderen Per."),
                )
            ]
        ),
    )
    s["sdt_databinding"] = (
        _doc(
            [para("Navn: ", inline_sdt("navn", 61, "Jens Hansen", BINDING), ".")],
            extra_rels=[CUSTOM_XML_REL],
            extra_parts=_store("Jens Hansen"),
        ),
        _doc(
            [para("Navn: ", inline_sdt("navn", 61, "Mette Sørensen", BINDING), ".")],
            extra_rels=[CUSTOM_XML_REL],
            extra_parts=_store("Mette Sørensen"),
        ),
    )
    s["smarttag_customxml"] = (
        _doc(
            [
                para(
                    "Mødet er ",
                    '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" '
                    'w:element="date">' + run("1. marts") + "</w:smartTag>",
                    " i ",
                    '<w:customXml w:element="sted">' + run("Aarhus") + "</w:customXml>",
                    ".",
                )
            ]
        ),
        _doc(
            [
                para(
                    "Mødet er ",
                    '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" '
                    'w:element="date">' + run("15. marts") + "</w:smartTag>",
                    " i ",
                    '<w:customXml w:element="sted">' + run("Aalborg") + "</w:customXml>",
                    ".",
                )
            ]
        ),
    )
    s["tekstfelt"] = (
        _doc([para("Se boksen: ", text_box(para("Husk at låse skærmen."), para("Brug VPN.")))]),
        _doc(
            [para("Se boksen: ", text_box(para("Husk altid at låse skærmen."), para("Brug VPN.")))]
        ),
    )
    s["hyperlink"] = (
        _doc(
            [
                para(
                    "Se ",
                    '<w:hyperlink r:id="rIdL">'
                    + run("rammeaftalen om hjemmearbejde")
                    + "</w:hyperlink>",
                    ".",
                )
            ],
            extra_rels=[LINK_REL],
        ),
        _doc(
            [
                para(
                    "Se ",
                    '<w:hyperlink r:id="rIdL">'
                    + run("den nye rammeaftale om distancearbejde")
                    + "</w:hyperlink>",
                    ".",
                )
            ],
            extra_rels=[LINK_REL],
        ),
    )
    s["felt_simpelt"] = (
        _doc(
            [para("Side ", '<w:fldSimple w:instr=" PAGE ">' + run("1") + "</w:fldSimple>", " af 3")]
        ),
        _doc(
            [para("Side ", '<w:fldSimple w:instr=" PAGE ">' + run("2") + "</w:fldSimple>", " af 4")]
        ),
    )
    s["felt_komplekst"] = (
        _doc([para("Dato: ", complex_field(' DATE \\@ "d. MMMM yyyy" ', "1. marts 2026"), ".")]),
        _doc([para("Dato: ", complex_field(' DATE \\@ "d. MMMM yyyy" ', "2. april 2026"), ".")]),
    )
    s["felt_kode"] = (
        _doc([para("Se ", complex_field(" REF _Ref1 \\h ", "§ 4"), " om udstyr.")]),
        _doc([para("Se ", complex_field(" REF _Ref2 \\h ", "§ 5"), " om udstyr.")]),
    )
    s["bogmaerke_kommentar"] = (
        _doc(
            [
                para(
                    "Arbejdstiden er ",
                    '<w:bookmarkStart w:id="7" w:name="tid"/>',
                    "kl. 9.00 til 15.00",
                    '<w:bookmarkEnd w:id="7"/>',
                    " hver dag.",
                )
            ]
        ),
        _doc(
            [
                para(
                    "Arbejdstiden er ",
                    '<w:bookmarkStart w:id="7" w:name="tid"/>',
                    '<w:commentRangeStart w:id="3"/>',
                    "kl. 8.30 til 15.00",
                    '<w:commentRangeEnd w:id="3"/>',
                    '<w:r><w:commentReference w:id="3"/></w:r>',
                    '<w:bookmarkEnd w:id="7"/>',
                    " hver dag.",
                )
            ],
            comments='<w:comment w:id="3" w:author="TR" w:initials="TR"><w:p>'
            + run("Tidligere start?")
            + "</w:p></w:comment>",
        ),
    )
    return s
