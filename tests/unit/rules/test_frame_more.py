"""R100–R107: each rule fires on a constructed case with its message, and stays silent on its
near miss (the facts-level twin of the answers-level cases in test_frame_answers.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from assembler.rules import Finding, run_rules
from assembler.rules.engine import EmployeeCase
from assembler.rules.frame_facts import (
    COMPENSATION_INDIVIDUAL,
    COMPENSATION_LOCAL,
    COMPENSATION_NONE,
    add_months,
)
from tests.unit.rules.test_frame_rules import FRAME_EMPLOYEE, FRAME_LOCAL

D = dt.date
PACKAGE = ("bærbar computer med dockingstation", "ekstern skærm", "kontorstol, der kan indstilles")


def run(
    local: dict[str, Any], employee: dict[str, Any], check_local: bool = False
) -> list[Finding]:
    facts = FRAME_EMPLOYEE._replace(**employee)
    case = EmployeeCase("medarbejdere[2]", facts.name or "", facts)
    return run_rules("kommune", FRAME_LOCAL._replace(**local), [case], check_local=check_local)


# (rule, local changes, employee changes, severity, words the message must contain)
FIRES: list[tuple[str, dict[str, Any], dict[str, Any], str, tuple[str, ...]]] = [
    ("R100", {"first_evaluation": D(2028, 5, 1), "end": D(2028, 4, 30)}, {}, "fejl",
     ("første gang den 1. maj 2028", "ophører den 30. april 2028", "senest den 30. januar 2028")),
    ("R101", {"first_evaluation": D(2028, 2, 15), "end": D(2028, 4, 30)}, {}, "advarsel",
     ("den 15. februar 2028", "efter den 30. januar 2028")),
    ("R102", {}, {"evaluation": D(2028, 4, 15), "end": D(2028, 3, 31)}, "fejl",
     ("evalueres senest den 15. april 2028", "ophører den 31. marts 2028")),
    ("R103", {"equipment_package": PACKAGE}, {"equipment": ("bærbar computer", "headset")},
     "advarsel", ("nævner ikke skærm, dockingstation og kontorstol", "Før det manglende")),
    ("R104", {"ad_hoc_beside_cap": True, "ad_hoc_days_week": Decimal(1)},
     {"days_per_period": Decimal("1.5")}, "advarsel",
     ("1,5 dage om ugen", "op til 1 ad hoc-dage om ugen", "overstige to dage")),
    ("R104", {"ad_hoc_beside_cap": True}, {"days_per_period": Decimal("1.5")}, "advarsel",
     ("ad hoc-hjemmearbejde uden en grænse pr. uge",)),
    ("R105", {"compensation_rule": COMPENSATION_INDIVIDUAL}, {"compensation_as_local": True},
     "fejl", ("»efter lokalaftalen«", "overlader spørgsmålet til den individuelle aftale")),
    ("R105", {"compensation_rule": COMPENSATION_NONE}, {"compensation_as_local": True}, "fejl",
     ("udelukker godtgørelse",)),
    ("R106", {}, {"attendance_free": True}, "fejl",
     ("selv vælge at arbejde fra arbejdsstedet", "nærmeste leders accept", "gunstigere")),
    ("R107", {}, {"days_per_period": Decimal("0.5"), "weekdays": ("Fredag",)}, "advarsel",
     ("0,5 hjemmearbejdsdage om ugen", "hvilken del af dagen")),
]  # fmt: skip

SILENT: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    ("R100", {"first_evaluation": D(2028, 1, 31), "end": D(2028, 4, 30)}, {}),
    ("R100", {"first_evaluation": D(2029, 1, 31), "end": None}, {}),  # no end date
    ("R101", {"first_evaluation": D(2028, 1, 30), "end": D(2028, 4, 30)}, {}),  # just in time
    ("R101", {"first_evaluation": D(2028, 5, 1), "end": D(2028, 4, 30)}, {}),  # R100's case
    ("R102", {}, {"evaluation": D(2028, 3, 1), "end": D(2028, 3, 31)}),
    ("R103", {"equipment_package": PACKAGE},
     {"equipment": ("bærbar computer med dockingstation", "ekstern skærm (24 tommer)",
                    "kontorstol")}),
    ("R103", {"equipment_package": PACKAGE},
     {"equipment": ("bærbar computer med dockingstation", "ekstern skærm"),
      "own_equipment_text": "egen kontorstol"}),  # R86 reports the chair the employee brings
    ("R104", {"ad_hoc_beside_cap": True, "ad_hoc_days_week": Decimal(1)},
     {"days_per_period": Decimal(1)}),  # 1 + 1 is not more than two
    ("R104", {"ad_hoc_beside_cap": True}, {"days_per_period": Decimal(3)}),  # R24's case
    ("R104", {"ad_hoc_beside_cap": False}, {"days_per_period": Decimal("1.5")}),
    ("R105", {"compensation_rule": COMPENSATION_LOCAL}, {"compensation_as_local": True}),
    ("R106", {"favourable_terms_allowed": True}, {"attendance_free": True}),
    ("R106", {"attendance_right": True}, {"attendance_free": True}),
    ("R107", {}, {"days_per_period": Decimal("0.5"), "placement": "til kl. 12.00"}),
    ("R107", {}, {"days_per_period": Decimal(1)}),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "local", "employee", "severity", "words"), FIRES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(FIRES)])  # fmt: skip
def test_rule_fires_with_its_message(
    rule: str, local: dict, employee: dict, severity: str, words: tuple[str, ...]
) -> None:
    hits = [f for f in run(local, employee, check_local=True) if f.rule == rule]
    assert len(hits) == 1, [f.rule for f in run(local, employee, check_local=True)]
    hit = hits[0]
    assert hit.severity == severity and hit.sources
    assert hit.where == ("lokalaftale" if rule in ("R100", "R101") else "medarbejdere[2]")
    for word in words:
        assert word in hit.message_da, (word, hit.message_da)
    assert "{" not in hit.message_da and "  " not in hit.message_da


@pytest.mark.parametrize(("rule", "local", "employee"), SILENT,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(SILENT)])  # fmt: skip
def test_rule_silent_on_near_miss(rule: str, local: dict, employee: dict) -> None:
    assert rule not in {f.rule for f in run(local, employee, check_local=True)}


def test_months_are_added_and_taken_away_by_the_calendar() -> None:
    assert add_months(D(2027, 5, 1), 12) == D(2028, 5, 1)
    assert add_months(D(2028, 4, 30), -3) == D(2028, 1, 30)
    assert add_months(D(2027, 8, 31), 6) == D(2028, 2, 29)  # the month's last day
    assert add_months(D(2027, 3, 31), -13) == D(2026, 2, 28)
