"""Group paragraph-level changes into a clause-by-clause summary."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assembler.compare.model import ClauseChange
from assembler.compare.packages import Change

_HAND_NUMBER = re.compile(r"^\s*(§\s*\d+[a-z]?|\d+(\.\d+)*\.?)\s")
PART_DA = {
    "header": "Sidehoved",
    "footer": "Sidefod",
    "footnote": "Fodnoter",
    "endnote": "Slutnoter",
}
EXCERPT = 70


@dataclass
class _Clause:
    """A clause being collected."""

    number: str
    heading: str
    topic: str
    kinds: list[str] = field(default_factory=list)
    heading_kind: str = "equal"
    before: str = ""
    after: str = ""


def excerpt(before: str, after: str, width: int = EXCERPT) -> tuple[str, str]:
    """Shorten before/after to a window around their first difference."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    start = max(0, before.rfind(" ", 0, max(0, start - 15)) + 1) if start > 25 else 0

    def cut(text: str) -> str:
        piece = text[start : start + width]
        prefix = "…" if start else ""
        suffix = "…" if start + width < len(text) else ""
        return f"{prefix}{piece}{suffix}"

    return cut(before), cut(after)


def topic_of(anchor: str) -> str:
    """The topic part of an anchor `_Aft_<topic>__<variant>` (or `_Aft_<topic>_<variant>`)."""
    if not anchor:
        return ""
    body = anchor.removeprefix("_Aft_")
    if "__" in body:
        return body.partition("__")[0]
    return body.rsplit("_", 1)[0] if "_" in body else body


def summarise(changes: list[Change]) -> list[ClauseChange]:
    """Clause changes, in document order, for every clause that changed."""
    top = min((c.info.heading_level for c in changes if c.info.heading_level), default=1)
    clauses: list[_Clause] = []
    current = _Clause("", "Indledning", "")
    clauses.append(current)
    counter = 0
    parts: dict[str, _Clause] = {}
    for change in changes:
        if change.part != "body":
            clause = parts.setdefault(change.part, _Clause("", PART_DA[change.part], ""))
            _add(clause, change)
            continue
        info = change.info
        if info.heading_level == top:
            number = ""
            if change.kind not in ("deleted", "moved_from") and info.numbered:
                counter += 1
                number = str(counter)
            hand = _HAND_NUMBER.match(info.text)
            if hand:
                number = hand.group(1).strip()
            current = _Clause(number, info.text.strip(), topic_of(info.anchor))
            current.heading_kind = change.kind
            clauses.append(current)
        _add(current, change)
    out = [_finish(c) for c in [*clauses, *parts.values()]]
    return [c for c in out if c is not None]


def _add(clause: _Clause, change: Change) -> None:
    """Record one paragraph change in a clause."""
    clause.kinds.append(change.kind)
    if change.kind != "equal" and not (clause.before or clause.after):
        clause.before, clause.after = excerpt(change.before, change.after)


def _finish(clause: _Clause) -> ClauseChange | None:
    """Decide the clause's status; None when nothing changed."""
    kinds = set(clause.kinds)
    if kinds <= {"equal"}:
        return None
    if kinds <= {"inserted", "moved_to"} and clause.heading_kind == "inserted":
        status = "inserted"
    elif kinds <= {"deleted", "moved_from"} and clause.heading_kind == "deleted":
        status = "deleted"
    elif kinds <= {"moved_to", "moved_from"} or (
        clause.heading_kind in ("moved_to", "moved_from")
        and kinds <= {"moved_to", "moved_from", "equal"}
    ):
        status = "moved"
    else:
        status = "changed"
    if status == "moved" and "moved_to" not in kinds:
        return None  # the moved clause is reported once, where it arrived
    count = sum(1 for k in clause.kinds if k != "equal")
    return ClauseChange(
        clause.number, clause.heading, clause.topic, status, clause.before, clause.after, count
    )
