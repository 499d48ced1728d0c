"""Periods a sentence sets: call-in notice, termination notice, home days and core hours."""

from __future__ import annotations

import re
from decimal import Decimal

from assembler.audit.terms.numbers import CLOCK, NUM, ORD, clock_da, minutes, number, plural
from assembler.audit.terms.sentences import Sentence, negated
from assembler.regex import LazyPattern
from assembler.rules.text_facts import Term

WORKING_DAY_HOURS = Decimal(24)
VARSEL = LazyPattern(r"\bvarsel\b", re.I)
BEFORE = LazyPattern(r"før|forinden|inden|forvejen|foregående", re.I)
# The call-in context: attendance on a planned home day, or changing it.
CALL_IN = LazyPattern(
    r"fremmød\w*|\bmøde\w*\s+(ind|op|frem|på\s+arbejds\w+|på\s+kontoret)|indkald\w*|kald\w*\s+ind|"
    r"hjemmearbejdsdag\w*|\bvarsle\w*|\bpålæg(?:get|gets)?\b",
    re.I,
)
CALL_IN_TOPICS = ("undtagelser", "aendring")  # a bare "varsel" there is the call-in notice
TERMINATION = LazyPattern(r"\bopsig\w*|\bophør\w*|\bophæv\w*", re.I)
DAY_BEFORE = LazyPattern(
    r"(?:senest\s+)?(?:kl\.\s*(?P<h1>" + CLOCK + r")\s+)?(?:på\s+)?"
    r"(?P<what>dagen|arbejdsdagen|hverdagen|den\s+foregående\s+(?:arbejds|hver)?dag)\s+"
    r"(?:før|forinden|inden|i\s+forvejen)?(?:\s+kl\.\s*(?P<h2>" + CLOCK + r"))?",
    re.I,
)
NTH_DAY = LazyPattern(
    r"senest\s+(?:på\s+)?den\s+(?P<n>" + ORD + r")\s*(?P<unit>arbejdsdag|hverdag|dag)\w*\s+"
    r"(?:før|forud|inden|forinden)",
    re.I,
)
COUNTED = LazyPattern(
    r"(?:(?:med\s+)?(?:et\s+)?(?:varsel\s+på\s+)?(?:mindst\s+|minimum\s+|senest\s+)?)"
    r"(?P<n>"
    + NUM
    + r")\s+(?P<unit>arbejdsdag|hverdag|dag|døgn|time|uge)(?:es|ers|e|s|er|rs|r)?\s+"
    r"(?P<tail>varsel|før|forinden|inden|i\s+forvejen|forud)",
    re.I,
)
VARSEL_PAA = LazyPattern(
    r"varsel\s+på\s+(?:mindst\s+|minimum\s+)?(?P<n>" + NUM + r")\s+"
    r"(?P<unit>arbejdsdag|hverdag|dag|døgn|time|uge)\w*",
    re.I,
)
SAME_DAY = LazyPattern(r"\b(?:samme\s+dag|uden\s+varsel|med\s+dags\s+varsel)\b", re.I)
NO_FIXED = LazyPattern(
    r"så\s+tidligt\s+som\s+muligt|hurtigst\s+muligt|uden\s+fast\s+varsel|rimeligt\s+varsel", re.I
)
SHORTER = LazyPattern(r"kortere\s+varsel|kortere\s+frist", re.I)
UNIT_HOURS = {
    "arbejdsdag": WORKING_DAY_HOURS,
    "hverdag": WORKING_DAY_HOURS,
    "dag": Decimal(24),
    "døgn": Decimal(24),
    "time": Decimal(1),
    "uge": Decimal(24 * 7),
}
UNIT_NAMES = {
    "arbejdsdag": ("arbejdsdag", "arbejdsdage"),
    "hverdag": ("hverdag", "hverdage"),
    "dag": ("dag", "dage"),
    "døgn": ("døgn", "døgn"),
    "time": ("time", "timer"),
    "uge": ("uge", "uger"),
}
START_OF_DAY = 8 * 60  # a home day starts about 8.00: "kl. 12 dagen før" is 20 hours' notice


def _term(s: Sentence, kind: str, m: re.Match[str], values: dict, neg: bool = False) -> Term:
    start, end = s.span(m)
    quote = m.group(0)
    lead = len(quote) - len(quote.lstrip())
    return Term(kind, values, s.para, start + lead, end, quote.strip(), s.topic, neg)


def clock_label(total: int) -> str:
    """'kl. 12' on the hour, 'kl. 8.30' otherwise."""
    return f"kl. {total // 60}" if total % 60 == 0 else f"kl. {clock_da(total)}"


EMPLOYEE_NOTICE = LazyPattern(
    r"medarbejder\w*\s+(?:\w+\s+){0,12}?(?:giver\w*|meddeler|underretter|orienterer|"
    r"varsler)\b",
    re.I,
)


def notice_terms(s: Sentence) -> list[Term]:
    """The notice before a call-in: 'senest kl. 12 dagen før', 'med tre arbejdsdages varsel'.
    values["by"] says who gives it: the employer, or the employee who wants to come in."""
    terms = _notice_terms(s)
    if terms and EMPLOYEE_NOTICE.search(s.text[: terms[0].start - s.start]):
        return [terms[0]._replace(values={**terms[0].values, "by": "medarbejderen"})]
    return [t._replace(values={**t.values, "by": "arbejdsgiveren"}) for t in terms]


def _notice_terms(s: Sentence) -> list[Term]:
    """The notice term of a sentence about calling staff in, if any."""
    text = s.text
    in_clause = s.topic in CALL_IN_TOPICS and VARSEL.search(text)
    if not (CALL_IN.search(text) or in_clause) or TERMINATION.search(text):
        return []
    for m in NTH_DAY.finditer(text):
        n = number(m.group("n")) or Decimal(0)
        unit = m.group("unit").casefold()
        hours = n * UNIT_HOURS[unit] + (Decimal("0.5") * n if unit != "dag" else 0)
        label = plural(n, *UNIT_NAMES[unit])
        return [_term(s, "notice", m, {"hours": hours, "label": label, "unit": unit, "n": n})]
    for m in [*COUNTED.finditer(text), *VARSEL_PAA.finditer(text)]:
        if SHORTER.search(text[max(0, m.start() - 20) : m.start()]):
            continue
        n = number(m.group("n")) or Decimal(0)
        unit = m.group("unit").casefold()
        # N working days are more than N calendar days: a small margin keeps that order.
        hours = n * UNIT_HOURS[unit] + (
            Decimal("0.5") * n if unit in ("arbejdsdag", "hverdag") else 0
        )
        label = plural(n, *UNIT_NAMES[unit])
        return [_term(s, "notice", m, {"hours": hours, "label": label, "unit": unit, "n": n})]
    for m in DAY_BEFORE.finditer(text):
        if not BEFORE.search(m.group(0)):
            continue
        clock = m.group("h1") or m.group("h2")
        at = minutes(clock) if clock else 16 * 60  # "dagen før": by the end of the day before
        hours = Decimal(24 * 60 - (at or 0) + START_OF_DAY) / 60
        label = "dagen før" + (f" {clock_label(at or 0)}" if clock else "")
        return [_term(s, "notice", m, {"hours": hours.quantize(Decimal("0.1")), "label": label,
                                        "unit": "dagen før", "n": Decimal(1)})]  # fmt: skip
    for m in SAME_DAY.finditer(text):
        values = {"hours": Decimal(0), "label": "samme dag", "unit": "samme dag", "n": Decimal(0)}
        return [_term(s, "notice", m, values)]
    for m in NO_FIXED.finditer(text):
        return [_term(s, "notice", m, {"hours": None, "label": "intet fast varsel",
                                        "unit": "intet", "n": None})]  # fmt: skip
    return []


TERMINATION_NOTICE = LazyPattern(
    r"(?:(?:med\s+)?(?:et\s+)?(?:skriftligt?\s+)?(?:varsel\s+på\s+)?)(?P<n>" + NUM + r")\s+"
    r"(?P<unit>måned|uge|dag)(?:s|ers|er|e|es)?\s+(?:skriftligt?\s+)?varsel|"
    r"med\s+(?:et\s+)?varsel\s+på\s+(?P<n2>" + NUM + r")\s+(?P<unit2>måned|uge|dag)\w*|"
    r"udgangen\s+af\s+den\s+(?P<n3>" + ORD + r")\s*måned|løbende\s+måned\s*\+\s*(?P<n4>\d+)",
    re.I,
)
WITHOUT_NOTICE = LazyPattern(
    r"uden\s+(?:forudgående\s+)?varsel|med\s+øjeblikkelig\s+virkning|straks\b", re.I
)
MONTHS_PER = {"måned": Decimal(1), "uge": Decimal("0.23"), "dag": Decimal("0.033")}
EMPLOYER = (
    r"arbejdsgiver\w*|ledelsen|direktionen|nærmeste\s+leder|lederen|styrelsen|kommunen|"
    r"regionen|institutionen|chefen"
)


BOTH_MAY = LazyPattern(r"hver\s+af\s+parterne|begge\s+parter|parterne\s+kan|af\s+parterne", re.I)
EMPLOYER_MAY = LazyPattern(
    rf"(?:{EMPLOYER})\s+kan\s+(?:\w+\s+){{0,3}}opsige|opsiges\s+af\s+(?:{EMPLOYER})", re.I
)
EMPLOYEE_MAY = LazyPattern(
    r"medarbejderen\s+kan\s+(?:\w+\s+){0,3}opsige|opsiges\s+af\s+medarbejder", re.I
)


def _terminating_party(text: str) -> str:
    """Who may terminate: 'arbejdsgiveren', 'medarbejderen' or 'begge'."""
    if BOTH_MAY.search(text):
        return "begge"
    if EMPLOYER_MAY.search(text):
        return "arbejdsgiveren"
    if EMPLOYEE_MAY.search(text):
        return "medarbejderen"
    return "begge"


def termination_terms(s: Sentence) -> list[Term]:
    """Termination notice: 'med tre måneders varsel', 'uden varsel', 'udgangen af den 3. måned'."""
    text = s.text
    if not TERMINATION.search(text):
        return []
    party = _terminating_party(text)
    for m in WITHOUT_NOTICE.finditer(text):
        # Only a right to terminate counts: "ophører uden varsel, hvis lokalaftalen ophører" is a
        # lapse, and "kan ophæves" for breach of duties is a cancellation (S2), not a notice.
        if negated(text[max(0, m.start() - 25) : m.start()]) or not re.search(r"opsig", text, re.I):
            continue
        return [_term(s, "termination", m, {"months": Decimal(0), "label": "uden varsel",
                                             "party": party})]  # fmt: skip
    for m in TERMINATION_NOTICE.finditer(text):
        raw = m.group("n") or m.group("n2") or m.group("n3") or m.group("n4")
        unit = (m.group("unit") or m.group("unit2") or "måned").casefold()
        n = number(raw) or Decimal(0)
        months = (n * MONTHS_PER[unit]).quantize(Decimal("0.01"))
        label = plural(n, unit, {"måned": "måneder", "uge": "uger", "dag": "dage"}[unit])
        return [_term(s, "termination", m, {"months": months, "label": label, "party": party})]
    return []


HOME = LazyPattern(
    r"hjemmearbejd\w*|arbejde\w*\s+hjemme|hjemmefra|distancearbejd\w*|\bomfang", re.I
)
NOT_HOME_DAYS = LazyPattern(r"skærm\w*|fremmødedag\w*|kontordag\w*|tilstedeværelsesdag\w*", re.I)
LIMIT = r"(?P<limit>højst|maksimalt|maks\.?|op\s+til|ikke\s+(?:mere|over)\s+end|i\s+alt)?\s*"
PER_WEEK = LazyPattern(
    LIMIT + r"(?:hvad\s+der\s+(?:i\s+gennemsnit\s+)?svarer\s+til\s+)?(?P<n>" + NUM + r")\s+"
    r"(?:hele\s+)?(?:arbejds)?dag(?:e)?\s+(?:om|pr\.?|per|i|hver)\s+(?P<per>ugen|uge|måneden|måned|"
    r"anden\s+uge|14\.\s*dag)|"
    + LIMIT.replace("limit", "limit2")
    + r"(?:hvad\s+der\s+(?:i\s+gennemsnit\s+)?svarer\s+til\s+)?(?P<n2>"
    + NUM
    + r")\s+af\s+ugens\s+"
    r"(?:fem\s+)?(?:arbejds)?dage",
    re.I,
)
SHARE = LazyPattern(
    LIMIT + r"(?:(?P<low>\d+)\s*(?:[-–]|til)\s*)?(?P<pct>\d+(?:,\d+)?)\s*(?:%|procent)\s+af\s+"
    r"(?:den\s+|medarbejderens\s+)?(?:aftalte\s+|samlede\s+|ugentlige\s+|normale\s+)?arbejdstid",
    re.I,
)
WHOLE = LazyPattern(
    r"(?:i\s+)?hele\s+(?:den\s+)?(?:aftalte\s+|ugentlige\s+)?arbejdstid(?:en)?|"
    r"alle\s+ugens\s+(?:arbejds)?dage|fuld\s+tid\s+(?:hjemme|fra\s+hjemmet)",
    re.I,
)
PART_ONLY = LazyPattern(r"\b(?:kun|alene|højst)\s+(?:udgøre\s+)?(?:en\s+)?del\s+af", re.I)
# A cheap first look: a number of days, a percentage or "hele …" (the patterns below are costly).
DAYS_HINT = LazyPattern(
    r"\bdage?\s+(?:om|pr\.?|per|i|hver)\s|\baf\s+ugens|%|procent|\bhele\s|fuld\s+tid", re.I
)
WEEKS = {
    "uge": Decimal(1),
    "ugen": Decimal(1),
    "måned": Decimal("4.33"),
    "måneden": Decimal("4.33"),
}
WORKWEEK = Decimal(5)


def days_terms(s: Sentence) -> list[Term]:
    """Home days: 'højst to dage om ugen', '2 af ugens arbejdsdage', '40 % af arbejdstiden'."""
    text = s.text
    if not DAYS_HINT.search(text) or not HOME.search(text) or NOT_HOME_DAYS.search(text):
        return []
    out: list[Term] = []
    for m in PER_WEEK.finditer(text):
        raw = m.group("n") or m.group("n2")
        n = number(raw) or Decimal(0)
        per = (m.group("per") or "uge").casefold()
        weeks = Decimal(2) if per.startswith(("anden", "14")) else WEEKS.get(per, Decimal(1))
        per_week = (n / weeks).quantize(Decimal("0.01"))
        limit = bool(m.group("limit") or m.group("limit2") or m.group("n2"))
        period = "14. dag" if weeks == 2 else "måned" if weeks > 2 else "uge"
        when = {"14. dag": "hver anden uge", "måned": "om måneden", "uge": "om ugen"}[period]
        label = f"{plural(n, 'dag', 'dage')} {when}"
        if m.group("n2"):
            label = f"{n.normalize():f} af ugens arbejdsdage".replace(".", ",")
        values = {"per_week": per_week, "share": (per_week / WORKWEEK).quantize(Decimal("0.01")),
                  "limit": limit, "label": label, "n": n, "period": period}  # fmt: skip
        out.append(_term(s, "days", m, values))
    for m in SHARE.finditer(text):
        pct = number(m.group("pct")) or Decimal(0)
        share = (pct / 100).quantize(Decimal("0.01"))
        values = {"per_week": (share * WORKWEEK).quantize(Decimal("0.01")), "share": share,
                  "limit": True, "label": f"{m.group('pct')} % af arbejdstiden",
                  "n": pct, "period": "procent"}  # fmt: skip
        out.append(_term(s, "days", m, values))
    for m in WHOLE.finditer(text):
        before = text[: m.start()]
        if PART_ONLY.search(text) or negated(before[-40:]) or not HOME.search(before):
            continue
        values = {"per_week": WORKWEEK, "share": Decimal(1), "limit": True,
                  "label": "hele arbejdstiden", "n": WORKWEEK, "period": "uge"}  # fmt: skip
        out.append(_term(s, "days", m, values))
    return out


REACHABLE = LazyPattern(
    r"kontakt\w*|træffe\w*|tilgængelig\w*|kernetid\w*|fikstid\w*|telefontid\w*|online|"
    r"svare\s+på|besvare",
    re.I,
)
RANGE = LazyPattern(
    r"(?:kl\.\s*(?P<a1>" + CLOCK + r")\s*(?:[-–—]|til)\s*(?:kl\.\s*)?(?P<b1>" + CLOCK + r"))|"
    r"(?:mellem\s+(?:kl\.\s*)?(?P<a2>" + CLOCK + r")\s+og\s+(?:kl\.\s*)?(?P<b2>" + CLOCK + r"))|"
    r"(?:fra\s+(?:kl\.\s*)?(?P<a3>" + CLOCK + r")\s+til\s+(?:kl\.\s*)?(?P<b3>" + CLOCK + r"))|"
    r"(?:tidsrummet\s+(?P<a4>" + CLOCK + r")\s*[-–]\s*(?P<b4>" + CLOCK + r"))",
    re.I,
)
WHOLE_DAY = LazyPattern(
    r"i\s+hele\s+(?:den\s+)?(?:planlagte\s+|normale\s+|sædvanlige\s+)?arbejdstid(?:en)?|"
    r"hele\s+arbejdsdagen",
    re.I,
)
CALENDAR = LazyPattern(r"kalender\w*", re.I)


def core_hours_terms(s: Sentence) -> list[Term]:
    """Core hours: 'kl. 8.30–15.30', 'mellem kl. 9 og 14.30'; or reachable all working day."""
    text = s.text
    if not REACHABLE.search(text):
        return []
    out: list[Term] = []
    for m in RANGE.finditer(text):
        a = next(g for g in (m.group("a1"), m.group("a2"), m.group("a3"), m.group("a4")) if g)
        b = next(g for g in (m.group("b1"), m.group("b2"), m.group("b3"), m.group("b4")) if g)
        start, end = minutes(a), minutes(b)
        if start is None or end is None or end <= start:
            continue
        hours = Decimal(end - start) / 60
        a_key = next(k for k in ("a1", "a2", "a3", "a4") if m.group(k))
        b_key = next(k for k in ("b1", "b2", "b3", "b4") if m.group(k))
        values = {
            "start": start,
            "end": end,
            "hours": hours.quantize(Decimal("0.01")),
            "label": f"kl. {clock_da(start)}–{clock_da(end)}",
            "start_text": a,
            "end_text": b,
            "start_span": s.span(m, a_key),
            "end_span": s.span(m, b_key),
        }
        out.append(_term(s, "core_hours", m, values))
    if not out:
        for m in WHOLE_DAY.finditer(text):
            if negated(text[max(0, m.start() - 40) : m.start()]):
                continue
            out.append(_term(s, "availability", m, {"mode": "hele arbejdstiden",
                                                     "label": "i hele arbejdstiden"}))  # fmt: skip
        for m in CALENDAR.finditer(text):
            out.append(_term(s, "availability", m, {"mode": "kalender",
                                                     "label": "efter kalenderen"}))  # fmt: skip
            break
    return out
