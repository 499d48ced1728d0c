"""R80–R85: the individual agreement's time terms against the local agreement's frame.

Extent, attendance days, call-in, the right to come in, contact time and working-time deviations.
A term outside the frame is a fejl: the individual agreement has no basis beyond the local one.
The only exception is a term more favourable to the employee where the local agreement allows
that; an employer waiving a power the local agreement merely grants it (a longer notice, no
call-in at all) is within the frame and is not reported.
"""

from __future__ import annotations

from decimal import Decimal

from assembler.rules.frame_facts import CALL_IN_CONSENT, CALL_IN_NOTICE
from assembler.rules.model import Fired, RuleInput, emp, rule
from assembler.rules.phrases import (
    ALLOW_FAVOURABLE,
    FAVOURABLE,
    NO_BASIS,
    WORSE,
    clock,
    days,
    who,
    workday_notice,
)

WORKING_DAYS = Decimal(5)
TWO_PLACES = Decimal("0.01")
PART_TIME_TYPES = ("deltid", "timelønnet")
PART_TIME_GROUPS = ("student", "elev")


@rule(
    "R80",
    "fejl",
    "individuel",
    "omfang",
    "Deltid: over lokalaftalens forholdsmæssige grænse",
    "{navn} er ansat {timer} timer om ugen. Lokalaftalens grænse på {maks} hjemmearbejdsdage om "
    "ugen nedsættes forholdsmæssigt for deltidsansatte og er for medarbejderen {maks} × "
    "{timer}/{fuld} ≈ {tilladt} dage om ugen, men den individuelle aftale giver {dage} dage om "
    "ugen i gennemsnit. " + NO_BASIS + " Nedsæt omfanget til højst {tilladt} dage om ugen i "
    "gennemsnit.",
    ("S1", "S3", "S12", "S52"),
    needs=(
        "lokal.max_days_week",
        "lokal.part_time_pro_rata",
        "lokal.full_time_hours",
        "individuel.avg_days_week",
        "individuel.weekly_hours",
    ),
)
def r80(c: RuleInput) -> Fired:
    e, local = emp(c), c.local
    limit, avg = local.max_days_week, e.avg_days_week
    hours, full = e.weekly_hours, local.full_time_hours
    if not local.part_time_pro_rata or limit is None or avg is None or hours is None:
        return None
    if hours >= full:  # full time: R22 compares with the cap itself
        return None
    allowed = (limit * hours / full).quantize(TWO_PLACES)
    if avg <= allowed:
        return None
    return {"navn": who(c), "timer": days(hours), "maks": days(limit), "fuld": days(full),
            "tilladt": days(allowed), "dage": days(avg)}  # fmt: skip


@rule(
    "R81",
    "fejl",
    "individuel",
    "omfang",
    "Hjemmearbejdsdage og faste fremmødedage",
    "Lokalaftalen fastlægger {fremmoede} faste fremmødedage om ugen, hvor der ikke kan placeres "
    "hjemmearbejde, men den individuelle aftale for {navn} giver {dage} hjemmearbejdsdage om ugen "
    "i gennemsnit. I en uge på fem arbejdsdage er der kun plads til {plads}. "
    + NO_BASIS
    + " Nedsæt omfanget til højst {plads} dage om ugen.",
    ("S1", "S3", "S12"),
    needs=("lokal.attendance_days_week", "individuel.avg_days_week"),
)
def r81(c: RuleInput) -> Fired:
    fixed, avg = c.local.attendance_days_week, emp(c).avg_days_week
    if fixed is None or avg is None:
        return None
    room = max(WORKING_DAYS - fixed, Decimal(0))
    if avg <= room:
        return None
    return {"fremmoede": fixed, "navn": who(c), "dage": days(avg), "plads": days(room)}


@rule(
    "R82",
    "fejl",
    "individuel",
    "aendring",
    "Indkaldelse i strid med lokalaftalen",
    "{forhold} " + WORSE + " {handling}",
    ("S1", "S2", "S12"),
    needs=(
        "lokal.call_in",
        "lokal.call_in_notice_days",
        "individuel.call_in",
        "individuel.call_in_notice_days",
    ),
    summary="Den individuelle aftale lader arbejdsgiveren kalde medarbejderen ind på en planlagt "
    "hjemmearbejdsdag med kortere varsel, end lokalaftalen kræver, eller ensidigt, hvor "
    "lokalaftalen kræver enighed. " + WORSE + " Et længere varsel eller slet ingen indkaldelse er "
    "inden for rammen.",
)
def r82(c: RuleInput) -> Fired:
    e, local = emp(c), c.local
    if e.call_in != CALL_IN_NOTICE or e.call_in_notice_days is None:
        return None
    mine = e.call_in_notice_days
    theirs = local.call_in_notice_days
    if local.call_in == CALL_IN_NOTICE and theirs is not None and mine < theirs:
        return {
            "forhold": f"Den individuelle aftale lader arbejdsgiveren kalde {who(c)} ind på en "
            f"planlagt hjemmearbejdsdag {workday_notice(mine)}, men efter lokalaftalen skal "
            f"fremmøde varsles mindst {theirs} arbejdsdage i forvejen.",
            "handling": f"Sæt varslet til mindst {theirs} arbejdsdage, eller lad den individuelle "
            "aftale følge lokalaftalens regler om ændring.",
        }
    if local.call_in == CALL_IN_CONSENT:
        return {
            "forhold": "Lokalaftalen bestemmer, at en planlagt hjemmearbejdsdag kun kan ændres, "
            "når nærmeste leder og medarbejderen er enige, men den individuelle aftale giver "
            f"arbejdsgiveren ret til at kalde {who(c)} ind {workday_notice(mine)}.",
            "handling": "Lad ændringer kræve enighed, eller lad den individuelle aftale følge "
            "lokalaftalens regler om ændring.",
        }
    return None


@rule(
    "R83",
    "fejl",
    "individuel",
    "aendring",
    "Retten til at møde ind er fjernet",
    "Lokalaftalen giver medarbejderne ret til at møde på arbejdsstedet på en planlagt "
    "hjemmearbejdsdag, når de giver nærmeste leder besked, men den individuelle aftale for "
    "{navn} kræver lederens accept i hvert enkelt tilfælde. " + WORSE + " Lad medarbejderen selv "
    "vælge at møde ind, som lokalaftalen bestemmer.",
    ("S1", "S2", "S12"),
    needs=("lokal.attendance_right", "individuel.attendance_free"),
)
def r83(c: RuleInput) -> Fired:
    if c.local.attendance_right and not emp(c).attendance_free:
        return {"navn": who(c)}
    return None


def _part_time(c: RuleInput) -> str | None:
    """How the employee works less than full time, in Danish, or None."""
    e = emp(c)
    kind = (e.employment_type or "").casefold()
    if e.special_group in PART_TIME_GROUPS:
        return "studerende" if e.special_group == "student" else "elev"
    if e.weekly_hours is not None and e.weekly_hours < c.local.full_time_hours:
        return f"ansat {days(e.weekly_hours)} timer om ugen"
    if kind in PART_TIME_TYPES:
        return "deltidsansat" if kind == "deltid" else "timelønnet"
    return None


@rule(
    "R84",
    "fejl",
    "individuel",
    "kontakttid",
    "Kontakttid i strid med lokalaftalen",
    "{forhold} {vurdering} {handling}",
    ("S1", "S2", "S12"),
    needs=(
        "lokal.core_time",
        "lokal.core_time_part_time_adjusted",
        "lokal.reachable_whole_day",
        "lokal.favourable_terms_allowed",
        "lokal.full_time_hours",
        "individuel.contact_time",
        "individuel.contact_as_local",
        "individuel.weekly_hours",
        "individuel.employment_type",
        "individuel.special_group",
    ),
    summary="En deltidsansat, timelønnet, studerende eller elev har fået lokalaftalens kernetid "
    "uændret som kontakttid, selv om lokalaftalen tilpasser den for deltidsansatte (ringere end "
    "lokalaftalen), eller kontakttiden er begrænset, hvor lokalaftalen kræver, at man kan "
    "kontaktes hele arbejdstiden (gunstigere, men kun tilladt, hvis lokalaftalen giver adgang "
    "til gunstigere individuelle vilkår). " + NO_BASIS,
)
def r84(c: RuleInput) -> Fired:
    e, local = emp(c), c.local
    part_time = _part_time(c)
    if e.contact_as_local and local.core_time and local.core_time_part_time_adjusted and part_time:
        own_day = (
            ", og bestemmelsen om særlige forhold lægger kontakttiden inden for den planlagte "
            "arbejdstid den pågældende dag"
            if e.special_group == "student"
            else ""
        )
        return {
            "forhold": "Den individuelle aftale gengiver lokalaftalens kernetid "
            f"{clock(*local.core_time)} uændret som kontakttid for {who(c)}, der er {part_time}. "
            f"Lokalaftalen bestemmer, at tidsrummet tilpasses for deltidsansatte{own_day}.",
            "vurdering": WORSE,
            "handling": "Aftal en individuel kontakttid inden for medarbejderens planlagte "
            "arbejdstid.",
        }
    if e.contact_time and local.reachable_whole_day and not local.favourable_terms_allowed:
        return {
            "forhold": "Lokalaftalen bestemmer, at medarbejderne på hjemmearbejdsdage skal kunne "
            "kontaktes i hele den planlagte arbejdstid, men den individuelle aftale for "
            f"{who(c)} begrænser kontakttiden til {clock(*e.contact_time)}.",
            "vurdering": FAVOURABLE,
            "handling": f"Følg lokalaftalens regel, {ALLOW_FAVOURABLE}.",
        }
    return None


@rule(
    "R85",
    "fejl",
    "individuel",
    "arbejdstid",
    "Fravigelse ud over lokalaftalens ramme",
    "Den individuelle aftale for {navn} {fravigelse}, men lokalaftalen {ramme}. "
    + NO_BASIS
    + " {handling}",
    ("S22", "S23", "S1", "S3", "S12"),
    needs=(
        "lokal.wt_deviation",
        "lokal.rest_deviation",
        "lokal.weekly_rest_deviation",
        "lokal.hours_deviation",
        "individuel.rest_deviation",
        "individuel.weekly_rest_deviation",
        "individuel.hours_deviation",
    ),
    summary="Den individuelle aftale fraviger det ugentlige fridøgn, hvor lokalaftalen kun giver "
    "adgang til at fravige den daglige hvileperiode, eller andre arbejdstidsregler, hvor "
    "lokalaftalen kun giver adgang til at fravige hvileperioden. " + NO_BASIS,
)
def r85(c: RuleInput) -> Fired:
    e, local = emp(c), c.local
    if e.rest_deviation and e.weekly_rest_deviation and local.rest_deviation:
        if local.weekly_rest_deviation:
            return None
        return {
            "navn": who(c),
            "fravigelse": "fraviger både den daglige hvileperiode på 11 timer og det ugentlige "
            "fridøgn",
            "ramme": "giver kun adgang til at fravige den daglige hvileperiode og bestemmer, at "
            "reglerne om det ugentlige fridøgn ikke fraviges",
            "handling": "Fjern fravigelsen af det ugentlige fridøgn fra den individuelle aftale.",
        }
    if e.hours_deviation and local.wt_deviation and not local.hours_deviation:
        return {
            "navn": who(c),
            "fravigelse": "fraviger arbejdstidsreglerne på hjemmearbejdsdage",
            "ramme": "giver kun adgang til at fravige den daglige hvileperiode efter kapitel 6 i "
            "bekendtgørelsen om hvileperiode og fridøgn, ikke andre arbejdstidsregler",
            "handling": "Fjern fravigelserne, eller aftal dem i lokalaftalen først.",
        }
    return None
