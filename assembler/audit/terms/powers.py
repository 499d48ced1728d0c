"""Who may decide what: call-in, changes, suspension and revocation, compulsion, voluntariness."""

from __future__ import annotations

import re

from assembler.audit.terms.numbers import NUM, number, plural
from assembler.audit.terms.periods import EMPLOYER
from assembler.audit.terms.sentences import Sentence, negated
from assembler.regex import LazyPattern
from assembler.regex_programs import compile_pattern
from assembler.rules.text_facts import Term

ACTOR = LazyPattern(
    rf"\b(?P<actor>{EMPLOYER}|[A-ZÆØÅ]\w*(?:styrelsen|kommune|region|ministeriet)|"
    r"medarbejder\w*|den\s+ansatte|parterne|tillidsrepræsentant\w*)\b",
    re.I,
)
MODAL = (
    r"(?:kan|må|skal|er\s+berettiget\s+til\s+at|har\s+ret\s+til\s+at|"
    r"forbeholder\s+sig\s+(?:ret(?:ten)?\s+)?til\s+at)"
)
AGREED = LazyPattern(
    r"efter\s+aftale|kun\s+(?:efter|ved)\s+aftale|i\s+enighed|i\s+fællesskab|"
    r"(?:parterne|begge\s+parter|medarbejderen\s+og\s+\w+\s+leder)\s+er\s+enige|"
    r"med\s+(?:medarbejderens|tillidsrepræsentantens|organisationernes|\w+s)\s+"
    r"(?:samtykke|accept|godkendelse)|aftales\s+med|skal\s+aftales",
    re.I,
)
UNILATERAL = LazyPattern(r"\bensidigt?\b", re.I)
HOME_WORK = r"(?:hjemmearbejde(?:t)?\b(?!s)|hjemmearbejdsordning\w*|ordningen|distancearbejde\w*|"
HOME_WORK += r"de\s+individuelle\s+aftaler|individuelle\s+aftaler|retten\s+til\s+hjemmearbejde)"


def _actor(text: str, before: int) -> str:
    """The side that holds a power: the last actor named before the verb."""
    found = [m.group("actor").casefold() for m in ACTOR.finditer(text[:before])]
    if not found:
        return "uangivet"
    last = found[-1]
    if last.startswith(("medarbejder", "den ansatte")):
        return "medarbejderen"
    if last.startswith(("parterne", "tillidsrepr")):
        return "parterne"
    return "arbejdsgiveren"


def _term(s: Sentence, kind: str, m: re.Match[str], values: dict, neg: bool) -> Term:
    start, end = s.span(m)
    return Term(kind, values, s.para, start, end, m.group(0), s.topic, neg)


CALL_IN = LazyPattern(
    MODAL + r"\s+(?:\w+\s+){0,3}?(?P<verb>pålægge|kræve|beordre|indkalde|kalde)\w*\s+"
    r"(?:\w+\s+){0,5}?(?:at\s+møde|fremmøde|til\s+fremmøde|ind\b|møde\s+på)",
    re.I,
)
CALL_IN_PASSIVE = LazyPattern(r"fremmøde\s+kan\s+(?:\w+\s+){0,2}(?:kræves|pålægges)", re.I)


def call_in_terms(s: Sentence) -> list[Term]:
    """A power to require attendance on a planned home day."""
    text = s.text
    for m in [*CALL_IN.finditer(text), *CALL_IN_PASSIVE.finditer(text)]:
        actor = _actor(text, m.start())
        if actor == "medarbejderen":
            continue
        neg = negated(text[max(0, m.start() - 30) : m.end()])
        values = {"actor": actor, "agreed": bool(AGREED.search(text)),
                  "unilateral": bool(UNILATERAL.search(text))}  # fmt: skip
        return [_term(s, "call_in", m, values, neg)]
    return []


CHANGE = LazyPattern(
    MODAL + r"\s+(?:\w+\s+){0,5}?(?P<verb>ændre|flytte|aflyse|omlægge|inddrage)\w*\s+"
    r"(?:\w+\s+){0,4}?(?P<what>hjemmearbejdsdag\w*|placering\w*|aftalen\b|den\s+individuelle\s+aftale|"
    r"de\s+individuelle\s+aftaler|omfanget)",
    re.I,
)


def change_terms(s: Sentence) -> list[Term]:
    """A power to change planned home days or the agreement itself."""
    text = s.text
    for m in CHANGE.finditer(text):
        actor = _actor(text, m.start())
        if actor in ("medarbejderen", "parterne"):
            continue
        neg = negated(text[max(0, m.start() - 30) : m.end()])
        values = {"actor": actor, "agreed": bool(AGREED.search(text)),
                  "unilateral": bool(UNILATERAL.search(text)),
                  "what": m.group("what").casefold()}  # fmt: skip
        return [_term(s, "change_power", m, values, neg)]
    return []


SUSPEND_VERB = (
    r"(?P<verb>indstille|suspendere|sætte\s+(?:\w+\s+){0,3}?i\s+bero|afbryde|standse|"
    r"sætte\s+(?:\w+\s+){0,3}?(?:på\s+pause|ud\s+af\s+kraft)|tilbagekalde|inddrage|ophæve|"
    r"bringe\s+(?:\w+\s+){0,3}?til\s+ophør|trække\s+(?:\w+\s+){0,3}?tilbage)\w*"
)
SUSPEND_HINT = LazyPattern(
    r"indstil|suspend|bero|afbry|stands|pause|kraft|tilbagekald|inddrag|ophæv|ophør|tilbage", re.I
)
SUSPEND = LazyPattern(
    MODAL + r"\s+(?:\w+\s+){0,3}?(?P<temp>midlertidigt\s+)?" + SUSPEND_VERB + r"\s+"
    r"(?:\w+\s+){0,3}?" + HOME_WORK,
    re.I,
)
SUSPEND_PASSIVE = LazyPattern(
    HOME_WORK + r"\s+(?:i\s+\w+\s+)?(?:kan|må)\s+(?:\w+\s+){0,2}?(?P<temp>midlertidigt\s+)?"
    r"(?P<verb>indstilles|suspenderes|sættes\s+i\s+bero|afbrydes|standses|tilbagekaldes|"
    r"inddrages|ophæves)",
    re.I,
)
SUSPEND_NOUN = compile_pattern(  # a re.Pattern: negotiate/replies.py passes it on as one
    r"\b(indstilling|suspension|tilbagekaldelse|inddragelse)\w*", re.I
)
DURATION = LazyPattern(
    r"(?:i\s+)?(?:højst|maksimalt|op\s+til|i\s+en\s+periode\s+på\s+højst)\s+(?P<n>" + NUM + r")\s+"
    r"(?P<unit>måned|uge|dag)\w*",
    re.I,
)
RENEWABLE = LazyPattern(r"ad\s+gangen|kan\s+forlænges|forlænges|gentages", re.I)
CONSULT = LazyPattern(r"drøft\w*|orienter\w*|\bhør\w*|forelægge\w*|inddrag\w*\s+(?:i\s+)?", re.I)
SCOPE_UNIT = LazyPattern(
    r"i\s+en\s+enhed|for\s+en\s+enhed|i\s+enheden|for\s+enheden|i\s+en\s+afdeling", re.I
)


def suspension_terms(s: Sentence, following: str) -> list[Term]:
    """A power to suspend or revoke home work, with its limits (read also from `following`,
    the rest of the paragraph, where drafts put 'drøftes forinden …' and 'højst tre måneder')."""
    text = s.text
    if not SUSPEND_HINT.search(text):
        return []
    for m in [*SUSPEND.finditer(text), *SUSPEND_PASSIVE.finditer(text)]:
        actor = _actor(text, m.start())
        if actor in ("medarbejderen", "parterne"):
            continue
        verb = m.group("verb").casefold()
        if verb.startswith("ophæv") and re.search(
            r"arbejdsmiljø|misligholdelse|overholder", text, re.I
        ):
            continue  # cancellation for breach of duties (S2 IA-16) is not a suspension power
        neg = negated(text[max(0, m.start() - 30) : m.end()])
        rest = text + " " + following
        nouns = SUSPEND_NOUN.search(following)
        context = rest if nouns or not following else text
        duration = DURATION.search(context)
        months = None
        label = ""
        if duration:
            n = number(duration.group("n"))
            unit = duration.group("unit").casefold()
            many = {"måned": "måneder", "uge": "uger", "dag": "dage"}[unit]
            label = plural(n or 0, unit, many)
            months = n if unit == "måned" else None
        revocation = verb.startswith(("tilbagekald", "inddrag", "ophæv", "bringe", "trække"))
        values = {
            "actor": actor,
            "agreed": bool(AGREED.search(context)),
            "consulted": bool(CONSULT.search(context)),
            "temporary": bool(m.group("temp")) or bool(duration),
            "duration": label,
            "months": months,
            "renewable": bool(RENEWABLE.search(context)),
            "unit_scope": bool(SCOPE_UNIT.search(text)),
            "revocation": revocation,
            "unilateral": bool(UNILATERAL.search(text)),
        }
        return [_term(s, "suspension", m, values, neg)]
    return []


COMPEL_HINT = LazyPattern(r"pålæg|beordr|påbyd|kræv|bestem|send|pligt|forpligt|betingelse", re.I)
COMPEL = LazyPattern(
    r"(?P<verb>pålægge|beordre|påbyde|kræve|bestemme|hjemsende|sende)\w*\s+(?:\w+\s+){0,4}?"
    r"(?P<obj>hjemmearbejde\b(?!s)|at\s+arbejde\s+(?:hjemme|hjemmefra)|arbejde\s+hjemmefra|"
    r"til\s+hjemmearbejde\b)",
    re.I,
)
COMPEL_PASSIVE = LazyPattern(
    r"hjemmearbejde\s+kan\s+(?:\w+\s+){0,2}?(?:pålægges|beordres|kræves)", re.I
)
DUTY = LazyPattern(
    r"(?:pligt|forpligtet?|forpligtelse)\s+til\s+(?:at\s+)?(?:udføre\s+)?(?:hjemmearbejde\b(?!s)|"
    r"arbejde\s+(?:hjemme|hjemmefra))",
    re.I,
)
CONTINUED = LazyPattern(r"betingelse\s+for\s+(?:den\s+)?fortsat\w*\s+ansættelse", re.I)


def compulsion_terms(s: Sentence) -> list[Term]:
    """Home work imposed on staff: 'kan pålægge medarbejderne hjemmearbejde', 'pligt til …'."""
    text = s.text
    out: list[Term] = []
    if not COMPEL_HINT.search(text):
        return out
    for pattern in (COMPEL, COMPEL_PASSIVE, DUTY, CONTINUED):
        for m in pattern.finditer(text):
            actor = _actor(text, m.start())
            if (
                pattern is COMPEL
                and actor == "medarbejderen"
                and not re.search(r"medarbejder\w*\s+(?:har|skal)", text[: m.start()], re.I)
            ):
                continue
            if (
                pattern is COMPEL
                and m.group("verb").casefold().startswith("sende")
                and not re.search(r"hjem", m.group(0), re.I)
            ):
                continue
            window = text[max(0, m.start() - 40) : m.end()]
            neg = negated(window) or bool(re.search(r"\bhverken\b", text, re.I))
            if pattern is DUTY and re.search(
                r"\bret\s+eller\s+pligt|\bret\s+til\s+.{0,40}\bpligt", text, re.I
            ):
                neg = neg or negated(text)
            values = {"actor": actor, "continued": pattern is CONTINUED}
            out.append(_term(s, "compulsion", m, values, neg))
            break
        if out:
            break
    return out


VOLUNTARY_HINT = LazyPattern(r"frivillig|pligt|betingelse|ansættelsesvilkår|stillingsopslag", re.I)
VOLUNTARY = LazyPattern(
    r"\bfrivillig\w*|hverken\s+(?:en\s+)?ret\s+eller\s+(?:en\s+)?pligt|ingen\s+pligt\s+til|"
    r"ikke\s+(?:en\s+)?pligt\s+til|pålægger\s+\w+\s+ikke\s+pligt",
    re.I,
)
HIRING = LazyPattern(
    r"betingelse\s+for\s+(?:en\s+)?ansættelse|ansættelsesvilkår|stillingsopslag", re.I
)


def voluntary_terms(s: Sentence, compulsion: list[Term]) -> list[Term]:
    """Voluntariness stated, or a negated compulsion ('kan ikke pålægges')."""
    text = s.text
    out: list[Term] = []
    if not compulsion and not VOLUNTARY_HINT.search(text):
        return out
    for m in VOLUNTARY.finditer(text):
        before = text[max(0, m.start() - 20) : m.start()]
        neg = bool(re.search(r"\bikke\b", before, re.I)) and "frivillig" in m.group(0).casefold()
        out.append(_term(s, "voluntary", m, {}, neg))
        break
    for term in compulsion:
        if term.negated and not out:
            out.append(
                Term("voluntary", {}, term.para, term.start, term.end, term.quote, term.topic)
            )
    for m in HIRING.finditer(text):
        if CONTINUED.search(text) or not re.search(r"hjemmearbejd\w*", text, re.I):
            continue
        neg = negated(text[max(0, m.start() - 50) : m.start()])
        out.append(_term(s, "hiring_condition", m, {}, neg))
        break
    return out
