"""R93–R95, R97–R99: what a clause's wording sets — call-in notice, core hours, transport,
'skattefri godtgørelse', private equipment and home work for the whole working time."""

from __future__ import annotations

from decimal import Decimal

from assembler.rules.model import Fired, RuleInput, rule
from assembler.rules.text_common import evidence_picker, quote, text_of
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
    "(„{citat}“). Det giver medarbejderne mindre end en arbejdsdag til at omlægge børnepasning, "
    "transport og planlagt arbejde, og hjemmearbejdsdagen kan i praksis aflyses når som helst. "
    "Aftal et fast varsel på nogle arbejdsdage (bibliotekets standard er tre arbejdsdage) og en "
    "erstatningsdag."
)


@rule("R93", "advarsel", "lokal", "undtagelser", "Kort eller intet varsel for fremmøde",
      R93_MESSAGE, ("S1", "S2"), needs=NEEDS_LOCAL)  # fmt: skip
@rule("R93", "advarsel", "individuel", "aendring", "Kort eller intet varsel for fremmøde",
      R93_MESSAGE, ("S1", "S2"), needs=NEEDS_EMPLOYEE)  # fmt: skip
def r93(c: RuleInput) -> Fired:
    text = text_of(c)
    term = short_notice(text) if text is not None else None
    if term is None:
        return None
    label = term.get("label")
    notice = "intet fast varsel" if term.get("hours") is None else f"varsel {label}"
    return {"varsel": notice, "citat": quote(term)}


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
    "fuldtidsansats arbejdsdag (7,4 timer ved 37 timer om ugen), så hjemmearbejdet mister den "
    "ro og fleksibilitet, der er formålet, og deltidsansatte og medarbejdere med en anden "
    "placering af arbejdstiden kan falde uden for rammen. Aftal en kortere kernetid "
    "(bibliotekets standard er kl. 9–14) og en tilpasning for deltidsansatte."
)


@rule("R94", "advarsel", "lokal", "tilgaengelighed", "Kernetid næsten hele arbejdsdagen",
      R94_MESSAGE, ("S1",), needs=NEEDS_LOCAL)  # fmt: skip
@rule("R94", "advarsel", "individuel", "kontakttid", "Kernetid næsten hele arbejdsdagen",
      R94_MESSAGE, ("S1", "S2"), needs=NEEDS_EMPLOYEE)  # fmt: skip
def r94(c: RuleInput) -> Fired:
    text = text_of(c)
    term = long_core_time(text) if text is not None else None
    if term is None:
        return None
    if term.kind == "availability":
        return {"tid": "i hele arbejdstiden", "omfang": "hele", "citat": quote(term)}
    hours = str(term.get("hours").normalize()).replace(".", ",")
    return {"tid": f"{term.get('label')} ({hours} timer)", "omfang": "næsten hele",
            "citat": quote(term)}  # fmt: skip


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
    "befordringsgodtgørelse. Bestemmelsen kan derfor læses, så en medarbejder, der kaldes ind på "
    "en hjemmearbejdsdag, hverken får rejsetiden medregnet eller godtgørelse. Skriv følgen ind."
)


@rule("R95", "advarsel", "lokal", "transport", "Transportbestemmelse uden indhold", R95_MESSAGE,
      ("S1", "S23"), needs=NEEDS_LOCAL)  # fmt: skip
def r95(c: RuleInput) -> Fired:
    text = text_of(c)
    term = empty_transport(text) if text is not None else None
    return None if term is None else {"citat": quote(term)}


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
    "kan ikke bruges. Sæt loftet under fem dage om ugen (bibliotekets standard er højst to dage)."
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
    return {"omfang": amount if amount == "hele arbejdstiden" else f"op til {amount}",
            "citat": quote(term)}  # fmt: skip
