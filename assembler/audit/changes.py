"""Compare a draft with our last version clause by clause, and assess each substantive change.

Our version comes either from the answers a draft carries (rendered again through the library)
or from our own earlier .docx (`tjek UDKAST --mod VORES`). Clauses are paired by topic, so a
moved clause is one move, not a deletion and an insertion; inside a clause paragraphs are
aligned by text, and each changed paragraph gets the span of its changed words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Any

from assembler.answers.model import AgreementAnswers, Answers
from assembler.audit.assess import Assessment, assess_change
from assembler.audit.document import DocxDraft, Para
from assembler.audit.sections import paragraph_topics
from assembler.audit.topics import Found, find_topics
from assembler.library.model import Library
from assembler.records import Record
from assembler.regex_programs import compile_pattern
from assembler.render.context import clause_records

KINDS_DA = ("ændret", "tilføjet", "slettet", "flyttet")
SIMILAR = 0.5  # paragraphs this similar are the same paragraph, edited
# "{{ § lokal.frivillighed }}" in an individual clause: "lokalaftalens § 4 om frivillighed".
LOCAL_REFERENCE = compile_pattern(r"\{\{\s*§\s*lokal\.(\w+)\s*\}\}")
# Clauses that state a principle the rest is read in the light of: moving one further back
# lowers it. Voluntariness is "det altoverskyggende princip" in Akademikernes vejledning (S1).
PRINCIPLES = {
    "frivillighed": (
        "Frivilligheden er grundprincippet for hjemmearbejde; Akademikernes vejledning kalder den "
        "„det altoverskyggende princip“."
    ),
}


class OurVersion(Record):
    """Our last version of an agreement, clause by clause (headings left out)."""

    _fields = ("label", "clauses", "titles", "variants")
    __slots__ = _fields

    def __init__(
        self,
        label: str,  # where it came from, for messages: a file name or the embedded answers
        clauses: dict[str, list[str]],
        titles: dict[str, str],
        variants: dict[str, str],  # topic → library variant, where known
    ) -> None:
        self.label = label
        self.clauses = clauses
        self.titles = titles
        self.variants = variants


class Move(Record):
    """A clause moved from § was to § now, and what the move does beyond the clause itself."""

    _fields = ("was", "now", "renumbered", "principle")
    __slots__ = _fields

    def __init__(
        self,
        was: int,
        now: int,
        renumbered: tuple[tuple[str, int, int], ...] = (),  # (reference text, was, now) that break
        principle: str = "",  # why the clause belongs first (PRINCIPLES), when it moved back
    ) -> None:
        self.was = was
        self.now = now
        self.renumbered = renumbered
        self.principle = principle

    @property
    def matters(self) -> bool:
        """Whether the move does more than change the order."""
        return bool(self.renumbered or self.principle)


class Change(Record):
    """One substantive change of our text in the draft, with its assessment and its place."""

    _fields = (
        "topic",
        "title",
        "kind",
        "before",
        "after",
        "para",
        "span",
        "assessment",
        "before_index",
        "move",
    )
    __slots__ = _fields

    def __init__(
        self,
        topic: str,
        title: str,
        kind: str,  # one of KINDS_DA
        before: str,
        after: str,
        para: Para | None,  # the draft paragraph a comment on it goes on
        span: tuple[int, int] | None,  # the changed words in para.text (None: the whole paragraph)
        assessment: Assessment,
        before_index: int = -1,  # position of the paragraph in our clause (-1: not from our clause)
        move: Move | None = None,  # for kind "flyttet"
    ) -> None:
        self.topic = topic
        self.title = title
        self.kind = kind
        self.before = before
        self.after = after
        self.para = para
        self.span = span
        self.assessment = assessment
        self.before_index = before_index
        self.move = move


def _norm(text: str) -> str:
    return " ".join(text.split())


def version_from_answers(
    library: Library,
    answers: Answers,
    agreement: AgreementAnswers,
    label: str,
    rendered: list[dict[str, Any]] | None = None,
) -> OurVersion:
    """Our version as a set of answers renders today (`rendered`: its clauses as the template
    sees them, when already rendered from these answers)."""
    if rendered is None:
        rendered, _ = clause_records(library, answers, agreement)
    clauses, titles, variants = {}, {}, {}
    for clause in rendered:
        topic = clause["emne"]
        clauses[topic] = [text for a in clause["afsnit"] if (text := _norm(a["tekst"]))]
        titles[topic] = clause["titel"]
        variants[topic] = clause["variant"]
    return OurVersion(label, clauses, titles, variants)


def clause_paragraphs(draft: DocxDraft, found: dict[str, Found]) -> dict[str, list[Para]]:
    """Each found topic's body paragraphs (its heading left out), in document order."""
    topics = paragraph_topics(draft, found)
    headings = {f.para.index for f in found.values() if f.para is not None and f.how != "tekst"}
    out: dict[str, list[Para]] = {topic: [] for topic in found}
    for para in draft.paragraphs:
        topic = topics.get(para.index, "")
        if topic and para.text and para.index not in headings:
            out.setdefault(topic, []).append(para)
    return out


def version_from_draft(library: Library, draft: DocxDraft, agreement: str) -> OurVersion:
    """Our version read from our own earlier .docx."""
    found = find_topics(draft, library, agreement)
    bodies = clause_paragraphs(draft, found)
    titles = {t.id: t.title for t in library.for_agreement(agreement)}
    variants = {topic: variant for topic, variant, _ in draft.anchors}
    clauses = {topic: [p.text for p in paras] for topic, paras in bodies.items()}
    return OurVersion(draft.path.name, clauses, {t: titles.get(t, t) for t in clauses}, variants)


def _pairs(before: Sequence[str], after: Sequence[Para]) -> list[tuple[int | None, int | None]]:
    """Align paragraphs: equal ones, then edited ones (similar text) in order, then the rest."""
    matcher = SequenceMatcher(None, [_norm(b) for b in before], [_norm(a.text) for a in after],
                              autojunk=False)  # fmt: skip
    out: list[tuple[int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += list(zip(range(i1, i2), range(j1, j2), strict=True))
            continue
        free = list(range(j1, j2))
        for i in range(i1, i2):
            match = next(
                (
                    j
                    for j in free
                    if SequenceMatcher(None, before[i], after[j].text).ratio() >= SIMILAR
                ),
                None,
            )
            if match is None:
                out.append((i, None))
                continue
            out += [(None, j) for j in free[: free.index(match)]]
            free = free[free.index(match) + 1 :]
            out.append((i, match))
        out += [(None, j) for j in free]
    return out


def changed_span(before: str, after: str) -> tuple[int, int] | None:
    """The span of the changed words in `after` (a neighbouring word for a pure deletion)."""
    old = [m.group(0) for m in re.finditer(r"\S+", before)]
    new = list(re.finditer(r"\S+", after))
    ops = [op for op in SequenceMatcher(None, old, [m.group(0) for m in new], autojunk=False)
           .get_opcodes() if op[0] != "equal"]  # fmt: skip
    if not ops or not new:
        return None
    j1, j2 = ops[0][3], ops[-1][4]
    if j1 == j2:  # words were only removed: mark the word before the gap (or after it)
        j1, j2 = (j1 - 1, j1) if j1 > 0 else (j1, j1 + 1)
    j2 = min(j2, len(new))
    return new[j1].start(), new[j2 - 1].end()


def compare_with(
    library: Library,
    agreement: str,
    ours: OurVersion,
    draft: DocxDraft,
    found: dict[str, Found],
) -> list[Change]:
    """Every substantive change of the draft against our version, in the draft's order."""
    theirs = clause_paragraphs(draft, found)
    out: list[Change] = []
    titles = {t.id: t.title for t in library.for_agreement(agreement) if t.kind == "clause"}
    for topic, before in ours.clauses.items():
        title = ours.titles.get(topic) or titles.get(topic, topic)
        variant = ours.variants.get(topic)
        after = theirs.get(topic)
        if after is None:
            assessment = assess_change(topic, "\n".join(before), "", library, agreement, variant)
            where = _where_deleted(draft, found, ours, topic)
            out.append(Change(topic, title, "slettet", "\n".join(before), "", where, None,
                              assessment))  # fmt: skip
            continue
        out += _clause_changes(library, agreement, topic, title, variant, before, after,
                               found.get(topic))  # fmt: skip
    for topic in theirs:
        if topic not in ours.clauses and topic in titles and theirs[topic]:
            text = "\n".join(p.text for p in theirs[topic])
            where = found[topic].para if topic in found else theirs[topic][0]
            assessment = assess_change(topic, "", text, library, agreement)
            out.append(Change(topic, titles[topic], "tilføjet", "", text, where, None, assessment))
    clause_topics = {t.id for t in library.for_agreement(agreement) if t.kind == "clause"}
    referenced = referenced_local_topics(library) if agreement == "lokal" else {}
    out += _moves(ours, found, titles, clause_topics, referenced)
    return sorted(out, key=lambda c: c.para.index if c.para is not None else -1)


def _clause_changes(
    library: Library, agreement: str, topic: str, title: str, variant: str | None,
    before: list[str], after: list[Para], heading: Found | None,
) -> list[Change]:  # fmt: skip
    """The changed, inserted and deleted paragraphs of one clause."""
    out = []
    last: Para | None = heading.para if heading is not None else None
    pairs = _pairs(before, after)
    # a change is weighed in the clause around it: the newer paragraphs that stand in place of
    # ours (an inserted paragraph is a change of its own, and may be answered by deleting it)
    kept = [after[j] for i, j in pairs if i is not None and j is not None]
    for i, j in pairs:
        old = before[i] if i is not None else ""
        para = after[j] if j is not None else None
        new = para.text if para is not None else ""
        if para is not None:
            last = para
        if _norm(old) == _norm(new):
            continue
        rest = "\n".join(p.text for p in kept if p is not para)
        assessment = assess_change(topic, old, new, library, agreement, variant, rest)
        if i is not None and j is not None:
            out.append(Change(topic, title, "ændret", old, new, para, changed_span(old, new),
                              assessment, i))  # fmt: skip
        elif j is not None:
            out.append(Change(topic, title, "tilføjet", "", new, para, None, assessment))
        elif i is not None:
            out.append(Change(topic, title, "slettet", old, "", last, None, assessment, i))
    return out


def _where_deleted(
    draft: DocxDraft, found: dict[str, Found], ours: OurVersion, topic: str
) -> Para | None:
    """Where a deleted clause stood: the heading of the clause before it, if still there."""
    order = list(ours.clauses)
    for earlier in reversed(order[: order.index(topic)]):
        if earlier in found and found[earlier].para is not None:
            return found[earlier].para
    return draft.paragraphs[0] if draft.paragraphs else None


def referenced_local_topics(library: Library) -> dict[str, str]:
    """The local agreement's topics our individual agreements cite by number, with the title the
    citation uses ('frivillighed' → 'Frivillighed')."""
    out: dict[str, str] = {}
    for topic in library.for_agreement("individuel"):
        for variant in topic.variants:
            for target in LOCAL_REFERENCE.findall(variant.text):
                try:
                    out[target] = library.topic("lokal", target).title
                except KeyError:
                    continue
    return out


def _reference(title: str, number: int) -> str:
    return f"lokalaftalens § {number} om {title[:1].lower()}{title[1:]}"


def move_text(title: str, move: Move) -> str:
    """What a move does, in plain Danish, and what to ask for."""
    lines = [f"Bestemmelsen om {title[:1].lower()}{title[1:]} er flyttet fra § {move.was} til "
             f"§ {move.now}."]  # fmt: skip
    if not move.matters:
        lines.append("Flytningen ændrer ikke rettigheder og pligter.")
        return " ".join(lines)
    lines.append("Indholdet er uændret.")
    if move.renumbered:
        broken = "; ".join(f"„{ref}“ bliver § {now}" for ref, _, now in move.renumbered)
        lines.append(
            "Men de individuelle aftaler, der er lavet efter vores skabelon, henviser til "
            f"lokalaftalens paragraffer med nummer, og efter flytningen passer henvisningerne ikke "
            f"længere ({broken}). Accepteres flytningen, skal henvisningerne rettes i hver "
            "individuel aftale."
        )
    if move.principle:
        lines.append(
            f"{move.principle} I vores udkast står den som § {move.was}; flytningen til § "
            f"{move.now} nedtoner den."
        )
    lines.append(f"Kræv bestemmelsen flyttet tilbage til § {move.was}.")
    return " ".join(lines)


def _moves(
    ours: OurVersion, found: dict[str, Found], titles: dict[str, str], clause_topics: set[str],
    referenced: dict[str, str],
) -> list[Change]:  # fmt: skip
    """Clauses whose place among the others changed (their content is compared separately)."""
    ours_order = [t for t in ours.clauses if t in found]
    theirs_order = [t for t in found if t in ours.clauses]
    ours_numbers = [t for t in ours.clauses if t in clause_topics]
    theirs_numbers = [t for t in found if t in clause_topics]
    matcher = SequenceMatcher(None, ours_order, theirs_order, autojunk=False)
    kept = {
        t
        for block in matcher.get_matching_blocks()
        for t in ours_order[block.a : block.a + block.size]
    }
    renumbered = tuple(
        (_reference(title, ours_numbers.index(t) + 1), ours_numbers.index(t) + 1,
         theirs_numbers.index(t) + 1)
        for t, title in referenced.items()
        if t in ours_numbers and t in theirs_numbers
        and ours_numbers.index(t) != theirs_numbers.index(t)
    )  # fmt: skip
    out = []
    for topic in theirs_order:
        if topic in kept:
            continue
        if topic not in ours_numbers or topic not in theirs_numbers:
            continue
        was, now = ours_numbers.index(topic) + 1, theirs_numbers.index(topic) + 1
        principle = PRINCIPLES.get(topic, "") if now > was else ""
        move = Move(was, now, renumbered, principle)
        title = ours.titles.get(topic) or titles.get(topic, topic)
        verdict = ""
        if move.matters:
            verdict = "ændrer ikke rettigheder og pligter, men " + (
                "henvisningerne i de individuelle aftaler skal rettes"
                if renumbered and not principle
                else "bestemmelsen bør flyttes tilbage"
            )
        out.append(Change(topic, title, "flyttet", "", "", found[topic].para, None,
                          Assessment(move_text(title, move), "neutral", verdict=verdict),
                          move=move))  # fmt: skip
    return out
