"""R63, R86–R89: own equipment, compensation and lapse, in the individual agreement against the
local one (and the local agreement's own equipment clause against the framework definition).

Own equipment is sorted into it equipment (computer, screen, keyboard, mouse, headset, phone,
printer …) and furniture (chair, desk, lamp): a local clause that allows only the employer's it
equipment does not reach a private chair, but it does reach a private screen.
"""

from __future__ import annotations

import re

from assembler.library.values import join_da
from assembler.regex_programs import compile_pattern
from assembler.rules.frame_facts import COMPENSATION_LOCAL, COMPENSATION_NONE
from assembler.rules.model import Fired, RuleInput, emp, rule
from assembler.rules.phrases import ALLOW_FAVOURABLE, FAVOURABLE, NO_BASIS, WORSE, who

IT_KINDS = (
    ("computer", r"computer|\bpc\b|bærbar|laptop|tablet|ipad"),
    ("skærm", r"skærm|monitor"),
    ("tastatur", r"tastatur"),
    ("mus", r"\bmus\b"),
    ("headset", r"headset|hovedtelefon|høretelefon"),
    ("telefon", r"telefon|mobil|smartphone"),
    ("printer", r"printer|scanner"),
    ("webkamera", r"webcam|webkamera"),
    ("dockingstation", r"docking"),
)
FURNITURE_KINDS = (
    ("kontorstol", r"stol"),
    ("bord", r"bord"),
    ("lampe", r"lampe|belysning"),
)
PATTERNS = {kind: compile_pattern(pattern, re.I) for kind, pattern in IT_KINDS + FURNITURE_KINDS}
IT = tuple(kind for kind, _ in IT_KINDS)
# Equipment the employer's systems are reached from; a screen, keyboard or headset plugged into the
# employer's computer is not (the local clause "må kun tilgås fra", read-through 2026-11-27 S-L14).
ACCESS = ("computer", "telefon")


def kinds(texts: tuple[str, ...] | list[str]) -> list[str]:
    """The kinds of equipment named in some lines of text, in a fixed order."""
    return [kind for kind, pattern in PATTERNS.items() if any(pattern.search(t) for t in texts)]


@rule(
    "R63",
    "advarsel",
    "lokal",
    "it_sikkerhed",
    "Privat computer og rammeaftalens definition",
    "Lokalaftalen lader medarbejderne bruge eget it-udstyr, herunder egen computer, når "
    "arbejdsgiveren har godkendt det. Rammeaftalerne beskriver hjemmearbejde som arbejde med pc "
    "og kommunikationsudstyr, som arbejdsgiveren stiller til rådighed, så arbejde på en privat "
    "computer kan falde uden for rammeaftalen. Begræns eget udstyr til skærm, tastatur, mus og "
    "inventar, eller få spørgsmålet afklaret, før aftalen indgås.",
    ("S5", "S12"),
    needs=("lokal.own_it_allowed",),
)
def r63(c: RuleInput) -> Fired:
    return c.local.own_it_allowed


@rule(
    "R86",
    "fejl",
    "individuel",
    "udstyr",
    "Eget udstyr i strid med lokalaftalen",
    "{forhold} {vurdering} {handling}",
    ("S1", "S5", "S12", "S28"),
    needs=(
        "lokal.employer_it_only",
        "lokal.equipment_package",
        "individuel.own_equipment_text",
        "individuel.equipment",
    ),
    summary="Medarbejderen tilgår arbejdsgiverens systemer fra eget udstyr (computer, tablet, "
    "telefon), hvor lokalaftalen kun tillader arbejdsgiverens, eller stiller selv udstyr, som "
    "lokalaftalens udstyrspakke lover fra arbejdsgiveren. Skærm, tastatur, mus og headset, der "
    "tilsluttes arbejdsgiverens computer, og kontorstol, bord og lampe er ikke omfattet af "
    "lokalaftalens krav om arbejdsgiverens udstyr. " + NO_BASIS,
)
def r86(c: RuleInput) -> Fired:
    e, local = emp(c), c.local
    if not e.own_equipment_text:
        return None
    own = kinds([e.own_equipment_text])
    facts, actions = [], []
    own_access = [k for k in own if k in ACCESS]
    if local.employer_it_only and own_access:
        facts.append(
            "Lokalaftalen bestemmer, at arbejdsgiverens systemer kun må tilgås fra udstyr, som "
            f"arbejdsgiveren stiller til rådighed, men efter den individuelle aftale bruger "
            f"{who(c)} eget udstyr ({join_da(own_access)}). Skærm, tastatur, mus og headset, der "
            "tilsluttes arbejdsgiverens computer, og inventar som kontorstol og bord er ikke "
            "omfattet."
        )
        actions.append("Lad arbejdsgiveren stille udstyret til rådighed, eller aftal i "
                       "lokalaftalen, at godkendt eget udstyr kan bruges.")  # fmt: skip
    promised = set(kinds(list(local.equipment_package))) - set(kinds(list(e.equipment)))
    supplied = [k for k in own if k in promised]
    if supplied:
        facts.append(
            f"Lokalaftalen giver alle med en individuel aftale udstyr fra arbejdsgiveren, bl.a. "
            f"{join_da(supplied)}, men efter den individuelle aftale stiller {who(c)} selv det "
            "udstyr."
        )
        actions.append("Før udstyret på listen over arbejdsgiverens udstyr.")
    if not facts:
        return None
    verdict = WORSE if supplied else NO_BASIS
    return {"forhold": " ".join(facts), "vurdering": verdict, "handling": " ".join(actions)}


@rule(
    "R87",
    "fejl",
    "individuel",
    "kompensation",
    "Godtgørelse i strid med lokalaftalen",
    "{forhold} {vurdering} {handling}",
    ("S1", "S2", "S7", "S12"),
    needs=(
        "lokal.compensation_rule",
        "lokal.favourable_terms_allowed",
        "individuel.compensation",
        "individuel.compensation_excluded",
        "individuel.employer_pays_internet",
    ),
    summary="Den individuelle aftale giver godtgørelse eller betalt internet, hvor lokalaftalen "
    "udelukker godtgørelse, eller godtgørelse oven i lokalaftalens (gunstigere, men kun tilladt, "
    "hvis lokalaftalen giver adgang til gunstigere individuelle vilkår), eller udelukker den "
    "godtgørelse, lokalaftalen giver (ringere). " + NO_BASIS,
)
def r87(c: RuleInput) -> Fired:
    e, local = emp(c), c.local
    rule_, allowed = local.compensation_rule, local.favourable_terms_allowed
    if rule_ == COMPENSATION_NONE and (e.compensation or e.employer_pays_internet) and not allowed:
        given = [x for x, on in (("en godtgørelse", e.compensation),
                                 ("en internetforbindelse betalt af arbejdsgiveren",
                                  e.employer_pays_internet)) if on]  # fmt: skip
        return {
            "forhold": "Lokalaftalen bestemmer, at der ikke ydes godtgørelse for udgifter ved "
            "hjemmearbejdet, fx til el, varme og internetforbindelse, men den individuelle aftale "
            f"giver {who(c)} {join_da(given)}.",
            "vurdering": FAVOURABLE,
            "handling": f"Fjern ydelsen fra den individuelle aftale, {ALLOW_FAVOURABLE}.",
        }
    if rule_ == COMPENSATION_LOCAL and e.compensation_excluded:
        return {
            "forhold": "Lokalaftalen giver medarbejdere med en individuel aftale godtgørelse for "
            f"udgifter ved hjemmearbejdet, men den individuelle aftale for {who(c)} siger, at der "
            "ikke ydes godtgørelse.",
            "vurdering": WORSE,
            "handling": "Ret bestemmelsen om merudgifter, så den ikke udelukker lokalaftalens "
            "godtgørelse.",
        }
    if rule_ == COMPENSATION_LOCAL and e.compensation and not allowed:
        return {
            "forhold": "Lokalaftalen giver selv godtgørelse for udgifter ved hjemmearbejdet, og "
            f"den individuelle aftale giver {who(c)} en godtgørelse ud over den.",
            "vurdering": FAVOURABLE,
            "handling": "Aftal godtgørelsen ét sted: efter lokalaftalen eller, hvis lokalaftalen "
            "giver adgang til det, i den individuelle aftale.",
        }
    return None


LAPSE_SOURCES = ("S2", "S53", "S54")
LAPSE_NEEDS = (
    "lokal.lapse_caveat",
    "individuel.lapse_without_notice",
    "individuel.lapse_caveat",
    "individuel.lapse_defers_to_local",
)
LAPSE_CAVEAT_DA = (
    "bestemmer, at ansættelsesforholdets opsigelsesvarsel skal overholdes, hvis bortfaldet er en "
    "væsentlig stillingsændring for medarbejderen"
)


def _caveat_missing(c: RuleInput) -> bool:
    """The individual agreement lapses without notice, and does not itself state the caveat."""
    e = emp(c)
    return c.local.lapse_caveat and e.lapse_without_notice and not e.lapse_caveat


@rule(
    "R88",
    "fejl",
    "individuel",
    "varighed",
    "Ophør uden varsel i strid med lokalaftalen",
    "Den individuelle aftale for {navn} ophører uden varsel, hvis lokalaftalen ophører, men "
    "lokalaftalen "
    + LAPSE_CAVEAT_DA
    + ". "
    + WORSE
    + " Skriv forbeholdet ind i den individuelle aftale.",
    LAPSE_SOURCES,
    needs=LAPSE_NEEDS,
)
def r88(c: RuleInput) -> Fired:
    if _caveat_missing(c) and not emp(c).lapse_defers_to_local:
        return {"navn": who(c)}
    return None


@rule(
    "R89",
    "advarsel",
    "individuel",
    "varighed",
    "Forbeholdet ved ophør står kun i lokalaftalen",
    "Den individuelle aftale for {navn} ophører uden varsel, hvis lokalaftalen ophører, "
    "»medmindre lokalaftalen fastsætter andet«. Det gør lokalaftalen, som "
    + LAPSE_CAVEAT_DA
    + ". Skriv forbeholdet direkte ind i den individuelle aftale, så medarbejderen kan se det "
    "uden at slå op i lokalaftalen.",
    LAPSE_SOURCES,
    needs=LAPSE_NEEDS,
)
def r89(c: RuleInput) -> Fired:
    return {"navn": who(c)} if _caveat_missing(c) and emp(c).lapse_defers_to_local else None
