"""R90, R92, R96: what the wording lets the employer do — impose home work, suspend or revoke it,
terminate without notice. Read from a draft's text (assembler/audit/terms)."""

from __future__ import annotations

from assembler.rules.model import Fired, RuleInput, rule
from assembler.rules.text_common import (
    cite_all,
    evidence_picker,
    feature,
    quote,
    text_of,
    where,
)
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
    "medarbejderne kan ikke regne med den hjemmearbejdsdag, de har aftalt.{mangler}{forrang}"
    "{forringelse} Kræv bestemmelsen slettet: behovet for fremmøde er dækket af reglerne om "
    "fremmøde på planlagte hjemmearbejdsdage{fremmoede}."
)


R92_SUMMARY = (
    "Udkastet giver Arbejdsgiveren ret til ensidigt at indstille eller tilbagekalde "
    "hjemmearbejdet og dermed sætte de individuelle aftaler ud af kraft uden deres "
    "opsigelsesvarsel. Fundet nævner de værn, der mangler (tidsgrænse, aftale med "
    "medarbejdersiden, kriterium, varsel til medarbejderne, erstatningsdage), og de bestemmelser i "
    "udkastet, som indstillingsretten strider mod (gunstigere individuelle aftaler, beskyttelse "
    "mod forringelse)."
)


def _safeguards(term: Term) -> str:
    """The safeguards a suspension power lacks, as sentences."""
    missing = []
    if not term.get("duration"):
        missing.append("Bestemmelsen har ingen tidsgrænse.")
    elif term.get("renewable"):
        missing.append("Perioden kan forlænges igen og igen, så der reelt ingen grænse er.")
    if term.get("consulted"):
        missing.append("Tillidsrepræsentanten eller samarbejdsudvalget skal kun høres, ikke være "
                       "enige.")  # fmt: skip
    elif not term.get("agreed"):
        missing.append("Der er intet krav om drøftelse eller aftale med medarbejdersiden.")
    criterion = term.get("criterion")
    if criterion:
        missing.append(f"Det eneste kriterium er „{criterion}“, og det vurderer Arbejdsgiveren "
                       "selv.")  # fmt: skip
    notice, replacement = term.get("staff_notice"), term.get("replacement")
    if not notice and not replacement:
        missing.append("Medarbejderne får hverken varsel eller erstatningsdage for de "
                       "hjemmearbejdsdage, der falder bort.")  # fmt: skip
    elif not notice:
        missing.append("Medarbejderne får intet varsel, før deres hjemmearbejdsdage falder bort.")
    elif not replacement:
        missing.append("Medarbejderne får ikke erstatningsdage for de hjemmearbejdsdage, der "
                       "falder bort.")  # fmt: skip
    return "".join(f" {sentence}" for sentence in missing)


def _suspension_values(term: Term, text: TextFacts, sector: str | None) -> dict[str, str]:
    """The message values of a suspension power: what it allows, which safeguards it lacks and
    which of the draft's own clauses it collides with."""
    what = "at tilbagekalde hjemmearbejdet" if term.get("revocation") else (
        "midlertidigt at indstille hjemmearbejdet" if term.get("temporary")
        else "at indstille hjemmearbejdet"
    )  # fmt: skip
    if term.get("unit_scope"):
        what += " i en enhed"
    limit = f", i højst {term.get('duration')}" if term.get("duration") else ""
    if limit and term.get("renewable"):
        limit += " ad gangen"
    notice = (
        " (som standard en måneds varsel efter rammeaftalens § 8, stk. 2)"
        if sector in ("stat", None)
        else ""
    )
    precedence = feature(text, "precedence")
    prevails = (
        " Den strider mod individuelle aftaler, hvor en planlagt hjemmearbejdsdag kun kan ændres "
        "efter aftale, og udkastet siger ikke, hvilken regel der så gælder."
    )
    if precedence is not None:
        prevails = (
            " Individuelle aftaler, hvor en planlagt hjemmearbejdsdag kun kan ændres efter "
            f"aftale, går forud som gunstigere for medarbejderen{where(precedence)}; "
            "indstillingsretten strider mod dem, og det bliver uklart, hvilken regel der gælder."
        )
    worsening = feature(text, "worsening")
    bypass = ""
    if worsening is not None:
        bypass = (
            f" Aftalen beskytter medarbejderne mod, at en ændring forringer deres vilkår uden "
            f"varsel{where(worsening)}; en indstilling omgår den beskyttelse."
        )
    rules = cite_all([text.first("call_in"), feature(text, "urgent")])
    return {
        "hvad": what,
        "graense": limit,
        "mangler": _safeguards(term),
        "varsel": notice,
        "citat": quote(term),
        "forrang": prevails,
        "forringelse": bypass,
        "fremmoede": f" i {rules}" if rules else "",
    }


@rule("R92", "advarsel", "lokal", "undtagelser", "Ensidig indstilling af hjemmearbejdet",
      R92_MESSAGE, ("S2",), needs=NEEDS_LOCAL, sectors=("stat",),
      summary=R92_SUMMARY)  # fmt: skip
@rule("R92", "advarsel", "lokal", "undtagelser", "Ensidig indstilling af hjemmearbejdet",
      R92_MESSAGE, ("S12",), needs=NEEDS_LOCAL, sectors=OTHER,
      summary=R92_SUMMARY)  # fmt: skip
@rule("R92", "advarsel", "individuel", "aendring", "Ensidig indstilling af hjemmearbejdet",
      R92_MESSAGE, ("S2",), needs=NEEDS_EMPLOYEE, sectors=("stat",),
      summary=R92_SUMMARY)  # fmt: skip
@rule("R92", "advarsel", "individuel", "aendring", "Ensidig indstilling af hjemmearbejdet",
      R92_MESSAGE, ("S12",), needs=NEEDS_EMPLOYEE, sectors=OTHER,
      summary=R92_SUMMARY)  # fmt: skip
def r92(c: RuleInput) -> Fired:
    text = text_of(c)
    term = suspension(text) if text is not None else None
    if term is None or text is None:
        return None
    return _suspension_values(term, text, c.sector)


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
