"""The newer version's own tracked changes, for the overview: where each stands and what it is.

A version may arrive with tracked changes of its own (a counterparty's edits left unaccepted).
The redline keeps them with their authors and dates; the overview lists them one by one (the
.xlsx's sheet of their own) and numbers the clauses as they stand once they are accepted: a
clause heading the version's own changes move away or delete has no number there.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from assembler.compare.clauses import INTRO, NEW_SIDE, norm, top_level
from assembler.compare.excerpt import shorten
from assembler.compare.model import Change, Record, Round
from assembler.compare.numbers import NumberStyle, plain, split_number
from assembler.compare.revisions import prior_inserted
from assembler.ooxml.ns import qn
from assembler.ooxml.package import Package, read_package
from assembler.ooxml.text import visible_text

DOCUMENT = "word/document.xml"
OWN_SHEET = "Egne sporede ændringer"  # the .xlsx's sheet listing them, one row each
W_P, W_PPR, W_RPR, W_R = qn("w:p"), qn("w:pPr"), qn("w:rPr"), qn("w:r")
W_T, W_DEL_TEXT = qn("w:t"), qn("w:delText")
W_INS, W_DEL, W_MOVE_FROM, W_MOVE_TO = qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo")
W_RPR_CHANGE, W_PPR_CHANGE = qn("w:rPrChange"), qn("w:pPrChange")
# The revisions packages.count_revisions counts (the overview's "… fra X selv"), in Danish.
KIND_DA = {
    W_INS: "indsat",
    W_DEL: "slettet",
    W_MOVE_FROM: "flyttet herfra",
    W_MOVE_TO: "flyttet hertil",
    W_RPR_CHANGE: "formatering",
    W_PPR_CHANGE: "formatering",
}
MARK_DA = "(afsnitsskift)"  # a revision of a paragraph mark: no text of its own
GONE = {W_MOVE_FROM: "moved", W_DEL: "deleted"}  # a heading the version itself removes


class Heading(Record):
    """A clause heading of the newer version, with its number before and after its own changes."""

    _fields = ("element", "text", "gone", "before", "after")
    __slots__ = _fields

    def __init__(self, element: etree._Element, text: str, gone: str, before: str, after: str):
        self.element = element
        self.text = text  # without its hand-typed number
        self.gone = gone  # 'moved' or 'deleted' when its own changes remove it, else ''
        self.before = before  # its number with none of the version's own changes ('' if none)
        self.after = after  # … with all of them accepted ('' when it is gone)


class PriorChange(Record):
    """One tracked change the newer version already carried, where it stands and who made it."""

    _fields = ("number", "heading", "kind", "author", "date", "text")
    __slots__ = _fields

    def __init__(
        self, number: str, heading: str, kind: str, author: str, date: str, text: str
    ) -> None:
        self.number = number  # "§ 4", or "§ 6 (før ændringerne)" for a clause they remove
        self.heading = heading
        self.kind = kind  # indsat, slettet, flyttet herfra, flyttet hertil, formatering
        self.author = author
        self.date = date  # w:date form ('' when the change has none)
        self.text = text  # an excerpt of the changed text, or '(afsnitsskift)'


def has_own_removals(package: Package) -> bool:
    """Whether the version's body may hold a tracked deletion or move of its own (cheap)."""
    data = package.parts.get(DOCUMENT, b"")
    return b"<w:del " in data or b"<w:moveFrom " in data


def _gone(p: etree._Element) -> str:
    """'moved' or 'deleted' when the paragraph's own tracked changes remove it whole, else ''."""
    ppr = p.find(W_PPR)
    rpr = ppr.find(W_RPR) if ppr is not None else None
    marks = [GONE[c.tag] for c in rpr if c.tag in GONE] if rpr is not None else []
    if not marks:
        return ""
    for t in p.iter(W_T):  # text that stays once the changes are accepted keeps the paragraph
        if next(t.iterancestors(W_MOVE_FROM), None) is None:
            return ""
    return marks[0]


def headings(
    root: etree._Element, changes: list[Change], style: NumberStyle
) -> list[Heading] | None:
    """The clause headings of the newer version's body (`root`) in order, each matched to the
    comparison's heading on the newer side, or None when they cannot all be matched by text."""
    top = top_level(changes)
    wanted = [
        c.info
        for c in changes
        if c.part == "body" and c.info.heading_level == top and c.kind in NEW_SIDE
    ]
    if not wanted or any(not norm(info.text) for info in wanted):
        return None
    out: list[Heading] = []
    counts = [0, 0]  # numbered headings before and after the version's own changes
    paragraphs = root.iter(W_P)
    for info in wanted:
        target = norm(info.text)
        p = next((p for p in paragraphs if norm(visible_text(p)) == target), None)
        if p is None:
            return None
        hand, text = split_number(info.text)
        gone, born = _gone(p), prior_inserted(p)
        numbers = ["", ""]
        for side, present in enumerate((not born, not gone)):
            if not present:
                continue  # no number on the side where the heading is not there
            counts[side] += info.numbered
            shown = style.display(counts[side]) if info.numbered else ""
            numbers[side] = plain(hand or shown)
        out.append(Heading(p, text, gone, numbers[0], numbers[1]))
    return out


def gone_headings(
    package: Package, changes: list[Change], style: NumberStyle
) -> dict[int, tuple[str, str]] | None:
    """For each newer-side clause heading of the comparison (by its place among them): how the
    version's own changes treat it ('' or 'moved'/'deleted') and its number once they are
    accepted; None when the headings cannot be matched (the numbers then follow the redline)."""
    if not has_own_removals(package):
        return None
    found = headings(package.xml(DOCUMENT), changes, style)
    if found is None or not any(h.gone for h in found):
        return None
    return {k: (h.gone, h.after) for k, h in enumerate(found)}


def prior_changes(package: Package, changes: list[Change], style: NumberStyle) -> list[PriorChange]:
    """Every tracked change the version carried, in document order, under its clause."""
    root = package.xml(DOCUMENT)
    at = {id(h.element): h for h in headings(root, changes, style) or []}
    current: Heading | None = None
    out: list[PriorChange] = []
    for el in root.iter(W_P, *KIND_DA):
        if el.tag == W_P:
            current = at.get(id(el), current)
            continue
        number, heading = "", INTRO  # before the first clause heading, as the overview says
        if current is not None:
            heading = current.text
            number = current.after or (
                f"{current.before} (før ændringerne)" if current.before else ""
            )
        out.append(
            PriorChange(
                number,
                heading,
                KIND_DA[el.tag],
                el.get(qn("w:author"), ""),
                el.get(qn("w:date"), ""),
                _excerpt(el),
            )
        )
    return out


def _texts(el: etree._Element) -> Iterator[str]:
    for node in el.iter(W_T, W_DEL_TEXT):
        yield node.text or ""


def _excerpt(el: etree._Element) -> str:
    """The changed text, shortened; '(afsnitsskift)' for a paragraph mark's revision."""
    parent = el.getparent()
    if el.tag == W_RPR_CHANGE and parent is not None:
        run = parent.getparent()  # w:r/w:rPr/w:rPrChange, or the mark's w:pPr/w:rPr/…
        if run is not None and run.tag == W_R:
            return shorten("".join(_texts(run))) or MARK_DA
        return MARK_DA
    if el.tag == W_PPR_CHANGE:
        paragraph = next(el.iterancestors(W_P), None)
        return shorten(visible_text(paragraph)) if paragraph is not None else ""
    if parent is not None and parent.tag == W_RPR:
        return MARK_DA  # w:pPr/w:rPr/w:ins …: the paragraph mark inserted, deleted or moved
    return shorten("".join(_texts(el)))


def own_changes(
    rounds: list[Round], packages: dict[Path, Package] | None = None
) -> list[tuple[Round, list[PriorChange]]]:
    """Each newer version's own tracked changes, once per version (its first round), listed."""
    from assembler.compare.scope import body_paragraphs, heading_style, numbered_headings

    out: list[tuple[Round, list[PriorChange]]] = []
    seen: set[Path] = set()
    for rnd in rounds:
        if not rnd.prior_new or rnd.new.path in seen:
            continue
        seen.add(rnd.new.path)
        package = (packages or {}).get(rnd.new.path) or read_package(rnd.new.path, "docx")
        names = numbered_headings(rnd.changes)
        style = heading_style(package, body_paragraphs(package), names, None)
        out.append((rnd, prior_changes(package, rnd.changes, style)))
    return out
