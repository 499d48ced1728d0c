"""R110: a draft whose entry into force has passed before the draft is even dated.

A counter-draft dated 2 March that keeps "Aftalen træder i kraft den 1. marts 2027" cannot be
signed in time: the agreement would take effect before it exists, and the individual agreements,
which cannot take effect before the local agreement, carry the same stale date. The draft's date
is the one it carries (its header's version line, a dated line under the title, else when the
file was saved), so the finding is the same whenever the draft is checked.
"""

from __future__ import annotations

from assembler.library.values import format_date
from assembler.rules.model import Fired, RuleInput, rule
from assembler.rules.text_common import evidence_picker, feature, text_of, where
from assembler.rules.text_facts import Term, TextFacts

NEEDS_LOCAL = ("lokal.text",)
NEEDS_EMPLOYEE = ("individuel.text",)
OTHER = ("kommune", "region")
DATED_FROM = {
    "sidehovedet": "ifølge sidehovedet",
    "titlen": "ifølge titlen",
    "dokumentegenskaberne": "ifølge dokumentets egenskaber",
}


@evidence_picker("R110")
def passed(text: TextFacts) -> Term | None:
    """The agreement's own entry-into-force date when it lies before the draft's date."""
    if text.dated is None:
        return None
    for term in text.of("effective"):
        if term.get("of") == "lokal":
            continue  # the local agreement's date, mentioned in an individual agreement
        return term if term.get("date") < text.dated else None
    return None


LOCAL_MESSAGE = (
    "{efter}træder aftalen i kraft {dato}, men udkastet er dateret {udkastdato}{hvorfra}. "
    "Datoen er altså passeret, før aftalen kan være underskrevet. "
    "{individuelle} Kræv en ny ikrafttrædelsesdato efter underskriften, fx „den første dag i "
    "måneden efter underskriften“, og ret de individuelle aftalers datoer, så de følger med."
)
INDIVIDUAL_MESSAGE = (
    "{efter}træder den individuelle aftale i kraft {dato}, men udkastet er dateret "
    "{udkastdato}{hvorfra}. Datoen er altså passeret, før aftalen kan være underskrevet. "
    "Kræv en dato efter underskriften; den må ikke ligge før lokalaftalens ikrafttræden."
)


def _values(text: TextFacts, term: Term) -> dict[str, str]:
    assert text.dated is not None
    how = DATED_FROM.get(text.dated_from, "")
    cite = term.get("cite")
    return {"dato": f"den {term.get('label')}", "efter": f"Efter {cite} " if cite else "Ifølge "
            "udkastet ", "udkastdato": f"den {format_date(text.dated)}",
            "hvorfra": f" ({how})" if how else ""}  # fmt: skip


def _local(c: RuleInput, state: bool) -> Fired:
    text = text_of(c)
    term = passed(text) if text is not None else None
    if term is None or text is None:
        return None
    own = feature(text, "individual_not_before")
    if state:
        basis = "En individuel aftale kan tidligst træde i kraft samtidig med lokalaftalen" + (
            f"{where(own)}, og det er også Medsts udgangspunkt" if own else " (Medst)"
        )
    else:
        basis = "Lokalaftalen skal være indgået, før der indgås individuelle aftaler" + (
            f", og efter {own.get('cite')} kan en individuel aftale tidligst træde i kraft "
            "samtidig med den"
            if own is not None and own.get("cite")
            else ""
        )
    follows = (f"{basis}, så de individuelle aftaler, der er skrevet med samme dato, har samme "
               "problem.")  # fmt: skip
    return {**_values(text, term), "individuelle": follows}


def r110_state(c: RuleInput) -> Fired:
    return _local(c, state=True)


def r110_other(c: RuleInput) -> Fired:
    return _local(c, state=False)


def r110_individual(c: RuleInput) -> Fired:
    text = text_of(c)
    term = passed(text) if text is not None else None
    if term is None or text is None:
        return None
    return _values(text, term)


TITLE = "Ikrafttrædelsesdatoen er passeret"
SUMMARY = (
    "Udkastets ikrafttrædelsesdato ligger før den dato, udkastet selv bærer (sidehovedet, titlen "
    "eller dokumentets egenskaber): datoen er passeret, før aftalen kan underskrives, og de "
    "individuelle aftalers datoer skal følge med."
)
rule("R110", "advarsel", "lokal", "ikrafttraeden", TITLE, LOCAL_MESSAGE, ("S2", "S3"),
     needs=NEEDS_LOCAL, sectors=("stat",), summary=SUMMARY)(r110_state)  # fmt: skip
rule("R110", "advarsel", "lokal", "ikrafttraeden", TITLE, LOCAL_MESSAGE, ("S12",),
     needs=NEEDS_LOCAL, sectors=OTHER, summary=SUMMARY)(r110_other)  # fmt: skip
rule("R110", "advarsel", "individuel", "ikrafttraeden", TITLE, INDIVIDUAL_MESSAGE, ("S2",),
     needs=NEEDS_EMPLOYEE, sectors=("stat",), summary=SUMMARY)(r110_individual)  # fmt: skip
rule("R110", "advarsel", "individuel", "ikrafttraeden", TITLE, INDIVIDUAL_MESSAGE, ("S12",),
     needs=NEEDS_EMPLOYEE, sectors=OTHER, summary=SUMMARY)(r110_individual)  # fmt: skip
