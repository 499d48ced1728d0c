"""Flatten a w:p into comparable tokens that remember their run formatting and containers.

A paragraph is compared in its "original" view (ECMA-376 §17.13.5: text inside a prior w:ins is not
yet part of it, text inside a prior w:del still is). Prior insertions, bookmarks and comment ranges
of the newer version ride along as pass-through items at their position; the older version's are
dropped because they refer to parts of the older package.
"""

from __future__ import annotations

import copy

from lxml import etree

from assembler.compare.model import Record
from assembler.compare.seqdiff import tokenize
from assembler.ooxml.ns import qn
from assembler.ooxml.text import texts_and_tabs

W_P, W_R, W_T, W_PPR, W_RPR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:pPr"), qn("w:rPr")
W_TBL = qn("w:tbl")
W_DELTEXT = qn("w:delText")
W_TXBX = qn("w:txbxContent")
BOX = "\x00box:"
PRIOR_INS = {qn("w:ins"), qn("w:moveTo")}
PRIOR_DEL = {qn("w:del"), qn("w:moveFrom")}
CONTAINERS = {
    qn("w:hyperlink"),
    qn("w:smartTag"),
    qn("w:customXml"),
    qn("w:fldSimple"),
    qn("w:dir"),
    qn("w:bdo"),
    qn("w:sdt"),
}
CONTAINER_PROPS = {qn("w:smartTagPr"), qn("w:customXmlPr"), qn("w:sdtPr"), qn("w:sdtEndPr")}
DROPPED = {qn("w:proofErr"), qn("w:lastRenderedPageBreak"), qn("w:rPr")}
# Run properties that do not change what a reader sees; they differ between any two Word saves.
FMT_IGNORED = {qn("w:lang"), qn("w:noProof"), qn("w:rPrChange"), qn("w:ins"), qn("w:del")}
PPR_NOT_BASE = {qn("w:rPr"), qn("w:sectPr"), qn("w:pPrChange")}
W_VAL = qn("w:val")
NOT_TOKENS = {qn("w:commentReference"), qn("w:annotationRef")}  # pass-through, not compared


class Tok(Record):
    """One comparable piece of a run: a word, space, punctuation mark or special run child."""

    _fields = ("key", "text", "elem", "rpr", "fmt", "wraps", "prior")
    __slots__ = _fields

    def __init__(
        self,
        key: str,
        text: str | None,
        elem: etree._Element | None,
        rpr: etree._Element | None,
        fmt: str,
        wraps: tuple[etree._Element, ...],
        prior: etree._Element | None,
    ) -> None:
        self.key = key
        self.text = text
        self.elem = elem
        self.rpr = rpr
        self.fmt = fmt
        self.wraps = wraps
        self.prior = prior


class Extra(Record):
    """An element kept verbatim from the newer version, placed before token `pos`."""

    _fields = ("pos", "elem", "wraps")
    __slots__ = _fields

    def __init__(self, pos: int, elem: etree._Element, wraps: tuple[etree._Element, ...]) -> None:
        self.pos = pos
        self.elem = elem
        self.wraps = wraps


class Flat:
    """A flattened paragraph: tokens in the original view plus pass-through extras."""

    __slots__ = ("extras", "pending", "pending_ctx", "toks")

    def __init__(self) -> None:
        self.toks: list[Tok] = []
        self.extras: list[Extra] = []
        # Text waiting to be tokenized: consecutive w:t pieces with one formatting and context,
        # so a number split over two runs by Word ("9." + "00") still becomes one token.
        self.pending: list[tuple[str, etree._Element | None]] = []
        self.pending_ctx: tuple[object, ...] | None = None

    def add_text(self, text: str, rpr: etree._Element | None, ctx: tuple[object, ...]) -> None:
        """Queue text of a run; tokens are made when the context or formatting changes."""
        if ctx != self.pending_ctx:
            self.flush()
            self.pending_ctx = ctx
        self.pending.append((text, rpr))

    def flush(self) -> None:
        """Tokenize the queued text; each token takes the run properties of its first character."""
        pending = self.pending
        if not pending:
            return
        assert self.pending_ctx is not None
        fmt, wraps, prior = self.pending_ctx
        toks = self.toks
        if len(pending) == 1:
            text, rpr = pending[0]
            toks.extend(Tok(w, w, None, rpr, fmt, wraps, prior) for w in tokenize(text))  # type: ignore[arg-type]
        else:
            ends: list[int] = []
            at = 0
            for text, _ in pending:
                at += len(text)
                ends.append(at)
            k = at = 0
            for word in tokenize("".join(t for t, _ in pending)):
                while ends[k] <= at:
                    k += 1
                toks.append(Tok(word, word, None, pending[k][1], fmt, wraps, prior))  # type: ignore[arg-type]
                at += len(word)
        pending.clear()
        self.pending_ctx = None


XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
XML_WHITESPACE = " \t\r\n"


def run_text(t: etree._Element) -> str:
    """The text Word shows for a w:t or w:delText.

    Without xml:space="preserve" Word drops the leading and trailing white space of the element
    (XML 1.0 §2.10; python-docx and Word add the attribute whenever it matters). Keeping such a
    space and writing it back with "preserve" is how "foo ;" appeared where the newer version
    showed "foo;".
    """
    text = t.text or ""
    edges = text and (text[0] in XML_WHITESPACE or text[-1] in XML_WHITESPACE)
    if edges and t.get(XML_SPACE) != "preserve":
        return text.strip(XML_WHITESPACE)
    return text


def rpr_signature(rpr: etree._Element | None) -> str:
    """A canonical string for visible run formatting (ignores language and proofing marks)."""
    if rpr is None:
        return ""
    parts = []
    for child in rpr:
        if not isinstance(child.tag, str) or child.tag in FMT_IGNORED:
            continue
        attrs = ",".join(f"{k!s}={v!s}" for k, v in sorted(child.attrib.items()))
        parts.append(f"{etree.QName(child).localname}[{attrs}]")
    return ";".join(sorted(parts))


def ppr_signature(ppr: etree._Element | None) -> str:
    """A canonical string for paragraph properties excluding mark formatting and sections."""
    if ppr is None:
        return ""
    parts = []
    for child in ppr:
        if not isinstance(child.tag, str) or child.tag in PPR_NOT_BASE:
            continue
        parts.append(etree.tostring(child, method="c14n").decode())
    return "".join(parts)


def _special_key(elem: etree._Element) -> str:
    """Comparison key of a non-text run child (tab, break, footnote reference, drawing...)."""
    local = etree.QName(elem).localname
    if local in ("tab", "cr", "noBreakHyphen", "softHyphen", "separator", "footnoteRef"):
        return f"\x00{local}"
    if local == "br":
        return f"\x00br:{elem.get(qn('w:type'), '')}"
    if local in ("footnoteReference", "endnoteReference"):
        return f"\x00{local}:{elem.get(qn('w:id'))}"
    if local in ("instrText", "delInstrText"):
        return f"\x00instr:{elem.text or ''}"
    if local == "fldChar":
        return f"\x00fld:{elem.get(qn('w:fldCharType'))}"
    if local == "sym":
        return f"\x00sym:{elem.get(qn('w:char'))}"
    if any(True for _ in elem.iter(W_TXBX)):
        # A text box is compared by its shape here and by its own paragraphs inside, so an edit
        # in the box is tracked in the box (blocks.Engine.text_box).
        shape = copy.deepcopy(elem)
        for box in shape.iter(W_TXBX):
            box.clear()
        return BOX + etree.tostring(shape, method="c14n").decode()
    return "\x00" + etree.tostring(elem, method="c14n").decode()


def flatten(p: etree._Element, newer: bool) -> Flat:
    """Flatten paragraph `p`; `newer` keeps pass-through extras and prior deletion wrappers."""
    flat = Flat()
    _walk(p, flat, (), None, newer)
    flat.flush()
    return flat


def _walk(
    parent: etree._Element,
    flat: Flat,
    wraps: tuple[etree._Element, ...],
    prior: etree._Element | None,
    newer: bool,
) -> None:
    """Recursive worker of flatten()."""
    for child in parent:
        tag = child.tag
        if not isinstance(tag, str) or tag == W_PPR or tag in DROPPED:
            continue
        if tag == W_R:
            _run(child, flat, wraps, prior, newer)
        elif tag in CONTAINERS:
            inner = child.find(qn("w:sdtContent")) if tag == qn("w:sdt") else child
            if inner is not None:
                _walk(inner, flat, (*wraps, child), prior, newer)
        elif tag in PRIOR_DEL:
            _walk(child, flat, wraps, child if newer else None, newer)
        elif tag in PRIOR_INS:
            if newer:
                flat.flush()
                flat.extras.append(Extra(len(flat.toks), child, wraps))
        elif newer:
            flat.flush()
            flat.extras.append(Extra(len(flat.toks), child, wraps))


def _run(
    r: etree._Element,
    flat: Flat,
    wraps: tuple[etree._Element, ...],
    prior: etree._Element | None,
    newer: bool,
) -> None:
    """Add the tokens of one w:r."""
    rpr = r.find(W_RPR)
    fmt = rpr_signature(rpr)
    for child in r:
        tag = child.tag
        if not isinstance(tag, str) or tag in DROPPED:
            continue
        if tag in (W_T, W_DELTEXT):
            text = run_text(child)
            if text:
                flat.add_text(text, rpr, (fmt, wraps, prior))
            continue
        flat.flush()
        if tag in NOT_TOKENS:
            if newer:
                flat.extras.append(Extra(len(flat.toks), r, wraps))
        else:
            flat.toks.append(Tok(_special_key(child), None, child, rpr, fmt, wraps, prior))


def key_text(p: etree._Element) -> str:
    """The joined token keys of flatten(p) (its original-view text), without making tokens.

    Equal paragraphs, most of any document, are aligned by this text and never tokenized.
    """
    out: list[str] = []
    _walk_keys(p, out)
    return "".join(out)


def _walk_keys(parent: etree._Element, out: list[str]) -> None:
    """Recursive worker of key_text(), mirroring _walk() and _run()."""
    for child in parent:
        tag = child.tag
        if not isinstance(tag, str) or tag == W_PPR or tag in DROPPED:
            continue
        if tag == W_R:
            for el in child:
                etag = el.tag
                if not isinstance(etag, str) or etag in DROPPED:
                    continue
                if etag in (W_T, W_DELTEXT):
                    out.append(run_text(el))
                elif etag not in NOT_TOKENS:
                    out.append(_special_key(el))
        elif tag in CONTAINERS:
            inner = child.find(qn("w:sdtContent")) if tag == qn("w:sdt") else child
            if inner is not None:
                _walk_keys(inner, out)
        elif tag in PRIOR_DEL:
            _walk_keys(child, out)


def original_text(p: etree._Element) -> str:
    """The paragraph's text in the original view, specials shown as their keys."""
    return "".join(t.key for t in flatten(p, newer=False).toks)


def plain_text(p: etree._Element) -> str:
    """Readable text of a paragraph (current view: prior insertions in, prior deletions out)."""
    out = []
    for t in texts_and_tabs(p):
        out.append(t.text or "" if t.tag == W_T else "\t")
    return "".join(out)


def block_key(block: etree._Element) -> str:
    """Alignment key of a body block: its original-view text, or a table's cell texts."""
    if block.tag == W_P:
        return "P" + original_text(block)
    if block.tag == W_TBL:
        rows = []
        for tr in block.iter(qn("w:tr")):
            rows.append("|".join(original_text(p) for p in tr.iter(W_P)))
        return "T" + "\n".join(rows)
    return "X" + etree.tostring(block, method="c14n").decode()


def style_of(p: etree._Element) -> str:
    """The paragraph style id, or ''."""
    ppr = p.find(W_PPR)
    style = ppr.find(qn("w:pStyle")) if ppr is not None else None
    return style.get(W_VAL, "") if style is not None else ""


def anchors(p: etree._Element, prefix: str) -> list[str]:
    """Names of bookmarks starting with `prefix` inside the paragraph."""
    return [
        name
        for b in p.iter(qn("w:bookmarkStart"))
        if (name := b.get(qn("w:name"), "")).startswith(prefix)
    ]
