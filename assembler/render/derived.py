"""Facts that clause conditions may name, computed from the answers (never answered directly).

`[hvis aftalen_i_kraft]` chooses the tense of an entry-into-force sentence by the document's date;
`[hvis skaermkrav]` lets the individual agreement state the conclusion of the screen-work test
(BEK nr. 384/2022: regular screen work at home on more than two days a week on average, or more
than two days in all without a compliant workstation at the workplace; FACTS §5.1).
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
    raise KeyError(name)
