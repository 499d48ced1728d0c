"""Self-check of a written redline: accept-all and reject-all of its bytes against the two inputs.

This is an independent path: it reads the serialized parts again and applies the two views the
way Word does (ECMA-376 §17.13.5: accepting keeps w:ins/w:moveTo content and drops w:del/w:moveFrom
content, a deleted paragraph mark joins the paragraph with the next, a row whose w:trPr holds a
dropped mark disappears; rejecting is the mirror). The result is compared line by line with the
same view of each input, in the body, tables, content controls, text boxes, headers, footers,
footnotes and endnotes. The tests use the same functions as their oracle.
"""

from __future__ import annotations

import copy
import difflib
import io
import posixpath
import zipfile
from collections.abc import Mapping
from typing import NamedTuple

from lxml import etree

from assembler.compare.tokens import XML_WHITESPACE, run_text
from assembler.ooxml.ns import NS, qn
from assembler.ooxml.package import parse_xml

W_P, W_R, W_TBL, W_TR, W_TC = qn("w:p"), qn("w:r"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
W_PPR, W_RPR, W_TRPR = qn("w:pPr"), qn("w:rPr"), qn("w:trPr")
W_SDT, W_SDTCONTENT, W_CUSTOMXML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
W_TXBX = qn("w:txbxContent")
W_ID, W_TYPE = qn("w:id"), qn("w:type")
INS, DEL, MOVE_FROM, MOVE_TO = qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo")
DROP = {"accept": {DEL, MOVE_FROM}, "reject": {INS, MOVE_TO}}
KEEP = {"accept": {INS, MOVE_TO}, "reject": {DEL, MOVE_FROM}}
# What a reader sees of a run child, in the text compared byte for byte.
TEXT_OF = {
    qn("w:t"): None,
    qn("w:delText"): None,
    qn("w:tab"): "\t",
    qn("w:br"): "\n",
    qn("w:cr"): "\n",
    qn("w:noBreakHyphen"): "\u2011",
    qn("w:softHyphen"): "\u00ad",
    qn("w:footnoteReference"): "[fodnote]",
    qn("w:endnoteReference"): "[slutnote]",
}
BOX = "[tekstfelt]"
SCAN_OF = {**TEXT_OF, W_TXBX: BOX}  # what _cache_texts looks for
RARE_OF = {tag: extra for tag, extra in SCAN_OF.items() if extra is not None}
PLAIN_TEXT = tuple(tag for tag, extra in TEXT_OF.items() if extra is None)  # w:t, w:delText
BLOCK_WRAPPERS = {W_SDT, W_CUSTOMXML}
TXBX_ANYWHERE = f".//{W_TXBX}"
# Private marks on the self-check's own parsed copies (never written): unqualified attribute
# names, which cost no namespace lookup and which WordprocessingML itself never uses.
PARA_NO = "aftale-n"  # paragraph number in the part, set before a view is applied
MARK_GONE = "aftale-gone"  # set on a paragraph whose mark the view drops
REL_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
REL_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"


class Line(NamedTuple):
    """One line of a view: a paragraph's text (or a table marker) and where it came from."""

    text: str
    para: int  # number of the source w:p in its part (document order), -1 for markers


def apply_view(root: etree._Element, view: str) -> etree._Element:
    """Accept ("accept") or reject ("reject") every revision of a parsed part, in place."""
    _apply(root, view, _revisions(root, view), mark=False)
    return root


def _revisions(root: etree._Element, view: str) -> list[etree._Element]:
    """The rows and the revisions the view acts on, in document order: one walk in C."""
    return list(root.iter(W_TR, *DROP[view], *KEEP[view]))


def _apply(root: etree._Element, view: str, found: list[etree._Element], mark: bool) -> None:
    """Apply the view to the elements _revisions found; with `mark`, first flag the paragraphs
    whose mark the view drops (MARK_GONE).

    Revisions inside a row the view removes are still unwrapped or dropped, inside the detached
    row: nothing of it is read any more.
    """
    drop = DROP[view]  # everything else found is a row or a revision the view keeps
    if mark:
        for rev in found:
            if rev.tag in drop:
                rpr = rev.getparent()
                ppr = rpr.getparent() if rpr is not None and rpr.tag == W_RPR else None
                p = ppr.getparent() if ppr is not None and ppr.tag == W_PPR else None
                if p is not None and p.tag == W_P:
                    p.set(MARK_GONE, "1")
    for tr in found:
        if tr.tag == W_TR:
            trpr = tr.find(W_TRPR)
            if trpr is not None and any(c.tag in drop for c in trpr):
                parent = tr.getparent()
                if parent is not None:
                    parent.remove(tr)
    for el in found:
        tag = el.tag
        if tag == W_TR:
            continue
        parent = el.getparent()
        if parent is None or parent.tag in (W_RPR, W_TRPR):
            continue  # paragraph-mark and row marks are read where they matter
        if tag in drop:
            parent.remove(el)
        else:
            idx = parent.index(el)
            for child in reversed(list(el)):
                parent.insert(idx, child)
            parent.remove(el)


def _run_text(parent: etree._Element, out: list[str], boxes: list[etree._Element]) -> None:
    """Visible text under `parent`, text boxes collected apart (they are their own story)."""
    for el in parent:
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag in TEXT_OF:
            extra = TEXT_OF[tag]
            out.append(run_text(el) if extra is None else extra)
        elif tag == W_TXBX:
            boxes.append(el)
        elif len(el):
            _run_text(el, out, boxes)


def _cache_texts(root: etree._Element) -> dict[etree._Element, str]:
    """Store every paragraph's text on it, in one pass, when no text box nests paragraphs.

    Without text boxes a paragraph never holds another, so in document order every text element
    belongs to the paragraph that started last: one walk in C instead of one per paragraph. The
    walk tells paragraphs and the rare non-text elements (tabs, breaks …) apart by identity, from
    two short walks before it: reading an element's tag costs more than reading its text.
    """
    rare: dict[etree._Element, str] = {}
    for el in root.iter(*RARE_OF):
        extra = RARE_OF[el.tag]
        if extra is BOX:
            return {}  # a text box: paragraphs are read one by one (para_text)
        rare[el] = extra
    texts = dict.fromkeys(root.iter(W_P), "")
    current: etree._Element | None = None
    parts: list[str] = []
    for el in root.iter(W_P, *SCAN_OF) if rare else root.iter(W_P, *PLAIN_TEXT):
        if el in texts:
            if current is not None:
                texts[current] = "".join(parts)
            current, parts = el, []
        elif rare and el in rare:
            parts.append(rare[el])
        elif text := el.text:
            # run_text only for the few texts with white space at an edge (the walk is the
            # self-check's hottest loop: 24 000 paragraphs on the 500-page pair)
            parts.append(
                run_text(el) if text[0] in XML_WHITESPACE or text[-1] in XML_WHITESPACE else text
            )
    if current is not None:
        texts[current] = "".join(parts)
    return texts


def para_text(
    p: etree._Element, texts: dict[etree._Element, str] | None = None
) -> tuple[str, list[etree._Element]]:
    """A paragraph's text after a view was applied, and the text boxes anchored in it."""
    cached = texts.get(p) if texts else None
    if cached is not None:
        return cached, []
    if p.find(TXBX_ANYWHERE) is None:
        # The usual paragraph: lxml finds the text elements in C, in document order.
        return "".join(
            run_text(el) if (extra := TEXT_OF[el.tag]) is None else extra for el in p.iter(*TEXT_OF)
        ), []
    out: list[str] = []
    boxes: list[etree._Element] = []
    _run_text(p, out, boxes)
    return "".join(out), boxes


Texts = dict[etree._Element, str]


def blocks_lines(container: etree._Element, view: str, texts: Texts | None = None) -> list[Line]:
    """The lines of a story (body, cell, header, note, text box) of a part read by _viewed()."""
    found: list[str] = []
    paras: list[int] = []
    _story(container, found, paras, texts)
    return [Line(text, para) for text, para in zip(found, paras, strict=True)]


def _story(
    container: etree._Element, lines: list[str], paras: list[int] | None, texts: Texts | None
) -> None:
    """Add a story's line texts to `lines` (with `paras`, each line's paragraph number too)."""
    carry = _walk_blocks(container, lines, paras, None, texts)
    if carry is not None:
        lines.append(carry)
        if paras is not None:
            paras.append(-1)


def _walk_blocks(
    container: etree._Element,
    lines: list[str],
    paras: list[int] | None,
    carry: str | None,
    texts: Texts | None,
) -> str | None:
    """Add the lines of `container`'s blocks; return text still waiting for its paragraph mark.

    A paragraph whose mark is dropped joins the next paragraph, also across the edge of a
    block-level content control. Without `paras` only the texts are kept: the self-check
    compares those first and reads paragraph numbers only where a view differs.
    """
    for block in container:
        # the usual paragraph, its text read by _cache_texts, is known without its tag
        text = texts.get(block) if texts else None
        tag = W_P if text is not None else block.tag
        if tag == W_P:
            if text is None:
                text, boxes = para_text(block, texts)
                for box in boxes:
                    lines.append(BOX)
                    if paras is not None:
                        paras.append(-1)
                    _story(box, lines, paras, texts)
            if carry is not None:
                text = carry + text
            if block.get(MARK_GONE) is not None:  # the view drops its mark: it joins the next
                carry = text
                continue
            carry = None
            lines.append(text)
            if paras is not None:
                number = block.get(PARA_NO)
                paras.append(-1 if number is None else int(number))
        elif tag == W_TBL:
            if carry is not None:
                lines.append(carry)
                if paras is not None:
                    paras.append(-1)
                carry = None
            _table_lines(block, lines, paras, texts)
        elif tag in BLOCK_WRAPPERS:
            inner = block.find(W_SDTCONTENT) if tag == W_SDT else block
            if inner is not None:
                carry = _walk_blocks(inner, lines, paras, carry, texts)
    return carry


def _rows(parent: etree._Element) -> list[etree._Element]:
    """The rows of a table, also those inside row-level content controls."""
    out: list[etree._Element] = []
    for child in parent:
        if child.tag == W_TR:
            out.append(child)
        elif child.tag in BLOCK_WRAPPERS:
            inner = child.find(W_SDTCONTENT) if child.tag == W_SDT else child
            if inner is not None:
                out.extend(_rows(inner))
    return out


def _cells(parent: etree._Element) -> list[etree._Element]:
    """The cells of a row, also those inside cell-level content controls."""
    out: list[etree._Element] = []
    for child in parent:
        if child.tag == W_TC:
            out.append(child)
        elif child.tag in BLOCK_WRAPPERS:
            inner = child.find(W_SDTCONTENT) if child.tag == W_SDT else child
            if inner is not None:
                out.extend(_cells(inner))
    return out


def _table_lines(
    tbl: etree._Element, lines: list[str], paras: list[int] | None, texts: Texts | None
) -> None:
    """A table as marker lines and its cells' lines (a table without rows is gone)."""
    rows = _rows(tbl)
    if rows:
        lines.append("[tabel]")
        if paras is not None:
            paras.append(-1)
    for tr in rows:
        lines.append("[række]")
        if paras is not None:
            paras.append(-1)
        for tc in _cells(tr):
            lines.append("[celle]")
            if paras is not None:
                paras.append(-1)
            _story(tc, lines, paras, texts)


def _viewed(
    data: bytes,
    name: str,
    view: str,
    numbered: bool = False,
    parsed: dict[str, etree._Element] | None = None,
    keep: bool = True,
) -> tuple[etree._Element, Texts]:
    """Parse a part, number its paragraphs when asked (to place a comment), apply the view.

    With `parsed`, a part read for one view is copied for the next (copying is about four times
    faster than parsing again); without `keep`, the last view takes the part read before itself.
    """
    if parsed is None:
        root = parse_xml(data, name)
    elif not keep and name in parsed:
        root = parsed.pop(name)
    else:
        if name not in parsed:
            parsed[name] = parse_xml(data, name)
        root = copy.deepcopy(parsed[name])
    if numbered:
        for n, p in enumerate(root.iter(W_P)):
            p.set(PARA_NO, str(n))
    _apply(root, view, _revisions(root, view), mark=True)
    return root, _cache_texts(root)


def _story_names(parts: Mapping[str, bytes], doc: etree._Element) -> dict[str, str]:
    """'header/<section>/<type>' and 'footer/…' → the part each section references."""
    rels_name = "word/_rels/document.xml.rels"
    targets: dict[str, str] = {}
    if rels_name in parts:
        for rel in parse_xml(parts[rels_name], rels_name):
            if rel.get("Type") in (REL_HEADER, REL_FOOTER) and rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                name = posixpath.normpath(posixpath.join("word", target)).lstrip("/")
                if target.startswith("/"):
                    name = target.lstrip("/")
                targets[rel.get("Id", "")] = name
    out: dict[str, str] = {}
    for k, sect in enumerate(doc.iter(qn("w:sectPr"))):
        for kind in ("header", "footer"):
            for ref in sect.findall(qn(f"w:{kind}Reference")):
                name = targets.get(ref.get(qn("r:id"), ""), "")
                if name in parts:
                    out[f"{kind}/{k}/{ref.get(W_TYPE, 'default')}"] = name
    return out


Stories = dict[str, tuple[list[str], list[int] | None]]


def document_lines(
    parts: Mapping[str, bytes],
    view: str,
    numbered: bool = False,
    parsed: dict[str, etree._Element] | None = None,
) -> dict[str, list[Line]]:
    """Lines of body, headers, footers and notes of a package after accept/reject-all.

    Headers and footers are keyed by section and type; notes by the order of their references
    in the viewed body (Word renumbers note ids), and a note whose reference is gone is not shown.
    """
    stories = _stories(parts, view, numbered, parsed, with_paras=True)
    return {
        key: [Line(text, para) for text, para in zip(texts, paras or (), strict=True)]
        for key, (texts, paras) in stories.items()
    }


def _stories(
    parts: Mapping[str, bytes],
    view: str,
    numbered: bool,
    parsed: dict[str, etree._Element] | None,
    with_paras: bool,
    keep: bool = True,
) -> Stories:
    """Each story's line texts and, `with_paras`, their paragraph numbers (document_lines)."""
    main = "word/document.xml"
    doc, texts = _viewed(parts[main], main, view, numbered, parsed, keep)
    stories = _story_names(parts, doc)
    body = doc.find(qn("w:body"))
    out: Stories = {}

    def add(key: str, container: etree._Element | None, story_texts: Texts | None) -> None:
        lines: list[str] = []
        paras: list[int] | None = [] if with_paras else None
        if container is not None:
            _story(container, lines, paras, story_texts)
        out[key] = (lines, paras)

    add("body", body, texts)
    for key, name in sorted(stories.items()):
        story, story_texts = _viewed(parts[name], name, view, numbered, parsed, keep)
        add(key, story, story_texts)
    for kind in ("footnote", "endnote"):
        name = f"word/{kind}s.xml"
        if name not in parts:
            continue
        seen = [r.get(W_ID) for r in doc.iter(qn(f"w:{kind}Reference"))]
        if not seen:
            continue
        root, note_texts = _viewed(parts[name], name, view, numbered, parsed, keep)
        notes = {n.get(W_ID): n for n in root if n.get(W_TYPE) is None}
        for k, nid in enumerate(seen, start=1):
            note = notes.get(nid)
            key = f"{name}#{k}"
            if note is not None:
                add(key, note, note_texts)
            else:
                out[key] = (["[mangler]"], [-1] if with_paras else None)
    return out


def read_parts(data: bytes) -> dict[str, bytes]:
    """The parts of a package held in memory."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}


class Deviation(NamedTuple):
    """A stretch where a view of the redline differs from the input it must reproduce."""

    story: str  # "body", "header/0/default", "word/footnotes.xml#2" …
    view: str  # accept | reject
    expected: str  # the input's text there
    found: str  # the redline's text there
    para: int  # the redline paragraph nearest to the stretch (-1 when unknown)


def _texts(lines: list[Line]) -> list[str]:
    """The texts of lines."""
    return [line.text for line in lines]


def compare_views(
    redline: dict[str, list[Line]], expected: dict[str, list[Line]], view: str
) -> list[Deviation]:
    """Every stretch where the redline's view differs from the expected view."""
    out: list[Deviation] = []
    for story in sorted(set(redline) | set(expected)):
        got, want = redline.get(story, []), expected.get(story, [])
        got_t, want_t = _texts(got), _texts(want)
        if got_t == want_t or not any(got_t + want_t):
            continue  # a story that is empty on both sides (an added blank header) is no loss
        matcher = difflib.SequenceMatcher(None, want_t, got_t, False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            near = [line.para for line in got[max(0, j1 - 1) : j2] if line.para >= 0]
            out.append(
                Deviation(
                    story,
                    view,
                    "\n".join(want_t[i1:i2]),
                    "\n".join(got_t[j1:j2]),
                    near[-1] if near else -1,
                )
            )
    return out


def check(
    redline: Mapping[str, bytes], old: Mapping[str, bytes], new: Mapping[str, bytes]
) -> list[Deviation]:
    """Accept-all of the redline must equal accept-all of the newer input, reject-all the older.

    Paragraphs are numbered (for placing a comment at each deviation) only when one is found.
    """
    deviations: list[Deviation] = []
    parsed: dict[str, etree._Element] = {}  # the redline's parts, read once for both views
    for view, source in (("accept", new), ("reject", old)):
        # The line texts first (the same lines compare_views compares); the lines with their
        # paragraph numbers, and the stretches, only for a view that differs.
        want = _stories(source, view, False, None, with_paras=False)
        # the last view takes the redline's parts as read, without a copy
        got = _stories(redline, view, False, parsed, with_paras=False, keep=view == "accept")
        if _same(got, want):
            continue
        expected = document_lines(source, view)
        numbered = document_lines(redline, view, numbered=True, parsed=parsed)
        deviations += compare_views(numbered, expected, view)
    return deviations


def _same(got: Stories, want: Stories) -> bool:
    """Whether compare_views would find nothing: every story's texts equal, or empty on both."""
    for story in set(got) | set(want):
        got_t = got[story][0] if story in got else []
        want_t = want[story][0] if story in want else []
        if got_t != want_t and any(got_t + want_t):
            return False
    return True


__all__ = [
    "NS",
    "Deviation",
    "Line",
    "apply_view",
    "blocks_lines",
    "check",
    "compare_views",
    "document_lines",
    "read_parts",
]
