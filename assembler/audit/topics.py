"""Find the topics of an agreement in a draft: our bookmarks first, then headings, then wording."""

from __future__ import annotations

import re

from assembler.audit.document import DocxDraft, Para
from assembler.library.model import Library, Topic
from assembler.records import Record
from assembler.regex_programs import compile_pattern

SIGNATURE_WORDING = r"underskrift|^for (arbejdsgiveren|ledelsen|medarbejderen)\s*:?$"
# Per agreement and topic: (heading pattern, wording pattern). Headings are matched without their
# number ("§ 3", "3."); the wording pattern is the fallback when no heading names the topic.
SPECS: dict[str, dict[str, tuple[str, str]]] = {
    "lokal": {
        "parter": (
            r"\bparter(ne)?\b",
            r"\bindgået mellem\b|"
            r"\bmellem\b.{3,120}\bog\b.{3,120}\b(tillidsrepræsentant|organisation)",
        ),
        "omraade": (
            r"\bområde\b|anvendelsesområde|\bomfattede\b|hvem er omfattet|\bdefinition",
            r"\baftalen (omfatter|gælder for)\b",
        ),
        "formaal": (r"\bformål", r"\bformålet med\b"),
        "niveauer": (
            r"\bniveau|\bproces\b|individuelle aftaler",
            r"individuelle? aftaler? (indgås|aftales)",
        ),
        "undtagelser": (
            r"\bundtagelse|ændring af planlagte?|\bfremmøde|\bindkald|skrivebord",
            r"\bindkald\w*|planlagte? hjemmearbejdsdag",
        ),
        "tilgaengelighed": (
            r"tilgængelig|træffetid|kontakttid|\bfikstid|kernetid",
            r"\bkan træffes\b|\bkernetid|\btilgængelig",
        ),
        "transport": (r"\btransport|befordring|rejsetid", r"\btransport\w*|\bbefordring"),
        "tidsregistrering": (
            r"tidsregistrering|registrering af arbejdstid|\bsygdom|\bfravær",
            r"registrer\w* (den )?(daglige )?arbejdstid|tidsregistrering|sygemeld",
        ),
        "oekonomi": (
            r"økonomi|\budgifter|godtgørelse|\bkompensation",
            r"\bmerudgift|\bgodtgørelse",
        ),
        "it_sikkerhed": (
            r"\bit\b|\bit-|datasikkerhed|informationssikkerhed|databeskyttelse|\bgdpr",
            r"datasikkerhed|informationssikkerhed|\bvpn\b|databeskyttelse",
        ),
        "evaluering": (r"evaluering|opfølgning", r"\bevaluer\w*"),
        "arbejdstid": (
            r"arbejdstid\b|\bløn\b|hvileperiode",
            r"arbejdstidsregl|hvileperiode|11[- ]timers",
        ),
        "arbejdsmiljoe": (
            r"arbejdsmiljø|\bapv\b|ergonomi",
            r"arbejdsmiljø|\bapv\b|arbejdspladsvurdering",
        ),
        "frivillighed": (r"frivillig", r"\bfrivillig|hverken (en )?ret eller (en )?pligt"),
        "ikrafttraeden": (r"ikrafttræden|\bopsigelse|\bvarighed|gyldighed", r"træder i kraft"),
        "underskrifter": (r"underskrift", SIGNATURE_WORDING),
    },
    "individuel": {
        "parter": (
            r"\bparter(ne)?\b|\bmedarbejderen\b$|oplysninger om",
            r"\bindgået mellem\b|^navn\s*:",
        ),
        "arbejdssted": (r"arbejdssted|\badresse|hjemmearbejdsplads", r"\badresse\w*\b"),
        "omfang": (
            r"\bomfang|\bplacering",
            r"\bdag(e)? (om|pr\.?|per|hver|i) (uge|ugen|måned|måneden)\b|hver anden uge",
        ),
        "kontakttid": (r"kontakttid|tilgængelig|træffe", r"\bkan træffes\b|\bkontakttid"),
        "udstyr": (r"\budstyr\b", r"\budstyr(et)?\b"),
        "kompensation": (
            r"kompensation|merudgift|godtgørelse|\budgifter",
            r"\bmerudgift|\bgodtgørelse",
        ),
        "ikrafttraeden": (r"ikrafttræden|gyldighed", r"træder i kraft|med virkning fra"),
        "varighed": (
            r"varighed|tidsbegræns|prøveperiode|evaluering",
            r"\bprøveperiode|tidsbegræns",
        ),
        "opsigelse": (r"opsigelse|\bophør", r"\bopsige\w*|\bopsigelse"),
        "arbejdstid": (r"^arbejdstid|arbejdstid$", r"arbejdstidsregl"),
        "aendring": (r"\bændring\b|\bfremmøde|\bindkald", r"\bindkald\w*|\bfremmøde"),
        "arbejdsmiljoe": (r"arbejdsmiljø|ergonomi", r"arbejdsmiljø|arbejdstilsynet"),
        "saerlige_grupper": (
            r"særlige (forhold|grupper|vilkår)",
            r"\bfleksjob|\belev\b|studentermedhjælp",
        ),
        "underskrifter": (r"underskrift", SIGNATURE_WORDING),
    },
}
# Elements an individual agreement must contain (Medst, S2); other topics are recommended.
MANDATORY_INDIVIDUAL = ("parter", "arbejdssted", "omfang", "ikrafttraeden")
WORDING_HITS = 2  # see _by_wording
DOC_TITLE = compile_pattern(r"^(lokal|individuel)\w*\s*aftale\b|\baftale om\b", re.I)


class Found(Record):
    """Where a topic was found and how."""

    _fields = ("topic", "how", "para")
    __slots__ = _fields

    def __init__(
        self,
        topic: str,
        how: str,  # "bogmærke", "overskrift", "tekst"
        para: Para | None,
    ) -> None:
        self.topic = topic
        self.how = how
        self.para = para


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def expected_topics(library: Library, agreement: str, sector: str | None) -> list[Topic]:
    """The library's topics of an agreement that apply to the sector (all when unknown)."""
    return [t for t in library.for_agreement(agreement) if sector is None or sector in t.sectors]


def find_topics(draft: DocxDraft, library: Library, agreement: str) -> dict[str, Found]:
    """Every topic of the agreement found in the draft, keyed by topic id."""
    found: dict[str, Found] = {}
    specs = SPECS[agreement]
    for topic, _variant, element in draft.anchors:
        if topic in specs or any(t.id == topic for t in library.for_agreement(agreement)):
            found.setdefault(topic, Found(topic, "bogmærke", draft.para_of(element)))
    titles = {_norm(t.title): t.id for t in library.for_agreement(agreement)}
    # A paragraph's text (and heading) is whitespace-normalised as read (paragraph_text), and case
    # folding never shortens a text: one longer than every title cannot be a title.
    longest = max(map(len, titles), default=0)
    for (
        para
    ) in draft.paragraphs:  # a paragraph that is exactly one of our titles, whatever its style
        text = para.heading or para.text
        if len(text) > longest:
            continue
        title = _norm(text)
        if title in titles:
            found.setdefault(titles[title], Found(titles[title], "overskrift", para))
    headings = [p for p in draft.paragraphs if p.heading and not DOC_TITLE.search(p.heading)]
    for para in headings:
        heading = _norm(para.heading or "")
        if heading in titles:
            found.setdefault(titles[heading], Found(titles[heading], "overskrift", para))
            continue
        for topic, (pattern, _) in specs.items():
            if compile_pattern(pattern, re.I).search(heading):
                found.setdefault(topic, Found(topic, "overskrift", para))
    for topic, (_, wording) in specs.items():
        if topic not in found and (hit := _by_wording(draft, wording)) is not None:
            found[topic] = Found(topic, "tekst", hit)
    return dict(sorted(found.items(), key=lambda kv: kv[1].para.index if kv[1].para else -1))


def _by_wording(draft: DocxDraft, wording: str) -> Para | None:
    """The first paragraph with the topic's wording, when the wording is more than a passing
    mention. Rule: the wording must occur at least twice, in two paragraphs or twice in one
    paragraph (a paragraph that returns to the subject is about it). A single hit, e.g.
    "tilgængelig" once in a paragraph about something else, does not make the topic present;
    a heading naming the topic is enough on its own (handled before this fallback)."""
    first: Para | None = None
    hits = 0
    pattern = compile_pattern(wording, re.I | re.M)
    for para in draft.paragraphs:
        if not para.text:
            continue
        count = len(pattern.findall(para.text))
        if count:
            first = first or para
            hits += count
        if hits >= WORDING_HITS:
            return first
    return None


def decide_agreement(draft: DocxDraft) -> str:
    """'lokal' or 'individuel': embedded answers, then our bookmarks, then the title and wording."""
    if draft.payload and draft.payload.get("aftale") in SPECS:
        return str(draft.payload["aftale"])
    only_individual = {"arbejdssted", "omfang", "kontakttid", "udstyr", "kompensation", "aendring"}
    if any(topic in only_individual for topic, _, _ in draft.anchors):
        return "individuel"
    if draft.anchors:
        return "lokal"
    for para in draft.paragraphs[:8]:
        text = para.text.casefold()
        if "individuel aftale" in text or "individuelle aftale om" in text:
            return "individuel"
        if "lokalaftale" in text or "lokal aftale" in text:
            return "lokal"
    text = draft.text.casefold()
    individual = len(re.findall(r"\bmedarbejderen\b", text)) + 3 * text.count("individuel aftale")
    local = 3 * text.count("lokalaftale") + len(re.findall(r"\bmedarbejderne\b", text))
    return "individuel" if individual > local else "lokal"
