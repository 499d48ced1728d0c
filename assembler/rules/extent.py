"""R20–R26: extent and pattern of the home work, and the screen-work threshold."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from assembler.library.values import format_number
from assembler.rules.model import Fired, RuleInput, emp, rule

OTHER = ("kommune", "region")
NEW_SCREEN_RULES = dt.date(2022, 4, 30)  # BEK 384/2022
TWO = Decimal(2)


def _days(value: Decimal) -> str:
    return format_number(value.normalize())


@rule(
    "R20",
    "fejl",
    "individuel",
    "omfang",
    "Omfang ikke angivet",
    "Den individuelle aftale angiver ikke omfanget af hjemmearbejdet. Angiv antal dage pr. "
    "periode (fx én dag hver anden uge).",
    ("S2",),
    needs=("individuel.avg_days_week",),
    sectors=("stat",),
)
@rule(
    "R20",
    "advarsel",
    "individuel",
    "omfang",
    "Omfang ikke angivet",
    "Den individuelle aftale angiver ikke omfanget af hjemmearbejdet. Angiv antal dage pr. "
    "periode (fx én dag hver anden uge), så det faste mønster fremgår.",
    ("S1", "S2", "S13"),
    needs=("individuel.avg_days_week",),
    sectors=OTHER,
)
def r20(c: RuleInput) -> Fired:
    return emp(c).avg_days_week is None


@rule(
    "R21",
    "fejl",
    "individuel",
    "omfang",
    "Hele arbejdstiden hjemme",
    "Aftalen lægger hele arbejdstiden hjemme ({dage} dage om ugen). Hjemmearbejde efter "
    "rammeaftalen kan kun være en del af den aftalte arbejdstid. Nedsæt omfanget.",
    ("S3", "S5", "S12", "S4"),
    needs=("individuel.share_of_time",),
)
def r21(c: RuleInput) -> Fired:
    e = emp(c)
    share, avg = e.share_of_time, e.avg_days_week
    if share is None or avg is None or share < 1:
        return None
    return {"dage": _days(avg)}


@rule(
    "R22",
    "fejl",
    "individuel",
    "omfang",
    "Over lokalaftalens grænse",
    "Medarbejderen skal arbejde hjemme {dage} dage om ugen i gennemsnit, men lokalaftalen "
    "tillader højst {maks}. En individuel aftale har ingen hjemmel ud over lokalaftalens ramme: "
    "nedsæt omfanget eller forhandl lokalaftalens grænse.",
    ("S1", "S3", "S12"),
    needs=("lokal.max_days_week", "individuel.avg_days_week"),
)
def r22(c: RuleInput) -> Fired:
    e, local = emp(c), c.local
    avg, limit = e.avg_days_week, local.max_days_week
    if avg is None or limit is None or avg <= limit:
        return None
    hours = e.weekly_hours
    if local.part_time_pro_rata and hours is not None and hours < local.full_time_hours:
        return None  # R80 applies the part-time cap, which is lower
    return {"dage": _days(avg), "maks": _days(limit)}


@rule(
    "R23",
    "advarsel",
    "individuel",
    "omfang",
    "Placering ikke beskrevet",
    "Aftalen angiver hverken faste ugedage eller et mønster for, hvornår der arbejdes hjemme. "
    "Medst anbefaler at beskrive placeringen (fx første mandag i måneden).",
    ("S2",),
    needs=("individuel.weekdays", "individuel.placement"),
    sectors=("stat",),
)
@rule(
    "R23",
    "info",
    "individuel",
    "omfang",
    "Placering ikke beskrevet",
    "Aftalen angiver hverken faste ugedage eller et mønster for, hvornår der arbejdes hjemme. "
    "Medst anbefaler i staten at beskrive placeringen (fx første mandag i måneden); det gør det "
    "også her lettere at se, at hjemmearbejdet er fast tilbagevendende.",
    ("S2",),
    needs=("individuel.weekdays", "individuel.placement"),
    sectors=OTHER,
)
def r23(c: RuleInput) -> Fired:
    e = emp(c)
    return not e.weekdays and not e.placement


@rule(
    "R24",
    "advarsel",
    "individuel",
    "omfang",
    "Skærmreglerne gælder hjemme",
    "Medarbejderen arbejder hjemme {dage} dage om ugen i gennemsnit – over 2 dage. Så gælder "
    "skærmbekendtgørelsens krav på hjemmearbejdspladsen: aftal udstyr (bord, stol, skærm, "
    "tastatur, mus, lys) efter tjeklisten og sørg for, at APV'en dækker hjemmet.",
    ("S17", "S19", "S20"),
    needs=("individuel.avg_days_week",),
    valid_from=NEW_SCREEN_RULES,
)
def r24(c: RuleInput) -> Fired:
    avg = emp(c).avg_days_week
    return {"dage": _days(avg)} if avg is not None and avg > TWO else None


@rule(
    "R24",
    "advarsel",
    "individuel",
    "omfang",
    "Indretningsreglerne gælder hjemme",
    "Medarbejderen arbejder hjemme {dage} dag(e) om ugen – mindst én dag om ugen. Efter de "
    "regler, der gjaldt før 30. april 2022, gælder skærm- og indretningsreglerne så på "
    "hjemmearbejdspladsen: aftal udstyr efter tjeklisten.",
    ("S18", "S1"),
    needs=("individuel.avg_days_week",),
    valid_to=NEW_SCREEN_RULES - dt.timedelta(days=1),
)
def r24_old(c: RuleInput) -> Fired:
    avg = emp(c).avg_days_week
    return {"dage": _days(avg)} if avg is not None and avg >= 1 else None


@rule(
    "R25",
    "advarsel",
    "individuel",
    "omfang",
    "Sammentællingsreglen",
    "Hjemmearbejde ({dage} dage) og andet skærmarbejde ({andre} dage) giver tilsammen mere end "
    "2 dage om ugen, og medarbejderen har ikke en skærmarbejdsplads, der opfylder reglerne, på "
    "kontoret. Så gælder skærmreglerne også hjemme: aftal udstyr efter tjeklisten.",
    ("S19",),
    needs=(
        "individuel.avg_days_week",
        "individuel.other_screen_days",
        "individuel.office_screen_ok",
    ),
    valid_from=NEW_SCREEN_RULES,
)
def r25(c: RuleInput) -> Fired:
    e = emp(c)
    avg = e.avg_days_week
    if avg is None or avg > TWO or e.office_screen_ok or avg + e.other_screen_days <= TWO:
        return None
    return {"dage": _days(avg), "andre": _days(e.other_screen_days)}


@rule(
    "R26",
    "info",
    "individuel",
    "omfang",
    "Deltid eller timeløn",
    "Medarbejderen er ansat på {type}. Regn omfanget og grænsen på 2 dage om ugen ud fra de "
    "faktiske arbejdsdage, og tjek, at det passer med lokalaftalen.{timer}",
    ("S1", "S19"),
    needs=("individuel.employment_type",),
)
def r26(c: RuleInput) -> Fired:
    e = emp(c)
    kind = (e.employment_type or "").casefold()
    if kind not in ("deltid", "timelønnet"):
        return None
    hours = (
        ""
        if e.weekly_hours is not None or "weekly_hours" not in e.known
        else " Angiv den ugentlige arbejdstid, så lokalaftalens grænse for deltidsansatte kan "
        "regnes ud."
    )
    return {"type": "deltid" if kind == "deltid" else "timeløn", "timer": hours}
