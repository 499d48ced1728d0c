"""R01–R07: the local/individual hierarchy and the agreements' dates."""

from __future__ import annotations

from assembler.library.values import format_date
from assembler.rules.model import Fired, RuleInput, emp, rule

OTHER = ("kommune", "region")


@rule(
    "R01",
    "fejl",
    "individuel",
    "parter",
    "Ingen lokalaftale",
    "Fast tilbagevendende hjemmearbejde kræver en lokalaftale, men den individuelle aftale "
    "henviser ikke til nogen. Indgå (eller henvis til) lokalaftalen, før den individuelle aftale "
    "træder i kraft.",
    ("S1", "S2", "S12"),
    needs=("lokal.present", "individuel.local_referenced"),
)
def r01(c: RuleInput) -> Fired:
    return not c.local.present or not emp(c).local_referenced


@rule(
    "R02",
    "fejl",
    "individuel",
    "ikrafttraeden",
    "Træder i kraft før lokalaftalen",
    "Den individuelle aftale træder i kraft {individuel} – før lokalaftalen ({lokal}). Flyt "
    "ikrafttrædelsen til lokalaftalens ikrafttræden eller senere.",
    ("S2", "S12"),
    needs=("lokal.effective", "individuel.effective"),
)
def r02(c: RuleInput) -> Fired:
    mine, local = emp(c).effective, c.local.effective
    if mine is None or local is None or mine >= local:
        return None
    return {"individuel": format_date(mine), "lokal": format_date(local)}


@rule(
    "R03",
    "fejl",
    "individuel",
    "ikrafttraeden",
    "Ingen ikrafttrædelsesdato",
    "Den individuelle aftale mangler en klar dato for ikrafttræden. Angiv datoen.",
    ("S2",),
    needs=("individuel.effective",),
    sectors=("stat",),
)
@rule(
    "R03",
    "info",
    "individuel",
    "ikrafttraeden",
    "Ingen ikrafttrædelsesdato",
    "Den individuelle aftale mangler en klar dato for ikrafttræden. Medst kræver en klar dato i "
    "staten; angiv den også her, så det kan ses, at aftalen ikke træder i kraft før "
    "lokalaftalen.",
    ("S2", "S13"),
    needs=("individuel.effective",),
    sectors=OTHER,
)
def r03(c: RuleInput) -> Fired:
    return emp(c).effective is None


@rule(
    "R04",
    "fejl",
    "lokal",
    "ikrafttraeden",
    "Lokalaftalen mangler ikrafttræden",
    "Lokalaftalen skal angive, hvornår den træder i kraft. Angiv ikrafttrædelsesdatoen.",
    ("S3",),
    needs=("lokal.effective",),
    sectors=("stat",),
)
@rule(
    "R04",
    "advarsel",
    "lokal",
    "ikrafttraeden",
    "Lokalaftalen mangler ikrafttræden",
    "Lokalaftalen angiver ikke, hvornår den træder i kraft. Angiv ikrafttrædelsesdatoen, så "
    "de individuelle aftaler har et klart grundlag.",
    ("S3", "S12"),
    needs=("lokal.effective",),
    sectors=OTHER,
)
def r04(c: RuleInput) -> Fired:
    return c.local.effective is None


@rule(
    "R05",
    "advarsel",
    "individuel",
    "varighed",
    "Overlever lokalaftalen",
    "Lokalaftalen udløber {lokal_slut}, men den individuelle aftale {individuel_slut}. Når "
    "lokalaftalen ophører, bortfalder grundlaget: lad den individuelle aftale slutte senest samme "
    "dag, eller forlæng lokalaftalen.",
    ("S2", "S12"),
    needs=("lokal.end", "individuel.end"),
)
def r05(c: RuleInput) -> Fired:
    local_end, mine = c.local.end, emp(c).end
    if local_end is None:
        return None
    if mine is None:
        return {"lokal_slut": format_date(local_end), "individuel_slut": "er tidsubegrænset"}
    if mine > local_end:
        return {
            "lokal_slut": format_date(local_end),
            "individuel_slut": f"løber til {format_date(mine)}",
        }
    return None


@rule(
    "R06",
    "fejl",
    "individuel",
    "ikrafttraeden",
    "Lokalaftalen er udløbet",
    "Den individuelle aftale træder i kraft {individuel}, efter at lokalaftalen er udløbet "
    "({lokal_slut}). Der er intet grundlag: forny lokalaftalen først.",
    ("S1", "S2"),
    needs=("lokal.end", "individuel.effective"),
)
def r06(c: RuleInput) -> Fired:
    local_end, mine = c.local.end, emp(c).effective
    if local_end is None or mine is None or mine <= local_end:
        return None
    return {"individuel": format_date(mine), "lokal_slut": format_date(local_end)}
