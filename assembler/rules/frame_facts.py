"""Facts about the frame a local agreement sets, and the individual terms checked against it.

The clause library words each variant; these tables say what a variant commits the parties to, so
the cross-agreement rules (R80–R89, R100–R107) can compare the two agreements. They are derived
from variant ids and parameter values, never from rendered text, so answers and the answers
embedded in our own documents give the same facts. tests/unit/rules/test_frame_facts.py checks
every table against the library's wording: when a clause text changes, that test names the table
to update.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from assembler.answers.model import AgreementAnswers
from assembler.library.values import Value

FULL_TIME_HOURS = Decimal(37)  # the public-sector full-time week (S52)

CALL_IN_NOTICE = "varsel"  # the employer may call the employee in with a fixed notice
CALL_IN_CONSENT = "samtykke"  # a planned home day can only be changed if both agree
CALL_IN_ASSESSMENT = "konkret"  # the employer decides after a concrete assessment, no fixed notice
CALL_IN_AS_LOCAL = "lokal"  # (individual agreement) the local agreement's rules apply

COMPENSATION_NONE = "ingen"  # the local agreement rules compensation out
COMPENSATION_LOCAL = "lokal"  # the local agreement itself compensates
COMPENSATION_INDIVIDUAL = "individuel"  # the local agreement leaves it to the individual agreement

# Local agreement: variant id → what it commits to.
PRO_RATA_SCOPE = ("alle_medarbejdere", "udvalgte_grupper")  # omraade: cap reduced for part-time
LOCAL_CALL_IN = {  # undtagelser
    "indkaldelse_varsel": CALL_IN_NOTICE,
    "kun_efter_aftale": CALL_IN_CONSENT,
    "konkret_vurdering": CALL_IN_ASSESSMENT,
    "indstilling_enhed": CALL_IN_NOTICE,
}
ATTENDANCE_RIGHT = ("kun_efter_aftale",)  # undtagelser: staff may come in, telling the manager
CORE_TIME = ("fikstid",)  # tilgaengelighed: common core time, adjusted for part-timers
WHOLE_DAY = ("fremmoededage",)  # tilgaengelighed: reachable in all planned working time
ATTENDANCE_DAYS = ("fremmoededage",)  # tilgaengelighed: fixed attendance days a week
LOCAL_WEEKLY_REST: tuple[str, ...] = ()  # arbejdstid: no variant lets the weekly day off go
LOCAL_HOURS_DEVIATION = ("afvigelse",)  # arbejdstid: deviations other than rest periods
EMPLOYER_IT_ONLY = ("arbejdsgiverudstyr",)  # it_sikkerhed: only the employer's it equipment
OWN_IT_ALLOWED: tuple[str, ...] = ()  # it_sikkerhed: no variant allows an own computer
EQUIPMENT_PACKAGE = ("udvidet_udstyr",)  # arbejdsmiljoe: a package for everyone
LOCAL_COMPENSATION = {  # oekonomi
    "ingen_kompensation": COMPENSATION_NONE,
    "dokumenterede_udgift": COMPENSATION_LOCAL,
    "fast_beloeb": COMPENSATION_LOCAL,
    "i_individuel_aftale": COMPENSATION_INDIVIDUAL,
    "internet_betalt": COMPENSATION_LOCAL,
    "udlaan_inventar": COMPENSATION_LOCAL,
}
LOCAL_LAPSE_CAVEAT = ("bortfalder_samtidig", "overgangsperiode", "egne_regler")  # overgang
FAVOURABLE_PREVAILS = ("gunstigere_gaelder",)  # forrang
EVALUATION_ON_DATE = ("fast_tidspunkt",)  # evaluering: evalueringsdato
EVALUATION_INTERVAL = ("loebende",)  # evaluering: foerste_evaluering, else after the interval
AD_HOC_LIMITED = ("med_graense",)  # ad_hoc: beside the cap, up to a number of days a week
AD_HOC_UNLIMITED = ("uden_for_loftet",)  # ad_hoc: beside the cap, no limit of its own

# Individual agreement: variant id → what it says.
INDIVIDUAL_CALL_IN = {  # aendring
    "arbejdsgiver_kan_indkalde": CALL_IN_NOTICE,
    "kun_efter_aftale": CALL_IN_CONSENT,
    "som_lokalaftale": CALL_IN_AS_LOCAL,
}
CONTACT_AS_LOCAL = ("som_lokalaftale",)  # kontakttid: the local core time, copied unchanged
CONTACT_OWN = ("egne_tider",)  # kontakttid: an individual window
INDIVIDUAL_WEEKLY_REST: tuple[str, ...] = ()  # arbejdstid: none deviates from the day off
INDIVIDUAL_HOURS_DEVIATION = ("afvigelse",)  # arbejdstid
OWN_EQUIPMENT = ("eget_udstyr",)  # udstyr
NO_COMPENSATION = ("ingen",)  # kompensation: "modtager ingen godtgørelse"
LAPSE_WITHOUT_NOTICE: tuple[str, ...] = ()  # varighed: none ends without notice on lapse
LAPSE_DEFERS: tuple[str, ...] = ()  # varighed: "medmindre lokalaftalen …" (no variant says it)
LAPSE_CAVEAT = ("tidsubegraenset", "proeveperiode", "tidsbegraenset")  # varighed: the caveat
COMPENSATION_AS_LOCAL = ("som_lokalaftale",)  # kompensation: "efter lokalaftalens § N"
OFFICE_VARIANTS = ("tillidsrep",)  # saerlige_grupper: the office is the answer "hverv"
EMPLOYER_INTERNET = "betalt af arbejdsgiveren"  # udstyr.internetforbindelse choice, casefolded
ABROAD = ("udlandet",)  # arbejdssted: an address abroad, with residence and social security
DANISH_SOCIAL_SECURITY = "Dansk"  # arbejdssted.social_sikring: Danish legislation applies


def _number(value: Value) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return None
    return Decimal(value)


def _whole(value: Value) -> int | None:
    number = _number(value)
    return None if number is None else int(number)


def _date(value: Value) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def _window(answers: AgreementAnswers, topic: str, start: str, end: str) -> Any:
    first, last = answers.value(topic, start), answers.value(topic, end)
    if isinstance(first, dt.time) and isinstance(last, dt.time):
        return (first, last)
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day some months later (the month's last day when it is shorter)."""
    import calendar  # here: it imports locale, and most runs never add months (issue 14)

    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def first_evaluation(local: AgreementAnswers) -> dt.date | None:
    """The date the local agreement is first evaluated by, from its evaluation clause."""
    variant = local.variant("evaluering")
    if variant in EVALUATION_ON_DATE:
        day = local.value("evaluering", "evalueringsdato")
        return day if isinstance(day, dt.date) else None
    if variant in EVALUATION_INTERVAL:
        day = local.value("evaluering", "foerste_evaluering")
        if isinstance(day, dt.date):
            return day
        start = local.value("ikrafttraeden", "ikrafttraedelsesdato")
        months = _whole(local.value("evaluering", "interval_maaneder"))
        if isinstance(start, dt.date) and months:
            return add_months(start, months)
    return None


def local_frame(local: AgreementAnswers) -> dict[str, Any]:
    """The LocalFacts fields of the frame block, from typed answers."""
    v = local.variant
    call_in = LOCAL_CALL_IN.get(v("undtagelser") or "")
    package = local.value("arbejdsmiljoe", "udstyrsliste")
    return {
        "full_time_hours": FULL_TIME_HOURS,
        "part_time_pro_rata": v("omraade") in PRO_RATA_SCOPE
        and local.value("omraade", "max_dage_pr_uge") is not None,
        "attendance_days_week": _whole(local.value("tilgaengelighed", "antal_fremmoededage"))
        if v("tilgaengelighed") in ATTENDANCE_DAYS
        else None,
        "call_in": call_in,
        "call_in_notice_days": _whole(local.value("undtagelser", "varsel_dage"))
        if call_in == CALL_IN_NOTICE
        else None,
        "attendance_right": v("undtagelser") in ATTENDANCE_RIGHT,
        "core_time": _window(local, "tilgaengelighed", "kernetid_fra", "kernetid_til")
        if v("tilgaengelighed") in CORE_TIME
        else None,
        "core_time_part_time_adjusted": v("tilgaengelighed") in CORE_TIME,
        "reachable_whole_day": v("tilgaengelighed") in WHOLE_DAY,
        "weekly_rest_deviation": v("arbejdstid") in LOCAL_WEEKLY_REST,
        "hours_deviation": v("arbejdstid") in LOCAL_HOURS_DEVIATION,
        "employer_it_only": v("it_sikkerhed") in EMPLOYER_IT_ONLY,
        "own_it_allowed": v("it_sikkerhed") in OWN_IT_ALLOWED,
        "equipment_package": tuple(str(x) for x in package if str(x).strip())
        if v("arbejdsmiljoe") in EQUIPMENT_PACKAGE and isinstance(package, list)
        else (),
        "compensation_rule": LOCAL_COMPENSATION.get(v("oekonomi") or ""),
        "lapse_caveat": v("overgang") in LOCAL_LAPSE_CAVEAT,
        # forrang: "the local agreement prevails unless the individual one is more favourable"
        "favourable_terms_allowed": v("forrang") in FAVOURABLE_PREVAILS,
        "first_evaluation": first_evaluation(local),
        "ad_hoc_days_week": _number(local.value("ad_hoc", "max_dage_pr_uge_ad_hoc"))
        if v("ad_hoc") in AD_HOC_LIMITED
        else None,
        "ad_hoc_beside_cap": v("ad_hoc") in AD_HOC_LIMITED + AD_HOC_UNLIMITED,
    }


def employee_terms(employee: AgreementAnswers) -> dict[str, Any]:
    """The EmployeeFacts fields of the frame block, from typed answers."""
    v = employee.variant
    call_in = INDIVIDUAL_CALL_IN.get(v("aendring") or "")
    attendance = employee.value("aendring", "fremmoede_tilladt")
    own = employee.value("udstyr", "eget_udstyr_beskrivelse")
    internet = employee.value("udstyr", "internetforbindelse")
    return {
        "weekly_hours": _number(employee.value("parter", "ugentlig_arbejdstid")),
        "call_in": call_in,
        "call_in_notice_days": _whole(employee.value("aendring", "varsel_dage"))
        if call_in == CALL_IN_NOTICE
        else None,
        "attendance_free": attendance if isinstance(attendance, bool) else True,
        "contact_time": _window(employee, "kontakttid", "kontakt_fra", "kontakt_til")
        if v("kontakttid") in CONTACT_OWN
        else None,
        "contact_as_local": v("kontakttid") in CONTACT_AS_LOCAL,
        "weekly_rest_deviation": v("arbejdstid") in INDIVIDUAL_WEEKLY_REST,
        "hours_deviation": v("arbejdstid") in INDIVIDUAL_HOURS_DEVIATION,
        "own_equipment_text": str(own).strip() or None
        if v("udstyr") in OWN_EQUIPMENT and own is not None
        else None,
        "employer_pays_internet": isinstance(internet, str)
        and EMPLOYER_INTERNET in internet.casefold(),
        "compensation_excluded": v("kompensation") in NO_COMPENSATION,
        "lapse_without_notice": v("varighed") in LAPSE_WITHOUT_NOTICE,
        "lapse_caveat": v("varighed") in LAPSE_CAVEAT,
        "lapse_defers_to_local": v("varighed") in LAPSE_DEFERS,
        "evaluation": _date(employee.value("varighed", "evalueringsdato")),
        "compensation_as_local": v("kompensation") in COMPENSATION_AS_LOCAL,
        "office": str(employee.value("saerlige_grupper", "hverv") or "").strip() or None
        if v("saerlige_grupper") in OFFICE_VARIANTS
        else None,
        **_abroad(employee),
    }


def _abroad(employee: AgreementAnswers) -> dict[str, Any]:
    """Residence, social security and EU/EEA of an address abroad (None unless abroad)."""
    if employee.variant("arbejdssted") not in ABROAD:
        return {"abroad_eu": None, "resides_in_denmark": None, "danish_social_security": None}
    eu = employee.value("arbejdssted", "eu_eoes")
    home = employee.value("arbejdssted", "bopael_danmark")
    security = employee.value("arbejdssted", "social_sikring")
    return {
        "abroad_eu": eu if isinstance(eu, bool) else None,
        "resides_in_denmark": home if isinstance(home, bool) else None,
        "danish_social_security": security == DANISH_SOCIAL_SECURITY
        if isinstance(security, str)
        else None,
    }
