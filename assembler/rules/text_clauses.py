"""R93–R95, R97–R99: what a clause's wording sets — call-in notice, core hours, transport,
'skattefri godtgørelse', private equipment and home work for the whole working time."""

from __future__ import annotations

from decimal import Decimal

from assembler.rules.model import Fired, RuleInput, rule
from assembler.rules.text_common import evidence_picker, feature, quote, text_of, where
from assembler.rules.text_facts import Term, TextFacts

NEEDS_LOCAL = ("lokal.text",)
NEEDS_EMPLOYEE = ("individuel.text",)
OTHER = ("kommune", "region")
SHORT_NOTICE_HOURS = Decimal(24)  # less than one working day's notice
LONG_CORE_HOURS = Decimal("6.5")  # most of a full-time day (37 hours a week = 7.4 a day)
TRANSPORT_CONSEQUENCES = ("transport_time", "transport_allowance")


@evidence_picker("R93")
def short_notice(text: TextFacts) -> Term | None:
    """The employer's call-in notice when it is under a working day or not fixed at all."""
    for term in text.of("notice"):
        if term.get("by") == "medarbejderen":
            continue
        hours = term.get("hours")
        if hours is None or hours < SHORT_NOTICE_HOURS:
            return term
    return None


R93_MESSAGE = (
    "Udkastet lader Arbejdsgiveren kræve fremmøde på en planlagt hjemmearbejdsdag med {varsel} "
    "(„{citat}“).{kalender}{tid}{udgangspunkt}{forrang} {krav}"
)


R93_SUMMARY = (
    "Arbejdsgiveren kan kræve fremmøde på en planlagt hjemmearbejdsdag med under en arbejdsdags "
    "varsel eller uden fast varsel. Fundet siger, om „dagen før“ rækker ind i weekenden, om "
    "individuelle aftaler med længere varsel går forud (to sæt regler), og om udkastet har en "
    "erstatningsdag; i staten gælder uden aftale Medsts udgangspunkt: fremmøde efter en konkret "
    "vurdering."
)


def _notice_demand(text: TextFacts) -> str:
    """What to ask for: our own notice when we know it, else a fixed notice in working days;
    a replacement day only when the draft has none."""
    ours = next((t for t in text.ours if t.kind == "notice" and t.get("by") != "medarbejderen"
                 and t.get("hours") is not None and t.get("hours") >= SHORT_NOTICE_HOURS),
                None)  # fmt: skip
    demand = (
        f"Kræv varslet fra vores udkast: „{quote(ours)}“"
        if ours is not None
        else "Kræv et fast varsel regnet i arbejdsdage"
    )
    if feature(text, "replacement_day") is None:
        demand += " og en erstatningsdag for en inddraget hjemmearbejdsdag"
    return demand + "."


@rule("R93", "advarsel", "lokal", "undtagelser", "Kort eller intet varsel for fremmøde",
      R93_MESSAGE, ("S1", "S2"), needs=NEEDS_LOCAL, sectors=("stat",),
      summary=R93_SUMMARY)  # fmt: skip
@rule("R93", "advarsel", "lokal", "undtagelser", "Kort eller intet varsel for fremmøde",
      R93_MESSAGE, ("S1",), needs=NEEDS_LOCAL, sectors=OTHER,
      summary=R93_SUMMARY)  # fmt: skip
@rule("R93", "advarsel", "individuel", "aendring", "Kort eller intet varsel for fremmøde",
      R93_MESSAGE, ("S1", "S2"), needs=NEEDS_EMPLOYEE, sectors=("stat",),
      summary=R93_SUMMARY)  # fmt: skip
@rule("R93", "advarsel", "individuel", "aendring", "Kort eller intet varsel for fremmøde",
      R93_MESSAGE, ("S1",), needs=NEEDS_EMPLOYEE, sectors=OTHER,
      summary=R93_SUMMARY)  # fmt: skip
def r93(c: RuleInput) -> Fired:
    text = text_of(c)
    term = short_notice(text) if text is not None else None
    if term is None or text is None:
        return None
    fixed = term.get("hours") is not None
    calendar = ""
    if term.get("unit") == "dagen før":
        off = feature(text, "off_hours")
        calendar = (
            " „Dagen før“ er en kalenderdag: pålæg om fremmøde en mandag kan gives søndag, uden "
            f"for arbejdstiden, hvor medarbejderne ikke skal være til at træffe{where(off)}."
        )
    time = (
        " Det giver medarbejderne mindre end en arbejdsdag til at omlægge børnepasning, "
        "transport og planlagt arbejde."
        if fixed
        else " Uden et fast varsel kan fremmøde kræves så sent, at medarbejderne ikke kan nå at "
        "omlægge børnepasning, transport og planlagt arbejde."
    )
    default = (
        " Akademikernes vejledning anbefaler at aftale, hvordan og hvornår leder og medarbejder "
        "giver besked, når planerne ændres."
    )
    if c.sector in ("stat", None):
        default += (
            " I staten er udgangspunktet, når intet andet er aftalt, at Arbejdsgiveren efter en "
            "konkret vurdering kan kræve fremmøde, og Medst anbefaler at overveje at aftale "
            "processen; det er derfor varslet i aftalen, der beskytter medarbejderne."
        )
    precedence = feature(text, "precedence")
    prevails = ""
    if precedence is not None:
        prevails = (
            " Individuelle aftaler med et længere varsel går forud som gunstigere for "
            f"medarbejderen{where(precedence)}, så der kommer til at gælde to sæt regler for "
            "fremmøde på samme arbejdsplads."
        )
    return {"varsel": f"varsel {term.get('label')}" if fixed else "intet fast varsel",
            "citat": quote(term), "kalender": calendar, "tid": time, "udgangspunkt": default,
            "forrang": prevails, "krav": _notice_demand(text)}  # fmt: skip


@evidence_picker("R94")
def long_core_time(text: TextFacts) -> Term | None:
    """Core hours covering most of a working day, or 'reachable all working day'."""
    for term in text.of("core_hours"):
        if term.get("hours") >= LONG_CORE_HOURS:
            return term
    for term in text.of("availability"):
        if term.get("mode") == "hele arbejdstiden":
            return term
    return None


R94_MESSAGE = (
    "Udkastet kræver, at medarbejderne kan kontaktes {tid} („{citat}“). Det er {omfang} en "
    "fuldtidsansats arbejdsdag (7,4 timer ved 37 timer om ugen), så der er kun lidt af "
    "arbejdsdagen tilbage til arbejde uden afbrydelser, som er en stor del af formålet med "
    "hjemmearbejde.{deltid} {krav} Vurderingen af længden er vores egen; Akademikernes "
    "vejledning anbefaler kun at aftale, hvornår Arbejdsgiveren ikke kan forvente, at "
    "medarbejderne står til rådighed."
)


R94_SUMMARY = (
    "Kernetiden dækker mindst 6,5 timer eller hele arbejdstiden. Fundet siger, om udkastet "
    "tilpasser tidsrummet for deltidsansatte, og hvilken kernetid vores udkast havde."
)


@rule("R94", "advarsel", "lokal", "tilgaengelighed", "Kernetid næsten hele arbejdsdagen",
      R94_MESSAGE, ("S1",), needs=NEEDS_LOCAL, summary=R94_SUMMARY)  # fmt: skip
@rule("R94", "advarsel", "individuel", "kontakttid", "Kernetid næsten hele arbejdsdagen",
      R94_MESSAGE, ("S1",), needs=NEEDS_EMPLOYEE, summary=R94_SUMMARY)  # fmt: skip
def r94(c: RuleInput) -> Fired:
    text = text_of(c)
    term = long_core_time(text) if text is not None else None
    if term is None or text is None:
        return None
    adjusted = feature(text, "part_time_adjusted", term.topic) if term.topic else None
    part_time = (
        f" Deltidsansatte og medarbejdere med en anden placering af arbejdstiden er dækket af "
        f"tilpasningen{where(adjusted, ' i ')}."
        if adjusted is not None
        else " Udkastet tilpasser ikke tidsrummet for deltidsansatte og medarbejdere med en "
        "anden placering af arbejdstiden, så de kan falde uden for rammen."
    )
    ours = text.our("core_hours")
    demand = (
        f"Kræv kernetiden fra vores udkast, {ours.get('label')}."
        if ours is not None and ours.get("hours") < LONG_CORE_HOURS
        else "Kræv en kortere kernetid, så en del af arbejdsdagen er fri for krav om at kunne "
        "kontaktes."
    )
    if term.kind == "availability":
        return {"tid": "i hele arbejdstiden", "omfang": "hele", "citat": quote(term),
                "deltid": part_time, "krav": demand}  # fmt: skip
    hours = str(term.get("hours").normalize()).replace(".", ",")
    return {"tid": f"{term.get('label')} ({hours} timer)", "omfang": "næsten hele",
            "citat": quote(term), "deltid": part_time, "krav": demand}  # fmt: skip


@evidence_picker("R95")
def empty_transport(text: TextFacts) -> Term | None:
    """A transport clause that names the home as the starting point and says nothing more."""
    terms = text.in_topic("transport", ("transport_start", *TRANSPORT_CONSEQUENCES))
    if any(t.kind in TRANSPORT_CONSEQUENCES for t in terms):
        return None
    return next((t for t in terms if t.kind == "transport_start"), None)


R95_MESSAGE = (
    "Transportbestemmelsen siger, at hjemmet regnes som udgangspunkt for rejsen („{citat}“), men "
    "ikke hvad det betyder: om rejsetiden medregnes i arbejdstiden, og om der ydes "
    "befordringsgodtgørelse. Akademikernes vejledning går ud fra, at hjemmet er arbejdsstedet "
    "på en hjemmearbejdsdag, men anbefaler netop for at undgå misforståelser at aftale "
    "rejsetid og transportgodtgørelse, når medarbejderen kører hjemmefra; skattemæssigt er "
    "hjemmet som udgangspunkt ikke en arbejdsplads. Som bestemmelsen står, "
    "kan den læses, så en medarbejder, der kaldes ind på en hjemmearbejdsdag, hverken får "
    "rejsetiden medregnet eller godtgørelse. Kræv følgen skrevet ind{vores}."
)


@rule("R95", "advarsel", "lokal", "transport", "Transportbestemmelse uden indhold", R95_MESSAGE,
      ("S1", "S34"), needs=NEEDS_LOCAL)  # fmt: skip
def r95(c: RuleInput) -> Fired:
    text = text_of(c)
    term = empty_transport(text) if text is not None else None
    if term is None or text is None:
        return None
    ours = any(t.kind in TRANSPORT_CONSEQUENCES and not t.negated for t in text.ours)
    return {"citat": quote(term), "vores": ", som i vores udkast" if ours else ""}


@evidence_picker("R97")
def tax_free(text: TextFacts) -> Term | None:
    """A cash allowance the wording calls tax-free."""
    return text.first("tax_free")


R97_MESSAGE = (
    "Udkastet kalder en kontant godtgørelse skattefri („{citat}“). Der findes ingen skattefri "
    "godtgørelse for udgifter ved hjemmearbejde: et kontant beløb er skattepligtig løn. "
    "Medarbejderne risikerer en restskat, og Arbejdsgiveren kan ikke udbetale beløbet, som det er "
    "skrevet. Skriv, at godtgørelsen er skattepligtig."
)


@rule("R97", "fejl", "lokal", "oekonomi", "Skattefri godtgørelse findes ikke", R97_MESSAGE,
      ("S25",), needs=NEEDS_LOCAL)  # fmt: skip
@rule("R97", "fejl", "individuel", "kompensation", "Skattefri godtgørelse findes ikke",
      R97_MESSAGE, ("S25",), needs=NEEDS_EMPLOYEE)  # fmt: skip
def r97(c: RuleInput) -> Fired:
    text = text_of(c)
    term = tax_free(text) if text is not None else None
    return None if term is None else {"citat": quote(term)}


@evidence_picker("R98")
def private_equipment(text: TextFacts) -> Term | None:
    """Private equipment the employee uses for the work."""
    return text.first("equipment")


R98_MESSAGE = (
    "Udkastet lader medarbejderen bruge sit eget {udstyr} til arbejdet („{citat}“). "
    "Rammeaftalens definition af hjemmearbejde forudsætter pc og kommunikationsudstyr, som "
    "Arbejdsgiveren stiller til rådighed; arbejde på privat udstyr kan falde uden for "
    "rammeaftalen, og udgiften og risikoen for data flyttes over på medarbejderen. {rad}"
)


def _equipment(term: Term, duty: bool) -> Fired:
    """Message values for private equipment, or None when the term is of the other kind."""
    is_duty = bool(term.get("computer")) and not term.get("optional")
    if is_duty != duty:
        return None
    devices = list(term.get("devices", ()))
    listed = devices[0] if len(devices) == 1 else ", ".join(devices[:-1]) + " og " + devices[-1]
    advice = (
        "Skriv, at Arbejdsgiveren stiller udstyret til rådighed."
        if duty
        else "Kontrollér, at det er frivilligt, og at Arbejdsgiveren stiller udstyret, hvis "
        "medarbejderen ønsker det."
    )
    return {"udstyr": listed, "citat": quote(term), "rad": advice}


def r98_duty(c: RuleInput) -> Fired:
    text = text_of(c)
    term = private_equipment(text) if text is not None else None
    return None if term is None else _equipment(term, duty=True)


def r98_option(c: RuleInput) -> Fired:
    text = text_of(c)
    term = private_equipment(text) if text is not None else None
    return None if term is None else _equipment(term, duty=False)


# R98 per kind (a duty to use a private computer / private equipment by choice), agreement and
# sector (the state's definition is PAV 19.6, S5; KL's and RLTN's is S12).
for _severity, _title, _check in (
    ("advarsel", "Privat udstyr til arbejdet", r98_duty),
    ("info", "Privat udstyr efter eget ønske", r98_option),
):
    for _agreement, _topic, _needs in (
        ("lokal", "it_sikkerhed", NEEDS_LOCAL),
        ("individuel", "udstyr", NEEDS_EMPLOYEE),
    ):
        for _sources, _sectors in ((("S5",), ("stat",)), (("S12",), OTHER)):
            rule("R98", _severity, _agreement, _topic, _title, R98_MESSAGE, _sources,
                 needs=_needs, sectors=_sectors)(_check)  # fmt: skip


@evidence_picker("R99")
def whole_week(text: TextFacts) -> Term | None:
    """A cap that allows home work for the whole working week."""
    for term in text.of("days"):
        if term.get("share") >= 1:
            return term
    return None


R99_MESSAGE = (
    "Udkastet tillader hjemmearbejde i {omfang} („{citat}“). Hjemmearbejde efter rammeaftalen kan "
    "kun udgøre en del af den aftalte arbejdstid; arbejde hjemme i hele arbejdstiden er ikke "
    "hjemmearbejde i rammeaftalens forstand, og undtagelserne om hvileperiode ved hjemmearbejde "
    "kan ikke bruges. Kræv et loft under fem dage om ugen{vores}."
)


@rule("R99", "fejl", "lokal", "omraade", "Hjemmearbejde i hele arbejdstiden", R99_MESSAGE,
      ("S3", "S5", "S22"), needs=NEEDS_LOCAL, sectors=("stat",))  # fmt: skip
@rule("R99", "fejl", "lokal", "omraade", "Hjemmearbejde i hele arbejdstiden", R99_MESSAGE,
      ("S12", "S22"), needs=NEEDS_LOCAL, sectors=OTHER)  # fmt: skip
def r99(c: RuleInput) -> Fired:
    text = text_of(c)
    term = whole_week(text) if text is not None else None
    if term is None:
        return None
    amount = "hele arbejdstiden" if term.get("label") == "hele arbejdstiden" else term.get("label")
    ours = next((t for t in text.ours if t.kind == "days" and t.get("limit")
                 and t.get("share") < 1), None) if text is not None else None  # fmt: skip
    return {
        "omfang": amount if amount == "hele arbejdstiden" else f"op til {amount}",
        "citat": quote(term),
        "vores": f", som i vores udkast: højst {ours.get('label')}" if ours else "",
    }
