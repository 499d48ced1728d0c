"""Every rule fires on a case made for it and stays silent on a clean agreement."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from assembler.library.model import SECTORS
from assembler.rules import NOT_CHECKABLE, all_rules, run_rules
from assembler.rules.engine import EmployeeCase
from assembler.rules.facts import EmployeeFacts, LocalFacts, all_known
from tests.unit.rules.test_frame_rules import FRAME_FIRES

D = dt.date
BASE_LOCAL = LocalFacts(
    present=True, effective=D(2027, 3, 1), end=None, notice_months=3, employer="Styrelsen",
    organisations=("HK Stat",), tr="Mette Rasmussen", groups=("Fuldmægtige",),
    max_days_week=Decimal(2), abroad_allowed=False, known=all_known(LocalFacts),
)  # fmt: skip
BASE_EMPLOYEE = EmployeeFacts(
    name="Anne Hansen", manager="Jens Kofoed", effective=D(2027, 3, 1), end=D(2028, 2, 29),
    first_agreement=True, group="Fuldmægtige", job="Fuldmægtig", employment_type="Fuldtid",
    days_per_period=Decimal(1), period="uge", weekdays=("Tirsdag",),
    addresses=("Østerbrogade 1, 2100 København Ø",), notice_months=1,
    known=all_known(EmployeeFacts),
)  # fmt: skip


def run(sector: str, local: dict[str, Any], employee: dict[str, Any]) -> dict[str, str]:
    """Rule id → severity of every finding for the base agreement with changes."""
    facts = BASE_EMPLOYEE._replace(**employee)
    findings = run_rules(
        sector, BASE_LOCAL._replace(**local), [EmployeeCase("medarbejdere[1]", "Anne", facts)]
    )
    return {f.rule: f.severity for f in findings}


# (rule, sector, local changes, employee changes, expected severity)
FIRES: list[tuple[str, str, dict[str, Any], dict[str, Any], str]] = [
    ("R01", "stat", {"present": False}, {}, "fejl"),
    ("R01", "kommune", {}, {"local_referenced": False}, "fejl"),
    ("R02", "stat", {}, {"effective": D(2027, 2, 1)}, "fejl"),
    ("R03", "stat", {}, {"effective": None}, "fejl"),
    ("R03", "region", {}, {"effective": None}, "info"),
    ("R04", "stat", {"effective": None}, {}, "fejl"),
    ("R04", "kommune", {"effective": None}, {}, "advarsel"),
    ("R05", "stat", {"end": D(2027, 12, 31)}, {"end": None, "first_agreement": False}, "advarsel"),
    ("R06", "stat", {"end": D(2027, 2, 1)}, {}, "fejl"),
    ("R10", "stat", {"employer": None}, {}, "fejl"),
    ("R10", "kommune", {"organisations": (), "tr": None}, {}, "fejl"),
    ("R11", "stat", {"groups": ()}, {}, "fejl"),
    ("R11", "region", {"groups": ()}, {}, "advarsel"),
    ("R12", "stat", {}, {"group": "Kantinepersonale"}, "fejl"),
    ("R12", "stat", {"excluded": ("Fuldmægtig",), "all_staff": True}, {}, "fejl"),
    ("R13", "stat", {}, {"manager": None}, "fejl"),
    ("R14", "kommune", {}, {"hiring_condition": True}, "fejl"),
    ("R14", "region", {"hiring_condition": True}, {}, "fejl"),
    ("R14", "stat", {}, {"hiring_condition": True}, "fejl"),
    ("R15", "stat", {"hiring_condition": True}, {"hiring_condition": True}, "info"),
    ("R16", "stat", {}, {"in_contract": True}, "advarsel"),
    ("R16", "kommune", {}, {"in_contract": True}, "info"),
    ("R20", "stat", {}, {"days_per_period": None}, "fejl"),
    ("R20", "kommune", {}, {"period": None}, "advarsel"),
    ("R21", "stat", {"max_days_week": None}, {"days_per_period": Decimal(5)}, "fejl"),
    ("R22", "stat", {}, {"days_per_period": Decimal(3)}, "fejl"),
    (
        "R22",
        "stat",
        {"max_days_week": Decimal(1)},
        {"days_per_period": Decimal(3), "period": "14. dag"},
        "fejl",
    ),
    ("R23", "stat", {}, {"weekdays": (), "placement": None}, "advarsel"),
    ("R23", "region", {}, {"weekdays": (), "placement": None}, "info"),
    ("R24", "stat", {"max_days_week": None}, {"days_per_period": Decimal(3)}, "advarsel"),
    ("R24", "stat", {"effective": D(2021, 1, 1)}, {"effective": D(2021, 6, 1)}, "advarsel"),
    (
        "R25",
        "stat",
        {},
        {"days_per_period": Decimal(2), "other_screen_days": Decimal(1), "office_screen_ok": False},
        "advarsel",
    ),
    ("R26", "stat", {}, {"employment_type": "Deltid"}, "info"),
    ("R26", "region", {}, {"employment_type": "Timelønnet"}, "info"),
    ("R30", "stat", {}, {"notice_months": None}, "info"),
    ("R31", "stat", {}, {"notice_months": 2}, "info"),
    ("R34", "stat", {}, {"end": None}, "advarsel"),
    ("R34", "kommune", {}, {"end": None}, "info"),
    ("R35", "stat", {"has_evaluation": False}, {}, "advarsel"),
    ("R36", "kommune", {"notice_months": None}, {}, "advarsel"),
    ("R40", "stat", {"wt_deviation": True, "wt_rules": None}, {}, "fejl"),
    ("R41", "stat", {}, {"wt_deviation": True}, "fejl"),
    (
        "R41",
        "stat",
        {"wt_deviation": True, "wt_rules": "x"},
        {"wt_deviation": True, "rest_deviation": True},
        "fejl",
    ),
    (
        "R42",
        "stat",
        {"rest_deviation": True, "wt_deviation": True, "wt_rules": "x"},
        {},
        "advarsel",
    ),
    ("R42", "kommune", {"rest_deviation": True, "effective": D(2024, 1, 1)}, {}, "advarsel"),
    (
        "R43",
        "stat",
        {"rest_deviation": True, "wt_deviation": True, "wt_rules": "x", "max_days_week": None},
        {"days_per_period": Decimal(5)},
        "fejl",
    ),
    ("R44", "stat", {"has_time_registration": False}, {}, "info"),
    ("R50", "stat", {}, {"addresses": ()}, "fejl"),
    ("R50", "region", {}, {"addresses": ()}, "advarsel"),
    (
        "R51",
        "stat",
        {},
        {"addresses": ("A 1, 2100 Kbh", "B 2, 8000 Aarhus"), "equipment_each_address": False},
        "advarsel",
    ),
    (
        "R51",
        "region",
        {},
        {"addresses": ("A 1, 2100 Kbh", "B 2, 8000 Aarhus"), "equipment_each_address": False},
        "info",
    ),
    ("R52", "stat", {"abroad_allowed": True}, {"countries": ("Sverige",)}, "advarsel"),
    ("R53", "stat", {}, {"countries": ("Sverige",)}, "fejl"),
    ("R54", "stat", {"cost_compensation": True}, {}, "info"),
    ("R55", "stat", {}, {"compensation": True}, "info"),
    ("R56", "stat", {}, {"own_equipment": True}, "info"),
    (
        "R57",
        "stat",
        {},
        {"equipment": ("Kontorstol", "Bærbar"), "employer_owns": False},
        "advarsel",
    ),
    ("R58", "stat", {}, {"equipment": ('Ekstern skærm (34")',)}, "info"),
    ("R59", "stat", {"has_availability": False}, {"has_availability": False}, "info"),
    ("R60", "stat", {"has_change_clause": False}, {"has_change_clause": False}, "advarsel"),
    ("R60", "kommune", {"has_change_clause": False}, {"has_change_clause": False}, "advarsel"),
    ("R61", "stat", {}, {"has_env_clause": False}, "advarsel"),
    ("R61", "region", {}, {"has_env_clause": False}, "info"),
    ("R62", "stat", {"has_apv": False}, {}, "advarsel"),
    ("R63", "kommune", {"own_it_allowed": True}, {}, "advarsel"),
    ("R70", "stat", {}, {"special_group": "elev"}, "advarsel"),
    ("R70", "kommune", {}, {"special_group": "elev"}, "info"),
    ("R71", "stat", {}, {"special_group": "student"}, "info"),
    ("R72", "kommune", {}, {"special_group": "fleksjob"}, "advarsel"),
    ("R73", "stat", {}, {"special_group": "tillidsrepraesentant"}, "advarsel"),
    ("R73", "region", {}, {"special_group": "tillidsrepraesentant"}, "info"),
]

# (rule, sector, local changes, employee changes): near misses that must stay silent
SILENT: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = [
    ("R02", "stat", {}, {"effective": D(2027, 3, 1)}),
    ("R05", "stat", {"end": D(2027, 12, 31)}, {"end": D(2027, 12, 31)}),
    ("R06", "stat", {"end": D(2027, 3, 1)}, {"end": D(2027, 3, 1)}),
    ("R11", "stat", {"groups": (), "all_staff": True}, {}),
    ("R12", "stat", {}, {"group": " fuldmægtige "}),
    ("R14", "stat", {"hiring_condition": True}, {"hiring_condition": True}),
    ("R15", "stat", {}, {"hiring_condition": True}),
    ("R15", "kommune", {}, {"hiring_condition": True}),
    ("R21", "stat", {"max_days_week": None}, {"days_per_period": Decimal("4.5")}),
    ("R22", "stat", {}, {"days_per_period": Decimal(4), "period": "14. dag"}),
    ("R23", "stat", {}, {"weekdays": (), "placement": "Første mandag i måneden"}),
    ("R24", "stat", {}, {"days_per_period": Decimal(2)}),
    (
        "R24",
        "stat",
        {"effective": D(2021, 1, 1)},
        {"effective": D(2021, 6, 1), "days_per_period": Decimal("0.5")},
    ),
    ("R25", "stat", {}, {"days_per_period": Decimal(2), "other_screen_days": Decimal(1)}),
    ("R30", "kommune", {}, {"notice_months": None}),
    ("R31", "stat", {}, {"notice_months": 1}),
    ("R34", "stat", {}, {"end": None, "first_agreement": False}),
    ("R36", "stat", {"notice_months": None}, {}),
    ("R40", "stat", {"wt_deviation": True, "wt_rules": "Flekstidsregler fraviges således …"}, {}),
    ("R41", "stat", {"wt_deviation": True, "wt_rules": "x"}, {"wt_deviation": True}),
    ("R43", "stat", {"rest_deviation": True, "wt_deviation": True, "wt_rules": "x"}, {}),
    (
        "R44",
        "stat",
        {"has_time_registration": False, "effective": D(2024, 6, 30)},
        {"effective": D(2024, 6, 30)},
    ),
    ("R51", "stat", {}, {"addresses": ("A 1, 2100 Kbh", "B 2, 8000 Aarhus")}),
    ("R52", "stat", {"abroad_allowed": True}, {"countries": ("Danmark",)}),
    ("R53", "stat", {"abroad_allowed": True}, {"countries": ("Sverige",)}),
    ("R54", "kommune", {"cost_compensation": True}, {}),
    ("R56", "stat", {}, {"own_equipment": True, "compensation": True}),
    ("R57", "stat", {}, {"equipment": ("Kontorstol",)}),
    ("R58", "stat", {}, {"equipment": ('Ekstern skærm (32")',)}),
    ("R59", "stat", {}, {"has_availability": False}),
    ("R60", "stat", {}, {"has_change_clause": False}),
]


@pytest.mark.parametrize(("rule", "sector", "local", "employee", "severity"), FIRES,
                         ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(FIRES)])  # fmt: skip
def test_rule_fires(rule: str, sector: str, local: dict, employee: dict, severity: str) -> None:
    assert run(sector, local, employee).get(rule) == severity


@pytest.mark.parametrize(("rule", "sector", "local", "employee"), SILENT,
                         ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(SILENT)])  # fmt: skip
def test_rule_silent_on_near_miss(rule: str, sector: str, local: dict, employee: dict) -> None:
    assert rule not in run(sector, local, employee)


@pytest.mark.parametrize("sector", SECTORS)
def test_clean_agreement_has_no_findings(sector: str) -> None:
    assert run(sector, {}, {}) == {}


def test_every_rule_has_a_firing_case_and_every_fact_rule_is_listed() -> None:
    ids = {r.id for r in all_rules() if int(r.id[1:]) < 90}  # R90–R99: test_text_rules.py
    assert ids == {c[0] for c in FIRES} | {c[0] for c in FRAME_FIRES}
    expected = {f"R{n:02d}" for n in (*range(1, 8), *range(10, 17), *range(20, 27), *range(30, 37),
                                      *range(40, 45), *range(50, 64), *range(70, 74),
                                      *range(80, 90))}  # fmt: skip
    assert ids | set(NOT_CHECKABLE) == expected
    assert not ids & set(NOT_CHECKABLE)


def test_rule_metadata_is_complete() -> None:
    for r in all_rules():
        assert r.severity in ("fejl", "advarsel", "info")
        assert r.sources and r.message and r.title and r.needs
        assert set(r.sectors) <= set(SECTORS)


def test_messages_format_with_values() -> None:
    facts = BASE_EMPLOYEE._replace(days_per_period=Decimal("2.5"))
    findings = run_rules("stat", BASE_LOCAL._replace(max_days_week=Decimal(2)),
                         [EmployeeCase("medarbejdere[3]", "Anne", facts)])  # fmt: skip
    r22 = next(f for f in findings if f.rule == "R22")
    assert "2,5 dage om ugen" in r22.message_da and "højst 2" in r22.message_da
    assert r22.where == "medarbejdere[3]" and r22.employee == "Anne"
    assert findings[0].severity == "fejl"  # most severe first


def test_unknown_facts_skip_rules() -> None:
    unknown = EmployeeFacts(known=frozenset({"effective"}), effective=None)
    findings = run_rules("stat", LocalFacts(known=frozenset()), [EmployeeCase("x", "", unknown)],
                         check_local=False)  # fmt: skip
    assert [f.rule for f in findings] == ["R03"]


def test_unknown_sector_runs_only_rules_for_every_sector() -> None:
    findings = run_rules(None, BASE_LOCAL._replace(effective=None, has_evaluation=False), [])
    assert {f.rule for f in findings} == {"R35"}
