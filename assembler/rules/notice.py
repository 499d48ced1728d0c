"""R30–R36: notice, duration, trial period and evaluation."""

from __future__ import annotations

from assembler.rules.model import Fired, RuleInput, emp, rule

OTHER = ("kommune", "region")


@rule(
    "R30",
    "info",
    "individuel",
    "opsigelse",
    "Standardvarsel",
    "Aftalen siger ikke noget om opsigelse. Så gælder rammeaftalens standard: begge parter kan "
    "opsige med en måneds varsel. Skriv varslet ind, så det er tydeligt.",
    ("S2",),
    needs=("individuel.notice_months",),
    sectors=("stat",),
)
def r30(c: RuleInput) -> Fired:
    return emp(c).notice_months is None


@rule(
    "R31",
    "info",
    "individuel",
    "opsigelse",
    "Afvigende varsel",
    "Aftalen har et opsigelsesvarsel på {varsel} i stedet for rammeaftalens ene "
    "måned. Det er tilladt, når det aftales; kontrollér, at det er bevidst.",
    ("S2",),
    needs=("individuel.notice_months",),
    sectors=("stat",),
)
def r31(c: RuleInput) -> Fired:
    notice = emp(c).notice_months
    if notice is None or notice == 1:
        return None
    return {"varsel": "0 måneder (uden varsel)" if notice == 0 else f"{notice} måneder"}


@rule(
    "R34",
    "advarsel",
    "individuel",
    "varighed",
    "Første aftale uden forsøgsperiode",
    "Det er medarbejderens første aftale om hjemmearbejde, og den er tidsubegrænset. Medst "
    "anbefaler, at den første aftale indgås som en tidsbegrænset forsøgsperiode med evaluering.",
    ("S2",),
    needs=("individuel.first_agreement", "individuel.end"),
    sectors=("stat",),
)
@rule(
    "R34",
    "info",
    "individuel",
    "varighed",
    "Første aftale uden forsøgsperiode",
    "Det er medarbejderens første aftale om hjemmearbejde, og den er tidsubegrænset. Medst "
    "anbefaler i staten, at den første aftale indgås som en tidsbegrænset forsøgsperiode med "
    "evaluering; overvej det også her.",
    ("S2",),
    needs=("individuel.first_agreement", "individuel.end"),
    sectors=OTHER,
)
def r34(c: RuleInput) -> Fired:
    e = emp(c)
    return e.first_agreement and e.end is None


@rule(
    "R35",
    "advarsel",
    "lokal",
    "evaluering",
    "Ingen evaluering",
    "Lokalaftalen siger ikke, hvordan og hvornår den evalueres. Aftal et tidspunkt og et forum "
    "(fx SU/MED efter 12 måneder).",
    ("S1",),
    needs=("lokal.has_evaluation",),
)
def r35(c: RuleInput) -> Fired:
    return not c.local.has_evaluation


@rule(
    "R36",
    "advarsel",
    "lokal",
    "ikrafttraeden",
    "Ingen opsigelsesbestemmelse",
    "Lokalaftalen har ingen opsigelsesbestemmelse. Efter KL's og RLTN's rammeaftale fastsættes "
    "opsigelsesreglerne, når lokalaftalen indgås: angiv et opsigelsesvarsel.",
    ("S12",),
    needs=("lokal.notice_months",),
    sectors=OTHER,
)
def r36(c: RuleInput) -> Fired:
    return c.local.notice_months is None
