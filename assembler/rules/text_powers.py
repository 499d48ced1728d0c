"""R90, R92, R96: what the wording lets the employer do — impose home work, suspend or revoke it,
terminate without notice. Read from a draft's text (assembler/audit/terms)."""

from __future__ import annotations

from assembler.rules.model import Fired, RuleInput, rule
from assembler.rules.text_common import evidence_picker, quote, text_of
from assembler.rules.text_facts import Term, TextFacts

NEEDS_LOCAL = ("lokal.text",)
NEEDS_EMPLOYEE = ("individuel.text",)
OTHER = ("kommune", "region")


@evidence_picker("R90")
def imposed(text: TextFacts) -> Term | None:
    """The first wording that imposes home work on staff."""
    return text.first("compulsion")


R90_MESSAGE = (
    "Udkastet lader Arbejdsgiveren pålægge medarbejderne hjemmearbejde („{citat}“). Efter "
    "rammeaftalerne er hjemmearbejde frivilligt for begge parter: aftalen giver hverken ret eller "
    "pligt, og en medarbejder kan ikke pålægges hjemmearbejde{fortsat}. For medarbejderne betyder "
    "bestemmelsen, at de kan sendes hjem mod deres ønske. Slet bestemmelsen, eller skriv, at "
    "hjemmearbejde kun sker efter aftale med den enkelte medarbejder."
)


@rule("R90", "fejl", "lokal", "frivillighed", "Hjemmearbejde pålægges", R90_MESSAGE,
      ("S1", "S2", "S12"), needs=NEEDS_LOCAL)  # fmt: skip
@rule("R90", "fejl", "individuel", "parter", "Hjemmearbejde pålægges", R90_MESSAGE,
      ("S1", "S2", "S12"), needs=NEEDS_EMPLOYEE)  # fmt: skip
def r90(c: RuleInput) -> Fired:
    text = text_of(c)
    term = imposed(text) if text is not None else None
    if term is None:
        return None
    continued = (
        " eller gøre det til en betingelse for fortsat ansættelse" if term.get("continued") else ""
    )
    return {"citat": quote(term), "fortsat": continued}


@evidence_picker("R92")
def suspension(text: TextFacts) -> Term | None:
    """The first power to suspend or revoke home work that the employer holds alone."""
    for term in text.of("suspension"):
        if term.get("actor") in ("arbejdsgiveren", "uangivet") and not term.get("agreed"):
            return term
    return None


R92_MESSAGE = (
    "Udkastet giver Arbejdsgiveren ret til {hvad} („{citat}“){graense}. Dermed kan ledelsen sætte "
    "de individuelle aftaler ud af kraft uden at følge deres opsigelsesregler{varsel}, og "
    "medarbejderne kan ikke regne med den hjemmearbejdsdag, de har aftalt.{mangler} Kræv, at "
    "hjemmearbejdet kun kan indstilles efter aftale med tillidsrepræsentanten, eller at "
    "indstillingen er kort, ikke kan forlænges og respekterer de individuelle aftalers varsel."
)


def _suspension_values(term: Term, sector: str | None) -> dict[str, str]:
    """The message values of a suspension power: what it allows and which safeguards it lacks."""
    what = "at tilbagekalde hjemmearbejdet" if term.get("revocation") else (
        "midlertidigt at indstille hjemmearbejdet" if term.get("temporary")
        else "at indstille hjemmearbejdet"
    )  # fmt: skip
    if term.get("unit_scope"):
        what += " i en enhed"
    limit = f", i højst {term.get('duration')}" if term.get("duration") else ""
    if limit and term.get("renewable"):
        limit += " ad gangen"
    missing = []
    if not term.get("duration"):
        missing.append(" Bestemmelsen har ingen tidsgrænse.")
    elif term.get("renewable"):
        missing.append(" Perioden kan forlænges igen og igen, så der reelt ingen grænse er.")
    if term.get("consulted"):
        missing.append(
            " Tillidsrepræsentanten eller samarbejdsudvalget skal kun høres, ikke være enige."
        )
    else:
        missing.append(" Der er intet krav om drøftelse eller aftale med medarbejdersiden.")
    notice = (
        " (som standard en måneds varsel efter rammeaftalens § 8, stk. 2)"
        if sector in ("stat", None)
        else ""
    )
    return {"hvad": what, "graense": limit, "mangler": "".join(missing), "varsel": notice,
            "citat": quote(term)}  # fmt: skip


@rule("R92", "advarsel", "lokal", "undtagelser", "Ensidig indstilling af hjemmearbejdet",
      R92_MESSAGE, ("S1", "S2"), needs=NEEDS_LOCAL, sectors=("stat",))  # fmt: skip
@rule("R92", "advarsel", "lokal", "undtagelser", "Ensidig indstilling af hjemmearbejdet",
      R92_MESSAGE, ("S1", "S12"), needs=NEEDS_LOCAL, sectors=OTHER)  # fmt: skip
@rule("R92", "advarsel", "individuel", "aendring", "Ensidig indstilling af hjemmearbejdet",
      R92_MESSAGE, ("S1", "S2"), needs=NEEDS_EMPLOYEE, sectors=("stat",))  # fmt: skip
@rule("R92", "advarsel", "individuel", "aendring", "Ensidig indstilling af hjemmearbejdet",
      R92_MESSAGE, ("S1", "S12"), needs=NEEDS_EMPLOYEE, sectors=OTHER)  # fmt: skip
def r92(c: RuleInput) -> Fired:
    text = text_of(c)
    term = suspension(text) if text is not None else None
    return None if term is None else _suspension_values(term, c.sector)


@evidence_picker("R96")
def without_notice(text: TextFacts) -> Term | None:
    """A termination without notice that the employer can use."""
    for term in text.of("termination"):
        if term.get("months") == 0 and term.get("party") in ("arbejdsgiveren", "begge"):
            return term
    return None


R96_MESSAGE = (
    "Udkastet lader {part} opsige aftalen uden varsel („{citat}“). For medarbejderne betyder det, "
    "at hjemmearbejdet kan ophøre fra den ene dag til den anden, uden tid til at omlægge "
    "børnepasning, transport og arbejde.{standard} Aftal et varsel."
)


@rule("R96", "advarsel", "lokal", "ikrafttraeden", "Opsigelse uden varsel", R96_MESSAGE,
      ("S3", "S12"), needs=NEEDS_LOCAL)  # fmt: skip
@rule("R96", "advarsel", "individuel", "opsigelse", "Opsigelse uden varsel", R96_MESSAGE,
      ("S2",), needs=NEEDS_EMPLOYEE, sectors=("stat",))  # fmt: skip
@rule("R96", "advarsel", "individuel", "opsigelse", "Opsigelse uden varsel", R96_MESSAGE,
      ("S12",), needs=NEEDS_EMPLOYEE, sectors=OTHER)  # fmt: skip
def r96(c: RuleInput) -> Fired:
    text = text_of(c)
    term = without_notice(text) if text is not None else None
    if term is None:
        return None
    standard = ""
    if c.employee is not None and c.sector == "stat":
        standard = (
            " Rammeaftalens udgangspunkt for individuelle aftaler er en måneds varsel for begge "
            "parter (§ 8, stk. 2)."
        )
    part = "ledelsen" if term.get("party") == "arbejdsgiveren" else "hver af parterne"
    return {"part": part, "citat": quote(term), "standard": standard}
