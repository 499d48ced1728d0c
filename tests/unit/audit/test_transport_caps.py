"""The caps of the transport clause (distance for the allowance, travel time counted): read from
the wording, and compared as caps, so a deleted cap is a gain for the employees, not a lost
allowance."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assembler.audit.assess import assess_change
from assembler.audit.terms import text_terms
from assembler.audit.terms.compare import BETTER, WORSE, Effect, term_effects
from assembler.library.model import Library

# The clause as the library writes variant hjemmet_arbejdssted, paragraph by paragraph.
START = (
    "Når en medarbejder på en planlagt hjemmearbejdsdag efter pålæg fra Arbejdsgiveren skal møde "
    "på arbejdsstedet eller et andet sted i tjenstligt øjemed, regnes hjemmet som udgangspunkt "
    "for rejsen."
)
RULE = (
    "Rejsetiden fra hjemmet til mødestedet og retur medregnes i arbejdstiden, og der ydes "
    "befordringsgodtgørelse regnet fra hjemmet efter de regler om tjenesterejser, der gælder for "
    "medarbejderen. Godtgørelse for befordring mellem hjemmet og det sædvanlige arbejdssted er "
    "som udgangspunkt skattepligtig løn, jf. ligningslovens § 9 B."
)
EXCEPTION = (
    "Bestemmelsen gælder ikke, når medarbejderen efter eget ønske møder på arbejdsstedet på en "
    "planlagt hjemmearbejdsdag."
)


def cap(km: str = "50", time: str = "én time") -> str:
    """The paragraph with both caps."""
    return (
        f"Der ydes dog højst befordringsgodtgørelse for {km} kilometer hver vej, og rejsetiden "
        f"medregnes højst med {time} hver vej."
    )


KM_ONLY = "Befordringsgodtgørelse ydes dog højst for 50 kilometer hver vej."
TIME_ONLY = "Rejsetiden medregnes dog højst med én time hver vej."
OURS = "\n".join((START, RULE, cap(), EXCEPTION))


def clause(*paragraphs: str) -> str:
    return "\n".join(paragraphs)


def effects(before: str, after: str, rest: str | None = None) -> list[Effect]:
    around = text_terms(rest, "transport") if rest is not None else None
    return term_effects(text_terms(before, "transport"), text_terms(after, "transport"), around)


def said(found: list[Effect]) -> list[tuple[str, int]]:
    return [(e.text, e.direction) for e in found]


# -- reading ---------------------------------------------------------------------------------------
def test_the_cap_paragraph_sets_two_caps_and_grants_nothing() -> None:
    terms = text_terms(cap(), "transport")
    assert [(t.kind, t.get("value"), t.get("label")) for t in terms] == [
        ("transport_km_cap", Decimal(50), "50 kilometer hver vej"),
        ("transport_time_cap", Decimal(1), "én time hver vej"),
    ]
    assert terms[0].quote == "højst befordringsgodtgørelse for 50 kilometer hver vej"


@pytest.mark.parametrize(
    ("text", "kind", "value", "label"),
    [
        (KM_ONLY, "transport_km_cap", Decimal(50), "50 kilometer hver vej"),
        (TIME_ONLY, "transport_time_cap", Decimal(1), "én time hver vej"),
        ("Rejsetiden medregnes dog højst med 1,5 timer hver vej.", "transport_time_cap",
         Decimal("1.5"), "1,5 timer hver vej"),
        ("Rejsetiden medregnes højst med 30 minutter hver vej.", "transport_time_cap",
         Decimal("0.5"), "30 minutter hver vej"),
        ("Der ydes højst befordringsgodtgørelse for 40 km.", "transport_km_cap", Decimal(40),
         "40 kilometer"),
        ("Befordringsgodtgørelsen er begrænset til 40 km hver vej.", "transport_km_cap",
         Decimal(40), "40 kilometer hver vej"),
        ("Der medregnes højst én times rejsetid hver vej.", "transport_time_cap", Decimal(1),
         "én time hver vej"),
        ("Der medregnes højst 45 minutters rejsetid.", "transport_time_cap", Decimal("0.75"),
         "45 minutter"),
    ],
)  # fmt: skip
def test_each_way_of_writing_a_cap(text: str, kind: str, value: Decimal, label: str) -> None:
    terms = text_terms(text, "transport")
    assert [(t.kind, t.get("value"), t.get("label")) for t in terms] == [(kind, value, label)]


def test_a_distance_that_is_no_cap_on_the_allowance() -> None:
    assert text_terms("Hjemmet må højst ligge 100 km fra arbejdsstedet.", "transport") == []


def test_a_sentence_that_grants_and_caps_sets_both() -> None:
    text = (
        "Rejsetiden medregnes i arbejdstiden, og der ydes befordringsgodtgørelse efter reglerne "
        "om tjenesterejser, dog højst for 50 kilometer hver vej."
    )
    kinds = [t.kind for t in text_terms(text, "transport")]
    assert kinds == ["transport_time", "transport_allowance", "transport_km_cap"]


# -- comparing -------------------------------------------------------------------------------------
def test_deleting_the_cap_paragraph_lifts_both_caps() -> None:
    expected = [(
        "loftet på 50 kilometer hver vej over befordringsgodtgørelsen og loftet på én time hver "
        "vej over rejsetiden er fjernet, så der ydes befordringsgodtgørelse for hele afstanden, "
        "og hele rejsetiden medregnes i arbejdstiden", BETTER,
    )]  # fmt: skip
    assert said(effects(OURS, clause(START, RULE, EXCEPTION))) == expected  # whole clauses
    rest = clause(START, RULE, EXCEPTION)
    assert said(effects(cap(), "", rest)) == expected  # the paragraph, in its clause
    assert said(effects(cap(), "")) == expected  # the paragraph alone: the grant stands elsewhere
    assert all(e.sources == ("S1",) for e in effects(cap(), "", rest))


def test_deleting_one_cap() -> None:
    km_gone = effects(OURS, clause(START, RULE, TIME_ONLY, EXCEPTION))
    assert said(km_gone) == [(
        "loftet på 50 kilometer hver vej over befordringsgodtgørelsen er fjernet, så der ydes "
        "befordringsgodtgørelse for hele afstanden", BETTER,
    )]  # fmt: skip
    time_gone = effects(OURS, clause(START, RULE, KM_ONLY, EXCEPTION))
    assert said(time_gone) == [(
        "loftet på én time hver vej over rejsetiden er fjernet, så hele rejsetiden medregnes i "
        "arbejdstiden", BETTER,
    )]  # fmt: skip


@pytest.mark.parametrize(
    ("km", "time", "expected"),
    [
        ("30", "én time", ("loftet over befordringsgodtgørelsen er sænket fra 50 kilometer til "
                           "30 kilometer hver vej", WORSE, "transport_km_cap")),
        ("80", "én time", ("loftet over befordringsgodtgørelsen er hævet fra 50 kilometer til "
                           "80 kilometer hver vej", BETTER, "transport_km_cap")),
        ("50", "to timer", ("loftet over rejsetiden er hævet fra én time til to timer hver vej",
                            BETTER, "transport_time_cap")),
        ("50", "30 minutter", ("loftet over rejsetiden er sænket fra én time til 30 minutter "
                               "hver vej", WORSE, "transport_time_cap")),
    ],
)  # fmt: skip
def test_raising_or_lowering_a_cap(km: str, time: str, expected: tuple[str, int, str]) -> None:
    found = effects(cap(), cap(km, time), clause(START, RULE, EXCEPTION))
    assert [(e.text, e.direction, e.family) for e in found] == [expected]


def test_the_same_cap_in_other_words_is_no_change() -> None:
    assert effects(OURS, clause(START, RULE, KM_ONLY, TIME_ONLY, EXCEPTION)) == []


def test_adding_a_cap_where_there_was_none() -> None:
    without = clause(START, RULE, EXCEPTION)
    both = [
        ("der er indført et loft på 50 kilometer hver vej over befordringsgodtgørelsen", WORSE),
        ("der er indført et loft på én time hver vej over rejsetiden", WORSE),
    ]
    assert said(effects(without, OURS)) == both
    assert said(effects("", cap(), without)) == both  # an added paragraph
    km = effects(without, clause(START, RULE, "Befordringsgodtgørelse ydes dog højst for 40 km."))
    assert [(e.text, e.family) for e in km] == [
        ("der er indført et loft på 40 kilometer over befordringsgodtgørelsen", "transport_km_cap")
    ]


def test_deleting_the_whole_clause_removes_the_allowance_from_home() -> None:
    assert said(effects(OURS, "")) == [
        (
            "bestemmelsen om, at rejsetiden fra hjemmet medregnes i arbejdstiden, og at der ydes "
            "befordringsgodtgørelse regnet fra hjemmet, er fjernet",
            WORSE,
        )
    ]  # fmt: skip  (the caps go with it: no separate gain)


def test_a_cap_deleted_together_with_the_rule_is_no_gain() -> None:
    """The demo's counter-draft deletes the rule and its cap: two deleted paragraphs."""
    rest = clause(START, EXCEPTION)
    assert said(effects(RULE, "", rest)) == [(
        "bestemmelsen om, at rejsetiden medregnes i arbejdstiden, og at der ydes "
        "befordringsgodtgørelse, er fjernet", WORSE,
    )]  # fmt: skip
    assert said(effects(cap(), "", rest)) == [(
        "loftet på 50 kilometer hver vej over befordringsgodtgørelsen og loftet på én time hver "
        "vej over rejsetiden er fjernet; det har ingen selvstændig betydning, da bestemmelsen "
        "ikke længere siger, at der ydes befordringsgodtgørelse, eller at rejsetiden medregnes i "
        "arbejdstiden", 0,
    )]  # fmt: skip


# -- the assessment every command shows ------------------------------------------------------------
@pytest.mark.parametrize(
    ("before", "after", "favour", "starts"),
    [
        (cap(), "", "medarbejderne", "Loftet på 50 kilometer hver vej over "
         "befordringsgodtgørelsen og loftet på én time"),
        (cap(), cap("30"), "arbejdsgiveren", "Loftet over befordringsgodtgørelsen er sænket"),
        (cap(), cap("80"), "medarbejderne", "Loftet over befordringsgodtgørelsen er hævet"),
        ("", cap(), "arbejdsgiveren", "Der er indført et loft på 50 kilometer hver vej"),
    ],
)  # fmt: skip
def test_assessment_in_the_clause(
    library: Library, before: str, after: str, favour: str, starts: str
) -> None:
    result = assess_change("transport", before, after, library, "lokal",
                           "hjemmet_arbejdssted", clause(START, RULE, EXCEPTION))  # fmt: skip
    assert result.favour == favour
    assert result.text.startswith(starts) and result.text.endswith(".")
    assert result.source.startswith("S1 (Akademikerne: Vejledning til indgåelse af lokalaftaler")


def test_assessment_of_a_cap_deleted_with_its_rule(library: Library) -> None:
    result = assess_change("transport", cap(), "", library, "lokal", "hjemmet_arbejdssted",
                           clause(START, EXCEPTION))  # fmt: skip
    assert result.favour == "neutral"
    assert result.favour_da == "uden betydning for rettigheder og pligter"
    assert "ingen selvstændig betydning" in result.text


def test_two_caps_added_are_said_in_one_sentence(library: Library) -> None:
    result = assess_change("transport", "", cap(), library, "lokal",
                           "hjemmet_arbejdssted", clause(START, RULE, EXCEPTION))  # fmt: skip
    assert result.text == (
        "Der er indført et loft på 50 kilometer hver vej over befordringsgodtgørelsen og et loft "
        "på én time hver vej over rejsetiden."
    )
