"""Annex 1 of the local agreement: the template the individual agreements are made on.

When the parties annex the template (niveauer.skabelon_som_bilag), the local agreement ends with
the individual agreement's clauses in order, the arrangements that can be chosen in each (the
library's variants for the sector) and the information to fill in. The parties thereby approve
the template together with the agreement, as the review asks (section 1a: "Bilag").
"""

from __future__ import annotations

from typing import Any

from assembler.answers.model import Answers
from assembler.library.model import Library, Param, Topic

TITLE = "Bilag 1. Skabelon for individuel aftale om fast tilbagevendende hjemmearbejde"
INTRO = (
    "Skabelonen viser de bestemmelser, en individuel aftale efter Aftalen indeholder, de "
    "ordninger, der kan vælges i hver bestemmelse, og de oplysninger, der skal udfyldes. Den "
    "individuelle aftale udformes med den tekst, der hører til den valgte ordning, og med de "
    "oplysninger, der gælder for den valgte ordning."
)


BLANK = "_" * 24


def field_line(param: Param, where: str = "") -> str:
    """One fill-in line of the form: the label and a blank, the yes/no or the options."""
    if param.type == "bool":
        return f"{param.label}{where} Ja / nej"
    if param.type == "choice":
        return f"{param.label}{where}: {' / '.join(param.choices)}"
    return f"{param.label}{where}: {BLANK}"


def _section(number: int, topic: Topic, sector: str) -> dict[str, Any]:
    """One clause of the individual agreement as it appears in the annex."""
    variants = [v for v in topic.variants if sector in v.sectors]
    lines: list[dict[str, Any]] = []
    if len(variants) > 1:
        lines.append({"tekst": "Ordning (én vælges):", "punkt": False})
        lines += [{"tekst": f"{v.name}: {v.summary}", "punkt": True} for v in variants]
    fields = [field_line(p) for p in topic.params]
    for v in variants:
        where = f" (ved {v.name[:1].lower()}{v.name[1:]})" if len(variants) > 1 else ""
        fields += [field_line(p, where) for p in v.params]
    if fields:
        lines.append({"tekst": "Oplysninger:", "punkt": False})
        lines += [{"tekst": f, "punkt": True} for f in dict.fromkeys(fields)]
    return {"titel": f"{number}. {topic.title}", "linjer": lines}


def annex(library: Library, answers: Answers, agreement: str) -> list[dict[str, Any]]:
    """The annex sections for a local agreement that annexes the template, else nothing."""
    if agreement != "lokal" or answers.local.value("niveauer", "skabelon_som_bilag") is not True:
        return []
    topics = [
        t
        for t in library.for_agreement("individuel")
        if t.kind == "clause" and answers.sector in t.sectors
    ]
    return [_section(number, topic, answers.sector) for number, topic in enumerate(topics, 1)]
