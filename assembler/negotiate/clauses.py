"""Insert a whole clause of ours into a draft: at its conventional place, numbered the draft's way.

The place is after the nearest topic that comes before it in the library's order (the
conventional order of a Danish agreement); the heading copies the draft's heading paragraph, so
Word's own list numbering continues by itself, and a hand-typed number ("§ 5.", "5.") is given to
the new heading and added to each later hand-numbered heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assembler.audit.document import DocxDraft, Para
from assembler.audit.review import AuditResult
from assembler.audit.sections import paragraph_topics
from assembler.library.model import Library
from assembler.negotiate.model import Edit, NewParagraph

HAND_NUMBER = re.compile(r"^(?P<lead>\s*(?:§\s*)?)(?P<n>\d+)(?P<tail>[a-z]?[.)]?\s+)")


def _headings(result: AuditResult) -> list[Para]:
    """The headings of the draft's found topics, in document order."""
    found = [f.para for f in result.found.values() if f.para is not None and f.how != "tekst"]
    return sorted(found, key=lambda p: p.index)


def insertion_point(draft: DocxDraft, result: AuditResult, library: Library, topic: str) -> int:
    """The paragraph after which the clause goes (-1: before the first paragraph)."""
    order = {t.id: t.order for t in library.for_agreement(result.agreement)}
    mine = order.get(topic, 0)
    topics = paragraph_topics(draft, result.found)
    present = [t for t in result.found if t in order and t != topic]
    before = [t for t in present if order[t] < mine and t != "underskrifter"]
    if before:
        last = max(before, key=lambda t: order[t])
        owned = [p.index for p in draft.paragraphs if topics.get(p.index) == last and p.text]
        return max(owned) if owned else result.found[last].para.index  # type: ignore[union-attr]
    after = [t for t in present if order[t] > mine]
    if after:
        first = min(after, key=lambda t: order[t])
        para = result.found[first].para
        if para is not None:
            return para.index - 1
    texts = [p.index for p in draft.paragraphs if p.text]
    return texts[-1] if texts else -1


def clause_insertion(
    draft: DocxDraft,
    result: AuditResult,
    library: Library,
    topic: str,
    title: str,
    paragraphs: list[tuple[str, bool]],
    keys: Callable[[], int],
) -> list[Edit]:
    """The edits that insert our clause (heading and paragraphs) and renumber later headings."""
    after = insertion_point(draft, result, library, topic)
    headings = _headings(result)
    earlier = [h for h in headings if h.index <= after]
    later = [h for h in headings if h.index > after]
    reference = earlier[-1] if earlier else (later[0] if later else None)
    edits: list[Edit] = []
    heading = title
    numbered = HAND_NUMBER.match(reference.text) if reference is not None else None
    if numbered is not None and reference is not None:
        n = int(numbered.group("n")) + (1 if earlier else 0)
        heading = f"{numbered.group('lead')}{n}{numbered.group('tail')}{title}"
        for h in later:
            m = HAND_NUMBER.match(h.text)
            if m is not None and int(m.group("n")) >= n:
                edits.append(
                    Edit("span", h.index, m.start("n"), m.end("n"), str(int(m.group("n")) + 1))
                )
    body = []
    started = False
    for text, bullet in paragraphs:
        body.append(NewParagraph(text, "bullet" if bullet else ("stk" if started else "body"),
                                 keys()))  # fmt: skip
        started = started or not bullet
    new = (NewParagraph(heading, "heading", keys()), *body)
    edits.insert(0, Edit("insert", after, paragraphs=new))
    return edits
