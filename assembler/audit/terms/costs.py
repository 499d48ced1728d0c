"""Money and things: amounts, costs, 'skattefri godtgørelse', private equipment and transport."""

from __future__ import annotations

import re
from decimal import Decimal

from assembler.audit.terms.numbers import NUM, hours_da, number, plural
from assembler.audit.terms.sentences import Sentence, negated
from assembler.regex import LazyPattern
from assembler.rules.text_facts import Term

CASH = r"godtgørelse\w*|beløb\w*|tilskud\w*|kompensation\w*|udbetaling\w*|tillæg\w*|refusion\w*"
AMOUNT = LazyPattern(
    r"(?:(?P<a>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<ø>\d{1,2}|-))?\s*(?:kr\.?|kroner|DKK)|"
    r"(?:kr\.|DKK)\s*(?P<b>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?:\d{1,2}|-))?)"
    r"(?:\s*(?:pr\.?|per|om|hver|i)\s+(?P<per>måned|måneden|år|året|uge|ugen|dag|"
    r"hjemmearbejdsdag)|\s+(?P<adv>månedligt|årligt|ugentligt|dagligt))?",
    re.I,
)
PAID = LazyPattern(CASH + r"|udbetal\w*|betal\w*|dækk\w*", re.I)  # a sentence about money
NO_RIGHT = LazyPattern(r"ikke\s+ret\s+til", re.I)
PERIODS = {"måned": "måned", "år": "år", "uge": "uge", "dag": "dag", "hjemmearbejdsdag": "dag",
           "månedligt": "måned", "årligt": "år", "ugentligt": "uge", "dagligt": "dag"}  # fmt: skip


def amount_terms(s: Sentence) -> list[Term]:
    """Sums of money paid for home work: '300 kr. pr. måned', 'kr. 1.250 årligt'."""
    text = s.text
    if not PAID.search(text):
        return []
    out = []
    for m in AMOUNT.finditer(text):
        raw = m.group("a") or m.group("b")
        value = number(raw.replace(".", "")) or Decimal(0)
        per = (m.group("per") or m.group("adv") or "").casefold().removesuffix("en")
        period = PERIODS.get(per, PERIODS.get(per.removesuffix("et"), ""))
        label = f"{value:,.0f} kr.".replace(",", ".") + (f" pr. {period}" if period else "")
        start, end = s.span(m)
        values = {"amount": value, "period": period, "label": label}
        out.append(Term("amount", values, s.para, start, end, m.group(0), s.topic))
    return out


COSTS = (
    ("ingen", LazyPattern(r"(?:ydes|gives|betales|dækkes)\s+(?:\w+\s+)?ikke\s+(?:\w+\s+){0,2}?"
                         r"(?:godtgørelse|kompensation|dækning)|ingen\s+(?:godtgørelse|kompensation)|"
                         r"ikke\s+(?:ret\s+til\s+)?(?:godtgørelse|kompensation)", re.I)),
    ("dokumenterede", LazyPattern(r"dokumenterede\s+(?:mer)?udgift\w*", re.I)),
    ("individuel", LazyPattern(r"(?:afgøres|aftales|fastsættes)\s+i\s+den\s+individuelle\s+aftale",
                              re.I)),
    ("fast", LazyPattern(r"fast\w*\s+(?:månedlig\w*\s+)?(?:beløb|tilskud|godtgørelse)", re.I)),
)  # fmt: skip


def costs_terms(s: Sentence) -> list[Term]:
    """How home-work costs are handled: none, documented, in the individual agreement, fixed."""
    for mode, pattern in COSTS:
        m = pattern.search(s.text)
        if m:
            start, end = s.span(m)
            return [Term("costs", {"mode": mode}, s.para, start, end, m.group(0), s.topic)]
    return []


TAX_FREE = LazyPattern(
    r"skattefri\w*\s+(?:\w+\s+){0,2}?(?P<cash>" + CASH + r")|"
    r"(?P<cash2>"
    + CASH
    + r")\b[^.]{0,80}?\b(?:udbetales|ydes|er|gives|betales)\s+(?P<neg>ikke\s+)?"
    r"skattefri\w*",
    re.I,
)


def tax_terms(s: Sentence) -> list[Term]:
    """A cash allowance called tax-free ('skattefri godtgørelse'); 'ikke skattefri' is negated."""
    out = []
    for m in TAX_FREE.finditer(s.text):
        before = s.text[max(0, m.start() - 25) : m.start()]
        neg = bool(m.group("neg")) or negated(before) or "ikke skattefri" in m.group(0).casefold()
        start, end = s.span(m)
        word = re.search(r"skattefri\w*", m.group(0), re.I)
        values = {"word_span": (start + word.start(), start + word.end()) if word else (start, end),
                  "word": word.group(0) if word else ""}  # fmt: skip
        out.append(Term("tax_free", values, s.para, start, end, m.group(0), s.topic, neg))
        break
    return out


COMPUTERS = (
    r"pc\b|pc'er|computer\w*|bærbar\w*|laptop\w*|tablet\w*|it-udstyr|mobiltelefon\w*|smartphone\w*"
)
OTHER_GEAR = (
    r"skærm\w*|tastatur\w*|\bmus\b|headset\w*|printer\w*|kontorstol\w*|\bstol\b|skrivebord\w*|"
    r"hæve-sænke\w*|møbler|inventar|udstyr\w*"
)
DEVICE = LazyPattern(rf"(?P<device>{COMPUTERS}|{OTHER_GEAR})", re.I)
OWN = LazyPattern(
    r"(?:medarbejder\w*|den\s+ansatte)\s+(?:\w+\s+){0,4}?(?P<verb>stiller|anvender|bruger|benytter|"
    r"medbringer|anskaffer|sørger\s+for|holder|har|stille|anvende|bruge|benytte|medbringe|"
    r"anskaffe|sørge\s+for)\s+(?:\w+\s+){0,3}?"
    r"(?:selv\b|sin\b|sit\b|sine\b|egen\b|eget\b|egne\b|privat\w*)|"
    r"(?:på|med|fra)\s+(?:medarbejderens|egen|eget|egne|privat\w*)\s+(?:\w+\s+){0,2}?"
    r"(?:pc|computer\w*|udstyr\w*|it-udstyr|bærbar\w*)",
    re.I,
)
OPTIONAL = LazyPattern(
    r"efter\s+eget\s+ønske|kan\s+vælge|kan\s+(?:\w+\s+){0,3}?(?:bruge|anvende|benytte)|"
    r"hvis\s+medarbejderen\s+ønsker",
    re.I,
)
PROHIBITED = LazyPattern(
    r"må\s+ikke\s+(?:\w+\s+){0,3}?(?:bruge|anvende|benytte)|ikke\s+tilladt", re.I
)


def equipment_terms(s: Sentence) -> list[Term]:
    """Private equipment for the work: 'Medarbejderen stiller selv pc og skærm til rådighed'."""
    text = s.text
    m = OWN.search(text)
    if m is None or PROHIBITED.search(text):
        return []
    devices = [d.group("device").casefold() for d in DEVICE.finditer(text)]
    if not devices:
        return []
    computer = any(re.fullmatch(COMPUTERS, d, re.I) for d in devices)
    neg = negated(text[max(0, m.start() - 30) : m.end()])
    values = {"devices": tuple(dict.fromkeys(devices)), "computer": computer,
              "optional": bool(OPTIONAL.search(text))}  # fmt: skip
    start, end = s.span(m)
    # the whole sentence is the clause's content; anchor on it
    start, end = s.start, s.start + len(text.rstrip())
    return [Term("equipment", values, s.para, start, end, text.strip(), s.topic, neg)]


TRAVEL_TIME = LazyPattern(
    r"(?:rejse|transport)tid\w*[^.]{0,80}?\b(?P<verb>medregnes|indregnes|regnes|tæller|betragtes)\b"
    r"[^.]{0,30}?arbejdstid|(?:rejse|transport)tid\w*\s+(?:er|udgør)\s+(?:ikke\s+)?arbejdstid|"
    r"\b(?:medregnes|indregnes)\s+(?:ikke\s+)?i\s+arbejdstiden",
    re.I,
)
ALLOWANCE = LazyPattern(
    r"(?:befordrings|kørsels|transport|rejse)godtgørelse\w*|godtgøres\s+efter\s+(?:de\s+)?"
    r"(?:regler\w*|reglerne)\s+om\s+tjenesterejser|tjenesterejse\w*|(?:befordring|transport)\w*\s+"
    r"(?:dækkes|betales|refunderes)",
    re.I,
)
TRANSPORT = LazyPattern(
    r"rejse\w*|transport\w*|befordring\w*|kørsel\w*|tjenesterejse\w*|mødested\w*|udgangspunkt", re.I
)
START = LazyPattern(
    r"hjemmet\s+(?:\w+\s+){0,2}?(?:regnes|anses|betragtes)\s+(?:\w+\s+){0,2}?som\s+"
    r"(?:udgangspunkt\w*|arbejdssted\w*|tjenested\w*|mødested\w*)|"
    r"(?:regnes|anses|betragtes)\s+hjemmet\s+som\s+(?:udgangspunkt|arbejdssted|tjenested)\w*",
    re.I,
)


# A cap on the allowance ("højst befordringsgodtgørelse for 50 kilometer hver vej") and on the
# travel time counted ("rejsetiden medregnes højst med én time hver vej", "højst én times
# rejsetid"). A distance only caps the allowance in a sentence about paying for the trip.
EACH_WAY = r"(?P<each>\s+(?:hver\s+vej|i\s+hver\s+retning|(?:pr\.|per)\s+vej))?"
AT_MOST = r"(?:højst|maksimalt|maks\.|op\s+til|begrænse[st]?\s+til)"
KM_CAP = LazyPattern(
    AT_MOST + r"\s+(?:\w+\s+){0,3}?(?P<n>" + NUM + r")\s*(?:kilometer|km)\b" + EACH_WAY, re.I
)
TIME_CAP = LazyPattern(
    r"(?:rejse|transport)tid\w*\s+(?:\w+\s+){0,3}?" + AT_MOST + r"\s+(?:med\s+)?"
    r"(?P<n>" + NUM + r")\s+(?P<unit>timer|time|minutter)\b" + EACH_WAY,
    re.I,
)
TIME_CAP_BEFORE = LazyPattern(
    AT_MOST + r"\s+(?P<n>" + NUM + r")\s+(?P<unit>timers|times|minutters)\s+(?:rejse|transport)"
    r"tid\w*" + EACH_WAY,
    re.I,
)
PAID_TRIP = LazyPattern(r"godtgør\w*|befordring\w*|kørsel\w*|refusion\w*", re.I)
CAPS = (("transport_km_cap", (KM_CAP,)), ("transport_time_cap", (TIME_CAP, TIME_CAP_BEFORE)))
# What each cap limits: a sentence that caps the allowance or the time does not grant it.
CAPPED = {"transport_km_cap": "transport_allowance", "transport_time_cap": "transport_time"}


def _cap_values(kind: str, m: re.Match[str]) -> dict[str, object]:
    """A cap's value (kilometres, or hours), its size in Danish ('50 kilometer', 'én time'),
    whether it counts each way, and the whole label ('50 kilometer hver vej')."""
    value = number(m.group("n")) or Decimal(0)
    if kind == "transport_km_cap":
        size = f"{hours_da(value)} kilometer"
    elif m.group("unit").casefold().startswith("minut"):
        size, value = plural(value, "minut", "minutter"), value / 60
    else:
        size = plural(value, "time", "timer")
    each = bool(m.group("each"))
    return {"value": value, "size": size, "each": each,
            "label": f"{size} hver vej" if each else size}  # fmt: skip


def _limits(cap: tuple[int, int], grant: tuple[int, int], text: str) -> bool:
    """Whether a grant's words belong to the cap's phrase ('højst befordringsgodtgørelse for
    50 km', 'befordringsgodtgørelse ydes dog højst for 50 km'), not to a sentence of its own."""
    if grant[0] < cap[1] and cap[0] < grant[1]:
        return True
    between = text[min(cap[1], grant[1]) : max(cap[0], grant[0])]
    return "," not in between and len(between.split()) <= 3


def transport_caps(s: Sentence) -> list[Term]:
    """The caps a sentence sets on the transport allowance (km) and the travel time (hours)."""
    out = []
    for kind, patterns in CAPS:
        m = next((m for p in patterns if (m := p.search(s.text))), None)
        if m is None or (kind == "transport_km_cap" and not PAID_TRIP.search(s.text)):
            continue
        start, end = s.span(m)
        out.append(Term(kind, _cap_values(kind, m), s.para, start, end, m.group(0), s.topic))
    return out


def transport_terms(s: Sentence) -> list[Term]:
    """Transport on home days: travel time counted, allowance paid (or not), home as the start,
    and the caps on the allowance and the time (a capping phrase grants nothing by itself)."""
    text = s.text
    if not TRANSPORT.search(text):
        return []
    caps = transport_caps(s)
    out = []
    for kind, pattern in (("transport_time", TRAVEL_TIME), ("transport_allowance", ALLOWANCE),
                          ("transport_start", START)):  # fmt: skip
        m = pattern.search(text)
        if m is None:
            continue
        if any(CAPPED[c.kind] == kind and _limits((c.start - s.start, c.end - s.start),
                                                   (m.start(), m.end()), text)
               for c in caps):  # fmt: skip
            continue
        start, end = s.span(m)
        window = text[max(0, m.start() - 30) : min(len(text), m.end() + 40)]
        neg = kind != "transport_start" and (negated(window) or bool(NO_RIGHT.search(text)))
        out.append(Term(kind, {}, s.para, start, end, m.group(0), s.topic, neg))
    return out + caps
