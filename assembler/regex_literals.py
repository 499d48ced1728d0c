"""Literal substrings that any match of a regular expression must contain: a cheap prefilter.

The audit tries about a hundred phrase patterns on every sentence, and most of them cannot match
most sentences. `required_literals` reads a pattern's parsed form (Python's own parser,
`re._parser`) and returns words of which at least one occurs in every string the pattern can find
a match in; `str.__contains__` on those words is far cheaper than a search. It answers None (no
prefilter) for every construct it cannot reason about (inline flags, LOCALE, bytes, a branch or
repeat without a required word), so a skipped search is always one that would have failed.

Under IGNORECASE both sides are folded alike: the pattern's characters as the regular-expression
engine lowers them, the text by `str.lower`, with each of the engine's extra case-equivalents
(`re._casefix`, e.g. 'ſ' and 's') mapped to one representative. `str.lower` differs from the
engine's one-character lowering only for the character _UNSAFE (tested over every code point);
a text containing one gets no prefilter.
"""

from __future__ import annotations

import re
from re import _casefix, _constants, _parser  # type: ignore[attr-defined]
from typing import Any

_sre: Any = __import__("_sre")

MAX_LITERALS = 24  # more alternatives than this cost about as much as the search itself

# The one character whose str.lower() is not the engine's lowering (one character, the same
# one): 'İ' lowers to 'i' plus a combining dot. Verified over all of Unicode by the tests.
_UNSAFE = "\u0130"


def _canonical(lowered: int) -> str:
    """One representative of a lowered character and its extra case-equivalents."""
    return chr(min((lowered, *_casefix._EXTRA_CASES.get(lowered, ()))))


_FOLD_TABLE = {k: _canonical(k) for k in _casefix._EXTRA_CASES if chr(k) != _canonical(k)}
_FOLDED = frozenset(map(chr, _FOLD_TABLE))  # the characters the table changes (none in Danish)


def fold(text: str) -> str | None:
    """The text as IGNORECASE compares it, for `in` tests on folded literals; None if unsure."""
    return fold_pair(text)[0]


def fold_pair(text: str) -> tuple[str | None, str | None]:
    """fold(text), and text.lower() where that is the same (regex_fold's lowered text), with
    one lowering: a sentence meets both."""
    if text.isascii():
        lowered = text.lower()
        return lowered, lowered
    if _UNSAFE in text:
        return None, None
    lowered = text.lower()
    if _FOLDED.isdisjoint(lowered):
        return lowered, lowered
    return lowered.translate(_FOLD_TABLE), None


def _fold_char(code: int) -> str:
    return _canonical(_sre.unicode_tolower(code))


class _GiveUp(Exception):
    """A construct the extraction does not reason about."""


def required_literals(
    pattern: str | bytes, flags: int = 0, parsed: Any = None
) -> tuple[str, ...] | None:
    """Words (folded if IGNORECASE) one of which every match's string contains; None: no filter.

    A search of string s can only succeed if `any(w in s for w in words)` (with s folded by
    `fold` under IGNORECASE), when searching the whole string (no pos/endpos)."""
    if not isinstance(pattern, str):
        return None
    try:
        if parsed is None:  # else the caller's parse of the same pattern and flags
            parsed = _parser.parse(pattern, flags)
        all_flags = parsed.state.flags
        if all_flags & (re.LOCALE | re.DEBUG):
            return None
        icase = bool(all_flags & re.IGNORECASE)
        words = _need(parsed.data, icase)
    except (_GiveUp, re.error, RecursionError):
        return None
    if not words or "" in words or len(words) > MAX_LITERALS:
        return None
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two requirements: longer shortest word, then fewer words."""
    if a is None:
        return b
    if b is None:
        return a
    key_a = (min(map(len, a)), -len(a))
    key_b = (min(map(len, b)), -len(b))
    return a if key_a >= key_b else b


def _need(items: list[tuple[Any, Any]], icase: bool) -> frozenset[str] | None:
    """What a sequence of parsed items requires (None: nothing known)."""
    c = _constants
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            run.append(_fold_char(av) if icase else chr(av))
            continue
        if op is c.AT:  # zero-width (^, $, \b): the characters around it stay adjacent
            continue
        if run:
            best = _better(best, frozenset(("".join(run),)))
            run = []
        best = _better(best, _item(op, av, icase))
    if run:
        best = _better(best, frozenset(("".join(run),)))
    return best


def _item(op: Any, av: Any, icase: bool) -> frozenset[str] | None:
    """What one non-literal parsed item requires."""
    c = _constants
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _GiveUp
        return _need(sub.data, icase)
    if op is c.BRANCH:
        words: set[str] = set()
        for branch in av[1]:
            need = _need(branch.data, icase)
            if need is None:
                return None
            words |= need
        return frozenset(words)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _need(sub.data, icase) if low >= 1 else None
    if op is c.ATOMIC_GROUP:
        return _need(av.data, icase)
    if op is c.ASSERT:  # a lookaround's text is in the string too
        return _need(av[1].data, icase)
    if op is c.GROUPREF_EXISTS:
        raise _GiveUp
    return None  # a class, any character, a negative lookaround, a back-reference …
