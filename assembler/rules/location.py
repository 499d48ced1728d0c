"""R50–R62: place of work, abroad, equipment, costs and the clauses a good agreement has."""

from __future__ import annotations

import re

from assembler.library.values import join_da
from assembler.regex_programs import compile_pattern
from assembler.rules.model import Fired, RuleInput, emp, rule

OTHER = ("kommune", "region")
DENMARK = {"danmark", "dk", "denmark"}
FURNITURE = compile_pattern(r"stol|bord|møbel|møbler|hæve|sænke|lampe|reol|skab", re.I)
SCREEN_INCHES = compile_pattern(r"(\d{2})\s*(?:\"|”|''|tommer|inch)", re.I)


@rule(
    "R50",
    "fejl",
    "individuel",
    "arbejdssted",
    "Arbejdssted ikke angivet",
    "Den individuelle aftale angiver ikke, hvor hjemmearbejdet udføres. Angiv adressen (eller "
    "adresserne).",
    ("S2",),
    needs=("individuel.addresses",),
    sectors=("stat",),
)
@rule(
    "R50",
    "advarsel",
    "individuel",
    "arbejdssted",
    "Arbejdssted ikke angivet",
    "Den individuelle aftale angiver ikke, hvor hjemmearbejdet udføres. Angiv adressen – det har "
    "også betydning for arbejdsskadesikringen.",
    ("S2", "S26"),
    needs=("individuel.addresses",),
    sectors=OTHER,
)
def r50(c: RuleInput) -> Fired:
    return not emp(c).addresses


@rule(
    "R51",
    "advarsel",
    "individuel",
    "arbejdssted",
    "Flere adresser",
    "Aftalen tillader hjemmearbejde fra {antal} adresser, men siger ikke, hvem der sørger for "
    "korrekt udstyr på hver adresse. Medst anbefaler at aftale det; arbejdsgiverens ansvar efter "
    "arbejdsmiljøloven kan ikke aftales væk.",
    ("S2",),
    needs=("individuel.addresses", "individuel.equipment_each_address"),
    sectors=("stat",),
)
@rule(
    "R51",
    "info",
    "individuel",
    "arbejdssted",
    "Flere adresser",
    "Aftalen tillader hjemmearbejde fra {antal} adresser, men siger ikke, hvem der sørger for "
    "korrekt udstyr på hver adresse. Medst anbefaler i staten at aftale det; arbejdsgiverens "
    "ansvar efter arbejdsmiljøloven kan ikke aftales væk.",
    ("S2",),
    needs=("individuel.addresses", "individuel.equipment_each_address"),
    sectors=OTHER,
)
def r51(c: RuleInput) -> Fired:
    e = emp(c)
    if len(e.addresses) > 1 and not e.equipment_each_address:
        return {"antal": len(e.addresses)}
    return None


@rule(
    "R52",
    "advarsel",
    "individuel",
    "arbejdssted",
    "Hjemmearbejde i udlandet",
    "Hjemmearbejdet skal udføres i {land}. Dansk arbejdsmiljølovgivning gælder ikke uden for "
    "Danmark. Om lov om arbejdsskadesikring gælder, afhænger af, hvilket lands lovgivning om "
    "social sikring medarbejderen er omfattet af: er det dansk lovgivning efter forordning (EF) "
    "nr. 883/2004 (A1-attest), gælder loven også for arbejdet i et andet EU/EØS-land "
    "(kontrollér med Arbejdsmarkedets Erhvervssikring). Undersøg før aftalen: social sikring "
    "(efter forordningen flytter den sociale sikring som udgangspunkt til bopælslandet, hvis "
    "medarbejderen arbejder mindst 25 % dér; særregel for tjenestemænd; A1-attest; undersøg, om "
    "en særlig aftale om grænseoverskridende hjemmearbejde gælder), skat i begge lande og "
    "databeskyttelse. Adgang til arbejdsgiverens systemer fra udlandet er ikke i sig selv en "
    "overførsel efter databeskyttelsesforordningens kapitel V, men arbejdsgiveren skal vurdere "
    "sikkerhedsrisikoen ved adgang fra det pågældende land.",
    ("S2", "S26", "S27", "S28", "S51"),
    needs=("individuel.countries",),
)
def r52(c: RuleInput) -> Fired:
    abroad = [x for x in emp(c).countries if x.strip().casefold() not in DENMARK]
    return {"land": join_da(abroad)} if abroad else None


@rule(
    "R53",
    "fejl",
    "individuel",
    "arbejdssted",
    "Udlandet ikke tilladt",
    "Hjemmearbejdet skal udføres i udlandet ({land}), men lokalaftalen tillader ikke "
    "hjemmearbejde fra udlandet. En individuel aftale har ingen hjemmel ud over lokalaftalens "
    "ramme: vælg en adresse i Danmark, eller aftal det i lokalaftalen.",
    ("S2", "S1", "S12"),
    needs=("individuel.countries", "lokal.abroad_allowed"),
)
def r53(c: RuleInput) -> Fired:
    abroad = [x for x in emp(c).countries if x.strip().casefold() not in DENMARK]
    if abroad and c.local.abroad_allowed is False:
        return {"land": join_da(abroad)}
    return None


@rule(
    "R54",
    "info",
    "lokal",
    "oekonomi",
    "Godtgørelse i lokalaftalen (staten)",
    "Lokalaftalen giver godtgørelse for merudgifter. Efter Medsts opfattelse hører godtgørelse "
    "i staten hjemme i den individuelle aftale. Rammeaftalen forbyder ikke en bestemmelse i "
    "lokalaftalen, og Akademikerne anbefaler netop det. Parterne kan derfor vælge begge "
    "løsninger.",
    ("S7", "S1"),
    needs=("lokal.cost_compensation",),
    sectors=("stat",),
)
def r54(c: RuleInput) -> Fired:
    return c.local.cost_compensation


@rule(
    "R55",
    "info",
    "individuel",
    "kompensation",
    "Kompensation er skattepligtig",
    "Aftalen giver kontant kompensation for merudgifter. Den beskattes som løn (der findes ingen "
    "skattefri godtgørelse for hjemmekontor); overvej tidsbegrænsning og løbende revision.",
    ("S7", "S25"),
    needs=("individuel.compensation",),
)
def r55(c: RuleInput) -> Fired:
    return emp(c).compensation


@rule(
    "R56",
    "info",
    "individuel",
    "kompensation",
    "Eget udstyr uden kompensation",
    "Medarbejderen bruger eget udstyr, og aftalen giver ingen kompensation. Kompensation for "
    "brug af eget udstyr kan aftales.",
    ("S1", "S2"),
    needs=("individuel.own_equipment", "individuel.compensation"),
)
def r56(c: RuleInput) -> Fired:
    e = emp(c)
    return e.own_equipment and not e.compensation


@rule(
    "R57",
    "advarsel",
    "individuel",
    "udstyr",
    "Møbler og skat",
    "Udstyrslisten indeholder møbler ({moebler}), men arbejdsgiveren bevarer ikke ejendomsretten. "
    "Møbler er kun skattefri, når arbejdsgiveren ejer dem, og standarden svarer til kontorets.",
    ("S25",),
    needs=("individuel.equipment", "individuel.employer_owns", "individuel.own_equipment"),
)
def r57(c: RuleInput) -> Fired:
    e = emp(c)
    furniture = [x for x in e.equipment if FURNITURE.search(x)]
    if furniture and not e.employer_owns and not e.own_equipment:
        return {"moebler": join_da(furniture)}
    return None


@rule(
    "R58",
    "info",
    "individuel",
    "udstyr",
    "Skærm over 32 tommer",
    'Udstyrslisten har en skærm på {tommer}". Skærme over 32" er kun skattefri med en konkret '
    "arbejdsmæssig begrundelse: skriv begrundelsen ind.",
    ("S25",),
    needs=("individuel.equipment",),
)
def r58(c: RuleInput) -> Fired:
    sizes = [int(m.group(1)) for x in emp(c).equipment for m in SCREEN_INCHES.finditer(x)]
    big = [s for s in sizes if s > 32]
    return {"tommer": max(big)} if big else None


@rule(
    "R59",
    "info",
    "individuel",
    "kontakttid",
    "Tilgængelighed",
    "Hverken den individuelle aftale eller lokalaftalen siger, hvornår medarbejderen skal kunne "
    "træffes på hjemmearbejdsdage. Overvej at aftale det.",
    ("S2", "S1"),
    needs=("individuel.has_availability", "lokal.has_availability"),
)
def r59(c: RuleInput) -> Fired:
    return not emp(c).has_availability and not c.local.has_availability


@rule(
    "R60",
    "advarsel",
    "individuel",
    "aendring",
    "Ændring af hjemmearbejdsdage",
    "Hverken den individuelle aftale eller lokalaftalen regulerer, om arbejdsgiveren kan kalde "
    "medarbejderen ind på en planlagt hjemmearbejdsdag, eller om medarbejderen må møde ind. "
    "Efter Medsts beskrivelse kan arbejdsgiveren i staten da efter en konkret vurdering kræve "
    "fremmøde, og medarbejderen har ikke ret til at møde ind: aftal processen og varslet.",
    ("S2",),
    needs=("individuel.has_change_clause", "lokal.has_change_clause"),
    sectors=("stat",),
)
@rule(
    "R60",
    "advarsel",
    "individuel",
    "aendring",
    "Ændring af hjemmearbejdsdage",
    "Hverken den individuelle aftale eller lokalaftalen regulerer, om arbejdsgiveren kan kalde "
    "medarbejderen ind på en planlagt hjemmearbejdsdag, eller om medarbejderen må møde ind. "
    "Akademikerne anbefaler at aftale det på forhånd; der er ikke fundet et fast udgangspunkt "
    "for kommuner og regioner. Aftal processen og varslet.",
    ("S1",),
    needs=("individuel.has_change_clause", "lokal.has_change_clause"),
    sectors=OTHER,
)
def r60(c: RuleInput) -> Fired:
    return not emp(c).has_change_clause and not c.local.has_change_clause


@rule(
    "R61",
    "advarsel",
    "individuel",
    "arbejdsmiljoe",
    "Medvirken til arbejdsmiljøet",
    "Aftalen har ingen bestemmelse om medarbejderens pligt til at medvirke til et sikkert "
    "arbejdsmiljø hjemme (herunder at Arbejdstilsynet kan føre tilsyn). Medst anbefaler en "
    "sådan bestemmelse: tilføj den.",
    ("S2",),
    needs=("individuel.has_env_clause",),
    sectors=("stat",),
)
@rule(
    "R61",
    "info",
    "individuel",
    "arbejdsmiljoe",
    "Medvirken til arbejdsmiljøet",
    "Aftalen har ingen bestemmelse om medarbejderens pligt til at medvirke til et sikkert "
    "arbejdsmiljø hjemme (herunder at Arbejdstilsynet kan føre tilsyn). Medst anbefaler en "
    "sådan bestemmelse i staten; overvej den også her.",
    ("S2",),
    needs=("individuel.has_env_clause",),
    sectors=OTHER,
)
def r61(c: RuleInput) -> Fired:
    return not emp(c).has_env_clause


@rule(
    "R62",
    "advarsel",
    "lokal",
    "arbejdsmiljoe",
    "APV for hjemmearbejdspladser",
    "Lokalaftalen nævner ikke arbejdspladsvurderingen (APV). APV'en skal omfatte hjemmearbejde "
    "uanset omfang: aftal, hvordan det gøres.",
    ("S1", "S20", "S21"),
    needs=("lokal.has_apv",),
)
def r62(c: RuleInput) -> Fired:
    return not c.local.has_apv
