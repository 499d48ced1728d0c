"""Danish phrases and number formats shared by the rules that compare the two agreements."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from assembler.library.values import format_number
from assembler.rules.model import RuleInput, emp

NO_BASIS = "En individuel aftale har ingen hjemmel ud over lokalaftalens ramme."
WORSE = "Det er ringere for medarbejderen end lokalaftalen. " + NO_BASIS
FAVOURABLE = (
    "Det er gunstigere for medarbejderen, men lokalaftalen giver ikke adgang til at aftale "
    "gunstigere vilkår i den individuelle aftale. " + NO_BASIS
)
ALLOW_FAVOURABLE = "eller aftal i lokalaftalen, at en individuel aftale kan være gunstigere"


def who(c: RuleInput) -> str:
    """The employee's name for a message, or 'medarbejderen'."""
    return emp(c).name or "medarbejderen"


def days(value: Decimal) -> str:
    """1.19 → '1,19'; 2 → '2'."""
    return format_number(value.normalize())


def clock(start: dt.time, end: dt.time) -> str:
    """'kl. 9.00–14.30'."""
    return f"kl. {start.hour}.{start.minute:02d}–{end.hour}.{end.minute:02d}"


def workday_notice(n: int) -> str:
    """'uden varsel', 'med én arbejdsdags varsel', 'med 3 arbejdsdages varsel'."""
    if n <= 0:
        return "uden varsel"
    return "med én arbejdsdags varsel" if n == 1 else f"med {n} arbejdsdages varsel"
