"""What the redline engine knows of each block: alignment keys, original-view text, XML, tokens.

Everything here is computed once per paragraph and cached for the whole comparison: the key that
aligns blocks (clause anchor, else the text with a hand-typed number masked), the XML used to see
that two paragraphs are identical without tokenizing them, and the flattened tokens of the
paragraphs that differ.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from assembler.compare.containers import BLOCK_WRAPPERS, content, identity
from assembler.compare.model import Record
from assembler.compare.revisions import RevisionContext
from assembler.compare.tokens import (
    BOX,
    W_P,
    W_PPR,
    W_TBL,
    W_TXBX,
    Flat,
    Tok,
    flatten,
    key_text,
    ppr_signature,
)
from assembler.ooxml.ns import qn

W_NAME = qn("w:name")
W_ID = qn("w:id")
W_BOOKMARK_START = qn("w:bookmarkStart")


class Event(Record):
    """What happened to one output paragraph (for the clause summary)."""

    _fields = ("kind", "before", "after", "info")
    __slots__ = _fields

    def __init__(self, kind: str, before: str, after: str, info: object) -> None:
        self.kind = kind  # equal | changed | inserted | deleted | moved_from | moved_to
        self.before = before
        self.after = after
        self.info = info  # what Engine.describe returned for the paragraph, before it was rebuilt


class Head(Record):
    """A paragraph's alignment key and original-view text."""

    _fields = ("p", "key", "text")
    __slots__ = _fields

    def __init__(self, p: etree._Element, key: str, text: str) -> None:
        self.p = p
        self.key = key
        self.text = text


_RSID = re.compile(r' w:rsid\w*="[0-9A-Fa-f]*"')
_SPLIT = "\ue000aftale-split\ue000"


def sibling_xml(parent: etree._Element) -> dict[int, str]:
    """The serialized XML of each child of `parent`, from one serialization of the parent.

    Serializing paragraphs one by one repeats every in-scope namespace declaration each time
    (Word declares about 20); serializing the parent once with a marker in each child's tail and
    splitting there costs a tenth. An empty result means the split was not clean.
    """
    kids = list(parent)
    tails = [k.tail for k in kids]
    try:
        for k in kids:
            k.tail = _SPLIT
        data = etree.tostring(parent, encoding="unicode")
    finally:
        for k, tail in zip(kids, tails, strict=True):
            k.tail = tail
    start = data.find(">") + 1
    if parent.text:
        start = data.find(_xmlplain_text(parent.text), start) + len(_xmlplain_text(parent.text))
    pieces = data[start:].split(_SPLIT)
    if len(pieces) != len(kids) + 1:
        return {}
    return {id(k): piece for k, piece in zip(kids, pieces, strict=False)}


def _xmlplain_text(text: str) -> str:
    """Text as the serializer escapes it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Para(Record):
    """A paragraph with its flattened tokens, cached for the whole comparison."""

    _fields = ("p", "flat", "key", "text", "fmt")
    __slots__ = _fields

    def __init__(self, p: etree._Element, flat: Flat, key: str, text: str, fmt: str) -> None:
        self.p = p
        self.flat = flat
        self.key = key
        self.text = text
        self.fmt = fmt


HAND_NUMBER = re.compile(r"^\s*(?:§\s*\d+[a-z]?|\d+(?:\.\d+)*|[A-Z]|[IVX]+)[.)]?(?=\s)")


def plain_text(toks: list[Tok]) -> str:
    """Readable text of tokens (tabs as spaces, other specials dropped)."""
    return "".join(t.text if t.text is not None else (" " if "tab" in t.key else "") for t in toks)


def runs_fmt(toks: list[Tok]) -> list[str]:
    """Run-length formatting of tokens, independent of how runs were split."""
    out: list[str] = []
    last = None
    for t in toks:
        if t.fmt != last:
            out.append(t.fmt)
            last = t.fmt
    return out


class BlockKeys:
    """The per-comparison caches of block keys, texts, XML and tokens, and the event log."""

    def __init__(
        self,
        ctx: RevisionContext,
        anchor_prefix: str | None,
        describe: Callable[[etree._Element], object] = lambda p: None,
    ) -> None:
        self.ctx = ctx
        self.anchor_prefix = anchor_prefix
        self.describe = describe
        self.events: list[Event] = []
        self._paras: dict[int, Para] = {}
        self._heads: dict[int, Head] = {}
        self._siblings: dict[int, tuple[etree._Element, dict[int, str]]] = {}
        self._moved_from: dict[str, str] = {}  # move name → the older text of the moved paragraph

    def head(self, p: etree._Element) -> Head:
        """The cached alignment key and original-view text of a paragraph (no tokens made)."""
        hit = self._heads.get(id(p))
        if hit is not None and hit.p is p:
            return hit
        text = key_text(p)
        # A hand-typed clause number ("§ 7", "7.", "7.2") does not decide alignment, so a
        # renumbered clause pairs with itself and shows as one changed number, not as noise.
        # match(), not sub(): the pattern can only match at the start, but sub() searches and so
        # tries every later position of the text too; the same key.
        number = HAND_NUMBER.match(text)
        key = "P" + ("§#" + text[number.end() :] if number is not None else text)
        if self.anchor_prefix:
            for b in p.iter(W_BOOKMARK_START):
                name = b.get(W_NAME, "")
                if name.startswith(self.anchor_prefix):
                    key = "A" + name
                    break
        hit = Head(p, key, text)
        self._heads[id(p)] = hit
        return hit

    def _xml(self, block: etree._Element) -> str | None:
        """A block's XML, serialized with all its siblings at once and cached."""
        parent = block.getparent()
        if parent is None:
            return None
        hit = self._siblings.get(id(parent))
        if hit is None or hit[0] is not parent:
            hit = (parent, sibling_xml(parent))
            self._siblings[id(parent)] = hit
        return hit[1].get(id(block))

    def _same_xml(self, old: etree._Element, new: etree._Element) -> bool:
        """Whether two paragraphs are the same XML apart from Word's revision-save ids (rsids)."""
        a, b = self._xml(old), self._xml(new)
        if a is None or b is None:
            a, b = etree.tostring(old, encoding="unicode"), etree.tostring(new, encoding="unicode")
        return a == b or _RSID.sub("", a) == _RSID.sub("", b)

    def para(self, p: etree._Element, newer: bool) -> Para:
        """The cached flattened form of a paragraph (only for paragraphs that differ)."""
        hit = self._paras.get(id(p))
        if hit is not None and hit.p is p:
            return hit
        flat = flatten(p, newer)
        head = self.head(p)
        key, text = head.key, head.text
        fmt = ppr_signature(p.find(W_PPR)) + "|" + "\x02".join(runs_fmt(flat.toks))
        for t in flat.toks:
            if t.elem is not None and t.key.startswith(BOX):
                # The key leaves a text box's content out; equal paragraphs must also agree there.
                fmt += "".join(etree.tostring(b, encoding="unicode") for b in t.elem.iter(W_TXBX))
        hit = Para(p, flat, key, text, fmt)
        self._paras[id(p)] = hit
        return hit

    def key(self, block: etree._Element, newer: bool) -> str:
        """Alignment key of any body block."""
        if block.tag == W_P:
            return self.head(block).key
        if block.tag == W_TBL:
            rows = ["|".join(self.head(p).key for p in tr.iter(W_P)) for tr in block]
            return "T" + "\n".join(rows)
        if block.tag in BLOCK_WRAPPERS:
            inside = "\n".join(self.key(b, newer) for b in content(block))
            return "S" + identity(block) + "\n" + inside
        return "X" + etree.tostring(block, method="c14n").decode()

    def weight(self, block: etree._Element) -> int:
        """How much text an older block holds (moves keep the heaviest blocks in place)."""
        if block.tag == W_P:
            return len(self.head(block).text)
        return sum(len(self.head(p).text) for p in block.iter(W_P))

    def _event(self, kind: str, before: str, after: str, source: etree._Element | object) -> None:
        """Record an event; `source` is the paragraph or what describe() already said of it."""
        info = self.describe(source) if isinstance(source, etree._Element) else source
        self.events.append(Event(kind, before, after, info))
