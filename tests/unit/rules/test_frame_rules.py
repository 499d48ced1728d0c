"""R80–R89: each rule fires on a constructed contradiction and stays silent on its near miss."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from assembler.library.model import SECTORS
from assembler.rules import Finding, run_rules
from assembler.rules.engine import EmployeeCase
from assembler.rules.facts import EmployeeFacts, LocalFacts, all_known
from assembler.rules.frame_facts import (
    CALL_IN_AS_LOCAL,
    CALL_IN_ASSESSMENT,
    CALL_IN_CONSENT,
    CALL_IN_NOTICE,
    COMPENSATION_INDIVIDUAL,
    COMPENSATION_LOCAL,
    COMPENSATION_NONE,
)

D, T = dt.date, dt.time
# A state local agreement like the example's: a 2-day cap reduced pro rata for part-timers,
# call-in with 3 working days' notice, core time 9.00–14.30, only the employer's it equipment.
FRAME_LOCAL = LocalFacts(
    present=True, effective=D(2027, 3, 1), notice_months=3, employer="Styrelsen",
    organisations=("HK Stat",), tr="Mette Rasmussen", groups=("Fuldmægtige",),
    max_days_week=Decimal(2), part_time_pro_rata=True, call_in=CALL_IN_NOTICE,
    call_in_notice_days=3, core_time=(T(9), T(14, 30)), core_time_part_time_adjusted=True,
    employer_it_only=True, compensation_rule=COMPENSATION_INDIVIDUAL, lapse_caveat=True,
    known=all_known(LocalFacts),
)  # fmt: skip
# A full-time employee whose agreement stays inside that frame.
FRAME_EMPLOYEE = EmployeeFacts(
    name="Lise-Lotte Brandt", manager="Hanne Lund", effective=D(2027, 4, 1), end=D(2028, 3, 31),
    first_agreement=True, group="Fuldmægtige", job="Fuldmægtig", employment_type="Fuldtid",
    weekly_hours=Decimal(37), days_per_period=Decimal(2), period="uge",
    weekdays=("Mandag", "Torsdag"), addresses=("Vestergade 8, 4000 Roskilde",), notice_months=1,
    call_in=CALL_IN_NOTICE, call_in_notice_days=3, contact_time=(T(9), T(15)),
    equipment=("Bærbar computer", "Skærm"), lapse_without_notice=True, lapse_caveat=True,
    attendance_free=False, known=all_known(EmployeeFacts),
)  # fmt: skip
PART_TIME = {"employment_type": "Deltid", "weekly_hours": Decimal(22)}


def findings(sector: str, local: dict[str, Any], employee: dict[str, Any]) -> list[Finding]:
    """Every finding for the frame with some facts changed."""
    facts = FRAME_EMPLOYEE._replace(**employee)
    case = EmployeeCase("medarbejdere[2]", facts.name or "", facts)
    return run_rules(sector, FRAME_LOCAL._replace(**local), [case], check_local=False)


# (rule, sector, local changes, employee changes, severity, words the message must contain)
FRAME_FIRES: list[tuple[str, str, dict[str, Any], dict[str, Any], str, tuple[str, ...]]] = [
    ("R80", "stat", {}, PART_TIME, "fejl",
     ("22 timer", "2 × 22/37 ≈ 1,19 dage", "giver 2 dage", "højst 1,19 dage", "ingen hjemmel")),
    ("R80", "kommune", {}, {"weekly_hours": Decimal(15), "days_per_period": Decimal(4),
                            "period": "måned"}, "fejl", ("≈ 0,81 dage", "0,92 dage")),
    ("R81", "region", {"attendance_days_week": 2, "max_days_week": None},
     {"days_per_period": Decimal(4)}, "fejl", ("2 faste fremmødedage", "kun plads til 3")),
    ("R82", "stat", {}, {"call_in_notice_days": 2}, "fejl",
     ("med 2 arbejdsdages varsel", "mindst 3 arbejdsdage i forvejen", "ringere",
      "Sæt varslet til mindst 3 arbejdsdage")),
    ("R82", "kommune", {"call_in": CALL_IN_CONSENT, "call_in_notice_days": None}, {}, "fejl",
     ("kun kan ændres", "enige", "med 3 arbejdsdages varsel", "kræve enighed")),
    ("R82", "stat", {}, {"call_in_notice_days": 0}, "fejl", ("ind på en planlagt "
     "hjemmearbejdsdag uden varsel",)),
    ("R83", "stat", {"attendance_right": True}, {"attendance_free": False}, "fejl",
     ("ret til at møde", "lederens accept", "Lise-Lotte Brandt", "ringere")),
    ("R84", "stat", {}, {**PART_TIME, "contact_as_local": True, "contact_time": None}, "fejl",
     ("kl. 9.00–14.30", "ansat 22 timer om ugen", "tilpasses for deltidsansatte", "ringere")),
    ("R84", "stat", {}, {"employment_type": "Timelønnet", "weekly_hours": None,
                         "special_group": "student", "contact_as_local": True,
                         "contact_time": None}, "fejl",
     ("der er studerende", "inden for den planlagte arbejdstid den pågældende dag")),
    ("R84", "region", {"core_time": None, "core_time_part_time_adjusted": False,
                       "reachable_whole_day": True}, {}, "fejl",
     ("hele den planlagte arbejdstid", "kl. 9.00–15.00", "gunstigere", "ikke adgang")),
    ("R85", "stat", {"wt_deviation": True, "rest_deviation": True},
     {"rest_deviation": True, "weekly_rest_deviation": True, "wt_deviation": True}, "fejl",
     ("ugentlige fridøgn", "kun adgang til at fravige den daglige hvileperiode", "ingen hjemmel")),
    ("R85", "kommune", {"wt_deviation": True, "rest_deviation": True},
     {"hours_deviation": True, "wt_deviation": True}, "fejl",
     ("fraviger arbejdstidsreglerne", "ikke andre arbejdstidsregler")),
    ("R86", "stat", {}, {"own_equipment_text": "Egen kontorstol og bærbar computer"}, "fejl",
     ("kun må tilgås fra udstyr", "eget udstyr (computer)", "inventar som kontorstol og bord",
      "ingen hjemmel")),
    ("R86", "kommune", {"employer_it_only": False,
                        "equipment_package": ("Ekstern skærm", "Kontorstol, der kan indstilles")},
     {"own_equipment_text": "Medarbejderens egen kontorstol"}, "fejl",
     ("bl.a. kontorstol", "stiller Lise-Lotte Brandt selv", "ringere", "Før udstyret på listen")),
    ("R87", "stat", {"compensation_rule": COMPENSATION_NONE}, {"compensation": True}, "fejl",
     ("ikke ydes godtgørelse", "giver Lise-Lotte Brandt en godtgørelse", "gunstigere",
      "ikke adgang")),
    ("R87", "region", {"compensation_rule": COMPENSATION_NONE}, {"employer_pays_internet": True},
     "fejl", ("en internetforbindelse betalt af arbejdsgiveren",)),
    ("R87", "stat", {"compensation_rule": COMPENSATION_LOCAL}, {"compensation_excluded": True},
     "fejl", ("siger, at der ikke ydes godtgørelse", "ringere")),
    ("R87", "kommune", {"compensation_rule": COMPENSATION_LOCAL}, {"compensation": True}, "fejl",
     ("ud over den", "ét sted")),
    ("R88", "stat", {}, {"lapse_caveat": False}, "fejl",
     ("ophører uden varsel", "væsentlig stillingsændring", "Skriv forbeholdet ind", "ringere")),
    ("R89", "kommune", {}, {"lapse_caveat": False, "lapse_defers_to_local": True}, "advarsel",
     ("»medmindre lokalaftalen fastsætter andet«", "Det gør lokalaftalen, som bestemmer",
      "Skriv forbeholdet direkte ind")),
]  # fmt: skip

# (rule, sector, local changes, employee changes): the near misses that must stay silent
FRAME_SILENT: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = [
    ("R80", "stat", {}, {**PART_TIME, "days_per_period": Decimal(1)}),  # 1 ≤ 1.19
    ("R80", "stat", {"part_time_pro_rata": False}, PART_TIME),  # no pro-rata clause: R22 only
    ("R80", "stat", {}, {"employment_type": "Deltid", "weekly_hours": None}),  # hours unknown
    ("R81", "stat", {"attendance_days_week": 1}, {"days_per_period": Decimal(2)}),
    ("R82", "stat", {}, {"call_in_notice_days": 5}),  # longer notice: the employer waives
    ("R82", "stat", {"call_in": CALL_IN_ASSESSMENT, "call_in_notice_days": None},
     {"call_in_notice_days": 1}),  # a fixed notice beats a concrete assessment
    ("R82", "stat", {"call_in": CALL_IN_CONSENT}, {"call_in": CALL_IN_CONSENT}),
    ("R82", "stat", {"call_in": CALL_IN_CONSENT}, {"call_in": CALL_IN_AS_LOCAL}),
    ("R83", "stat", {}, {"attendance_free": False}),  # no right to come in locally
    ("R83", "stat", {"attendance_right": True}, {"attendance_free": True}),
    ("R84", "stat", {}, {"contact_as_local": True, "contact_time": None}),  # full time
    ("R84", "stat", {}, {**PART_TIME, "contact_time": (T(9, 30), T(13, 30))}),  # adjusted
    ("R84", "stat", {"core_time": None, "reachable_whole_day": True,
                     "favourable_terms_allowed": True}, {}),  # favourable and allowed
    ("R85", "stat", {"wt_deviation": True, "rest_deviation": True, "weekly_rest_deviation": True},
     {"rest_deviation": True, "weekly_rest_deviation": True, "wt_deviation": True}),
    ("R85", "stat", {"wt_deviation": True, "hours_deviation": True},
     {"hours_deviation": True, "wt_deviation": True}),
    ("R86", "stat", {}, {"own_equipment_text": "Egen kontorstol og hæve-sænkebord"}),
    ("R86", "stat", {}, {"own_equipment_text": "Egen skærm og mus"}),  # not a way into systems
    ("R86", "stat", {"employer_it_only": False}, {"own_equipment_text": "Egen skærm"}),
    ("R86", "stat", {"employer_it_only": False, "equipment_package": ("Kontorstol",)},
     {"own_equipment_text": "Egen kontorstol", "equipment": ("Bærbar", "Kontorstol")}),
    ("R87", "stat", {"compensation_rule": COMPENSATION_INDIVIDUAL}, {"compensation": True}),
    ("R87", "stat", {"compensation_rule": COMPENSATION_NONE, "favourable_terms_allowed": True},
     {"compensation": True}),
    ("R87", "stat", {"compensation_rule": COMPENSATION_NONE}, {"compensation_excluded": True}),
    ("R88", "stat", {}, {}),  # the caveat is written in
    ("R88", "stat", {"lapse_caveat": False}, {"lapse_caveat": False}),
    ("R88", "stat", {}, {"lapse_caveat": False, "lapse_defers_to_local": True}),  # R89's case
    ("R89", "stat", {}, {"lapse_caveat": False}),  # R88's case
]  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "sector", "local", "employee", "severity", "words"),
    FRAME_FIRES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(FRAME_FIRES)],
)
def test_frame_rule_fires_with_its_message(
    rule: str, sector: str, local: dict, employee: dict, severity: str, words: tuple[str, ...]
) -> None:
    hits = [f for f in findings(sector, local, employee) if f.rule == rule]
    assert len(hits) == 1, [f.rule for f in findings(sector, local, employee)]
    hit = hits[0]
    assert hit.severity == severity and hit.where == "medarbejdere[2]"
    assert hit.agreement == "individuel" and hit.sources
    for word in words:
        assert word in hit.message_da, (word, hit.message_da)
    assert "{" not in hit.message_da and "  " not in hit.message_da


@pytest.mark.parametrize(("rule", "sector", "local", "employee"), FRAME_SILENT,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(FRAME_SILENT)])  # fmt: skip
def test_frame_rule_silent_on_near_miss(
    rule: str, sector: str, local: dict, employee: dict
) -> None:
    assert rule not in {f.rule for f in findings(sector, local, employee)}


@pytest.mark.parametrize("sector", SECTORS)
def test_the_frame_base_is_clean(sector: str) -> None:
    assert findings(sector, {}, {}) == []


def test_a_contradiction_is_reported_once() -> None:
    """R41 covers a deviation the local agreement lacks entirely; R85 one beyond its kind."""
    rest_only = {"wt_deviation": True, "rest_deviation": True}
    both = {"rest_deviation": True, "weekly_rest_deviation": True, "wt_deviation": True}
    assert {f.rule for f in findings("stat", rest_only, both)} == {"R85"}
    assert {f.rule for f in findings("stat", {}, both)} == {"R41"}
    part_time_three_days = {**PART_TIME, "days_per_period": Decimal(3)}
    assert {f.rule for f in findings("stat", {}, part_time_three_days)} == {"R24", "R26", "R80"}


def test_unknown_frame_facts_skip_the_rules() -> None:
    """A draft whose frame could not be read gets no cross-agreement finding."""
    known = all_known(LocalFacts) - {"part_time_pro_rata", "call_in", "employer_it_only"}
    local = FRAME_LOCAL._replace(known=frozenset(known))
    facts = FRAME_EMPLOYEE._replace(
        **PART_TIME, call_in_notice_days=1, own_equipment_text="Bærbar computer"
    )
    found = run_rules("stat", local, [EmployeeCase("x", "", facts)], check_local=False)
    assert not {"R80", "R82", "R86"} & {f.rule for f in found}


def test_the_rule_list_explains_every_rule() -> None:
    """`aftale regler` shows a readable text even where a message is assembled from cases."""
    from assembler.findings_view import rules_data

    for r in rules_data({})["regler"]:
        readable = r["besked"].replace("…", "").strip()
        assert len(readable) > 60 and "… … …" not in r["besked"], r["regel"]
