"""Word containers around runs, cells, rows and blocks: content controls (w:sdt), smart tags,
custom XML, hyperlinks, simple fields, bidi wrappers.

A container keeps its identity across versions (a content control by its w:id, tag or alias), so
text deleted from a control is written inside the same control as the text inserted into it: one
control in, one control out, with the revisions inside it (ECMA-376 §17.5.2 content controls).
"""

from __future__ import annotations

import copy

from lxml import etree

from assembler.ooxml.ns import qn

W_SDT, W_SDTPR, W_SDTCONTENT = qn("w:sdt"), qn("w:sdtPr"), qn("w:sdtContent")
W_CUSTOMXML, W_HYPERLINK = qn("w:customXml"), qn("w:hyperlink")
W_DATABINDING = qn("w:dataBinding")
PROPS = {qn("w:smartTagPr"), qn("w:customXmlPr"), W_SDTPR, qn("w:sdtEndPr")}
BLOCK_WRAPPERS = {W_SDT, W_CUSTOMXML}  # containers that may also hold paragraphs, rows or cells
R_ID = qn("r:id")


def identity(el: etree._Element) -> str:
    """What makes two containers of two versions the same container."""
    tag = etree.QName(el).localname
    if el.tag == W_SDT:
        pr = el.find(W_SDTPR)
        if pr is not None:
            for name in ("id", "tag", "alias"):
                child = pr.find(qn(f"w:{name}"))
                if child is not None and child.get(qn("w:val")):
                    return f"sdt:{name}:{child.get(qn('w:val'))}"
        return "sdt:"
    attrs = ",".join(f"{k!s}={v!s}" for k, v in sorted(el.attrib.items()))
    return f"{tag}:{attrs}"


def inner(el: etree._Element) -> etree._Element | None:
    """The element holding a container's content (w:sdtContent for a content control)."""
    return el.find(W_SDTCONTENT) if el.tag == W_SDT else el


def content(el: etree._Element) -> list[etree._Element]:
    """A container's content children (without its property elements)."""
    holder = inner(el)
    if holder is None:
        return []
    return [c for c in holder if isinstance(c.tag, str) and c.tag not in PROPS]


def shell(el: etree._Element) -> etree._Element:
    """An empty copy of a container keeping its attributes and property children."""
    out = etree.Element(el.tag, {str(k): str(v) for k, v in el.attrib.items()})
    for child in el:
        if child.tag in PROPS:
            out.append(copy.deepcopy(child))
    if el.tag == W_SDT:
        etree.SubElement(out, W_SDTCONTENT)
    return out


def holder_of(shell_el: etree._Element) -> etree._Element:
    """Where content goes in a shell made by shell()."""
    found = inner(shell_el)
    assert found is not None
    return found


def safe_from_older(el: etree._Element) -> bool:
    """Whether an older version's container can be written into the newer package as it is.

    A hyperlink's r:id names a relationship of the older package, which the redline does not
    have; its text is kept, the link is not.
    """
    return not (el.tag == W_HYPERLINK and el.get(R_ID))


def unbind(sdt: etree._Element) -> str | None:
    """Remove a changed content control's data binding; return the control's name if it had one.

    Word refills a bound control from its custom XML data store when it opens the document, which
    would replace the tracked deletion and insertion by the stored value. The store itself is kept
    as the newer version has it (it holds the accepted value).
    """
    pr = sdt.find(W_SDTPR)
    binding = pr.find(W_DATABINDING) if pr is not None else None
    if pr is None or binding is None:
        return None
    pr.remove(binding)
    for name in ("alias", "tag"):
        child = pr.find(qn(f"w:{name}"))
        if child is not None and child.get(qn("w:val")):
            return child.get(qn("w:val"))
    return "uden navn"


def has_revisions(el: etree._Element, first_id: int) -> bool:
    """Whether `el` holds a revision written by this comparison (id from first_id on)."""
    for rev in el.iter(qn("w:ins"), qn("w:del"), qn("w:rPrChange"), qn("w:pPrChange")):
        value = rev.get(qn("w:id"), "")
        if value.isdigit() and int(value) >= first_id:
            return True
    return False
