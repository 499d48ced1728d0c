"""Typed views of an agreement that rules read: from answers (all facts known) or from a draft.

Every field has a value; `known` says which fields were actually determined. Answers determine all
of them (None then means "not answered"); the audit of a foreign draft only determines what it could
read reliably, and rules that need an unknown fact are skipped.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import NamedTuple

from assembler.answers.model import AgreementAnswers
from assembler.rules.frame_facts import FULL_TIME_HOURS, employee_terms, local_frame
from assembler.rules.text_facts import TextFacts

WEEKS_PER_PERIOD = {"uge": Decimal(1), "14. dag": Decimal(2), "måned": Decimal("4.33")}
WORKING_DAYS_PER_WEEK = Decimal(5)
COMPENSATING_OEKONOMI = ("dokumenterede_udgift", "dokumenterede_merudgifter", "fast_beloeb")
WT_DEVIATIONS = ("afvigelse", "hvileperiode")
SPECIAL_GROUPS = {"tillidsrep": "tillidsrepraesentant", "andet": None, "ved_ansaettelse": None}


# NamedTuples, not frozen dataclasses: `sammenlign` imports these to assess a round, and a frozen
# dataclass compiles its generated methods at import (about 2 ms for each of these two on Python
# 3.11, issue 14); a NamedTuple is as immutable, compares and hashes by value the same way, and
# costs a tenth of that. Copies with changes: `facts._replace(...)`.
class LocalFacts(NamedTuple):
    """What the rules need to know about the local agreement."""

    present: bool = True
    effective: dt.date | None = None
    end: dt.date | None = None
    notice_months: int | None = None
    employer: str | None = None
    organisations: tuple[str, ...] = ()
    tr: str | None = None
    groups: tuple[str, ...] = ()
    all_staff: bool = False
    excluded: tuple[str, ...] = ()
    max_days_week: Decimal | None = None
    abroad_allowed: bool | None = None
    wt_deviation: bool = False
    wt_rules: str | None = None
    rest_deviation: bool = False
    cost_compensation: bool = False
    hiring_condition: bool = False
    has_evaluation: bool = True
    has_time_registration: bool = True
    has_availability: bool = True
    has_change_clause: bool = True
    has_apv: bool = True
    # --- Text-level terms (R90–R99): read from a draft's wording; answers leave it None ---
    text: TextFacts | None = None
    # --- The frame the individual agreements must stay within (R63, R80–R89) ---
    full_time_hours: Decimal = FULL_TIME_HOURS  # weekly hours of a full-time employee (S52)
    part_time_pro_rata: bool = False  # the day cap is reduced pro rata for part-timers
    attendance_days_week: int | None = None  # fixed attendance days a week in every unit
    call_in: str | None = None  # frame_facts.CALL_IN_*: how the employer may take back a home day
    call_in_notice_days: int | None = None  # least notice, in working days, for CALL_IN_NOTICE
    attendance_right: bool = False  # staff may come in on a home day without the manager's consent
    core_time: tuple[dt.time, dt.time] | None = None  # common core time (fikstid) on home days
    core_time_part_time_adjusted: bool = False  # the core time is adjusted for part-timers
    reachable_whole_day: bool = False  # staff must be reachable all working time on home days
    weekly_rest_deviation: bool = False  # the weekly day off (fridøgn) may be deviated from
    hours_deviation: bool = False  # rules other than rest periods (flex, core time) may be deviated
    employer_it_only: bool = False  # work only on it equipment the employer provides
    own_it_allowed: bool = False  # staff may work on their own (approved) it equipment
    # equipment the employer gives everyone with an individual agreement
    equipment_package: tuple[str, ...] = ()
    compensation_rule: str | None = None  # frame_facts.COMPENSATION_*: who settles compensation
    lapse_caveat: bool = False  # on lapse, the employment notice applies if it is a material change
    favourable_terms_allowed: bool = False  # individual terms may deviate in the employee's favour
    # --- More of the frame (R100–R107, rules/frame_more.py) ---
    first_evaluation: dt.date | None = None  # the local agreement's first evaluation
    ad_hoc_days_week: Decimal | None = None  # ad hoc days a week beside the cap (limit), if any
    ad_hoc_beside_cap: bool = False  # ad hoc home work beside the fixed days, outside the cap
    known: frozenset[str] = frozenset()


class EmployeeFacts(NamedTuple):
    """What the rules need to know about one individual agreement."""

    name: str | None = None
    manager: str | None = None
    effective: dt.date | None = None
    end: dt.date | None = None
    first_agreement: bool = False
    group: str | None = None
    job: str | None = None
    employment_type: str | None = None
    days_per_period: Decimal | None = None
    period: str | None = None
    weekdays: tuple[str, ...] = ()
    placement: str | None = None
    addresses: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    equipment_each_address: bool = True
    notice_months: int | None = None
    wt_deviation: bool = False
    rest_deviation: bool = False
    has_availability: bool = True
    has_change_clause: bool = True
    has_env_clause: bool = True
    equipment: tuple[str, ...] = ()
    own_equipment: bool = False
    employer_owns: bool = True
    compensation: bool = False
    other_screen_days: Decimal = Decimal(0)
    office_screen_ok: bool = True
    special_group: str | None = None
    hiring_condition: bool = False
    in_contract: bool = False
    local_referenced: bool = True
    # --- Text-level terms (R90–R99): read from a draft's wording; answers leave it None ---
    text: TextFacts | None = None
    # --- Terms checked against the local agreement's frame (R80–R89) ---
    weekly_hours: Decimal | None = None  # agreed weekly working hours
    call_in: str | None = None  # frame_facts.CALL_IN_*, incl. CALL_IN_AS_LOCAL
    call_in_notice_days: int | None = None  # least notice, in working days, for CALL_IN_NOTICE
    attendance_free: bool = True  # may come in on a home day by own choice
    contact_time: tuple[dt.time, dt.time] | None = None  # individually agreed contact time
    contact_as_local: bool = False  # contact time is the local agreement's, copied unchanged
    weekly_rest_deviation: bool = False  # deviates from the weekly day off (fridøgn)
    hours_deviation: bool = False  # deviates from working-time rules other than rest periods
    own_equipment_text: str | None = None  # the employee's own equipment, as written
    employer_pays_internet: bool = False  # the employer pays the internet connection
    compensation_excluded: bool = False  # states that no compensation is paid
    lapse_without_notice: bool = False  # ends without notice when the local agreement ends
    lapse_caveat: bool = False  # … but keeps the employment notice if that is a material change
    lapse_defers_to_local: bool = False  # … "unless the local agreement provides otherwise"
    # --- More terms (R100–R107, rules/frame_more.py) ---
    evaluation: dt.date | None = None  # the individual agreement's evaluation date
    compensation_as_local: bool = False  # compensation "as the local agreement" (no own scheme)
    office: str | None = None  # the trust office held (tillidsrepræsentant, arbejdsmiljø…)
    # --- Home work abroad (R111–R112, rules/frame_abroad.py) ---
    abroad_eu: bool | None = None  # the abroad address lies in the EU/EEA or Switzerland
    resides_in_denmark: bool | None = None  # the employee lives in Denmark (abroad variant)
    danish_social_security: bool | None = None  # the agreement assumes Danish social security
    known: frozenset[str] = frozenset()

    @property
    def avg_days_week(self) -> Decimal | None:
        """Average home days per week (days per period / weeks in the period)."""
        if self.days_per_period is None or self.period not in WEEKS_PER_PERIOD:
            return None
        return (self.days_per_period / WEEKS_PER_PERIOD[self.period]).quantize(Decimal("0.01"))

    @property
    def share_of_time(self) -> Decimal | None:
        """Share of the working week at home (1 = all of it), against a five-day week."""
        avg = self.avg_days_week
        return None if avg is None else avg / WORKING_DAYS_PER_WEEK


def all_known(cls: type[LocalFacts] | type[EmployeeFacts]) -> frozenset[str]:
    """Every field name of a facts class (answers determine all of them)."""
    names = {name for name in cls._fields if name != "known"}
    if cls is EmployeeFacts:
        names |= {"avg_days_week", "share_of_time"}
    return frozenset(names)


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


def with_known(facts: LocalFacts | EmployeeFacts, **values: object) -> LocalFacts | EmployeeFacts:
    """A copy with some fields set and marked known (used by the audit)."""
    return facts._replace(known=facts.known | frozenset(values), **values)  # type: ignore[arg-type]
