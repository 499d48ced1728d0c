"""Typed views of an agreement that rules read: from answers (all facts known, answer_facts.py)
or from a draft (audit/extract.py).

Every field has a value; `known` says which fields were actually determined. Answers determine all
of them (None then means "not answered"); the audit of a foreign draft only determines what it could
read reliably, and rules that need an unknown fact are skipped.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from assembler.records import Record
from assembler.rules.frame_facts import FULL_TIME_HOURS
from assembler.rules.text_facts import TextFacts

WEEKS_PER_PERIOD = {"uge": Decimal(1), "14. dag": Decimal(2), "måned": Decimal("4.33")}
WORKING_DAYS_PER_WEEK = Decimal(5)


# Records, not dataclasses or NamedTuples: `sammenlign` imports these to assess a round, and both
# compile generated code at import (a NamedTuple of these sizes about 0.5 ms each, issue 14). A
# record compares and hashes by value as they did; nothing assigns its fields after __init__.
# Copies with changes: `facts._replace(...)`.
class LocalFacts(Record):
    """What the rules need to know about the local agreement."""

    _fields = (
        "present",
        "effective",
        "end",
        "notice_months",
        "employer",
        "organisations",
        "tr",
        "groups",
        "all_staff",
        "excluded",
        "max_days_week",
        "abroad_allowed",
        "wt_deviation",
        "wt_rules",
        "rest_deviation",
        "cost_compensation",
        "hiring_condition",
        "has_evaluation",
        "has_time_registration",
        "has_availability",
        "has_change_clause",
        "has_apv",
        "text",
        "full_time_hours",
        "part_time_pro_rata",
        "attendance_days_week",
        "call_in",
        "call_in_notice_days",
        "attendance_right",
        "core_time",
        "core_time_part_time_adjusted",
        "reachable_whole_day",
        "weekly_rest_deviation",
        "hours_deviation",
        "employer_it_only",
        "own_it_allowed",
        "equipment_package",
        "compensation_rule",
        "lapse_caveat",
        "favourable_terms_allowed",
        "first_evaluation",
        "ad_hoc_days_week",
        "ad_hoc_beside_cap",
        "known",
    )
    __slots__ = _fields

    def __init__(
        self,
        present: bool = True,
        effective: dt.date | None = None,
        end: dt.date | None = None,
        notice_months: int | None = None,
        employer: str | None = None,
        organisations: tuple[str, ...] = (),
        tr: str | None = None,
        groups: tuple[str, ...] = (),
        all_staff: bool = False,
        excluded: tuple[str, ...] = (),
        max_days_week: Decimal | None = None,
        abroad_allowed: bool | None = None,
        wt_deviation: bool = False,
        wt_rules: str | None = None,
        rest_deviation: bool = False,
        cost_compensation: bool = False,
        hiring_condition: bool = False,
        has_evaluation: bool = True,
        has_time_registration: bool = True,
        has_availability: bool = True,
        has_change_clause: bool = True,
        has_apv: bool = True,
        # --- Text-level terms (R90–R99): read from a draft's wording; answers leave it None ---
        text: TextFacts | None = None,
        # --- The frame the individual agreements must stay within (R63, R80–R89) ---
        full_time_hours: Decimal = FULL_TIME_HOURS,  # weekly hours of a full-time employee (S52)
        part_time_pro_rata: bool = False,  # the day cap is reduced pro rata for part-timers
        attendance_days_week: int | None = None,  # fixed attendance days a week in every unit
        # frame_facts.CALL_IN_*: how the employer may take back a home day
        call_in: str | None = None,
        call_in_notice_days: int | None = None,  # least notice, in working days, for CALL_IN_NOTICE
        # staff may come in on a home day without the manager's consent
        attendance_right: bool = False,
        core_time: tuple[dt.time, dt.time] | None = None,  # common core time (fikstid) on home days
        core_time_part_time_adjusted: bool = False,  # the core time is adjusted for part-timers
        reachable_whole_day: bool = False,  # staff must be reachable all working time on home days
        weekly_rest_deviation: bool = False,  # the weekly day off (fridøgn) may be deviated from
        # rules other than rest periods (flex, core time) may be deviated
        hours_deviation: bool = False,
        employer_it_only: bool = False,  # work only on it equipment the employer provides
        own_it_allowed: bool = False,  # staff may work on their own (approved) it equipment
        # equipment the employer gives everyone with an individual agreement
        equipment_package: tuple[str, ...] = (),
        # frame_facts.COMPENSATION_*: who settles compensation
        compensation_rule: str | None = None,
        # on lapse, the employment notice applies if it is a material change
        lapse_caveat: bool = False,
        # individual terms may deviate in the employee's favour
        favourable_terms_allowed: bool = False,
        # --- More of the frame (R100–R107, rules/frame_more.py) ---
        first_evaluation: dt.date | None = None,  # the local agreement's first evaluation
        # ad hoc days a week beside the cap (limit), if any
        ad_hoc_days_week: Decimal | None = None,
        ad_hoc_beside_cap: bool = False,  # ad hoc home work beside the fixed days, outside the cap
        known: frozenset[str] = frozenset(),
    ) -> None:
        self.present = present
        self.effective = effective
        self.end = end
        self.notice_months = notice_months
        self.employer = employer
        self.organisations = organisations
        self.tr = tr
        self.groups = groups
        self.all_staff = all_staff
        self.excluded = excluded
        self.max_days_week = max_days_week
        self.abroad_allowed = abroad_allowed
        self.wt_deviation = wt_deviation
        self.wt_rules = wt_rules
        self.rest_deviation = rest_deviation
        self.cost_compensation = cost_compensation
        self.hiring_condition = hiring_condition
        self.has_evaluation = has_evaluation
        self.has_time_registration = has_time_registration
        self.has_availability = has_availability
        self.has_change_clause = has_change_clause
        self.has_apv = has_apv
        self.text = text
        self.full_time_hours = full_time_hours
        self.part_time_pro_rata = part_time_pro_rata
        self.attendance_days_week = attendance_days_week
        self.call_in = call_in
        self.call_in_notice_days = call_in_notice_days
        self.attendance_right = attendance_right
        self.core_time = core_time
        self.core_time_part_time_adjusted = core_time_part_time_adjusted
        self.reachable_whole_day = reachable_whole_day
        self.weekly_rest_deviation = weekly_rest_deviation
        self.hours_deviation = hours_deviation
        self.employer_it_only = employer_it_only
        self.own_it_allowed = own_it_allowed
        self.equipment_package = equipment_package
        self.compensation_rule = compensation_rule
        self.lapse_caveat = lapse_caveat
        self.favourable_terms_allowed = favourable_terms_allowed
        self.first_evaluation = first_evaluation
        self.ad_hoc_days_week = ad_hoc_days_week
        self.ad_hoc_beside_cap = ad_hoc_beside_cap
        self.known = known


class EmployeeFacts(Record):
    """What the rules need to know about one individual agreement."""

    _fields = (
        "name",
        "manager",
        "effective",
        "end",
        "first_agreement",
        "group",
        "job",
        "employment_type",
        "days_per_period",
        "period",
        "weekdays",
        "placement",
        "addresses",
        "countries",
        "equipment_each_address",
        "notice_months",
        "wt_deviation",
        "rest_deviation",
        "has_availability",
        "has_change_clause",
        "has_env_clause",
        "equipment",
        "own_equipment",
        "employer_owns",
        "compensation",
        "other_screen_days",
        "office_screen_ok",
        "special_group",
        "hiring_condition",
        "in_contract",
        "local_referenced",
        "text",
        "weekly_hours",
        "call_in",
        "call_in_notice_days",
        "attendance_free",
        "contact_time",
        "contact_as_local",
        "weekly_rest_deviation",
        "hours_deviation",
        "own_equipment_text",
        "employer_pays_internet",
        "compensation_excluded",
        "lapse_without_notice",
        "lapse_caveat",
        "lapse_defers_to_local",
        "evaluation",
        "compensation_as_local",
        "office",
        "abroad_eu",
        "resides_in_denmark",
        "danish_social_security",
        "known",
    )
    __slots__ = _fields

    def __init__(
        self,
        name: str | None = None,
        manager: str | None = None,
        effective: dt.date | None = None,
        end: dt.date | None = None,
        first_agreement: bool = False,
        group: str | None = None,
        job: str | None = None,
        employment_type: str | None = None,
        days_per_period: Decimal | None = None,
        period: str | None = None,
        weekdays: tuple[str, ...] = (),
        placement: str | None = None,
        addresses: tuple[str, ...] = (),
        countries: tuple[str, ...] = (),
        equipment_each_address: bool = True,
        notice_months: int | None = None,
        wt_deviation: bool = False,
        rest_deviation: bool = False,
        has_availability: bool = True,
        has_change_clause: bool = True,
        has_env_clause: bool = True,
        equipment: tuple[str, ...] = (),
        own_equipment: bool = False,
        employer_owns: bool = True,
        compensation: bool = False,
        other_screen_days: Decimal = Decimal(0),
        office_screen_ok: bool = True,
        special_group: str | None = None,
        hiring_condition: bool = False,
        in_contract: bool = False,
        local_referenced: bool = True,
        # --- Text-level terms (R90–R99): read from a draft's wording; answers leave it None ---
        text: TextFacts | None = None,
        # --- Terms checked against the local agreement's frame (R80–R89) ---
        weekly_hours: Decimal | None = None,  # agreed weekly working hours
        call_in: str | None = None,  # frame_facts.CALL_IN_*, incl. CALL_IN_AS_LOCAL
        call_in_notice_days: int | None = None,  # least notice, in working days, for CALL_IN_NOTICE
        attendance_free: bool = True,  # may come in on a home day by own choice
        contact_time: tuple[dt.time, dt.time] | None = None,  # individually agreed contact time
        contact_as_local: bool = False,  # contact time is the local agreement's, copied unchanged
        weekly_rest_deviation: bool = False,  # deviates from the weekly day off (fridøgn)
        hours_deviation: bool = False,  # deviates from working-time rules other than rest periods
        own_equipment_text: str | None = None,  # the employee's own equipment, as written
        employer_pays_internet: bool = False,  # the employer pays the internet connection
        compensation_excluded: bool = False,  # states that no compensation is paid
        lapse_without_notice: bool = False,  # ends without notice when the local agreement ends
        # … but keeps the employment notice if that is a material change
        lapse_caveat: bool = False,
        lapse_defers_to_local: bool = False,  # … "unless the local agreement provides otherwise"
        # --- More terms (R100–R107, rules/frame_more.py) ---
        evaluation: dt.date | None = None,  # the individual agreement's evaluation date
        # compensation "as the local agreement" (no own scheme)
        compensation_as_local: bool = False,
        office: str | None = None,  # the trust office held (tillidsrepræsentant, arbejdsmiljø…)
        # --- Home work abroad (R111–R112, rules/frame_abroad.py) ---
        abroad_eu: bool | None = None,  # the abroad address lies in the EU/EEA or Switzerland
        resides_in_denmark: bool | None = None,  # the employee lives in Denmark (abroad variant)
        danish_social_security: bool | None = None,  # the agreement assumes Danish social security
        known: frozenset[str] = frozenset(),
    ) -> None:
        self.name = name
        self.manager = manager
        self.effective = effective
        self.end = end
        self.first_agreement = first_agreement
        self.group = group
        self.job = job
        self.employment_type = employment_type
        self.days_per_period = days_per_period
        self.period = period
        self.weekdays = weekdays
        self.placement = placement
        self.addresses = addresses
        self.countries = countries
        self.equipment_each_address = equipment_each_address
        self.notice_months = notice_months
        self.wt_deviation = wt_deviation
        self.rest_deviation = rest_deviation
        self.has_availability = has_availability
        self.has_change_clause = has_change_clause
        self.has_env_clause = has_env_clause
        self.equipment = equipment
        self.own_equipment = own_equipment
        self.employer_owns = employer_owns
        self.compensation = compensation
        self.other_screen_days = other_screen_days
        self.office_screen_ok = office_screen_ok
        self.special_group = special_group
        self.hiring_condition = hiring_condition
        self.in_contract = in_contract
        self.local_referenced = local_referenced
        self.text = text
        self.weekly_hours = weekly_hours
        self.call_in = call_in
        self.call_in_notice_days = call_in_notice_days
        self.attendance_free = attendance_free
        self.contact_time = contact_time
        self.contact_as_local = contact_as_local
        self.weekly_rest_deviation = weekly_rest_deviation
        self.hours_deviation = hours_deviation
        self.own_equipment_text = own_equipment_text
        self.employer_pays_internet = employer_pays_internet
        self.compensation_excluded = compensation_excluded
        self.lapse_without_notice = lapse_without_notice
        self.lapse_caveat = lapse_caveat
        self.lapse_defers_to_local = lapse_defers_to_local
        self.evaluation = evaluation
        self.compensation_as_local = compensation_as_local
        self.office = office
        self.abroad_eu = abroad_eu
        self.resides_in_denmark = resides_in_denmark
        self.danish_social_security = danish_social_security
        self.known = known

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


def with_known(facts: LocalFacts | EmployeeFacts, **values: object) -> LocalFacts | EmployeeFacts:
    """A copy with some fields set and marked known (used by the audit)."""
    return facts._replace(known=facts.known | frozenset(values), **values)
