"""Cite a paragraph the way a Danish agreement does: '§ 9, stk. 3'.

A draft's clauses are numbered either by Word (the heading style's or paragraph's list numbering)
or by hand ("§ 5.", "5."); the paragraphs of a clause are its stykker, the first one stk. 1, list
items belonging to the stk. before them. The numbering is computed on a sequence of Slots, so the
counter-proposal can cite the document as it reads with its own changes accepted (a clause moved
back, a paragraph restored), not only the draft as it came.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from assembler.audit.document import DocxDraft
from assembler.audit.numbering import Numbering, NumRef
from assembler.audit.styles import first_child
from assembler.ooxml.ns import qn
from assembler.records import Record
from assembler.regex_programs import compile_pattern

TYPED = compile_pattern(r"^\s*(?:§\s*)?(?P<n>\d+)[a-z]?[.)]?\s+\S")
TYPED_STK = compile_pattern(r"^\s*stk\.\s*(?P<n>\d+)\.?\s", re.I)
LIST_STYLE = ("bullet", "list", "punkt", "opstilling", "liste")


class Slot(Record):
    """One paragraph with text, as far as numbering goes."""

    _fields = ("key", "role", "numbered", "typed", "typed_stk")
    __slots__ = _fields

    def __init__(
        self,
        key: int,  # the draft's paragraph index (a new paragraph gets a key of its own)
        role: str,  # "heading", "body" or "item" (a list item: belongs to the stk. before it)
        numbered: bool = False,  # a clause heading that carries the clause number
        typed: int | None = None,  # a number typed in the heading ("§ 5." → 5)
        typed_stk: int | None = None,  # "Stk. 3." typed at the start of a paragraph
    ) -> None:
        self.key = key
        self.role = role
        self.numbered = numbered
        self.typed = typed
        self.typed_stk = typed_stk


W_PPR, W_PSTYLE, W_NUMPR, W_VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:numPr"), qn("w:val")


def _list_styles(draft: DocxDraft) -> set[str]:
    """The styleIds whose id or name says they are list styles."""
    return {
        sid
        for sid, name in draft.styles.items()
        if any(word in f"{sid} {name}".casefold() for word in LIST_STYLE)
    }


def is_list_item(p: etree._Element, numbering: Numbering, list_styles: set[str]) -> bool:
    """A bulleted paragraph, or one in a list style (not a stk. of its own)."""
    ppr = first_child(p, W_PPR)
    if ppr is None:
        return False
    style = first_child(ppr, W_PSTYLE)
    if style is not None and style.get(W_VAL, "") in list_styles:
        return True
    return first_child(ppr, W_NUMPR) is not None and numbering.number_of(p) is None  # a bullet


def draft_slots(draft: DocxDraft, before: int | None = None) -> list[Slot]:
    """The draft's paragraphs with text as slots; numbered clause headings marked as such.

    With `before`, only paragraphs before that index will be cited: the slots end at the first
    heading from there on (a clause's paragraphs run to its next heading, and a citation depends
    only on the slots up to there and on every heading's list number, still read)."""
    numbering = draft.numbering or Numbering(draft.package)
    list_styles = _list_styles(draft)
    refs: dict[int, NumRef | None] = {}
    for para in draft.paragraphs:
        if para.heading is not None:
            refs[para.index] = numbering.number_of(para.element)
    common = Counter(r for r in refs.values() if r is not None).most_common(1)
    main = common[0][0] if common else None
    slots = []
    for para in draft.paragraphs:
        if not para.text:
            continue
        if para.heading is not None:
            if before is not None and para.index >= before:
                break
            typed = TYPED.match(para.text)
            number = int(typed.group("n")) if typed else None
            auto = main is not None and refs.get(para.index) == main
            slots.append(Slot(para.index, "heading", auto or number is not None, number))
            continue
        item = is_list_item(para.element, numbering, list_styles)
        stk = TYPED_STK.match(para.text)
        slots.append(Slot(para.index, "item" if item else "body",
                          typed_stk=int(stk.group("n")) if stk else None))  # fmt: skip
    return slots


class Citations:
    """'§ N, stk. M' for each paragraph of a sequence of slots."""

    def __init__(self, slots: list[Slot]) -> None:
        self.clause: dict[int, int | None] = {}  # key → its clause's number (None: unnumbered)
        self.stk: dict[int, int] = {}  # key → its stk. number within the clause
        self.size: dict[int, int] = {}  # key → how many stk. its clause has
        number: int | None = None
        counter = 0
        members: list[int] = []
        stk = 0
        for slot in slots:
            if slot.role == "heading":
                self._close(members, stk)
                members, stk = [], 0
                if slot.numbered:
                    counter = slot.typed if slot.typed is not None and counter == 0 else counter + 1
                    number = counter
                else:
                    number = None
                self.clause[slot.key] = number
                continue
            if slot.role == "body" or stk == 0:
                stk = slot.typed_stk or stk + 1
            self.clause[slot.key] = number
            self.stk[slot.key] = stk
            members.append(slot.key)
        self._close(members, stk)

    def _close(self, members: list[int], stk: int) -> None:
        for key in members:
            self.size[key] = stk

    def cite(self, key: int, relative_to: int | None = None) -> str | None:
        """'§ 9, stk. 3' ('§ 9' for a clause of one paragraph; 'stk. 2' when `relative_to` is in
        the same clause); None when the clause has no number."""
        number = self.clause.get(key)
        if number is None or key not in self.stk:
            return None
        if relative_to is not None and self.clause.get(relative_to) == number:
            return f"stk. {self.stk[key]}"
        if self.size.get(key, 1) <= 1:
            return f"§ {number}"
        return f"§ {number}, stk. {self.stk[key]}"

    def cite_many(self, keys: list[int]) -> str | None:
        """'§ 10, stk. 1 og 2' for paragraphs of one clause; None when they are not."""
        numbers = {self.clause.get(k) for k in keys}
        if len(numbers) != 1 or None in numbers or not all(k in self.stk for k in keys):
            return None
        stks = sorted({self.stk[k] for k in keys})
        clause = numbers.pop()
        if len(stks) == 1:
            return self.cite(keys[0])
        listed = ", ".join(str(s) for s in stks[:-1]) + f" og {stks[-1]}"
        return f"§ {clause}, stk. {listed}"


def draft_citations(draft: DocxDraft, before: int | None = None) -> Citations:
    """The citations of a draft as it stands (of its paragraphs before index `before`, if given:
    those after may be left out)."""
    return Citations(draft_slots(draft, before))
