"""The paragraph styles of a .docx, read once: name, numbering, basedOn and the default style.

styles.xml is often 300-400 kB, nearly all of it table and character styles and latent-style
entries; a paragraph's w:pStyle, and a paragraph style's w:basedOn, only ever name paragraph
styles (ECMA-376 §17.7.4.17, §17.7.4.3). So only the w:style elements of type paragraph are cut
out of the part and parsed, under the part's own root tag (its namespace declarations). A part
written in an unusual way (another prefix, a w:style the cut cannot delimit) is parsed whole.
"""

from __future__ import annotations

import re
from functools import cache

from lxml import etree

from assembler.errors import InputFileError
from assembler.ooxml.ns import NS, qn
from assembler.ooxml.package import Package, parse_xml
from assembler.records import Record

STYLES = "word/styles.xml"
_START = re.compile(rb"<w:style[\s/>]")
_TYPE = re.compile(rb"""\sw:type\s*=\s*["']([^"']*)["']""")
_ROOT = re.compile(rb"<w:styles[\s>]")


class Style(Record):
    """What the audit reads of one paragraph style."""

    _fields = ("name", "num_id", "ilvl", "based_on")
    __slots__ = _fields

    def __init__(
        self,
        name: str,
        num_id: str | None,
        ilvl: str | None,
        based_on: str | None,
    ) -> None:
        self.name = name
        self.num_id = num_id
        self.ilvl = ilvl
        self.based_on = based_on


class Styles:
    """Paragraph styles by styleId, and the default paragraph style."""

    __slots__ = ("by_id", "default")

    def __init__(self) -> None:
        self.by_id: dict[str, Style] = {}
        self.default = "Normal"


W_VAL = qn("w:val")


@cache
def _clark(path: str) -> tuple[str, ...]:
    """A path of w: names ('w:numPr/w:numId') as Clark-notation steps, worked out once."""
    return tuple(qn(step) for step in path.split("/"))


def first_child(parent: etree._Element, tag: str) -> etree._Element | None:
    """parent.find(tag) for one Clark-notation tag: the first child element with that tag.

    lxml's find() goes through its ElementPath engine for every call; the child iterator is
    the same walk without it, at half the cost (the audit looks at every paragraph's pPr)."""
    return next(parent.iterchildren(tag), None)


def child_val(parent: etree._Element | None, path: str) -> str | None:
    """The w:val of a child found by a path of w: names ('w:numPr/w:numId'), as find() finds it:
    the first match under the first step's children in document order."""
    if parent is None:
        return None
    steps = _clark(path)
    if len(steps) == 1:
        el = next(parent.iterchildren(steps[0]), None)
    else:
        el = _first_on_path(parent, steps)
    return None if el is None else el.get(W_VAL)


def _first_on_path(parent: etree._Element, steps: tuple[str, ...]) -> etree._Element | None:
    """The first element that find('a/b/…') finds (children, step by step, in order)."""
    if not steps:
        return parent
    for child in parent.iterchildren(steps[0]):
        found = _first_on_path(child, steps[1:])
        if found is not None:
            return found
    return None


def _paragraph_styles_xml(data: bytes) -> bytes | None:
    """The part cut down to its paragraph styles, or None when it must be parsed whole."""
    root = _ROOT.search(data)
    if root is None or b"<!--" in data or b"<![CDATA[" in data:
        return None  # markup a byte search could mistake for a style: parse the part whole
    head_end = data.find(b">", root.start())
    head = data[root.start() : head_end + 1]
    if f'xmlns:w="{NS["w"]}"'.encode() not in head or head.endswith(b"/>"):
        return None
    chunks = [head]
    pos = head_end + 1
    while (found := _START.search(data, pos)) is not None:
        tag_end = data.find(b">", found.start())
        if tag_end < 0:
            return None
        tag = data[found.start() : tag_end + 1]
        if tag.endswith(b"/>"):
            end = tag_end + 1
        else:
            close = data.find(b"</w:style>", tag_end)
            if close < 0 or _START.search(data, tag_end, close) is not None:
                return None
            end = close + len(b"</w:style>")
        kind = _TYPE.search(tag)
        if kind is None or kind.group(1) == b"paragraph":
            chunks.append(data[found.start() : end])
        pos = end
    chunks.append(b"</w:styles>")
    return b"".join(chunks)


# The last styles part read and its styles: the versions of a negotiation round usually carry
# the very same part (one template), and the overview reads both (about 13 M instructions each).
_last: tuple[bytes, Styles] | None = None


def read_styles(package: Package) -> Styles:
    """The paragraph styles of a package (none when it has no styles part); shared between
    packages with the same styles part, so read-only."""
    global _last
    data = package.parts.get(STYLES)
    if data is None:
        return Styles()
    last = _last
    if last is not None and (last[0] is data or last[0] == data):
        return last[1]
    out = _read(package, data)
    _last = (data, out)
    return out


def _read(package: Package, data: bytes) -> Styles:
    """The paragraph styles of a styles part."""
    out = Styles()
    where = f"{package.path.name}:{STYLES}"
    cut = _paragraph_styles_xml(data)
    root = None
    if cut is not None:
        try:
            root = parse_xml(cut, where)
        except InputFileError:
            root = None  # the cut went wrong somewhere: read the part as it is
    if root is None:
        root = parse_xml(data, where)
    for style in root.iter(qn("w:style")):
        kind = style.get(qn("w:type"))
        if kind not in (None, "paragraph"):
            continue
        style_id = style.get(qn("w:styleId"), "")
        if kind == "paragraph" and style.get(qn("w:default")) in ("1", "true"):
            out.default = style.get(qn("w:styleId"), "Normal")
        ppr = first_child(style, qn("w:pPr"))
        out.by_id[style_id] = Style(
            child_val(style, "w:name") or "",
            child_val(ppr, "w:numPr/w:numId"),
            child_val(ppr, "w:numPr/w:ilvl"),
            child_val(style, "w:basedOn"),
        )
    return out
