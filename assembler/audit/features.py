"""What a draft's other clauses already provide, and when the draft itself is dated.

The text rules judge one clause's wording, but what it means depends on the rest: a call-in
notice of "dagen før" is a calendar day when staff need not be reachable outside working time
(§ 9, stk. 3); a suspension power collides with the precedence clause that lets more favourable
individual agreements prevail; a missing part-time adjustment is no gap when another paragraph
makes it. These features are read from every paragraph, also clauses still as we wrote them, and
carry where they stand ("§ 7, stk. 1") so a finding can cite them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from assembler.audit.citations import Citations
from assembler.audit.document import DocxDraft
from assembler.audit.extract import dates_in
from assembler.library.values import format_date
from assembler.ooxml.ns import qn
from assembler.regex import LazyPattern
from assembler.regex_programs import compile_pattern
from assembler.rules.text_facts import Term, TextFacts

FEATURES: dict[str, LazyPattern] = {
    # the availability window is adjusted for part-timers and other working hours
    "part_time_adjusted": LazyPattern(
        r"deltid\w*.{0,160}?(?:tilpass\w*|nedsætt?\w*|forholdsmæssig\w*|"
        r"inden\s+for\s+(?:den\s+enkeltes|deres|sin)\s+arbejdstid)",
        re.I,
    ),
    # a called-in home day is replaced by another day
    "replacement_day": LazyPattern(
        r"erstatningsdag\w*|erstattes\s+af\s+en\s+anden\s+(?:hjemmearbejds)?dag|"
        r"(?:inddraget|aflyst|ændret)\w*\s+hjemmearbejdsdag\w*\s+erstattes",
        re.I,
    ),
    # staff need not be reachable outside their working time
    "off_hours": LazyPattern(
        r"(?:forventes|skal|behøver)\s+ikke\s+(?:at\s+)?(?:være\s+)?(?:tilgængelig\w*|"
        r"kontaktes|træffes|svare\w*|besvare\w*).{0,80}?uden\s+for\s+\w+\s+arbejdstid",
        re.I,
    ),
    # a shorter notice in urgent cases
    "urgent": LazyPattern(
        r"(?:uforudsete|uopsættelige|akutte?|særlige)\b.{0,80}?kortere\s+varsel", re.I
    ),
    # a more favourable individual agreement prevails over the local agreement
    "precedence": LazyPattern(
        r"går\s+(?:\w+\s+){0,2}forud,?\s+medmindre.{0,160}?gunstigere|"
        r"gunstigere\s+for\s+medarbejder\w*.{0,60}?(?:gælder|går\s+forud)",
        re.I,
    ),
    # a change of the local agreement that worsens terms waits for the individual notice
    "worsening": LazyPattern(
        r"forringer\s+.{0,80}?først\s+virkning|forringe\w*\s+.{0,160}?(?:varsel|opsagt|opsige)",
        re.I,
    ),
    # an individual agreement cannot take effect before the local one
    "individual_not_before": LazyPattern(
        r"individuel\w*\s+aftale\w*.{0,60}?(?:tidligst|ikke)\s+(?:\w+\s+){0,2}træde\s+i\s+kraft\s+"
        r"(?:samtidig\s+med|før)",
        re.I,
    ),
}
# "træder i kraft den 1. marts 2027" (future), not "trådte i kraft" or "har virkning fra".
EFFECTIVE = LazyPattern(r"træder\s+i\s+kraft|med\s+virkning\s+fra|gælder\s+fra", re.I)
PAST = compile_pattern(r"trådte|er\s+trådt|har\s+(?:haft\s+)?virkning", re.I)
DATE_WORDS = compile_pattern(
    r"(?:den\s+)?\d{1,2}\.\s*(?:januar|februar|marts|april|maj|juni|juli|august|september|"
    r"oktober|november|december)\s+\d{4}|(?:den\s+)?\d{1,2}[./-]\d{1,2}[./-]\d{4}|"
    r"\d{4}-\d{2}-\d{2}",
    re.I,
)
LOCAL_MENTION = compile_pattern(r"lokalaftalen\w*,?\s+(?:der|som)\s+(?:\w+\s+){0,2}træder", re.I)
# A suspension power's safeguards (read from its paragraph).
CRITERION = compile_pattern(
    r"når\s+driften\s+(?:kræver|tilsiger)\s+det|af\s+driftsmæssige\s+(?:grunde|hensyn|årsager)|"
    r"når\s+det\s+(?:er\s+)?(?:nødvendigt|påkrævet)\w*|når\s+forholdene\s+kræver\s+det",
    re.I,
)
STAFF_NOTICE = compile_pattern(
    r"\bvarsel\w*|\bvarsles\b|meddeles\s+(?:\w+\s+){0,2}medarbejder\w*|"
    r"(?:orienteres|underrettes)\s+(?:\w+\s+){0,2}medarbejder\w*|medarbejder\w*\s+(?:\w+\s+){0,3}"
    r"(?:orienteres|underrettes|varsles)",
    re.I,
)
REPLACEMENT = compile_pattern(r"erstat\w*", re.I)
VERSION_LINE = compile_pattern(r"udkast|version|dateret|revideret|forslag", re.I)
HEADER = compile_pattern(r"word/(header|footer)\d*\.xml")


def _term(kind: str, m: re.Match[str], para: int, topic: str, values: dict) -> Term:
    return Term(kind, values, para, m.start(), m.end(), m.group(0), topic)


def effective_terms(text: str, para: int, topic: str) -> list[Term]:
    """'træder i kraft den 1. marts 2027': the date's words, the date, and whether it is the
    local agreement's date mentioned in an individual agreement."""
    if not EFFECTIVE.search(text) or PAST.search(text):
        return []
    for m in EFFECTIVE.finditer(text):
        after = DATE_WORDS.search(text, m.end(), m.end() + 40)
        if after is None:
            continue
        found = dates_in(after.group(0))
        if not found:
            continue
        of = "lokal" if LOCAL_MENTION.search(text[: m.end()]) else ""
        values = {"date": found[0], "label": format_date(found[0]), "of": of}
        return [Term("effective", values, para, after.start(), after.end(), after.group(0), topic)]
    return []


def feature_terms(paragraphs: Iterable[tuple[int, str, str]], citations: Citations) -> list[Term]:
    """Every feature and entry-into-force date of (index, text, topic) paragraphs, each with
    values["cite"], where it stands ('§ 7, stk. 1'; '' when the clause has no number)."""
    out: list[Term] = []
    for index, text, topic in paragraphs:
        cite = citations.cite(index) or ""
        for kind, pattern in FEATURES.items():
            m = pattern.search(text)
            if m is not None:
                out.append(_term(kind, m, index, topic, {"cite": cite}))
        for term in effective_terms(text, index, topic):
            out.append(term._replace(values={**term.values, "cite": cite}))
    return out


def with_context(
    facts: TextFacts, paragraphs: list[tuple[int, str, str]], citations: Citations,
    dated: dt.date | None = None, dated_from: str = "",
) -> TextFacts:  # fmt: skip
    """The text facts of a draft with what the rest of it provides: every term cited ('§ 10,
    stk. 3'), a suspension power's safeguards read from its paragraph, the features of every
    (index, text, topic) paragraph (also those still as we wrote them) and the draft's date."""
    texts = {index: text for index, text, _ in paragraphs}
    terms = []
    for term in facts.terms:
        if term.kind == "suspension" and term.para in texts:
            term = suspension_details(term, texts[term.para])
        terms.append(term._replace(values={**term.values, "cite": citations.cite(term.para) or ""}))
    terms += feature_terms(paragraphs, citations)
    return facts._replace(terms=tuple(terms), dated=dated, dated_from=dated_from)


def suspension_details(term: Term, paragraph: str) -> Term:
    """A suspension term with what its paragraph says from the power on: the criterion ('når
    driften kræver det'), any notice to the staff, any replacement day."""
    rest = paragraph[term.start :]
    criterion = CRITERION.search(rest)
    values = {
        **term.values,
        "criterion": criterion.group(0) if criterion else "",
        "staff_notice": bool(STAFF_NOTICE.search(rest)),
        "replacement": bool(REPLACEMENT.search(rest)),
    }
    return term._replace(values=values)


def _first_date(texts: Iterable[str], wanted: re.Pattern[str] | None = None) -> dt.date | None:
    for text in texts:
        if wanted is not None and not wanted.search(text):
            continue
        found = dates_in(text)
        if found:
            return found[0]
    return None


def draft_date(draft: DocxDraft) -> tuple[dt.date | None, str]:
    """The date the draft carries and where it was read: the header's version line ('Udkast 2 ·
    2. marts 2027'), a dated line above the first heading, else when the file was last saved."""
    package = draft.package
    lines = []
    for name in sorted(n for n in package.parts if HEADER.fullmatch(n)):
        for p in package.xml(name).iter(qn("w:p")):
            lines.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
    day = _first_date(lines)
    if day is not None:
        return day, "sidehovedet"
    top: list[str] = []
    for para in draft.paragraphs:
        if para.heading is not None and top:
            break
        top.append(para.text)
    day = _first_date(top, VERSION_LINE)
    if day is not None:
        return day, "titlen"
    if "docProps/core.xml" in package.parts:
        modified = package.xml("docProps/core.xml").findtext(qn("dcterms:modified")) or ""
        try:
            return dt.date.fromisoformat(modified[:10]), "dokumentegenskaberne"
        except ValueError:
            pass
    return None, ""
