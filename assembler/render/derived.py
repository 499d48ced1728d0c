"""Facts that clause conditions may name, computed from the answers (never answered directly).

`[hvis aftalen_i_kraft]` chooses the tense of an entry-into-force sentence by the document's date;
`[hvis skaermkrav]` lets the individual agreement state the conclusion of the screen-work test
(BEK nr. 384/2022: regular screen work at home on more than two days a week on average, or more
than two days in all without a compliant workstation at the workplace; FACTS §5.1);
`[hvis halve_dage]` says the agreed home days include a half day; `[hvis flere_organisationer]`
that more than one organisation is party to the local agreement (plural "fuldmagter").
`{{ loftets_andel }}` prints the local cap on home days as a share of the working week ("to
femtedele"), which is the cap of a part-timer as a share of the agreed weekly hours (review
2026-11-27, S-L5).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from assembler.answers.model import AgreementAnswers

WEEKS_PER_PERIOD = {"uge": Decimal(1), "14. dag": Decimal(2), "måned": Decimal("4.33")}
SCREEN_DAYS_LIMIT = Decimal(2)


def in_force(agreement: AgreementAnswers, document_date: dt.date | None) -> bool:
    """Whether an agreement's effective date lies on or before the document's date."""
    effective = agreement.value("ikrafttraeden", "ikrafttraedelsesdato")
    if not isinstance(effective, dt.date) or document_date is None:
        return False  # no document date: the agreement speaks of its entry into force ahead
    return effective <= document_date


def _number(agreement: AgreementAnswers, topic: str, name: str) -> Decimal | None:
    value = agreement.value(topic, name)
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return None
    return Decimal(value)


def home_days_per_week(employee: AgreementAnswers) -> Decimal | None:
    """The individual agreement's average home-working days per week."""
    days = _number(employee, "omfang", "dage_pr_periode")
    period = employee.value("omfang", "periode")
    if days is None or not isinstance(period, str) or period not in WEEKS_PER_PERIOD:
        return None
    return days / WEEKS_PER_PERIOD[period]


def screen_rules_apply(employee: AgreementAnswers) -> bool:
    """The screen-work order applies to the home workplace (the aggregation rule included)."""
    home = home_days_per_week(employee)
    if home is None:
        return False
    if home > SCREEN_DAYS_LIMIT:
        return True
    other = _number(employee, "arbejdsmiljoe", "andre_skaermdage_pr_uge") or Decimal(0)
    office_ok = employee.value("arbejdsmiljoe", "kontor_skaermarbejdsplads")
    return home + other > SCREEN_DAYS_LIMIT and office_ok is False


WORKING_DAYS_PER_WEEK = 5
ORDINALS = {
    2: ("halvdel", "halvdele"),
    5: ("femtedel", "femtedele"),
    10: ("tiendedel", "tiendedele"),
}
COUNT_WORDS = ("", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni")


def share_words(days: Decimal) -> str:
    """Days of a five-day week as a Danish fraction: 2 → "to femtedele", 2.5 → "halvdelen"."""
    # share = days / 5 as an exact ratio of integers (fractions.Fraction costs an import)
    top, bottom = days.as_integer_ratio()
    bottom *= WORKING_DAYS_PER_WEEK
    if 2 * top == bottom:
        return "halvdelen"
    for denominator, (one, many) in ORDINALS.items():
        number, rest = divmod(top * denominator, bottom)
        if rest == 0 and 0 < number < len(COUNT_WORDS) and top < bottom:
            return f"{COUNT_WORDS[number]} {one if number == 1 else many}"
    percent = (Decimal(days) * 100 / WORKING_DAYS_PER_WEEK).normalize()
    return f"{percent:f}".replace(".", ",") + " %"


def derived_text(name: str, agreement: AgreementAnswers, local: AgreementAnswers) -> str | None:
    """The value of a derived placeholder, or None when the answers do not give one."""
    if name == "loftets_andel":
        cap = _number(local, "omraade", "max_dage_pr_uge")
        return None if cap is None or cap <= 0 else share_words(cap)
    raise KeyError(name)


def derived_fact(
    name: str, agreement: AgreementAnswers, local: AgreementAnswers, date: dt.date | None
) -> bool:
    """The value of a derived fact named in a condition."""
    if name == "aftalen_i_kraft":
        return in_force(agreement, date)
    if name == "lokalaftalen_i_kraft":
        return in_force(local, date)
    if name == "skaermkrav":
        return screen_rules_apply(agreement)
    if name == "flere_organisationer":
        organisations = local.value("parter", "organisationer")
        return isinstance(organisations, list) and len(organisations) > 1
    if name == "halve_dage":
        days = _number(agreement, "omfang", "dage_pr_periode")
        return days is not None and days != days.to_integral_value()
    raise KeyError(name)
