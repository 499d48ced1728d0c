"""R90–R99: each text rule fires on wording that does the thing and stays silent on wording that
says the opposite; none fires on facts from answers (no text)."""

from __future__ import annotations

import pytest

from assembler.audit.terms import read_text_facts
from assembler.rules import all_rules, run_rules
from assembler.rules.engine import EmployeeCase
from assembler.rules.facts import EmployeeFacts, LocalFacts, all_known
from assembler.rules.text_common import evidence
from tests.unit.rules.test_rules import BASE_EMPLOYEE, BASE_LOCAL

ALL_LOCAL_TOPICS = ("parter", "omraade", "frivillighed", "undtagelser", "tilgaengelighed",
                    "transport", "oekonomi", "it_sikkerhed", "ikrafttraeden")  # fmt: skip


def local_findings(sector: str, paragraphs: list[tuple[str, str]],
                   topics: tuple[str, ...] = ALL_LOCAL_TOPICS) -> dict[str, str]:  # fmt: skip
    """Rule id → severity of the text rules for a local draft of (topic, paragraph) pairs."""
    text = read_text_facts("lokal", [(i, p, t) for i, (t, p) in enumerate(paragraphs)], topics)
    local = BASE_LOCAL._replace(text=text)
    return {f.rule: f.severity for f in run_rules(sector, local) if int(f.rule[1:]) >= 90}


def employee_findings(sector: str, paragraphs: list[tuple[str, str]]) -> dict[str, str]:
    """Rule id → severity of the text rules for an individual draft."""
    topics = tuple(t for t, _ in paragraphs)
    text = read_text_facts("individuel", [(i, p, t) for i, (t, p) in enumerate(paragraphs)],
                           topics)  # fmt: skip
    facts = BASE_EMPLOYEE._replace(text=text)
    findings = run_rules(sector, BASE_LOCAL, [EmployeeCase("anne.docx", "Anne", facts)],
                         check_local=False)  # fmt: skip
    return {f.rule: f.severity for f in findings if int(f.rule[1:]) >= 90}


# (rule, sector, topic, firing paragraph, silent paragraph saying the opposite, severity)
CASES = [
    ("R90", "stat", "frivillighed",
     "Arbejdsgiveren kan pålægge medarbejderne hjemmearbejde, når driften kræver det.",
     "Arbejdsgiveren kan ikke pålægge medarbejderne hjemmearbejde.", "fejl"),
    ("R90", "kommune", "frivillighed", "Ledelsen kan dog pålægge hjemmearbejde.",
     "Hjemmearbejde er frivilligt og kan ikke pålægges.", "fejl"),
    ("R92", "stat", "undtagelser",
     "Arbejdsgiveren kan midlertidigt indstille hjemmearbejdet i en enhed, når driften kræver det. "
     "Indstillingen drøftes forinden i samarbejdsudvalget og gælder højst tre måneder ad gangen.",
     "Hjemmearbejdet kan kun indstilles efter aftale med tillidsrepræsentanten.", "advarsel"),
    ("R92", "region", "undtagelser", "Ledelsen kan tilbagekalde retten til hjemmearbejde.",
     "Ledelsen kan ikke ensidigt tilbagekalde retten til hjemmearbejde.", "advarsel"),
    ("R93", "stat", "undtagelser", "Fremmødet varsles senest kl. 12 dagen før.",
     "Fremmødet varsles senest på den 3. arbejdsdag før den pågældende dag.", "advarsel"),
    ("R93", "kommune", "undtagelser",
     "Arbejdsgiveren kan kræve fremmøde; beslutningen meddeles så tidligt som muligt.",
     "Arbejdsgiveren kan kræve fremmøde med to arbejdsdages varsel.", "advarsel"),
    ("R94", "stat", "tilgaengelighed",
     "Medarbejderne skal kunne kontaktes i tidsrummet kl. 08.30 til kl. 15.30.",
     "Medarbejderne skal kunne kontaktes mellem kl. 9 og 14.", "advarsel"),
    ("R94", "stat", "tilgaengelighed",
     "Medarbejderne skal kunne kontaktes i hele den planlagte arbejdstid.",
     "Medarbejderne viser deres tilgængelighed i kalenderen.", "advarsel"),
    ("R95", "stat", "transport",
     "Når medarbejderen kaldes ind, regnes hjemmet som udgangspunkt for rejsen.",
     "Når medarbejderen kaldes ind, regnes hjemmet som udgangspunkt for rejsen, og rejsetiden "
     "medregnes i arbejdstiden.", "advarsel"),
    ("R96", "stat", "ikrafttraeden", "Aftalen kan opsiges af ledelsen uden varsel.",
     "Aftalen kan opsiges af hver af parterne med tre måneders varsel.", "advarsel"),
    ("R97", "stat", "oekonomi", "Der ydes en skattefri godtgørelse på 300 kr. pr. måned.",
     "Der ydes en godtgørelse på 300 kr. pr. måned. Godtgørelsen er ikke skattefri.", "fejl"),
    ("R98", "stat", "it_sikkerhed", "Medarbejderen stiller selv pc og skærm til rådighed.",
     "Arbejdsgiveren stiller pc og skærm til rådighed.", "advarsel"),
    ("R98", "kommune", "it_sikkerhed", "Medarbejderen kan efter eget ønske bruge egen computer.",
     "Medarbejderen må ikke bruge privat udstyr til arbejdet.", "info"),
    ("R99", "stat", "omraade", "Hjemmearbejde kan udgøre 5 af ugens arbejdsdage.",
     "Hjemmearbejde kan udgøre højst 2 af ugens arbejdsdage.", "fejl"),
    ("R99", "region", "omraade", "Medarbejderne kan arbejde hjemme i hele arbejdstiden.",
     "Hjemmearbejde kan kun udgøre en del af arbejdstiden.", "fejl"),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "sector", "topic", "fires", "silent", "severity"), CASES,
                         ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])  # fmt: skip
def test_local_text_rule(rule: str, sector: str, topic: str, fires: str, silent: str,
                         severity: str) -> None:  # fmt: skip
    assert local_findings(sector, [(topic, fires)]).get(rule) == severity
    assert rule not in local_findings(sector, [(topic, silent)])


def test_individual_text_rules() -> None:
    found = employee_findings("stat", [
        ("opsigelse", "Aftalen kan opsiges af ledelsen uden varsel."),
        ("kompensation", "Medarbejderen får en skattefri godtgørelse på 200 kr. om måneden."),
        ("udstyr", "Medarbejderen stiller selv pc og skærm til rådighed."),
        ("aendring", "Ledelsen kan indkalde medarbejderen samme dag."),
        ("kontakttid", "Medarbejderen skal kunne træffes kl. 8–16."),
    ])  # fmt: skip
    assert found == {"R96": "advarsel", "R97": "fejl", "R98": "advarsel", "R93": "advarsel",
                     "R94": "advarsel"}  # fmt: skip


def test_missing_required_topics() -> None:
    text = read_text_facts("lokal", [(0, "Rejsetiden medregnes i arbejdstiden.", "transport")],
                           ["transport"])  # fmt: skip
    for sector, scope in (("stat", "fejl"), ("kommune", "advarsel")):
        findings = run_rules(sector, BASE_LOCAL._replace(text=text))
        missing = sorted((f.topic, f.severity) for f in findings if f.rule == "R91")
        assert missing == [("frivillighed", "advarsel"), ("omraade", scope),
                           ("parter", "fejl"), ("undtagelser", "advarsel")]  # fmt: skip
    assert "ingen bestemmelse om frivillighed" in next(
        f.message_da for f in findings if f.topic == "frivillighed"
    )


def test_messages_quote_the_words_and_evidence_points_at_them() -> None:
    paragraph = ("Arbejdsgiveren kan midlertidigt indstille hjemmearbejdet i en enhed, når driften "
                 "kræver det. Indstillingen drøftes forinden i samarbejdsudvalget og gælder højst "
                 "tre måneder ad gangen.")  # fmt: skip
    text = read_text_facts("lokal", [(7, paragraph, "undtagelser")], ALL_LOCAL_TOPICS)
    findings = run_rules("stat", BASE_LOCAL._replace(text=text))
    r92 = next(f for f in findings if f.rule == "R92")
    assert "„kan midlertidigt indstille hjemmearbejdet“" in r92.message_da
    assert "højst tre måneder ad gangen" in r92.message_da
    assert "en måneds varsel efter rammeaftalens § 8, stk. 2" in r92.message_da
    assert "skal kun høres" in r92.message_da and "S2" in r92.sources
    term = evidence(r92, text)
    assert term is not None and term.para == 7
    assert paragraph[term.start : term.end] == "kan midlertidigt indstille hjemmearbejdet"


def test_text_rules_never_fire_on_answers() -> None:
    local = LocalFacts(known=all_known(LocalFacts))
    employee = EmployeeFacts(known=all_known(EmployeeFacts))
    findings = run_rules("stat", local, [EmployeeCase("x", "", employee)])
    assert not [f for f in findings if int(f.rule[1:]) >= 90]


def test_every_text_rule_is_registered_with_metadata() -> None:
    text_ids = {f"R{n}" for n in range(90, 100)} | {"R110"}
    text_rules = [r for r in all_rules() if r.id in text_ids]
    assert {r.id for r in all_rules()} >= text_ids
    assert {c[0] for c in CASES} | {"R91", "R110"} == {r.id for r in text_rules}
    for r in text_rules:
        assert r.needs and r.sources and r.title and r.message
