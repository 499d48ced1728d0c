"""Build the counter-proposal: apply the plan to a copy of the draft, let the redline engine turn
the difference into tracked changes, and put one comment on each amendment's revisions.

The target document is the draft with our edits; compare_packages(draft, target) then marks
exactly those edits as insertions and deletions by our author, so rejecting all of them gives the
draft back and accepting them gives our text.
"""

from __future__ import annotations

from collections import defaultdict

from lxml import etree

from assembler.audit.document import DOCUMENT, DocxDraft
from assembler.audit.review import AuditResult
from assembler.compare.packages import compare_packages
from assembler.negotiate.anchors import anchor_amendments
from assembler.negotiate.edit import delete_paragraph, new_paragraph, replace_text, restore_text
from assembler.negotiate.label import relabel
from assembler.negotiate.model import Amendment, Edit, NewParagraph
from assembler.ooxml.ns import qn
from assembler.ooxml.package import Package, parse_xml

BULLET_STYLE = ("bullet", "punkt", "opstilling")


def _is_bullet(para_element: etree._Element, style_names: dict[str, str]) -> bool:
    """Whether a paragraph is a bulleted list item (by its style or its list format)."""
    ppr = para_element.find(qn("w:pPr"))
    style = ppr.find(qn("w:pStyle")) if ppr is not None else None
    name = style_names.get(style.get(qn("w:val"), ""), "") if style is not None else ""
    return any(word in name.casefold() for word in BULLET_STYLE)


class Templates:
    """Paragraphs of the draft whose properties new paragraphs copy.

    A restored or inserted paragraph takes the properties of a paragraph in the same role: a
    clause's first paragraph, a later one (in our documents the numbered "Stk." style, so stk.
    numbers stay right), a bullet or a heading.
    """

    def __init__(self, target: DocxDraft, result: AuditResult) -> None:
        self.paras = target.paragraphs
        names: dict[str, str] = {}
        if "word/styles.xml" in target.package.parts:
            for style in target.package.xml("word/styles.xml").iter(qn("w:style")):
                name = style.find(qn("w:name"))
                sid = style.get(qn("w:styleId"), "")
                names[sid] = sid + " " + (name.get(qn("w:val"), "") if name is not None else "")
        self.headings = sorted(f.para.index for f in result.found.values()
                               if f.para is not None and f.how != "tekst")  # fmt: skip
        self.bullets = [p.index for p in self.paras if p.text and _is_bullet(p.element, names)]
        self.bodies = [p.index for p in self.paras if p.text and p.heading is None
                       and p.index not in self.bullets]  # fmt: skip
        self.firsts: list[int] = []  # the first paragraph under a heading
        self.stks: list[int] = []  # a later paragraph under a heading
        seen = False
        started = False
        for p in self.paras:
            if not p.text:
                continue
            if p.heading is not None or p.index in self.headings:
                seen, started = True, False
            elif seen and p.index not in self.bullets:
                (self.stks if started else self.firsts).append(p.index)
                started = True

    def _near(self, indices: list[int], at: int) -> etree._Element | None:
        before = [i for i in indices if i <= at]
        pick = before[-1] if before else (indices[0] if indices else None)
        return self.paras[pick].element if pick is not None else None

    def element(self, new: NewParagraph, at: int) -> etree._Element:
        """A new paragraph for `new`, copying the nearest fitting paragraph before `at`."""
        body = self._near(self.bodies, at)
        if new.role == "heading":
            template = self._near(self.headings, at)
            if template is not None:
                return new_paragraph(template, new.text)
            return new_paragraph(body if body is not None else etree.Element(qn("w:p")),
                                 new.text, bold=True)  # fmt: skip
        if new.role == "bullet":
            template = self._near(self.bullets, at)
            if template is not None:
                return new_paragraph(template, new.text)
            return new_paragraph(body if body is not None else etree.Element(qn("w:p")),
                                 f"– {new.text}")  # fmt: skip
        own = self._near(self.stks if new.role == "stk" else self.firsts, at)
        template = own if own is not None else body
        return new_paragraph(template if template is not None else etree.Element(qn("w:p")),
                             new.text)  # fmt: skip


def apply_edits(
    target: DocxDraft, result: AuditResult, amendments: list[Amendment]
) -> dict[etree._Element, int]:
    """Apply every edit to the target draft's XML, from the last paragraph to the first; moves
    last, on the elements (which the other edits kept). Returns element → key for every
    paragraph: the draft's index, or the key of a paragraph we inserted (the dict keeps the
    elements' Python proxies alive, so they are found again by identity)."""
    templates = Templates(target, result)
    by_para: dict[int, list[Edit]] = defaultdict(list)
    for amendment in amendments:
        for edit in amendment.edits:
            by_para[edit.para].append(edit)
    elements = {p.index: p.element for p in target.paragraphs}
    keys = {p.element: p.index for p in target.paragraphs}
    body = target.root.find(qn("w:body"))
    for index in sorted(by_para, reverse=True):
        edits = by_para[index]
        element = elements.get(index) if index >= 0 else None
        for edit in reversed([e for e in edits if e.kind == "insert"]):
            new = [templates.element(p, max(index, 0)) for p in edit.paragraphs]
            keys.update({el: p.key for el, p in zip(new, edit.paragraphs, strict=True)})
            anchor = element
            for p in new:
                if anchor is None:  # before the first paragraph of the body
                    assert body is not None
                    body.insert(0, p)
                else:
                    anchor.addnext(p)
                anchor = p
        if element is None:
            continue
        for edit in sorted((e for e in edits if e.kind == "span"), key=lambda e: -e.start):
            replace_text(element, edit.start, edit.end, edit.text)
        for edit in (e for e in edits if e.kind == "restore"):
            restore_text(element, edit.text)
        if any(e.kind == "delete" for e in edits):
            delete_paragraph(element)
    for amendment in amendments:
        for edit in (e for e in amendment.edits if e.kind == "move"):
            block = [elements[i] for i in range(edit.para, edit.end + 1) if i in elements]
            before = elements.get(edit.to)
            if before is None or before in block or before.getparent() is None:
                continue
            for element in block:
                before.addprevious(element)
    return keys


def _fresh_copy(draft: DocxDraft) -> DocxDraft:
    """The draft with its own copy of the body XML, paragraph for paragraph (same indices)."""
    root = parse_xml(draft.package.parts[DOCUMENT], DOCUMENT)
    body = root.find(qn("w:body"))
    elements = list((body if body is not None else root).iter(qn("w:p")))
    paragraphs = [p.with_element(el) for p, el in zip(draft.paragraphs, elements, strict=True)]
    return draft.with_body(root, paragraphs)


def target_package(draft: DocxDraft, result: AuditResult, amendments: list[Amendment]) -> Package:
    """The draft as it reads with every amendment accepted (the newer side of the comparison)."""
    return _target(draft, result, amendments)[0]


def _target(
    draft: DocxDraft, result: AuditResult, amendments: list[Amendment]
) -> tuple[Package, list[int]]:
    """The target package and the keys of its body paragraphs in order."""
    target = _fresh_copy(draft)
    keys = apply_edits(target, result, amendments)
    body = target.root.find(qn("w:body"))
    container = body if body is not None else target.root
    order = [keys.get(p, 0) for p in container.iter(qn("w:p"))]
    parts = dict(target.package.parts)
    parts[DOCUMENT] = etree.tostring(target.root, xml_declaration=True, encoding="UTF-8",
                                     standalone=True)  # fmt: skip
    return Package(draft.path, parts), order


def build_counter_proposal(
    draft: DocxDraft, result: AuditResult, amendments: list[Amendment],
    author: str, date: str,
) -> bytes:  # fmt: skip
    """The draft with our amendments as tracked changes and one comment on each, labelled as
    our counter-proposal in its header and properties."""
    target, keys = _target(draft, result, amendments)
    if amendments:  # with nothing to change, the answer is their draft as it stands
        relabel(target, author, date)
    redline = compare_packages(draft.package, target, author, date)
    return anchor_amendments(redline.data, draft, keys, amendments, author, date)
