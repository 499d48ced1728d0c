"""Cross-reference fields and keep-with-next, placed in rendered WordprocessingML.

A clause text says "jf. {{ § opsigelse }}"; the renderer leaves a mark in the paragraph's text
(bookmark and the number it computed) and this module turns each mark into a complex REF field
(ECMA-376 Part 1 §17.16.5.51) to the clause heading's hidden bookmark. The `\\n` switch makes
Word show the heading's list number without its trailing period ("§ 9" for the level text
"§ %1."; MS-OI29500 2.1.495 c), `\\h` makes it a link. The cached result is our own number, so
the text reads right before any field update, and Word keeps it right when clauses move.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from lxml import etree

from assembler.ooxml.ns import NS, qn

FIELD_START, FIELD_SEP, FIELD_END = "\ue000", "\ue001", "\ue002"
MARK = re.compile(f"{FIELD_START}([^{FIELD_SEP}]*){FIELD_SEP}([^{FIELD_END}]*){FIELD_END}")
# A simple run holding a mark: <w:r …><w:rPr>…</w:rPr><w:t …>text</w:t></w:r>
_MARKED_RUN = re.compile(
    r"(?P<open><w:r(?: [^>]*)?>)(?P<rpr><w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?"
    rf"<w:t(?: [^>]*)?>(?P<text>[^<]*{FIELD_START}[^<]*)</w:t></w:r>",
    re.S,
)


def last_tag_start(xml: str, name: str, start: int, end: int) -> int:
    """max(xml.rfind(f"<{name}>", start, end), xml.rfind(f"<{name} ", start, end)): where the
    last start tag of an element called `name` begins, -1 if none.

    One backward search for the shared prefix, stepping over longer names that begin with it
    (`<w:pPr>` for `w:p`): each of the two searches above ran back to `start` whenever its
    form was absent (no `<w:p ` in our paragraphs), a scan of the whole document per call.
    """
    prefix = "<" + name
    end = min(end, len(xml))
    if end < 1:  # (end - 1 below would count from the string's end)
        return -1
    at = xml.rfind(prefix, start, end - 1)  # the full tag (prefix + 1 character) ends by `end`
    while at >= 0 and xml[at + len(prefix)] not in "> ":
        at = xml.rfind(prefix, start, at + len(prefix) - 1)
    return at


def ref_instruction(bookmark: str) -> str:
    """The field code of a reference to a numbered heading's paragraph number."""
    return f" REF {bookmark} \\n \\h "


def _field_runs(open_tag: str, rpr: str, bookmark: str, shown: str) -> str:
    """The five runs of a complex REF field with its cached result."""
    return "".join(
        f"{open_tag}{rpr}{body}</w:r>"
        for body in (
            '<w:fldChar w:fldCharType="begin"/>',
            f'<w:instrText xml:space="preserve">{escape(ref_instruction(bookmark))}</w:instrText>',
            '<w:fldChar w:fldCharType="separate"/>',
            f"<w:t>{shown}</w:t>",
            '<w:fldChar w:fldCharType="end"/>',
        )
    )


# Split runs by the run's XML: the marked runs come from shared clauses, so a batch meets the
# same few again and again.
_SPLIT: dict[str, str] = {}
MAX_SPLIT = 1024


def _split_run(match: re.Match[str]) -> str:
    """One marked run as text runs and field runs, each with the run's own properties."""
    run = match.group(0)
    split = _SPLIT.get(run)
    if split is None:
        if len(_SPLIT) >= MAX_SPLIT:
            _SPLIT.clear()
        split = _SPLIT[run] = _split_run_now(match)
    return split


def _split_run_now(match: re.Match[str]) -> str:
    """_split_run, worked out."""
    open_tag, rpr, text = match.group("open"), match.group("rpr") or "", match.group("text")
    out, last = [], 0
    for mark in MARK.finditer(text):
        if mark.start() > last:
            out.append(f'{open_tag}{rpr}<w:t xml:space="preserve">{text[last : mark.start()]}')
            out.append("</w:t></w:r>")
        out.append(_field_runs(open_tag, rpr, mark.group(1), mark.group(2)))
        last = mark.end()
    if last < len(text):
        out.append(f'{open_tag}{rpr}<w:t xml:space="preserve">{text[last:]}</w:t></w:r>')
    return "".join(out)


def place_ref_fields(xml: str) -> str:
    """Turn every cross-reference mark in a rendered part into a REF field."""
    mark = xml.find(FIELD_START)
    if mark < 0:
        return xml
    # A marked run can only start at the last <w:r> tag before its mark (run properties hold no
    # run tags), so each mark is matched there: the same runs _MARKED_RUN.sub would replace,
    # without trying the pattern at every run of a long document.
    pieces: list[str] = []
    done = 0  # everything before this offset is already in pieces
    while mark >= 0:
        run = last_tag_start(xml, "w:r", done, mark)
        match = _MARKED_RUN.match(xml, run) if run >= 0 else None
        if match is not None and match.end() > mark:
            pieces += [xml[done:run], _split_run(match)]
            done = match.end()
        mark = xml.find(FIELD_START, max(mark + 1, done))
    pieces.append(xml[done:])
    xml = "".join(pieces)
    if FIELD_START in xml:  # a run with other content (a tab, a break): split it on the tree
        root = etree.fromstring(xml.encode("utf-8"))
        _place_on_tree(root)
        xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).decode()
    return xml


def _place_on_tree(root: etree._Element) -> None:
    """The general case: split each marked w:t's run into runs and fields on the element tree."""
    for t in list(root.iter(qn("w:t"))):
        text = t.text or ""
        run = t.getparent()
        if FIELD_START not in text or run is None:
            continue
        rpr = run.find(qn("w:rPr"))
        rpr_xml = "" if rpr is None else etree.tostring(rpr).decode()
        pieces = f"<w:r>{rpr_xml}<w:t>{escape(text)}</w:t></w:r>"
        fragment = _MARKED_RUN.sub(_split_run, pieces)
        wrapper = etree.fromstring(f'<x xmlns:w="{NS["w"]}">{fragment}</x>')
        new_runs = list(wrapper)
        # the run keeps its other children (tabs, breaks) before the text; the text moves out
        run.remove(t)
        anchor = run
        for new in new_runs:
            anchor.addnext(new)
            anchor = new


def _last_paragraph_start(xml: str, end: int) -> int:
    """Where the last <w:p> or <w:p …> tag that starts and ends its name before `end` begins."""
    return last_tag_start(xml, "w:p", 0, end)


def keep_with_next_before(xml: str, style_id: str) -> str:
    """Add keep-with-next to the paragraph before the first paragraph in the given style.

    The signature block must never stand alone on a page: the last paragraph of the last clause
    keeps with the signature heading, whose style keeps with the signature table.
    """
    target = xml.find(f'<w:pStyle w:val="{style_id}"/>')
    if target < 0:
        return xml
    # the last two paragraph starts before the target (searched backwards: documents are long)
    before = _last_paragraph_start(xml, target)
    start = _last_paragraph_start(xml, before) if before >= 0 else -1
    if start < 0:
        return xml
    head_end = xml.index(">", start) + 1
    paragraph = xml[start:before]
    if "<w:keepNext/>" in paragraph:
        return xml
    if xml.startswith("<w:pPr>", head_end):
        insert_at = head_end + len("<w:pPr>")
        style = re.match(r"<w:pStyle [^>]*/>", xml[insert_at:])
        if style:
            insert_at += style.end()  # keepNext follows pStyle in the pPr sequence
        return xml[:insert_at] + "<w:keepNext/>" + xml[insert_at:]
    return xml[:head_end] + "<w:pPr><w:keepNext/></w:pPr>" + xml[head_end:]
