"""All rules in FACTS.md order, and the rules that cannot be checked from answers (with reasons)."""

from __future__ import annotations

from assembler.rules import (
    extent,
    frame_abroad,
    frame_more,
    frame_terms,
    frame_time,
    groups,
    hierarchy,
    location,
    notice,
    parties,
    worktime,
)
from assembler.rules.model import REGISTRY, Rule
from assembler.rules.text_areas import TEXT_AREAS  # noqa: F401 (registers R90 to R99)

# Importing an area registers its rules.
AREAS = (
    hierarchy, parties, extent, notice, worktime, location, groups, frame_time, frame_terms,
    frame_more, frame_abroad,
)  # fmt: skip

NOT_CHECKABLE: dict[str, tuple[str, tuple[str, ...]]] = {
    "R07": (
        "Ad hoc-hjemmearbejde kræver hverken lokalaftale eller individuel aftale. Programmet laver "
        "kun aftaler om fast tilbagevendende hjemmearbejde, så svarene kan ikke udtrykke ad hoc.",
        ("S2", "S4"),
    ),
    "R32": (
        "Om et opsigelsesvarsel er overholdt, afhænger af hvornår en aftale faktisk opsiges – en "
        "hændelse efter aftalen, som hverken svar eller aftaletekst indeholder.",
        ("S2",),
    ),
    "R33": (
        "Om ophør af hjemmearbejdet er en væsentlig stillingsændring, kræver en konkret vurdering "
        "ved ophøret; det kan ikke afgøres ud fra aftalen.",
        ("S2",),
    ),
}
PARTLY_CHECKABLE: dict[str, str] = {
    "R13": "Svarene kan kun vise, at leder og medarbejder er angivet som parter; selve "
    "underskrifterne sættes efter udskrivning. Ved tjek af en .docx ses efter underskriftsfelter.",
    "R01": "Svarene indeholder altid lokalaftalen; reglen rammer ved tjek af en individuel aftale "
    "(.docx), der ikke henviser til en lokalaftale.",
}


def all_rules() -> list[Rule]:
    """Every registered rule, sorted by id (stable: per-sector/per-period entries keep order)."""
    return sorted(REGISTRY.rules, key=lambda r: int(r.id[1:]))
