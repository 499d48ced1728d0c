"""Assess one change to a clause: what it does to the terms, in whose favour, against our library.

`assess_change(topic, before, after, library)` is the plain function other views use (the
redline's change overview shows it per change). It reads the terms of both texts, compares them
family by family, and measures the result against the library variant the older text follows.
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

from assembler.audit.terms import text_terms
from assembler.audit.terms.compare import Effect, term_effects
from assembler.audit.terms.kinds_memo import set_kinds
from assembler.library.model import Library, Variant
from assembler.records import Record
from assembler.regex import LazyPattern

FAVOURS = ("medarbejderne", "arbejdsgiveren", "begge", "neutral", "uafklaret")
FAVOUR_DA = {
    "medarbejderne": "til fordel for medarbejderne",
    "arbejdsgiveren": "til fordel for arbejdsgiveren",
    "begge": "både til fordel for medarbejderne og for arbejdsgiveren",
    "neutral": "uden betydning for rettigheder og pligter",
    "uafklaret": "virkningen kan ikke afgøres automatisk",
}
SAME_VARIANT = 0.8  # share of a text's words from a variant above which the text follows it
MIN_WORDS = 8  # shorter texts are too short to tell which variant they follow
MARKUP = LazyPattern(r"\{\{[^}]*\}\}|\[hvis[^\]]*\]")  # placeholders and condition markers
WORD = LazyPattern(r"\w+")


class Assessment(Record):
    """A short Danish assessment of one change and whose favour it is in.

    `text` is plain Danish for the union representative (what changed and what it means);
    `library` says how the change stands against the clause library's variants, for the
    negotiator's notes; `verdict` overrides the favour's wording where a bare favour would mislead
    (a move that changes no right but breaks references).
    """

    _fields = ("text", "favour", "effects", "variant", "library", "verdict", "source")
    __slots__ = _fields

    def __init__(
        self,
        text: str,
        favour: str,  # one of FAVOURS
        effects: tuple[Effect, ...] = (),
        variant: str = "",  # the library variant the assessment is measured against ('' if none)
        # "ringere for medarbejderne end variant 'Faste kernetider' (Balanceret)"
        library: str = "",
        verdict: str = "",
        source: str = "",  # the sources behind the reading: "S1 (Akademikerne: …)" ('' when none)
    ) -> None:
        self.text = text
        self.favour = favour
        self.effects = effects
        self.variant = variant
        self.library = library
        self.verdict = verdict
        self.source = source

    @property
    def favour_da(self) -> str:
        """The favour in Danish, e.g. 'til fordel for arbejdsgiveren'."""
        return self.verdict or FAVOUR_DA[self.favour]


POSITION_ADJECTIVE = {
    "Arbejdsgivervenlig": "arbejdsgivervenlige",
    "Balanceret": "balancerede",
    "Medarbejdervenlig": "medarbejdervenlige",
}


def _words(text: str) -> list[str]:
    """Lower-case words without placeholders or condition markers."""
    return WORD.findall(MARKUP.sub(" ", text).casefold())


@lru_cache(maxsize=256)
def _variant_words(text: str) -> tuple[tuple[str, ...], Counter[str]]:
    """A variant's words and how often each occurs (read once per text)."""
    words = tuple(_words(text))
    return words, Counter(words)


def _covered(variant_words: tuple[str, ...], words: list[str]) -> int:
    """How many of the text's words the alignment with the variant's words matches.

    A run of the variant's words that the text lacks is aligned as one word the text lacks:
    no match can hold or cross such a word, and the matches keep their order and lengths, so
    the blocks found (and their sizes) are the same, for less of difflib's search."""
    present = set(words)
    kept: list[str | None] = []
    for word in variant_words:
        if word in present:
            kept.append(word)
        elif not kept or kept[-1] is not None:
            kept.append(None)
    matcher = SequenceMatcher(None, kept, words, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def following_variant(library: Library, agreement: str, topic: str, text: str) -> Variant | None:
    """The variant the text follows: the one covering most of the text's words (the first of
    equals) when at least SAME_VARIANT of them come from it, else None. A variant that does not
    share enough words with the text to reach that, or to beat a nearer variant before it, is
    not aligned at all (issue 14)."""
    try:
        variants = library.topic(agreement, topic).variants
    except KeyError:
        return None
    words = _words(text)
    if len(words) < MIN_WORDS:
        return None
    counts = Counter(words)
    best, best_score = None, -1.0
    for variant in variants:
        variant_words, variant_counts = _variant_words(variant.text)
        # the alignment matches at most the words both texts have, as often as both have them
        shared = sum(min(n, variant_counts[word]) for word, n in counts.items())
        bound = shared / len(words)
        if bound < SAME_VARIANT or bound <= best_score:
            continue  # cannot follow the variant, or not more closely than an earlier one
        score = _covered(variant_words, words) / len(words)
        if score > best_score:  # the first of equals
            best, best_score = variant, score
    return best if best_score >= SAME_VARIANT else None


def _variant_named(library: Library, agreement: str, topic: str, variant_id: str) -> Variant | None:
    try:
        return library.topic(agreement, topic).variant(variant_id)
    except KeyError:
        return None


def _library_has(library: Library, agreement: str, topic: str, kind: str) -> bool:
    """Whether any variant of the topic sets a term of this kind (not negated)."""
    try:
        variants = library.topic(agreement, topic).variants
    except KeyError:
        return False
    return any(kind in _variant_kinds(v.text) for v in variants)


@lru_cache(maxsize=256)
def _variant_kinds(text: str) -> frozenset[str]:
    """The kinds of term a variant's text sets (read once per text)."""
    return set_kinds(MARKUP.sub("x", text))  # kept between runs: kinds_memo.py


def _only_wording(before: str, after: str) -> bool:
    """Whether two texts differ only in case, punctuation and spacing."""
    return WORD.findall(before.casefold()) == WORD.findall(after.casefold())


SHARED_OPENINGS = ("der er indført ",)  # "der er indført et loft … og et loft …": said once


def _sentence(effects: list[Effect]) -> str:
    """'A, B og C' with the first letter upper-case; an opening that repeats is said once."""
    parts = [e.text for e in effects]
    for opening in SHARED_OPENINGS:
        parts = [
            part[len(opening) :]
            if i and part.startswith(opening) and parts[i - 1].startswith(opening)
            else part
            for i, part in enumerate(parts)
        ]
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " og " + parts[-1]
    return joined[:1].upper() + joined[1:]


def assess_change(
    topic: str,
    before: str,
    after: str,
    library: Library,
    agreement: str = "lokal",
    variant: str | None = None,
    rest: str | None = None,
) -> Assessment:
    """Assess a change of one clause's text (paragraphs separated by newlines); `variant` names
    the library variant the older text follows, when known (else it is found by wording);
    `rest` is the rest of the newer clause when `before` and `after` are one paragraph of it."""
    old, new = text_terms(before, topic), text_terms(after, topic)
    # the clause around a change only weighs transport terms (is a cap's grant still there?)
    weighs = rest is not None and any(t.kind.startswith("transport") for t in (*old, *new))
    around = text_terms(rest, topic) if weighs and rest is not None else None
    effects = term_effects(old, new, around)
    ours = _variant_named(library, agreement, topic, variant) if variant else None
    if ours is None and before.strip():
        ours = following_variant(library, agreement, topic, before)
    now_follows = following_variant(library, agreement, topic, after) if after.strip() else None
    worse = any(e.direction < 0 for e in effects)
    better = any(e.direction > 0 for e in effects)
    if not effects:
        if _only_wording(before, after):
            return Assessment("Kun sproglige ændringer (tegnsætning, store og små bogstaver).",
                              "neutral")  # fmt: skip
        what = "Teksten er slettet" if not after.strip() else (
            "Teksten er tilføjet" if not before.strip() else "Ordlyden er ændret"
        )  # fmt: skip
        return Assessment(
            f"{what}, men programmet kan ikke afgøre, hvad ændringen betyder for rettigheder og "
            "pligter. Læs den selv.",
            "uafklaret",
            (),
            ours.id if ours else "",
        )
    favour = ("begge" if worse and better else "arbejdsgiveren" if worse else
              "medarbejderne" if better else "neutral")  # fmt: skip
    text = _sentence(effects) + "."
    library_note = ""
    if ours is not None:
        how = {"begge": "både bedre og ringere", "arbejdsgiveren": "ringere",
               "medarbejderne": "bedre",
               "neutral": "hverken bedre eller ringere"}[favour]  # fmt: skip
        library_note = f"{how} for medarbejderne end variant '{ours.name}' ({ours.position})"
    novel = [
        e.kind for e in effects if e.kind and not _library_has(library, agreement, topic, e.kind)
    ]
    if novel:
        text += " Ingen af vores standardformuleringer giver Arbejdsgiveren en sådan ret."
    if now_follows is not None and (ours is None or now_follows.id != ours.id):
        kind = POSITION_ADJECTIVE.get(now_follows.position, "")
        text += (f" Teksten svarer nu til klausulbibliotekets {kind} formulering "
                 f"„{now_follows.name}“.").replace("  ", " ")  # fmt: skip
        library_note += (
            f"{'; ' if library_note else ''}teksten svarer nu til variant '{now_follows.name}' "
            f"({now_follows.position})"
        )
    ids = dict.fromkeys(s for e in effects for s in e.sources)
    source = ""
    if ids:  # the rules' register of titles loads only when an effect names a source
        from assembler.rules.engine import source_text

        source = source_text(library.sources, ids)
    return Assessment(text, favour, tuple(effects), ours.id if ours else "", library_note,
                      source=source)  # fmt: skip


class OverviewAssessor:
    """assess_change as an assessor for the redline's change overview (compare/assess.Assessor):
    called with a change's facts, it returns the assessment when the direction is clear, else None.
    """

    def __init__(self, library: Library) -> None:
        self.library = library

    def __call__(self, change: object) -> str | None:
        """'Varslet for fremmøde er forkortet …: ringere … (til fordel for arbejdsgiveren).'"""
        topic = getattr(change, "topic", "")
        agreement = getattr(change, "agreement", "")
        if not topic or agreement not in ("lokal", "individuel"):
            return None
        before = getattr(change, "before", "") or ""
        after = getattr(change, "after", "") or ""
        whole = getattr(change, "clause_after", None)
        rest = None if whole is None else whole.replace(after, "", 1) if after else whole
        result = assess_change(topic, before, after, self.library, agreement, rest=rest)
        if result.favour not in ("medarbejderne", "arbejdsgiveren", "begge"):
            return None
        return f"{result.text.rstrip('.')} ({result.favour_da})."
