"""The text rules read the rest of the draft (legal read-through 2, section 5): R110 fires on an
entry into force that has passed by the draft's own date and stays silent otherwise; R92–R94 say
what the draft already provides instead of asking for it again, and cite each source only for
what it says."""

from __future__ import annotations

import datetime as dt

import pytest

from assembler.audit.citations import Citations, Slot
from assembler.audit.features import with_context
from assembler.audit.terms import read_text_facts
from assembler.rules import all_rules, run_rules
from assembler.rules.engine import EmployeeCase
from assembler.rules.model import Finding
from assembler.rules.text_common import evidence
from assembler.rules.text_facts import TextFacts
from tests.unit.rules.test_rules import BASE_EMPLOYEE, BASE_LOCAL

TOPICS = ("parter", "omraade", "frivillighed", "niveauer", "forrang", "tilgaengelighed",
          "undtagelser", "transport", "ikrafttraeden")  # fmt: skip


def facts(paragraphs: list[tuple[str, str]], dated: dt.date | None = None,
          agreement: str = "lokal") -> TextFacts:  # fmt: skip
    """Text facts of (topic, paragraph) pairs, each topic one numbered clause in that order."""
    slots, rows, seen = [], [], []
    for index, (topic, text) in enumerate(paragraphs):
        if topic not in seen:
            seen.append(topic)
            slots.append(Slot(-1 - len(seen), "heading", True))
        slots.append(Slot(index, "body"))
        rows.append((index, text, topic))
    read = read_text_facts(agreement, rows, TOPICS)
    return with_context(read, rows, Citations(slots), dated, "sidehovedet")


def local(sector: str, text: TextFacts) -> dict[str, Finding]:
    return {f.rule: f for f in run_rules(sector, BASE_LOCAL._replace(text=text))}


ENTRY = ("ikrafttraeden", "Aftalen træder i kraft den 1. marts 2027 og gælder, indtil den opsiges.")
NOT_BEFORE = ("niveauer", "En individuel aftale kan tidligst træde i kraft samtidig med Aftalen.")


@pytest.mark.parametrize("sector", ["stat", "kommune"])
def test_r110_fires_when_the_date_has_passed_by_the_drafts_date(sector: str) -> None:
    text = facts([NOT_BEFORE, ENTRY], dated=dt.date(2027, 3, 2))
    r110 = local(sector, text)["R110"]
    assert r110.severity == "advarsel" and r110.topic == "ikrafttraeden"
    assert r110.message_da.startswith(
        "Efter § 2 træder aftalen i kraft den 1. marts 2027, men udkastet er dateret den 2. marts "
        "2027 (ifølge sidehovedet). Datoen er altså passeret, før aftalen kan være underskrevet."
    )
    assert "efter § 1 kan en individuel aftale tidligst træde i kraft" in r110.message_da or (
        "jf. § 1, og det er også Medsts udgangspunkt" in r110.message_da
    )
    assert "den første dag i måneden efter underskriften" in r110.message_da
    term = evidence(r110, text)
    assert term is not None and term.quote == "den 1. marts 2027" and term.para == 1
    assert r110.sources == (("S2", "S3") if sector == "stat" else ("S12",))


@pytest.mark.parametrize(
    ("paragraph", "dated"),
    [
        (ENTRY[1], dt.date(2027, 3, 1)),  # signed on the day it takes effect
        (ENTRY[1], dt.date(2027, 1, 15)),  # dated before: the usual case
        (ENTRY[1], None),  # no date to measure against
        ("Aftalen trådte i kraft den 1. marts 2025 og gælder, indtil den opsiges.",
         dt.date(2027, 3, 2)),  # a renewed agreement says when it took effect: no problem
        ("Aftalen kan opsiges med tre måneders varsel til den 1. marts 2027.",
         dt.date(2027, 3, 2)),  # a date, but not the entry into force
    ],
)  # fmt: skip
def test_r110_stays_silent(paragraph: str, dated: dt.date | None) -> None:
    assert "R110" not in local("stat", facts([("ikrafttraeden", paragraph)], dated))


def test_r110_individual_agreement_skips_the_local_agreements_date() -> None:
    paragraphs = [("ikrafttraeden", "Aftalen træder i kraft den 1. april 2027."),
                  ("ikrafttraeden", "Aftalen er indgået på grundlag af lokalaftalen, der træder "
                                    "i kraft den 1. marts 2027.")]  # fmt: skip
    late = facts(paragraphs, dated=dt.date(2027, 3, 15), agreement="individuel")
    case = [EmployeeCase("anne.docx", "Anne", BASE_EMPLOYEE._replace(text=late))]
    found = {f.rule for f in run_rules("stat", BASE_LOCAL, case, check_local=False)}
    assert "R110" not in found  # its own date (1 April) is after the draft's date
    later = facts(paragraphs, dated=dt.date(2027, 4, 2), agreement="individuel")
    case = [EmployeeCase("anne.docx", "Anne", BASE_EMPLOYEE._replace(text=later))]
    r110 = next(f for f in run_rules("stat", BASE_LOCAL, case, check_local=False)
                if f.rule == "R110")  # fmt: skip
    assert "den individuelle aftale i kraft den 1. april 2027" in r110.message_da


SUSPENSION = ("undtagelser",
              "Arbejdsgiveren kan midlertidigt indstille hjemmearbejdet i en enhed, når driften "
              "kræver det. Indstillingen drøftes forinden i samarbejdsudvalget og gælder højst "
              "tre måneder ad gangen.")  # fmt: skip
CALL_IN = (
    "undtagelser",
    "Arbejdsgiveren kan pålægge en medarbejder at møde på arbejdsstedet på "
    "en planlagt hjemmearbejdsdag. Pålægget gives senest kl. 12 dagen før.",
)
URGENT = (
    "undtagelser",
    "I uforudsete og uopsættelige situationer kan fremmøde kræves med kortere varsel.",
)
REPLACED = (
    "undtagelser",
    "En inddraget hjemmearbejdsdag erstattes af en anden dag i samme eller den følgende uge.",
)
PRECEDENCE = (
    "forrang",
    "Strider en bestemmelse i en individuel aftale mod Aftalen, går Aftalen "
    "forud, medmindre bestemmelsen i den individuelle aftale er gunstigere "
    "for medarbejderen.",
)
WORSENING = (
    "forrang",
    "Forringer ændringen en medarbejders vilkår, får den dog først virkning, "
    "når den individuelle aftale kunne være opsagt.",
)
OFF_HOURS = (
    "tilgaengelighed",
    "Medarbejderne forventes ikke at være tilgængelige uden for deres arbejdstid.",
)
CORE = ("tilgaengelighed", "Medarbejderne kan kontaktes mellem kl. 8.30 og kl. 15.30.")
PART_TIME = (
    "tilgaengelighed",
    "For deltidsansatte tilpasses tidsrummet, så det ligger inden for den enkeltes arbejdstid.",
)


def test_r92_names_every_missing_safeguard_and_the_clauses_it_collides_with() -> None:
    text = facts([PRECEDENCE, WORSENING, CALL_IN, URGENT, SUSPENSION])
    message = local("stat", text)["R92"].message_da
    for expected in (
        "Perioden kan forlænges igen og igen",
        "skal kun høres, ikke være enige",
        "Det eneste kriterium er „når driften kræver det“",
        "Medarbejderne får hverken varsel eller erstatningsdage",
        "går forud som gunstigere for medarbejderen, jf. § 1, stk. 1",
        "uden varsel, jf. § 1, stk. 2; en indstilling omgår den beskyttelse",
        "reglerne om fremmøde på planlagte hjemmearbejdsdage i § 2, stk. 1 og 2",
        "Kræv bestemmelsen slettet",
    ):
        assert expected in message, expected
    alone = local("stat", facts([SUSPENSION]))["R92"].message_da
    assert "gunstigere" not in alone and "omgår" not in alone  # no such clauses to cite
    assert "kun kan ændres efter aftale, og udkastet siger ikke, hvilken regel" in alone
    assert {(r.sectors, r.sources) for r in all_rules() if r.id == "R92"} == {
        (("stat",), ("S2",)),
        (("kommune", "region"), ("S12",)),
    }  # the framework agreements' rules, not the unions' guide (which says nothing on it)


def test_r93_calendar_day_two_sets_of_rules_and_no_replacement_day_asked_twice() -> None:
    with_all = local("stat", facts([PRECEDENCE, OFF_HOURS, CALL_IN, URGENT, REPLACED]))
    message = with_all["R93"].message_da
    assert "„Dagen før“ er en kalenderdag: pålæg om fremmøde en mandag kan gives søndag" in message
    assert "uden for arbejdstiden, hvor medarbejderne ikke skal være til at træffe, jf. § 2." in (
        message
    )  # where the draft says staff need not be reachable
    assert "gunstigere for medarbejderen, jf. § 1, så der kommer til at gælde to sæt regler" in (
        message
    )
    assert "erstatningsdag" not in message  # the draft has one
    assert "aflyses når som helst" not in message and "bibliotekets standard" not in message
    assert "Kræv et fast varsel regnet i arbejdsdage." in message  # our version unknown
    bare = local("kommune", facts([CALL_IN]))["R93"].message_da
    assert "og en erstatningsdag for en inddraget hjemmearbejdsdag" in bare
    assert "Medst" not in bare and "to sæt regler" not in bare  # a municipality: no Medst view
    ours = facts([CALL_IN])._replace(ours=read_text_facts(
        "lokal", [(0, "Pålægget gives med mindst tre arbejdsdages varsel.", "undtagelser")],
        TOPICS).terms)  # fmt: skip
    assert (
        "Kræv varslet fra vores udkast: „med mindst tre arbejdsdages varsel“"
        in local("stat", ours)["R93"].message_da
    )


def test_r94_does_not_ask_for_a_part_time_adjustment_the_draft_has() -> None:
    adjusted = local("stat", facts([CORE, PART_TIME]))["R94"].message_da
    assert "er dækket af tilpasningen i § 1, stk. 2" in adjusted
    assert "kan falde uden for rammen" not in adjusted
    missing = local("stat", facts([CORE]))["R94"].message_da
    assert "Udkastet tilpasser ikke tidsrummet for deltidsansatte" in missing
    for message in (adjusted, missing):
        assert "bibliotekets standard" not in message
        assert "Vurderingen af længden er vores egen" in message  # not attributed to S1
    ours = facts([CORE])._replace(ours=read_text_facts(
        "lokal", [(0, "Medarbejderne kan kontaktes mellem kl. 9.00 og kl. 14.30.",
                   "tilgaengelighed")], TOPICS).terms)  # fmt: skip
    assert (
        "Kræv kernetiden fra vores udkast, kl. 9.00–14.30." in local("stat", ours)["R94"].message_da
    )


def test_r95_rests_on_the_guide_not_the_rest_period_order() -> None:
    r95 = [r for r in all_rules() if r.id == "R95"]
    assert [r.sources for r in r95] == [("S1", "S34")]
    # The guide's premise is attributed to the guide, not stated as the law: for tax the home is
    # as a rule no workplace (S34).
    assert "Akademikernes vejledning går ud fra, at hjemmet er arbejdsstedet" in r95[0].message
    assert "Efter de almindelige regler betragtes hjemmet" not in r95[0].message
