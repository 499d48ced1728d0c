"""Read any agreement .docx (untrusted input, read safely) into paragraphs, headings, sections."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from assembler.audit.numbering import Numbering, NumRef
from assembler.audit.styles import first_child, read_styles
from assembler.errors import InputFileError
from assembler.ooxml.bookmarks import clause_anchors
from assembler.ooxml.customxml import read_payload
from assembler.ooxml.ns import qn
from assembler.ooxml.package import Package, read_package
from assembler.ooxml.text import texts_and_tabs
from assembler.regex_programs import compile_pattern

DOCUMENT = "word/document.xml"
HEADING_STYLE = compile_pattern(r"^(heading|overskrift)\s*\d|^(title|titel)$", re.I)
# "§ 3 Tilgængelighed", "§ 3. Tilgængelighed", "3. Tilgængelighed", "3.1 Omfang", "Ad 3) …"
NUMBERED = compile_pattern(
    r"^\s*(?:§\s*\d+[a-z]?\.?|\d+(?:\.\d+)*\.?\)?|[IVX]+\.)\s+(?P<title>\S.*)$"
)
MAX_HEADING_CHARS = 90
MAX_TITLE_CHARS = 60
SENTENCE_END = (".", ":", ";", ",")


# Plain classes, not dataclasses: the overview's child imports them (issue 14, rules/facts.py).
class Para:
    """One paragraph of the document body (table cells included), in document order."""

    __slots__ = ("element", "heading", "index", "text")

    def __init__(
        self, index: int, element: etree._Element, text: str, heading: str | None = None
    ) -> None:
        self.index = index
        self.element = element
        self.text = text
        self.heading = heading  # heading text without its number, when the paragraph is a heading

    def with_element(self, element: etree._Element) -> Para:
        """The same paragraph in another copy of the document's XML."""
        return Para(self.index, element, self.text, self.heading)


class Section:
    """A heading and the paragraphs up to the next heading."""

    __slots__ = ("body", "heading")

    def __init__(self, heading: Para | None) -> None:
        self.heading = heading
        self.body: list[Para] = []

    @property
    def text(self) -> str:
        """The section's body text."""
        return "\n".join(p.text for p in self.body)


class DocxDraft:
    """Everything the audit reads from a .docx."""

    __slots__ = ("anchors", "numbering", "package", "paragraphs", "path", "payload", "root",
                 "sections", "styles")  # fmt: skip

    def __init__(
        self,
        path: Path,
        package: Package,
        root: etree._Element,
        paragraphs: list[Para],
        sections: list[Section],
        anchors: list[tuple[str, str, etree._Element]],
        payload: dict | None,
        numbering: Numbering | None = None,  # the lists and styles' numbering, read once
        styles: dict[str, str] | None = None,  # paragraph styleId → style name
    ) -> None:
        self.path = path
        self.package = package
        self.root = root
        self.paragraphs = paragraphs
        self.sections = sections
        self.anchors = anchors
        self.payload = payload
        self.numbering = numbering
        self.styles = styles if styles is not None else {}

    def with_body(self, root: etree._Element, paragraphs: list[Para]) -> DocxDraft:
        """The draft over another copy of its body XML (no sections: they are not read again)."""
        return DocxDraft(self.path, self.package, root, paragraphs, [], self.anchors,
                         self.payload, self.numbering, self.styles)  # fmt: skip

    @property
    def text(self) -> str:
        """All body text."""
        return "\n".join(p.text for p in self.paragraphs)

    def para_of(self, element: etree._Element) -> Para | None:
        """The Para for a paragraph element."""
        for p in self.paragraphs:
            if p.element is element:
                return p
        return None


W_T, W_TAB, W_R, W_PPR = qn("w:t"), qn("w:tab"), qn("w:r"), qn("w:pPr")
W_VAL, W_PSTYLE, W_OUTLINE = qn("w:val"), qn("w:pStyle"), qn("w:outlineLvl")
W_RPR, W_B = qn("w:rPr"), qn("w:b")


def paragraph_text(p: etree._Element) -> str:
    """Visible text of a paragraph (tabs as spaces)."""
    out = []
    for el in texts_and_tabs(p):
        out.append(" " if el.tag == W_TAB else el.text or "")
    return " ".join("".join(out).split())


def _all_bold(p: etree._Element) -> bool:
    """Whether every run with text is bold."""
    runs = [r for r in p.iter(W_R) if first_child(r, W_T) is not None]
    if not runs:
        return False
    for r in runs:
        # as find('w:rPr/w:b'): the first w:b under any of the run's w:rPr, in order
        b = next((b for rpr in r.iterchildren(W_RPR) for b in rpr.iterchildren(W_B)), None)
        if b is None or b.get(W_VAL, "true") in ("0", "false"):
            return False
    return True


def _heading(
    p: etree._Element, text: str, styles: dict[str, str], styled: dict[str, bool] | None = None
) -> str | None:
    """The heading text if the paragraph is a heading (styled, outline level, numbered, bold);
    `styled` remembers which style ids are heading styles (one draft's paragraphs share them)."""
    if not text or len(text) > MAX_HEADING_CHARS:
        return None
    ppr = first_child(p, W_PPR)
    style_id = ""
    if ppr is not None:
        ps = first_child(ppr, W_PSTYLE)
        style_id = ps.get(W_VAL, "") if ps is not None else ""
    numbered = NUMBERED.match(text)
    title = numbered.group("title") if numbered else text
    heading_style = None if styled is None else styled.get(style_id)
    if heading_style is None:
        style = styles.get(style_id, style_id)
        heading_style = bool(HEADING_STYLE.match(style) or HEADING_STYLE.match(style_id))
        if styled is not None:
            styled[style_id] = heading_style
    if heading_style:
        return title
    if ppr is not None and first_child(ppr, W_OUTLINE) is not None:
        return title
    ends_like_sentence = text.rstrip().endswith(SENTENCE_END)
    if (
        numbered
        and not ends_like_sentence
        and len(title) <= MAX_TITLE_CHARS
        and title[:1].isupper()
    ):
        return title
    if not ends_like_sentence and len(text) <= MAX_TITLE_CHARS and _all_bold(p):
        return title
    return None


def _title_like(text: str) -> bool:
    """Short, capitalised and not ending like a sentence."""
    return (
        0 < len(text) <= MAX_TITLE_CHARS
        and text[:1].isupper()
        and not text.rstrip().endswith(SENTENCE_END)
    )


def _mark_auto_numbered(paragraphs: list[Para], numbering: Numbering) -> None:
    """Headings numbered only by Word's list numbering (any style, not bold): a short numbered
    paragraph whose neighbours are not items of the same list level, followed by body text.
    Numbers are looked up only for such candidates and their neighbours (most paragraphs are
    body text, and a lookup walks the paragraph's and its style's properties)."""
    known: dict[int, NumRef | None] = {}

    def number(i: int) -> NumRef | None:
        if i not in known:
            known[i] = numbering.number_of(paragraphs[i].element)
        return known[i]

    filled = [i for i, para in enumerate(paragraphs) if para.text]
    for pos, i in enumerate(filled):
        para = paragraphs[i]
        if para.heading is not None or not _title_like(para.text):
            continue
        here = number(i)
        if here is None:
            continue
        before = number(filled[pos - 1]) if pos > 0 else None
        if pos + 1 >= len(filled) or before == here:
            continue  # the last line, or an item of a list that started above
        after = paragraphs[filled[pos + 1]]
        if number(filled[pos + 1]) == here or after.heading is not None:
            continue  # the first item of a list, or a heading with nothing under it
        if len(after.text) > MAX_TITLE_CHARS or after.text.rstrip().endswith(SENTENCE_END):
            para.heading = para.text  # the number is not part of the text


def read_draft(path: Path, package: Package | None = None) -> DocxDraft:
    """Read a .docx safely (or the package already read from it) and split it into paragraphs
    and sections."""
    package = package or read_package(path, "docx")
    root = package.xml(DOCUMENT)
    paragraph_styles = read_styles(package)
    styles = {k: style.name for k, style in paragraph_styles.by_id.items()}
    body = first_child(root, qn("w:body"))
    numbering = Numbering(package, paragraph_styles)
    paragraphs: list[Para] = []
    styled: dict[str, bool] = {}
    for index, p in enumerate((body if body is not None else root).iter(qn("w:p"))):
        text = paragraph_text(p)
        paragraphs.append(Para(index, p, text, _heading(p, text, styles, styled)))
    _mark_auto_numbered(paragraphs, numbering)
    sections: list[Section] = [Section(None)]
    for para in paragraphs:
        if para.heading is not None:
            sections.append(Section(para))
        elif para.text:
            sections[-1].body.append(para)
    try:
        payload = read_payload(package)
    except (ValueError, TypeError, InputFileError):
        payload = None  # a damaged embedded payload: audit the text only
    return DocxDraft(path, package, root, paragraphs, sections, clause_anchors(root), payload,
                     numbering, styles)  # fmt: skip
