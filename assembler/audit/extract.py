"""Facts read reliably from a draft's wording: dates, notice, extent, addresses, sector."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from assembler.audit.document import DocxDraft
from assembler.audit.frame_text import employee_frame_from_terms, local_frame_from_terms
from assembler.audit.terms import text_terms
from assembler.audit.topics import Found
from assembler.library.values import MONTHS
from assembler.regex import LazyPattern
from assembler.rules.facts import EmployeeFacts, LocalFacts

NUMBER_WORDS: dict[str, int | Decimal] = {
    "en": 1, "én": 1, "et": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6,
    "syv": 7, "otte": 8, "ni": 9, "ti": 10, "tolv": 12, "halv": Decimal("0.5"),
    "halvanden": Decimal("1.5"),
}  # fmt: skip
NUM = r"(\d+(?:,\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
TEXT_DATE = LazyPattern(r"\b(\d{1,2})\.\s*(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.I)
NUM_DATE = LazyPattern(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")
ISO_DATE = LazyPattern(r"\b(\d{4})-(\d{2})-(\d{2})\b")
SENTENCE_BREAK = LazyPattern(r"(?<=[.;])\s+(?=[A-ZÆØÅ])|\n")
APV = LazyPattern(r"\bapv\b|arbejdspladsvurdering", re.I)
EFFECTIVE = LazyPattern(r"træder i kraft|med virkning fra|gælder fra|ikrafttræden", re.I)
END = LazyPattern(r"ophører|udløber|til og med|frem til|tidsbegrænset til|slutdato", re.I)
NOTICE = LazyPattern(NUM + r"\s+måned(?:s|ers?)?\s+(?:skriftligt?\s+)?varsel", re.I)
EXTENT = LazyPattern(
    NUM + r"\s+(?:hel\s+)?dag(?:e)?\s+(?:om|pr\.?|per|hver|i)\s+(anden\s+uge|uge[n]?|måned(?:en)?)",
    re.I,
)
MAX_DAYS = LazyPattern(r"højst\s+" + NUM + r"\s+dag(?:e)?\s+(?:om|pr\.?|per|i)\s+ugen?", re.I)
ADDRESS = LazyPattern(  # "Østerbrogade 112, 3. th., 2100 København Ø"; bounded repeats
    r"[A-ZÆØÅ][\wæøåÆØÅ.\- ]{1,60}?\s\d{1,4}[A-Za-z]?[^\n]{0,40}?,?"
    r"[ \t]+\d{4}[ \t]+[A-ZÆØÅ][\wæøå]+"
)
WEEKDAYS = LazyPattern(r"\b(mandag|tirsdag|onsdag|torsdag|fredag)(?:e|en)?\b", re.I)
REST_DEVIATION = LazyPattern(
    r"hvileperiode\w*.{0,120}(fravig|afvig|undtag|kap(?:itel|\.)\s*6)|"
    r"(fravig|afvig|undtag)\w*.{0,120}hvileperiode",
    re.I,
)
SECTOR_HINTS = (
    (
        "stat",
        LazyPattern(r"rammeaftale om distancearbejde|\bstyrelse|ministeri|\bi staten\b", re.I),
    ),
    ("region", LazyPattern(r"\bregion\b|region [A-ZÆØÅ]|rltn|danske regioner", re.I)),
    ("kommune", LazyPattern(r"\bkommune\b|\bkl\b|\bkto\b", re.I)),
)


def number(word: str) -> Decimal:
    """'to' → 2, '2,5' → 2.5."""
    w = word.casefold()
    if w in NUMBER_WORDS:
        return Decimal(str(NUMBER_WORDS[w]))
    return Decimal(w.replace(",", "."))


def dates_in(text: str) -> list[dt.date]:
    """Every valid date written the Danish or ISO way."""
    found: list[tuple[int, dt.date]] = []
    for m in TEXT_DATE.finditer(text):
        month = MONTHS.index(m.group(2).casefold()) + 1
        found += _valid(m.start(), int(m.group(3)), month, int(m.group(1)))
    for m in NUM_DATE.finditer(text):
        found += _valid(m.start(), int(m.group(3)), int(m.group(2)), int(m.group(1)))
    for m in ISO_DATE.finditer(text):
        found += _valid(m.start(), int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return [d for _, d in sorted(found)]


def _valid(pos: int, year: int, month: int, day: int) -> list[tuple[int, dt.date]]:
    try:
        return [(pos, dt.date(year, month, day))]
    except ValueError:
        return []


def _sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_BREAK.split(text) if s.strip()]


def effective_date(text: str) -> dt.date | None:
    """The date in the first sentence saying when the agreement takes effect."""
    for sentence in _sentences(text):
        if EFFECTIVE.search(sentence) and (found := dates_in(sentence)):
            return found[0]
    return None


def end_date(text: str) -> dt.date | None:
    """The date in the first sentence saying when the agreement ends."""
    for sentence in _sentences(text):
        if (
            END.search(sentence)
            and not EFFECTIVE.search(sentence)
            and (found := dates_in(sentence))
        ):
            return found[-1]
    return None


def notice_months(text: str) -> int | None:
    """'tre måneders varsel' → 3."""
    m = NOTICE.search(text)
    return int(number(m.group(1))) if m else None


def extent(text: str) -> tuple[Decimal, str] | None:
    """(days, period) from 'to dage om ugen', 'én dag hver anden uge', '3 dage pr. måned'."""
    m = EXTENT.search(text)
    if not m:
        return None
    unit = m.group(2).casefold()
    period = (
        "14. dag" if unit.startswith("anden") else "måned" if unit.startswith("måned") else "uge"
    )
    return number(m.group(1)), period


def sector_of(text: str) -> str | None:
    """The sector a draft's wording points to, or None."""
    for sector, pattern in SECTOR_HINTS:
        if pattern.search(text):
            return sector
    return None


def _section_text(draft: DocxDraft, found: Found | None) -> str:
    """The body text of the section a found topic heads (or its paragraph when found by wording)."""
    if found is None or found.para is None:
        return ""
    for section in draft.sections:
        if section.heading is found.para:
            return section.text
    return found.para.text


def local_facts_from_draft(
    draft: DocxDraft,
    topics: dict[str, Found],
    text: str | None = None,
    wanted: frozenset[str] | None = None,
) -> LocalFacts:
    """The local agreement facts the wording (of `text`, default all of it) gives reliably;
    `wanted` names the facts the caller reads (the others are left out, unknown; default all)."""
    text = draft.text if text is None else text

    def want(name: str) -> bool:
        return wanted is None or name in wanted

    values: dict[str, object] = {}
    if want("effective"):
        values["effective"] = effective_date(text)
    if want("end"):
        values["end"] = end_date(text)
    if want("notice_months"):
        values["notice_months"] = notice_months(text)
    if want("rest_deviation"):
        values["rest_deviation"] = bool(REST_DEVIATION.search(text))
    values["has_evaluation"] = "evaluering" in topics
    values["has_time_registration"] = "tidsregistrering" in topics
    values["has_availability"] = "tilgaengelighed" in topics
    values["has_change_clause"] = "undtagelser" in topics
    if want("has_apv"):
        values["has_apv"] = bool(APV.search(text))
    if wanted is not None and wanted <= _WITHOUT_TERMS:
        return LocalFacts(present=True, known=frozenset(values), **values)  # type: ignore[arg-type]
    limit = MAX_DAYS.search(text) if want("max_days_week") else None
    if limit:
        values["max_days_week"] = number(limit.group(1))
    terms = text_terms(text)
    caps = [t for t in terms if t.kind == "days" and t.get("limit") and not t.negated]
    if not limit and caps and want("max_days_week"):
        values["max_days_week"] = caps[0].get("per_week")
    ends = [t for t in terms if t.kind == "termination" and t.get("months") % 1 == 0]
    if want("notice_months") and values["notice_months"] is None and ends:
        values["notice_months"] = int(ends[0].get("months"))  # "uden varsel", "udgangen af …"
    hiring = [t for t in terms if t.kind == "hiring_condition"]
    if hiring:  # "kan gøres til en betingelse for ansættelse" (or, negated, "kan ikke …")
        values["hiring_condition"] = not hiring[0].negated
    values.update(local_frame_from_terms(terms))
    return LocalFacts(present=True, known=frozenset(values), **values)  # type: ignore[arg-type]


# The facts local_facts_from_draft reads without the text's terms
_WITHOUT_TERMS = frozenset({
    "effective", "end", "rest_deviation", "has_evaluation", "has_time_registration",
    "has_availability", "has_change_clause", "has_apv",
})  # fmt: skip


def employee_facts_from_draft(
    draft: DocxDraft, topics: dict[str, Found], text: str | None = None
) -> EmployeeFacts:
    """One individual agreement's facts the wording (of `text`, default all of it) gives."""
    text = draft.text if text is None else text
    values: dict[str, object] = {
        "effective": effective_date(text),
        "end": end_date(text),
        "notice_months": notice_months(text),
        "addresses": tuple(dict.fromkeys(m.group(0).strip() for m in ADDRESS.finditer(text))),
        "has_availability": "kontakttid" in topics,
        "has_change_clause": "aendring" in topics,
        "has_env_clause": "arbejdsmiljoe" in topics,
        "local_referenced": bool(re.search(r"lokal\s*aftale", text, re.I)),
        "in_contract": bool(
            re.search(r"(del af|tillæg til|indgår i) (min |din )?ansættelseskontrakt", text, re.I)
        )
        and not re.search(r"ikke (en )?del af \w+ ansættelseskontrakt", text, re.I),
    }
    terms = text_terms(text)
    ends = [t for t in terms if t.kind == "termination" and t.get("months") % 1 == 0]
    if values["notice_months"] is None and ends:  # "uden varsel"
        values["notice_months"] = int(ends[0].get("months"))
    values.update(employee_frame_from_terms(terms, text))
    found_extent = extent(_section_text(draft, topics.get("omfang")) or text)
    values["days_per_period"], values["period"] = found_extent or (None, None)
    values["avg_days_week"] = values["share_of_time"] = None  # computed; marks them known
    if "omfang" in topics:
        placement = _section_text(draft, topics["omfang"])
        values["weekdays"] = tuple(m.group(1).capitalize() for m in WEEKDAYS.finditer(placement))
        values["placement"] = placement or None
    if "udstyr" in topics:
        values["equipment"] = tuple(
            line for line in _section_text(draft, topics["udstyr"]).split("\n") if line.strip()
        )
    computed = {"avg_days_week", "share_of_time"}
    fields = {k: v for k, v in values.items() if k not in computed}
    return EmployeeFacts(known=frozenset(values), **fields)  # type: ignore[arg-type]
