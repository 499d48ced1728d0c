"""Cite paragraphs in our comments the way the counter-proposal reads with our changes accepted.

Comments are written while the plan is made, before every edit is known, so a citation is first
a token ("⟦, jf. |12||⟧": lead, paragraph keys, tail, fallback) and is resolved when the plan is
done:
against the draft's paragraphs with our deletions, insertions and moves applied. A clause moved
back to § 4 then shifts the clauses after it, and a restored stk. 2 is cited as stk. 2.
"""

from __future__ import annotations

import re

from assembler.audit.citations import Citations, Slot, draft_slots
from assembler.audit.document import DocxDraft
from assembler.negotiate.model import Amendment

TOKEN = re.compile(
    r"⟦(?P<lead>[^|⟧]*)\|(?P<keys>-?\d+(?:,-?\d+)*)(?:@(?P<rel>-?\d+))?\|(?P<tail>[^|⟧]*)"
    r"\|(?P<fallback>[^|⟧]*)⟧"
)
ROLES = {"heading": "heading", "body": "body", "stk": "body", "bullet": "item"}


def cite(*keys: int, lead: str = "", tail: str = "", fallback: str = "",
         relative_to: int | None = None) -> str:  # fmt: skip
    """A citation token for paragraphs (by their keys), resolved later to lead + '§ 9, stk. 3'
    + tail, or to `fallback` when the clause has no number ('stk. 2' when `relative_to` is a
    paragraph of the same clause)."""
    rel = f"@{relative_to}" if relative_to is not None else ""
    return f"⟦{lead}|{','.join(str(k) for k in keys)}{rel}|{tail}|{fallback}⟧"


def accepted_slots(draft: DocxDraft, amendments: list[Amendment]) -> list[Slot]:
    """The draft's slots with every amendment's paragraph edits applied."""
    slots = draft_slots(draft)
    deleted = {e.para for a in amendments for e in a.edits if e.kind == "delete"}
    numbered = any(s.numbered for s in slots if s.role == "heading")
    inserts: dict[int, list[Slot]] = {}
    for amendment in amendments:
        for edit in (e for e in amendment.edits if e.kind == "insert"):
            inserts.setdefault(edit.para, []).extend(
                Slot(p.key, ROLES.get(p.role, "body"), numbered and p.role == "heading")
                for p in edit.paragraphs
            )
    out: list[Slot] = list(inserts.get(-1, []))
    present = {s.key for s in slots}
    for para in draft.paragraphs:
        if para.index in present and para.index not in deleted:
            out.append(next(s for s in slots if s.key == para.index))
        out.extend(inserts.get(para.index, []))
    for amendment in amendments:
        for edit in (e for e in amendment.edits if e.kind == "move"):
            block = [s for s in out if edit.para <= s.key <= edit.end]
            rest = [s for s in out if not edit.para <= s.key <= edit.end]
            at = next((k for k, s in enumerate(rest) if s.key == edit.to), len(rest))
            out = rest[:at] + block + rest[at:]
    return out


def resolve(text: str, citations: Citations) -> str:
    """Replace the citation tokens of a text."""

    def one(m: re.Match[str]) -> str:
        keys = [int(k) for k in m.group("keys").split(",")]
        rel = int(m.group("rel")) if m.group("rel") else None
        found = (
            citations.cite(keys[0], relative_to=rel)
            if len(keys) == 1
            else citations.cite_many(keys)
        )
        return f"{m.group('lead')}{found}{m.group('tail')}" if found else m.group("fallback")

    return TOKEN.sub(one, text)


def resolve_plan(draft: DocxDraft, amendments: list[Amendment]) -> None:
    """Resolve the citations of every amendment's comment and notes in place."""
    citations = Citations(accepted_slots(draft, amendments))
    for amendment in amendments:
        amendment.proposal = resolve(amendment.proposal, citations)
        amendment.reason = resolve(amendment.reason, citations)
        amendment.notes = [resolve(note, citations) for note in amendment.notes]
