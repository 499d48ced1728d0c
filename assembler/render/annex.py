"""Annex 1 of the local agreement: what an individual agreement made under it contains.

When the parties annex it (niveauer.skabelon_som_bilag), the local agreement ends with the
individual agreement's clauses in order, the arrangements THIS local agreement allows in each
(variants whose `requires` the local answers meet, for the sector) and the information to fill
in. Inside the local agreement »Aftalen« is the local agreement, so the annex speaks of "den
individuelle aftale" and of "medarbejderen" (the library checks the summaries and labels it
prints; review 2026-11-27, S-L1).
"""

from __future__ import annotations

import re
from typing import Any

from assembler.answers.model import AgreementAnswers, Answers
from assembler.library.model import Library, Param, Topic, Variant
from assembler.library.placeholders import split_conditions
from assembler.library.terms import LABEL_START
from assembler.render.clause_text import Scope, condition_holds

TITLE = "Bilag 1. Den individuelle aftales indhold"
INTRO = (
    "Bilaget viser de punkter, en individuel aftale efter Aftalen indeholder, de ordninger, "
    "Aftalen giver adgang til i hvert punkt, og de oplysninger, der skal udfyldes. Den "
    "individuelle aftale indeholder i hvert punkt den ordning, som medarbejderen og nærmeste "
    "leder vælger, med den tekst, der hører til ordningen."
)
BLANK = "_" * 24
SECTOR_NOTE = re.compile(r"\s*\(kun [^)]*\)$")  # "(kun staten)": said by the sector already


def field_line(param: Param, where: str = "") -> str:
    """One fill-in line of the form: the label and a blank, the yes/no or the options."""
    label = param.label
    if LABEL_START.match(label):  # "Medarbejderens navn" is no defined term in the local agreement
        label = label[:1].lower() + label[1:]
    if param.type == "bool":
        return f"{label}{where} Ja / nej"
    if param.type == "choice":  # options mid-sentence: "fuldtid / deltid", not "Fuldtid / Deltid"
        return f"{label}{where}: {' / '.join(c[:1].lower() + c[1:] for c in param.choices)}"
    return f"{label}{where}: {BLANK}"


def allowed(library: Library, answers: Answers, topic: Topic, variant: Variant) -> bool:
    """Whether the local agreement gives access to an individual variant (its `requires`)."""
    if answers.sector not in variant.sectors:
        return False
    if not variant.requires:
        return True
    conditions, _ = split_conditions(variant.requires, topic.id)
    individual = AgreementAnswers("individuel", {})
    scope = Scope(library, answers.sector, individual, answers.local, answers.date)
    return all(condition_holds(c, topic, scope) for c in conditions)


def _name(variant: Variant) -> str:
    return SECTOR_NOTE.sub("", variant.name)


def _section(number: int, topic: Topic, variants: list[Variant]) -> dict[str, Any]:
    """One clause of the individual agreement as it appears in the annex."""
    lines: list[dict[str, Any]] = []
    if len(variants) > 1:
        lines.append({"tekst": "Ordning (én vælges):", "punkt": False})
        lines += [{"tekst": f"{_name(v)}: {v.summary}", "punkt": True} for v in variants]
    elif len(variants) == 1 and len(topic.variants) > 1:
        lines.append({"tekst": f"Ordning: {_name(variants[0])}. {variants[0].summary}",
                      "punkt": False})  # fmt: skip
    fields = [field_line(p) for p in topic.params]
    for v in variants:
        where = f" (ved {_name(v)[:1].lower()}{_name(v)[1:]})" if len(variants) > 1 else ""
        fields += [field_line(p, where) for p in v.params]
    if fields:
        lines.append({"tekst": "Oplysninger:", "punkt": False})
        lines += [{"tekst": f, "punkt": True} for f in dict.fromkeys(fields)]
    # »Aftalens parter« is the individual agreement's heading; here »Aftalen« is the local one.
    title = topic.title.replace("Aftalens ", "Den individuelle aftales ")
    return {"titel": f"{number}. {title}", "linjer": lines}


def annex(library: Library, answers: Answers, agreement: str) -> list[dict[str, Any]]:
    """The annex sections for a local agreement that annexes them, else nothing."""
    if agreement != "lokal" or answers.local.value("niveauer", "skabelon_som_bilag") is not True:
        return []
    sections = []
    topics = [
        t
        for t in library.for_agreement("individuel")
        if t.kind == "clause" and answers.sector in t.sectors
    ]
    for number, topic in enumerate(topics, 1):
        variants = [v for v in topic.variants if allowed(library, answers, topic, v)]
        sections.append(_section(number, topic, variants))
    return sections
