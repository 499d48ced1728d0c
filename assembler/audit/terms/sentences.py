"""Split a paragraph into sentences with their offsets, and recognise negation."""

from __future__ import annotations

import re

from assembler.records import Record
from assembler.regex import LazyPattern

# Abbreviations that end with a full stop inside a Danish sentence.
ABBREVIATIONS = (
    "kl", "fx", "f.eks", "pr", "nr", "stk", "jf", "bl.a", "mv", "m.v", "ca", "dvs", "evt",
    "inkl", "ekskl", "hhv", "mht", "vedr", "ifm", "pkt", "s", "d", "ang",
)  # fmt: skip
_BOUNDARY = LazyPattern(r"[.!?;:](?=\s+[A-ZÆØÅ\"„»«(§])")
NEGATION = LazyPattern(r"\b(ikke|ingen|intet|aldrig|hverken|uden\s+at)\b", re.I)
# Clause-internal breaks that end the reach of a negation: "ikke A, men B".
CLAUSE_NUMBER_END = LazyPattern(r"§\s*\d+\s*[a-z]?$")  # "jf. § 3." ends a sentence
DAY_NUMBER = LazyPattern(r"\d{1,2}")  # "1." in "den 1. marts" does not
CONTRAST = LazyPattern(r"\b(men|dog|derimod|medmindre|undtagen)\b|;", re.I)


class Sentence(Record):
    """One sentence of a paragraph, with its offset in the paragraph's text."""

    _fields = ("text", "start", "para", "topic")
    __slots__ = _fields

    def __init__(
        self,
        text: str,
        start: int,
        para: int,
        topic: str,
    ) -> None:
        self.text = text
        self.start = start
        self.para = para
        self.topic = topic

    def span(self, match: re.Match[str], group: int | str = 0) -> tuple[int, int]:
        """The paragraph-level span of a match (or one of its groups) in this sentence."""
        return self.start + match.start(group), self.start + match.end(group)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation such as 'kl.' or 'bl.a.'."""
    before = text[:dot].rsplit(None, 1)[-1].casefold() if text[:dot].strip() else ""
    if CLAUSE_NUMBER_END.search(text[:dot]):
        return False  # "jf. § 3." ends a sentence
    return before.rstrip(".") in ABBREVIATIONS or bool(DAY_NUMBER.fullmatch(before))


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; a full stop after an abbreviation or a day number is not an end."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        out.append((start, text[start : m.end()]))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) and text[start:].strip():
        out.append((start, text[start:]))
    return out


def negated(text: str) -> bool:
    """Whether a stretch of words holds a negation not cut off by a contrast ('men', ';')."""
    parts = CONTRAST.split(text)
    tail = parts[-1] if parts else text
    return bool(NEGATION.search(tail if parts else text))
