"""The rules' facts from typed answers: answers determine every fact (None: not answered)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from assembler.answers.model import AgreementAnswers
from assembler.rules.facts import EmployeeFacts, LocalFacts, all_known
from assembler.rules.frame_facts import employee_terms, local_frame

COMPENSATING_OEKONOMI = ("dokumenterede_udgift", "dokumenterede_merudgifter", "fast_beloeb")
WT_DEVIATIONS = ("afvigelse", "hvileperiode")
SPECIAL_GROUPS = {"tillidsrep": "tillidsrepraesentant", "andet": None, "ved_ansaettelse": None}


def _text(agreement: AgreementAnswers, topic: str, name: str) -> str | None:
    value = agreement.value(topic, name)
    return str(value).strip() or None if value not in (None, "") else None


def _items(agreement: AgreementAnswers, topic: str, name: str) -> tuple[str, ...]:
    value = agreement.value(topic, name)
    if isinstance(value, list):
        return tuple(str(v) for v in value if str(v).strip())
    return (str(value),) if value not in (None, "") else ()


def _date(agreement: AgreementAnswers, topic: str, name: str) -> dt.date | None:
    value = agreement.value(topic, name)
    return value if isinstance(value, dt.date) else None


def _number(agreement: AgreementAnswers, topic: str, name: str) -> Decimal | None:
    value = agreement.value(topic, name)
    if isinstance(value, bool) or value is None or value == "":
        return None
    return Decimal(str(value))


def _flag(agreement: AgreementAnswers, topic: str, name: str, default: bool) -> bool:
    value = agreement.value(topic, name)
    return value if isinstance(value, bool) else default


def local_facts(local: AgreementAnswers) -> LocalFacts:
    """The local agreement's facts from typed answers."""
    v = local.variant
    notice = _number(local, "ikrafttraeden", "opsigelsesvarsel_maaneder")
    return LocalFacts(
        present=True,
        effective=_date(local, "ikrafttraeden", "ikrafttraedelsesdato"),
        end=_date(local, "ikrafttraeden", "slutdato"),
        notice_months=None if notice is None else int(notice),
        employer=_text(local, "parter", "arbejdsgiver"),
        organisations=_items(local, "parter", "organisationer"),
        tr=_text(local, "parter", "tillidsrepraesentant"),
        groups=_items(local, "omraade", "personalegrupper"),
        all_staff=v("omraade") == "alle_medarbejdere",
        excluded=_items(local, "omraade", "undtagne_stillinger"),
        max_days_week=_number(local, "omraade", "max_dage_pr_uge"),
        abroad_allowed=_flag(local, "omraade", "udlandet_tilladt", False),
        wt_deviation=v("arbejdstid") in WT_DEVIATIONS,
        wt_rules=_text(local, "arbejdstid", "afvigelsesregler"),
        rest_deviation=v("arbejdstid") == "hvileperiode",
        cost_compensation=v("oekonomi") in COMPENSATING_OEKONOMI,
        hiring_condition=v("frivillighed") == "ansaettelsesvilkaar",
        has_evaluation=v("evaluering") is not None,
        has_time_registration=v("tidsregistrering") is not None,
        has_availability=v("tilgaengelighed") is not None,
        has_change_clause=v("undtagelser") is not None,
        has_apv=v("arbejdsmiljoe") is not None,
        **local_frame(local),
        known=all_known(LocalFacts),
    )


def employee_facts(employee: AgreementAnswers) -> EmployeeFacts:
    """One individual agreement's facts from typed answers."""
    v = employee.variant
    notice: Decimal | None = None
    if v("opsigelse") == "en_maaned":
        notice = Decimal(1)
    elif v("opsigelse") is not None:
        notice = _number(employee, "opsigelse", "varsel_maaneder")
    addresses = _items(employee, "arbejdssted", "adresser") or _items(
        employee, "arbejdssted", "adresse"
    )
    countries = _items(employee, "arbejdssted", "land") if v("arbejdssted") == "udlandet" else ()
    weekdays = _items(employee, "omfang", "ugedag") + _items(employee, "omfang", "ugedag_2")
    special = SPECIAL_GROUPS.get(v("saerlige_grupper") or "", v("saerlige_grupper"))
    return EmployeeFacts(
        name=_text(employee, "parter", "navn"),
        manager=_text(employee, "parter", "leder"),
        effective=_date(employee, "ikrafttraeden", "ikrafttraedelsesdato"),
        end=_date(employee, "varighed", "slutdato"),
        first_agreement=_flag(employee, "varighed", "foerste_aftale", True),
        group=_text(employee, "parter", "personalegruppe"),
        job=_text(employee, "parter", "stilling"),
        employment_type=_text(employee, "parter", "ansaettelsestype"),
        days_per_period=_number(employee, "omfang", "dage_pr_periode"),
        period=_text(employee, "omfang", "periode"),
        weekdays=weekdays,
        placement=_text(employee, "omfang", "placering")
        or _text(employee, "omfang", "ugeplacering"),
        addresses=addresses,
        countries=countries,
        equipment_each_address=True,
        notice_months=None if notice is None else int(notice),
        wt_deviation=v("arbejdstid") in (*WT_DEVIATIONS, "afvigelse_efter_lokalaftale"),
        rest_deviation=v("arbejdstid") == "hvileperiode",
        has_availability=v("kontakttid") is not None,
        has_change_clause=v("aendring") is not None,
        has_env_clause=v("arbejdsmiljoe") is not None,
        equipment=_items(employee, "udstyr", "udstyrsliste"),
        own_equipment=v("udstyr") == "eget_udstyr",
        employer_owns=True,  # the employer-equipment clause states the employer's ownership
        compensation=v("kompensation") not in (None, "ingen", "som_lokalaftale"),
        other_screen_days=_number(employee, "arbejdsmiljoe", "andre_skaermdage_pr_uge")
        or Decimal(0),
        office_screen_ok=_flag(employee, "arbejdsmiljoe", "kontor_skaermarbejdsplads", True),
        special_group=None if special in (None, "ingen") else special,
        hiring_condition=v("saerlige_grupper") == "ved_ansaettelse",
        in_contract=False,  # every parter clause declares the agreement separate from the contract
        local_referenced=True,
        **employee_terms(employee),
        known=all_known(EmployeeFacts),
    )
