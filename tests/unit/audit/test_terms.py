"""The term reader: each phrase family in its Danish variations, and the sentences that say the
opposite, which must not read as the term."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from assembler.audit.terms import read_text_facts, text_terms
from assembler.audit.terms.sentences import split_sentences
from assembler.rules.text_facts import Term

D = Decimal


def only(sentence: str, kind: str) -> Term:
    """The single term of a kind in a sentence (not negated)."""
    found = [t for t in text_terms(sentence) if t.kind == kind and not t.negated]
    assert len(found) == 1, (sentence, [(t.kind, t.negated) for t in text_terms(sentence)])
    return found[0]


def values(term: Term, *names: str) -> tuple[Any, ...]:
    return tuple(term.get(n) for n in names)


NOTICES = [
    ("Fremmødet varsles senest kl. 12 dagen før.", D("20.0"), "dagen før kl. 12"),
    ("Medarbejderen kan indkaldes dagen før kl. 15.30.", D("16.5"), "dagen før kl. 15.30"),
    ("Fremmøde varsles senest dagen før.", D("16.0"), "dagen før"),
    ("Fremmødet varsles senest på den 3. arbejdsdag før den pågældende dag.", D("73.5"),
     "tre arbejdsdage"),
    ("Fremmøde varsles senest den tredje arbejdsdag før hjemmearbejdsdagen.", D("73.5"),
     "tre arbejdsdage"),
    ("Arbejdsgiveren kan kræve fremmøde med tre arbejdsdages varsel.", D("73.5"),
     "tre arbejdsdage"),
    ("Ledelsen kan indkalde med to dages varsel.", D(48), "to dage"),
    ("Indkaldelse sker med et varsel på mindst 2 arbejdsdage.", D(49), "to arbejdsdage"),
    ("Medarbejderen kan kaldes ind med 48 timers varsel.", D(48), "48 timer"),
    ("Fremmøde kan kræves samme dag.", D(0), "samme dag"),
    ("Arbejdsgiveren kan indkalde medarbejderen uden varsel.", D(0), "samme dag"),
    ("Beslutningen om fremmøde meddeles så tidligt som muligt.", None, "intet fast varsel"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "hours", "label"), NOTICES)
def test_call_in_notice(sentence: str, hours: Decimal | None, label: str) -> None:
    term = only(sentence, "notice")
    assert values(term, "hours", "label", "by") == (hours, label, "arbejdsgiveren")
    assert sentence[term.start : term.end] == term.quote


@pytest.mark.parametrize(
    "sentence",
    [
        "I uforudsete og uopsættelige situationer kan fremmøde kræves med kortere varsel.",
        "Aftalen kan opsiges med tre måneders varsel.",  # termination, not call-in
        "Medarbejderen arbejder hjemme to dage om ugen.",
    ],
)
def test_no_call_in_notice(sentence: str) -> None:
    assert [t for t in text_terms(sentence) if t.kind == "notice"] == []


def test_the_employees_own_notice_is_told_apart() -> None:
    term = only("Medarbejderen kan møde på arbejdsstedet og giver nærmeste leder besked senest "
                "dagen før.", "notice")  # fmt: skip
    assert term.get("by") == "medarbejderen"


DAYS = [
    ("Medarbejderne kan arbejde hjemme højst to dage om ugen.", D(2), True, "to dage om ugen"),
    ("Hjemmearbejdet kan højst udgøre, hvad der i gennemsnit svarer til 2 af ugens arbejdsdage.",
     D(2), True, "2 af ugens arbejdsdage"),
    ("Hjemmearbejde kan udgøre 5 af ugens arbejdsdage.", D(5), True, "5 af ugens arbejdsdage"),
    ("Hjemmearbejde kan udgøre op til 40 % af arbejdstiden.", D(2), True, "40 % af arbejdstiden"),
    ("Hjemmearbejdet kan udgøre 20-50 % af arbejdstiden.", D("2.5"), True,
     "50 % af arbejdstiden"),
    ("Medarbejderen arbejder hjemme én dag hver anden uge.", D("0.5"), False,
     "én dag hver anden uge"),
    ("Medarbejderen arbejder hjemme 3 dage om måneden.", D("0.69"), False, "tre dage om måneden"),
    ("Medarbejderne kan arbejde hjemme i hele arbejdstiden.", D(5), True, "hele arbejdstiden"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "per_week", "limit", "label"), DAYS)
def test_days_and_caps(sentence: str, per_week: Decimal, limit: bool, label: str) -> None:
    assert values(only(sentence, "days"), "per_week", "limit", "label") == (per_week, limit, label)


@pytest.mark.parametrize(
    "sentence",
    [
        "Udgør skærmarbejdet i hjemmet regelmæssigt mere end to dage om ugen, gælder reglerne.",
        "Antallet af faste fremmødedage er 1 pr. uge.",
        "Hjemmearbejde kan kun udgøre en del af den aftalte arbejdstid.",
        "Hjemmearbejde må ikke udgøre hele arbejdstiden.",
    ],
)
def test_no_home_days(sentence: str) -> None:
    assert [t for t in text_terms(sentence) if t.kind == "days"] == []


CORE = [
    ("På hjemmearbejdsdage skal medarbejderne i tidsrummet kl. 08.30 til kl. 15.30 kunne "
     "kontaktes.", 510, 930, D(7)),
    ("Medarbejderen kan træffes mellem kl. 9 og 14.30.", 540, 870, D("5.5")),
    ("Kernetiden er kl. 8.30–15.30.", 510, 930, D(7)),
    ("Medarbejderne er tilgængelige fra kl. 9 til kl. 15.", 540, 900, D(6)),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "start", "end", "hours"), CORE)
def test_core_hours(sentence: str, start: int, end: int, hours: Decimal) -> None:
    term = only(sentence, "core_hours")
    assert values(term, "start", "end", "hours") == (start, end, hours)
    a, b = term.get("start_span"), term.get("end_span")
    assert sentence[a[0] : a[1]] == term.get("start_text")
    assert sentence[b[0] : b[1]] == term.get("end_text")


def test_core_hours_need_an_availability_context() -> None:
    assert [t for t in text_terms("Kantinen har åbent kl. 11–13.") if t.kind == "core_hours"] == []
    whole = only("Medarbejderen skal kunne kontaktes i hele den planlagte arbejdstid.",
                 "availability")  # fmt: skip
    assert whole.get("mode") == "hele arbejdstiden"


def test_amounts_and_tax() -> None:
    term = only("Der ydes en skattefri godtgørelse på 300 kr. pr. måned.", "amount")
    assert values(term, "amount", "period") == (D(300), "måned")
    assert only("Der udbetales kr. 1.250 årligt som tilskud.", "amount").get("amount") == D(1250)
    assert only("Medarbejderen får en skattefri godtgørelse.", "tax_free")
    assert only("Godtgørelsen udbetales skattefrit.", "tax_free")


@pytest.mark.parametrize(
    "sentence",
    [
        "Godtgørelsen er ikke skattefri.",
        "Godtgørelsen udbetales ikke skattefrit.",
        "Kontant godtgørelse er skattepligtig som løn.",
        "Computeren stilles skattefrit til rådighed.",  # equipment, not cash
    ],
)
def test_tax_free_negatives(sentence: str) -> None:
    assert [t for t in text_terms(sentence) if t.kind == "tax_free" and not t.negated] == []


def test_private_equipment() -> None:
    duty = only("Medarbejderen stiller selv pc og skærm til rådighed.", "equipment")
    assert values(duty, "computer", "optional") == (True, False)
    assert duty.get("devices") == ("pc", "skærm")
    option = only("Medarbejderen kan efter eget ønske bruge egen computer.", "equipment")
    assert option.get("optional") is True
    chair = only("Medarbejderen bruger sin egen kontorstol.", "equipment")
    assert chair.get("computer") is False


@pytest.mark.parametrize(
    "sentence",
    [
        "Arbejdsgiveren stiller pc og skærm til rådighed.",
        "Medarbejderen må ikke bruge privat udstyr til arbejdet.",
        "Medarbejderen skal ikke stille egen computer til rådighed.",
    ],
)
def test_no_private_equipment(sentence: str) -> None:
    assert [t for t in text_terms(sentence) if t.kind == "equipment" and not t.negated] == []


TERMINATIONS = [
    ("Aftalen kan opsiges af ledelsen uden varsel.", D(0), "arbejdsgiveren"),
    ("Aftalen kan opsiges med tre måneders varsel.", D(3), "begge"),
    ("Arbejdsgiveren kan opsige aftalen med øjeblikkelig virkning.", D(0), "arbejdsgiveren"),
    ("Aftalen kan opsiges skriftligt af hver af parterne til ophør ved udgangen af den 3. måned "
     "efter den måned, hvor opsigelsen er kommet frem.", D(3), "begge"),
    ("Den individuelle aftale kan opsiges med et varsel på 1 måned.", D(1), "begge"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "months", "party"), TERMINATIONS)
def test_termination(sentence: str, months: Decimal, party: str) -> None:
    assert values(only(sentence, "termination"), "months", "party") == (months, party)


def test_termination_without_notice_negated() -> None:
    sentence = "Aftalen kan ikke opsiges uden varsel."
    assert [
        t for t in text_terms(sentence) if t.kind == "termination" and t.get("months") == 0
    ] == []


IMPOSED = [
    "Arbejdsgiveren kan pålægge medarbejderne hjemmearbejde, når driften kræver det.",
    "Ledelsen kan dog pålægge hjemmearbejde.",
    "Medarbejderne har pligt til at arbejde hjemme to dage om ugen.",
    "Hjemmearbejde kan gøres til en betingelse for fortsat ansættelse.",
]
VOLUNTARY = [
    "Arbejdsgiveren kan ikke pålægge medarbejderne hjemmearbejde.",
    "Hjemmearbejde kan ikke pålægges.",
    "Aftalen giver hverken ret eller pligt til hjemmearbejde.",
    "Aftalen giver ikke medarbejderne ret til hjemmearbejde og pålægger dem ikke pligt til det.",
]


@pytest.mark.parametrize("sentence", IMPOSED)
def test_compulsion(sentence: str) -> None:
    assert only(sentence, "compulsion")


@pytest.mark.parametrize("sentence", VOLUNTARY)
def test_voluntariness_is_not_compulsion(sentence: str) -> None:
    terms = text_terms(sentence)
    assert [t for t in terms if t.kind == "compulsion" and not t.negated] == []
    assert any(t.kind == "voluntary" and not t.negated for t in terms)


def test_calling_in_is_not_compulsion() -> None:
    sentence = ("Arbejdsgiveren kan pålægge en medarbejder at møde på arbejdsstedet på en planlagt "
                "hjemmearbejdsdag.")  # fmt: skip
    kinds = {t.kind for t in text_terms(sentence)}
    assert "compulsion" not in kinds and "call_in" in kinds


def test_suspension_with_its_limits_from_the_next_sentence() -> None:
    paragraph = ("Arbejdsgiveren kan midlertidigt indstille hjemmearbejdet i en enhed, når driften "
                 "kræver det. Indstillingen drøftes forinden i samarbejdsudvalget og gælder højst "
                 "tre måneder ad gangen.")  # fmt: skip
    term = only(paragraph, "suspension")
    assert values(term, "actor", "temporary", "duration", "renewable", "consulted", "agreed",
                  "unit_scope") == ("arbejdsgiveren", True, "tre måneder", True, True, False,
                                    True)  # fmt: skip
    revoke = only("Ledelsen kan tilbagekalde retten til hjemmearbejde.", "suspension")
    assert revoke.get("revocation") is True and revoke.get("duration") == ""
    passive = only("Hjemmearbejdet kan suspenderes, når driften kræver det.", "suspension")
    assert passive.get("actor") == "uangivet"


@pytest.mark.parametrize(
    "sentence",
    [
        "Hjemmearbejdet kan kun indstilles efter aftale med tillidsrepræsentanten.",
        "Arbejdsgiveren kan ikke ensidigt indstille hjemmearbejdet.",
        "Medarbejderen kan træde ud af ordningen ved at opsige den individuelle aftale.",
    ],
)
def test_suspension_negatives(sentence: str) -> None:
    unilateral = [
        t for t in text_terms(sentence)
        if t.kind == "suspension" and not t.negated and not t.get("agreed")
    ]  # fmt: skip
    assert unilateral == []


def test_who_may_decide() -> None:
    change = only("Arbejdsgiveren kan ensidigt ændre placeringen af hjemmearbejdsdagene.",
                  "change_power")  # fmt: skip
    assert values(change, "actor", "unilateral", "agreed") == ("arbejdsgiveren", True, False)
    agreed = only("Ledelsen kan efter aftale med medarbejderen ændre hjemmearbejdsdagene.",
                  "change_power")  # fmt: skip
    assert agreed.get("agreed") is True
    refused = text_terms(
        "En planlagt hjemmearbejdsdag kan kun ændres, hvis leder og medarbejder er enige. "
        "Arbejdsgiveren kan ikke ensidigt pålægge fremmøde."
    )
    assert [t.negated for t in refused if t.kind == "call_in"] == [True]


def test_transport() -> None:
    start = text_terms("Når medarbejderen kaldes ind, regnes hjemmet som udgangspunkt for rejsen.")
    assert [t.kind for t in start] == ["transport_start"]
    full = text_terms("Rejsetiden fra hjemmet medregnes i arbejdstiden, og der ydes "
                      "befordringsgodtgørelse efter reglerne om tjenesterejser.")  # fmt: skip
    assert {(t.kind, t.negated) for t in full} == {("transport_time", False),
                                                   ("transport_allowance", False)}  # fmt: skip
    denied = text_terms("Transporten medregnes ikke i arbejdstiden og giver ikke ret til "
                        "befordringsgodtgørelse.")  # fmt: skip
    assert {(t.kind, t.negated) for t in denied} == {("transport_time", True),
                                                     ("transport_allowance", True)}  # fmt: skip


def test_sentences_keep_abbreviations_together() -> None:
    text = "Kernetiden er kl. 9.00 til kl. 14.30, jf. § 3. Den gælder bl.a. på hjemmedage. Slut."
    assert [s for _, s in split_sentences(text)] == [
        "Kernetiden er kl. 9.00 til kl. 14.30, jf. § 3.",
        "Den gælder bl.a. på hjemmedage.",
        "Slut.",
    ]


def test_unread_topics_are_named() -> None:
    paragraphs = [
        (1, "Transport på hjemmearbejdsdage følger de almindelige regler.", "transport"),
        (2, "Medarbejderen kan træffes mellem kl. 9 og 14.", "tilgaengelighed"),
    ]
    facts = read_text_facts("lokal", paragraphs, ["transport", "tilgaengelighed"])
    assert [topic for topic, _ in facts.unread] == ["transport"]
    assert "rejsetid" in facts.unread[0][1]
