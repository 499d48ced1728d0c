"""R100–R107: evaluation dates, the equipment package, ad hoc days, compensation and attendance.

Points of the second legal read-through (2026-11-27) that need a check rather than a text: an
evaluation after a time-limited agreement has ended (K-L2), an individual equipment list without
the local package (K-L3), ad hoc days that can lift home work over the screen-work threshold
(S-L6, S-I8), compensation "as the local agreement" where it gives none, a right to come in the
local agreement does not give, and a half home day without saying which half (MA1).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from assembler.library.values import format_date, join_da
from assembler.rules.frame_facts import COMPENSATION_INDIVIDUAL, COMPENSATION_LOCAL, add_months
from assembler.rules.frame_terms import kinds
from assembler.rules.model import Fired, RuleInput, emp, rule
from assembler.rules.phrases import ALLOW_FAVOURABLE, FAVOURABLE, days, who

SCREEN_DAYS = Decimal(2)  # BEK 384/2022: more than two days a week on average (FACTS §5.1)
NEGOTIATION_MONTHS = 3  # the time-limited variant: the parties meet three months before the end
PERIODS = {"uge": "om ugen", "14. dag": "hver anden uge", "måned": "om måneden"}


def _months_before(day: dt.date, months: int) -> dt.date:
    """The same day some months earlier (the month's last day when it is shorter)."""
    return add_months(day, -months)


@rule(
    "R100",
    "fejl",
    "lokal",
    "evaluering",
    "Evaluering efter aftalens ophør",
    "Lokalaftalen evalueres første gang {evaluering}, men den er tidsbegrænset og ophører den "
    "{slut}. En evaluering efter ophøret kan ikke finde sted, og parterne kan ikke forhandle om "
    "en forlængelse på grundlag af den. Læg den første evaluering før slutdatoen, helst senest "
    "{senest}, tre måneder før ophøret.",
    ("S1", "S3", "S12"),
    needs=("lokal.first_evaluation", "lokal.end"),
)
def r100(c: RuleInput) -> Fired:
    first, end = c.local.first_evaluation, c.local.end
    if first is None or end is None or first <= end:
        return None
    return {"evaluering": f"den {format_date(first)}", "slut": format_date(end),
            "senest": f"den {format_date(_months_before(end, NEGOTIATION_MONTHS))}"}  # fmt: skip


@rule(
    "R101",
    "advarsel",
    "lokal",
    "evaluering",
    "Evalueringen kommer for sent til forhandlingen",
    "Lokalaftalen evalueres første gang den {evaluering} og ophører den {slut}. Parterne skal "
    "mødes senest tre måneder før ophøret og forhandle på grundlag af evalueringen, men "
    "evalueringen ligger efter {senest}. Læg den første evaluering senest {senest}.",
    ("S1", "S3", "S12"),
    needs=("lokal.first_evaluation", "lokal.end"),
)
def r101(c: RuleInput) -> Fired:
    first, end = c.local.first_evaluation, c.local.end
    if first is None or end is None or first > end:
        return None
    latest = _months_before(end, NEGOTIATION_MONTHS)
    if first <= latest:
        return None
    return {"evaluering": format_date(first), "slut": format_date(end),
            "senest": f"den {format_date(latest)}"}  # fmt: skip


@rule(
    "R102",
    "fejl",
    "individuel",
    "varighed",
    "Evaluering efter den individuelle aftales ophør",
    "Den individuelle aftale for {navn} evalueres senest den {evaluering}, men den ophører den "
    "{slut}. En evaluering efter ophøret kan ikke give grundlag for at tage stilling til en ny "
    "aftale. Læg evalueringen i god tid før slutdatoen.",
    ("S2", "S1"),
    needs=("individuel.evaluation", "individuel.end"),
)
def r102(c: RuleInput) -> Fired:
    e = emp(c)
    if e.evaluation is None or e.end is None or e.evaluation <= e.end:
        return None
    return {"navn": who(c), "evaluering": format_date(e.evaluation), "slut": format_date(e.end)}


@rule(
    "R103",
    "advarsel",
    "individuel",
    "udstyr",
    "Udstyrslisten mangler lokalaftalens udstyrspakke",
    "Lokalaftalen giver alle med en individuel aftale en fast udstyrspakke, men listen over "
    "arbejdsgiverens udstyr i den individuelle aftale for {navn} nævner ikke {mangler}. "
    "Medarbejderen har ret til pakken efter lokalaftalen, og den individuelle aftale siger det, "
    "men en liste, der ser fuldstændig ud, giver uklarhed om, hvad der skal leveres og senere "
    "leveres tilbage. Før det manglende udstyr på listen.",
    ("S1", "S2"),
    needs=("lokal.equipment_package", "individuel.equipment", "individuel.own_equipment_text"),
)
def r103(c: RuleInput) -> Fired:
    e = emp(c)
    if not c.local.equipment_package or not e.equipment:
        return None
    promised = kinds(list(c.local.equipment_package))
    listed = set(kinds(list(e.equipment)))
    own = set(kinds([e.own_equipment_text])) if e.own_equipment_text else set()
    missing = [k for k in promised if k not in listed and k not in own]  # R86 reports the own
    return {"navn": who(c), "mangler": join_da(missing)} if missing else None


@rule(
    "R104",
    "advarsel",
    "individuel",
    "arbejdsmiljoe",
    "Ad hoc-dage og skærmbekendtgørelsen",
    "Efter den individuelle aftale for {navn} er hjemmearbejdet {dage} dage om ugen i "
    "gennemsnit, og lokalaftalen giver adgang til {ad_hoc} ved siden af, uden for loftet. "
    "Bruges ad hoc-dagene regelmæssigt, kan det samlede hjemmearbejde overstige to dage om "
    "ugen, og så gælder skærmbekendtgørelsens krav for hjemmearbejdspladsen. Aftal, hvordan "
    "ad hoc-dagene bruges, eller indret hjemmearbejdspladsen efter kravene.",
    ("S17", "S19", "S20"),
    needs=("lokal.ad_hoc_beside_cap", "lokal.ad_hoc_days_week", "individuel.avg_days_week"),
)
def r104(c: RuleInput) -> Fired:
    local, avg = c.local, emp(c).avg_days_week
    if not local.ad_hoc_beside_cap or avg is None or avg > SCREEN_DAYS:
        return None  # over two days the screen-work rules apply anyway (R24)
    extra = local.ad_hoc_days_week if local.ad_hoc_days_week is not None else Decimal(1)
    if avg + extra <= SCREEN_DAYS:
        return None
    ad_hoc = (
        f"op til {days(local.ad_hoc_days_week)} ad hoc-dage om ugen"
        if local.ad_hoc_days_week is not None
        else "ad hoc-hjemmearbejde uden en grænse pr. uge"
    )
    return {"navn": who(c), "dage": days(avg), "ad_hoc": ad_hoc}


@rule(
    "R105",
    "fejl",
    "individuel",
    "kompensation",
    "Godtgørelse efter en lokalaftale, der ikke giver godtgørelse",
    "Den individuelle aftale for {navn} giver godtgørelse »efter lokalaftalen«, men lokalaftalen "
    "fastsætter ingen godtgørelse; den {lokal}. Medarbejderen får dermed ingen godtgørelse, selv "
    "om teksten lover det. Aftal godtgørelsen i den individuelle aftale, eller skriv, at der ikke "
    "ydes godtgørelse.",
    ("S1", "S2", "S7", "S12"),
    needs=("lokal.compensation_rule", "individuel.compensation_as_local"),
)
def r105(c: RuleInput) -> Fired:
    rule_ = c.local.compensation_rule
    if not emp(c).compensation_as_local or rule_ is None or rule_ == COMPENSATION_LOCAL:
        return None
    what = (
        "overlader spørgsmålet til den individuelle aftale"
        if rule_ == COMPENSATION_INDIVIDUAL
        else "udelukker godtgørelse"
    )
    return {"navn": who(c), "lokal": what}


@rule(
    "R106",
    "fejl",
    "individuel",
    "aendring",
    "Ret til at møde ind ud over lokalaftalen",
    "Den individuelle aftale lader {navn} selv vælge at arbejde fra arbejdsstedet på en planlagt "
    "hjemmearbejdsdag, men efter lokalaftalen kræver det nærmeste leders accept. "
    + FAVOURABLE
    + " Lad medarbejderen møde ind efter aftale med nærmeste leder, "
    + ALLOW_FAVOURABLE
    + ".",
    ("S2", "S1", "S12"),
    needs=(
        "lokal.attendance_right",
        "lokal.call_in",
        "lokal.favourable_terms_allowed",
        "individuel.attendance_free",
    ),
)
def r106(c: RuleInput) -> Fired:
    local = c.local
    if local.call_in is None or local.attendance_right or local.favourable_terms_allowed:
        return None
    return {"navn": who(c)} if emp(c).attendance_free else None


@rule(
    "R107",
    "advarsel",
    "individuel",
    "omfang",
    "Halv hjemmearbejdsdag uden placering",
    "Den individuelle aftale for {navn} giver {dage} hjemmearbejdsdage {periode}, men siger ikke, "
    "hvilken del af dagen der er hjemmearbejde. Skriv placeringen, fx »fra arbejdsdagens "
    "begyndelse til kl. 12.00«, så det er klart, hvornår medarbejderen arbejder hjemme, og "
    "hvornår transporten til arbejdsstedet sker.",
    ("S2", "S1"),
    needs=("individuel.days_per_period", "individuel.period", "individuel.placement"),
)
def r107(c: RuleInput) -> Fired:
    e = emp(c)
    days_ = e.days_per_period
    if days_ is None or days_ == days_.to_integral_value() or e.placement:
        return None
    return {"navn": who(c), "dage": days(days_), "periode": PERIODS.get(e.period or "", "")}
