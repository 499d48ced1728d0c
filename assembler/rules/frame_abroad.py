"""R111–R112: home work abroad — the social security the agreement assumes against residence.

Regulation (EC) No 883/2004 makes one country's social security legislation apply (art. 11–16).
Someone who normally works in two member states and does a substantial part of the work in the
state of residence (25 % or more, Regulation 987/2009 art. 14(8)) is as a rule covered by that
state's legislation (art. 13(1)(a)), which also decides the cover for work injuries. An
individual agreement that records the opposite result is built on a premise the A1 certificate
may not confirm (read-through 2, KA1/KA2; review 2026-11, D5). Special arrangements for
cross-border telework are not verified in the library's sources, so the rules warn, never fail.
"""

from __future__ import annotations

from decimal import Decimal

from assembler.library.values import join_da
from assembler.rules.location import DENMARK
from assembler.rules.model import Fired, RuleInput, emp, rule

SUBSTANTIAL_SHARE = Decimal("0.25")  # Regulation 987/2009 art. 14(8): a substantial part
WORKING_DAYS_WEEK = Decimal(5)
VERIFY = (
    "Særlige ordninger for grænseoverskridende hjemmearbejde, fx den multilaterale rammeaftale "
    "om telearbejde, kan ændre resultatet og skal verificeres. Få en A1-attest fra den "
    "kompetente myndighed, før hjemmearbejdet i udlandet begynder, og ret aftalen, så den lægger "
    "den lovgivning til grund, som attesten fastslår; dækningen ved arbejdsskade følger den."
)


def _abroad(c: RuleInput) -> str:
    return join_da([x for x in emp(c).countries if x.strip().casefold() not in DENMARK])


def _share(c: RuleInput) -> Decimal | None:
    """The share of a five-day week worked from home, if the extent is known."""
    days = emp(c).avg_days_week
    return None if days is None else days / WORKING_DAYS_WEEK


@rule(
    "R111",
    "advarsel",
    "individuel",
    "arbejdssted",
    "Bopæl i udlandet og dansk social sikring",
    "Medarbejderen bor i {land} og skal arbejde hjemme dér ca. {andel} % af en fuld arbejdsuge. "
    "Efter forordning (EF) nr. 883/2004, art. 13, stk. 1, litra a, er en medarbejder, der udfører "
    "25 % eller mere af sit arbejde i bopælslandet, som udgangspunkt omfattet af bopælslandets "
    "lovgivning om social sikring, men den individuelle aftale lægger dansk lovgivning til "
    "grund. " + VERIFY,
    ("S27", "S39"),
    needs=("individuel.countries", "individuel.resides_in_denmark",
           "individuel.danish_social_security", "individuel.abroad_eu",
           "individuel.days_per_period", "individuel.period"),
)  # fmt: skip
def r111(c: RuleInput) -> Fired:
    e, share = emp(c), _share(c)
    if not (e.abroad_eu and e.resides_in_denmark is False and e.danish_social_security):
        return None
    if share is None or share < SUBSTANTIAL_SHARE or not _abroad(c):
        return None
    return {"land": _abroad(c), "andel": f"{(share * 100):.0f}"}


@rule(
    "R112",
    "advarsel",
    "individuel",
    "arbejdssted",
    "Bopæl i Danmark og udenlandsk social sikring",
    "Medarbejderen bor i Danmark og arbejder kun en del af arbejdstiden hjemme i {land}; resten "
    "udføres på arbejdsstedet i Danmark. Efter forordning (EF) nr. 883/2004, art. 13, stk. 1, "
    "litra a, er en medarbejder, der udfører 25 % eller mere af sit arbejde i bopælslandet, som "
    "udgangspunkt omfattet af bopælslandets lovgivning, her dansk lovgivning, men den "
    "individuelle aftale lægger lovgivningen i {land} til grund. " + VERIFY,
    ("S27", "S39"),
    needs=("individuel.countries", "individuel.resides_in_denmark",
           "individuel.danish_social_security", "individuel.abroad_eu",
           "individuel.days_per_period", "individuel.period"),
)  # fmt: skip
def r112(c: RuleInput) -> Fired:
    e, share = emp(c), _share(c)
    if not (e.abroad_eu and e.resides_in_denmark and e.danish_social_security is False):
        return None
    if share is None or share > 1 - SUBSTANTIAL_SHARE or not _abroad(c):
        return None
    return {"land": _abroad(c)}
