"""R40–R44: working time, rest periods and time registration."""

from __future__ import annotations

import datetime as dt

from assembler.rules.model import Fired, RuleInput, emp, rule

REST_RULES_2024 = dt.date(2024, 7, 1)  # compensating rest immediately; daily time registration


@rule(
    "R40",
    "fejl",
    "lokal",
    "arbejdstid",
    "Afvigelse uden regler",
    "Lokalaftalen åbner for at fravige arbejdstidsreglerne, men angiver ikke de nærmere regler "
    "for afvigelsen. Skriv reglerne ind i lokalaftalen.",
    ("S3",),
    needs=("lokal.wt_deviation", "lokal.wt_rules"),
    sectors=("stat",),
)
def r40(c: RuleInput) -> Fired:
    return c.local.wt_deviation and not c.local.wt_rules


@rule(
    "R41",
    "fejl",
    "individuel",
    "arbejdstid",
    "Afvigelse uden hjemmel",
    "Den individuelle aftale fraviger arbejdstidsreglerne, men lokalaftalen giver ikke adgang "
    "til det. En individuel aftale har ingen hjemmel ud over lokalaftalens ramme: fjern "
    "fravigelsen, eller aftal reglerne i lokalaftalen først.",
    ("S2", "S3", "S1", "S12"),
    needs=(
        "lokal.wt_deviation",
        "lokal.rest_deviation",
        "individuel.wt_deviation",
        "individuel.rest_deviation",
    ),
)
def r41(c: RuleInput) -> Fired:
    e = emp(c)
    if e.rest_deviation:
        return not c.local.rest_deviation
    return e.wt_deviation and not c.local.wt_deviation


@rule(
    "R42",
    "advarsel",
    "lokal",
    "arbejdstid",
    "Afvigelse fra hvileperioden",
    "Lokalaftalen fraviger 11-timersreglen for hjemmearbejde (kap. 6). Det kan kun bruges ved "
    "delvist hjemmearbejde, hvor medarbejderen selv tilrettelægger arbejdstiden, arbejdet er "
    "fuldt forsvarligt, og der gives tilsvarende kompenserende hvile.",
    ("S22", "S23"),
    needs=("lokal.rest_deviation",),
    valid_to=REST_RULES_2024 - dt.timedelta(1),
)
@rule(
    "R42",
    "advarsel",
    "lokal",
    "arbejdstid",
    "Afvigelse fra hvileperioden",
    "Lokalaftalen fraviger 11-timersreglen for hjemmearbejde (kap. 6). Det kan kun bruges ved "
    "delvist hjemmearbejde, hvor medarbejderen selv tilrettelægger arbejdstiden, arbejdet er "
    "fuldt forsvarligt, og der gives tilsvarende kompenserende hvile, som efter de gældende "
    "regler skal gives umiddelbart efter arbejdsperioden. Kontrollér bestemmelsen mod reglerne.",
    ("S22", "S23", "S24"),
    needs=("lokal.rest_deviation",),
    valid_from=REST_RULES_2024,
)
def r42(c: RuleInput) -> Fired:
    return c.local.rest_deviation


@rule(
    "R43",
    "fejl",
    "individuel",
    "omfang",
    "Hvileperiode-undtagelse ved fuldt hjemmearbejde",
    "Hvileperioden fraviges, men medarbejderen skal arbejde hjemme hele "
    "arbejdstiden. Undtagelserne for hjemmearbejde kan ikke bruges, når man altid arbejder "
    "hjemme: nedsæt omfanget.",
    ("S22",),
    needs=("lokal.rest_deviation", "individuel.rest_deviation", "individuel.share_of_time"),
)
def r43(c: RuleInput) -> Fired:
    e = emp(c)
    share = e.share_of_time
    return (c.local.rest_deviation or e.rest_deviation) and share is not None and share >= 1


@rule(
    "R44",
    "info",
    "lokal",
    "tidsregistrering",
    "Tidsregistrering",
    "Lokalaftalen har ingen bestemmelse om tidsregistrering. Efter arbejdstidsloven skal "
    "arbejdsgiveren have et system, der registrerer den enkelte medarbejders daglige arbejdstid – "
    "også på hjemmearbejdsdage. Medarbejdere, der selv tilrettelægger deres arbejdstid "
    "(selvtilrettelæggere), kan efter lovens betingelser undtages ved aftale. Overvej at skrive "
    "ind, hvordan hjemmearbejdsdage registreres, og om nogle medarbejdere er undtaget.",
    ("S24", "S50"),
    needs=("lokal.has_time_registration",),
    valid_from=REST_RULES_2024,
)
def r44(c: RuleInput) -> Fired:
    return not c.local.has_time_registration
