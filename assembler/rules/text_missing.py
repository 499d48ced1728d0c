"""R91: a topic the framework agreements (or, for call-in, the state's default) make essential is
missing from a local-agreement draft. A finding per missing topic, with its severity and source."""

from __future__ import annotations

from collections.abc import Callable

from assembler.rules.model import Fired, RuleInput, rule
from assembler.rules.text_common import text_of

NEEDS = ("lokal.text",)
OTHER = ("kommune", "region")


# Wording that covers a topic even where no heading names it ("Hjemmearbejde er frivilligt.").
COVERED_BY = {
    "frivillighed": ("voluntary", "hiring_condition"),
    "undtagelser": ("notice", "call_in", "change_power"),
    "omraade": ("days",),
}


def missing(topic: str) -> Callable[[RuleInput], Fired]:
    """A check that fires when the draft's text was read and neither a heading nor wording of the
    topic is in it."""

    def check(c: RuleInput) -> Fired:
        text = text_of(c)
        if text is None or topic in text.topics:
            return False
        return not any(text.of(kind) for kind in COVERED_BY.get(topic, ()))

    check.__name__ = f"r91_{topic}"
    return check


VOLUNTARY = (
    "Udkastet har ingen bestemmelse om frivillighed. Hjemmearbejde er efter rammeaftalerne "
    "frivilligt for begge parter, men uden en udtrykkelig bestemmelse er det uklart for "
    "medarbejderne, om de kan sige nej til hjemmearbejde og træde ud af ordningen uden følger. "
    "Akademikernes vejledning kalder frivilligheden det altoverskyggende princip. Indsæt en "
    "bestemmelse om frivillighed."
)
SCOPE = (
    "Udkastet siger ikke, hvilke medarbejdere aftalen omfatter. En lokalaftale skal angive sit "
    "område (personalegrupper og enheder); ellers er det uklart, hvem der kan få en individuel "
    "aftale, og hvem der står uden for. Indsæt en bestemmelse om aftalens område."
)
PARTIES = (
    "Udkastet siger ikke, hvem aftalen er indgået mellem. En lokalaftale indgås mellem "
    "arbejdsgiveren og den forhandlingsberettigede organisation, typisk ved "
    "tillidsrepræsentanten; uden parterne er det ikke en lokalaftale. Indsæt parterne."
)
CALL_IN_STATE = (
    "Udkastet siger ikke, om og med hvilket varsel Arbejdsgiveren kan kræve fremmøde på en "
    "planlagt hjemmearbejdsdag. I staten gælder så Medst's udgangspunkt: Arbejdsgiveren kan efter "
    "en konkret vurdering kræve fremmøde uden fast varsel, og medarbejderen har ikke ret til at "
    "møde ind i stedet. Aftal et varsel og en erstatningsdag."
)
CALL_IN_OTHER = (
    "Udkastet siger ikke, om og med hvilket varsel Arbejdsgiveren kan kræve fremmøde på en "
    "planlagt hjemmearbejdsdag. For kommuner og regioner er der ikke fundet et udgangspunkt i de "
    "tilgængelige kilder, så spørgsmålet er uafklaret og kan give strid. Aftal det udtrykkeligt."
)
TITLE = "Påkrævet emne mangler"

rule("R91", "advarsel", "lokal", "frivillighed", TITLE, VOLUNTARY, ("S1", "S2", "S12"),
     needs=NEEDS)(missing("frivillighed"))  # fmt: skip
rule("R91", "fejl", "lokal", "omraade", TITLE, SCOPE, ("S3", "S1"), needs=NEEDS,
     sectors=("stat",))(missing("omraade"))  # fmt: skip
rule("R91", "advarsel", "lokal", "omraade", TITLE, SCOPE, ("S1", "S12"), needs=NEEDS,
     sectors=OTHER)(missing("omraade"))  # fmt: skip
rule("R91", "fejl", "lokal", "parter", TITLE, PARTIES, ("S1", "S3"), needs=NEEDS)(missing("parter"))
rule("R91", "advarsel", "lokal", "undtagelser", TITLE, CALL_IN_STATE, ("S2",), needs=NEEDS,
     sectors=("stat",))(missing("undtagelser"))  # fmt: skip
rule("R91", "advarsel", "lokal", "undtagelser", TITLE, CALL_IN_OTHER, ("S1",), needs=NEEDS,
     sectors=OTHER)(missing("undtagelser"))  # fmt: skip
