"""Case-insensitive patterns located in lowered text by a case-sensitive twin: the same matches.

An IGNORECASE pattern whose words hold letters gets none of the engine's (`_sre`) shortcuts: no
literal prefix to jump to, and an alternative of words is entered one word at a time, each
letter compared through a lowering call; the audit's phrase patterns cost several times what
the same patterns cost case-sensitively (issue 14). For such a pattern P, `folded_code` builds
its twin Q: P's parsed form without IGNORECASE, with every literal and every character of a set
replaced by its lowering. Q, searched in `lowered(S)`, starts a match at exactly the positions
where P starts one in S; the caller (assembler/regex.py) finds the first with Q and takes the
match itself from P.match(S, start), so every Match comes from P.

Why the positions agree. The engine tests each character of S one at a time: a cased literal
or set of P as "lower(c) is one of the members' lowerings or their extra case-equivalents
(re._casefix)", anything uncased and the classes (\\w, \\d, \\s and their use in \\b) on c
itself. `lowered` answers only for texts where str.lower is one character per character, equal
to the engine's lowering, and yields no character that re._casefix maps to another
representative; then lower(c) == L(c') for a member c' exactly when the two are case-equivalent,
a character whose lowering is uncased is its own lowering, and lowering keeps every class. The
tests check those three facts over every code point, and compare Q's starts and P's matches
with re's on generated texts. Anything else (inline flags, back-references, ASCII or LOCALE,
sets past the Basic Multilingual Plane or with long ranges, a pattern that can match the empty
string) gets no twin.
"""

from __future__ import annotations

import copy
import re
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any

from assembler.regex_literals import _fold_char, fold_pair

MAX_RANGE = 256  # a longer range in a set is not expanded: no twin


class _NoTwin(Exception):
    """A construct the twin does not cover."""


def lowered(text: str) -> str | None:
    """The text as the twin reads it (str.lower), or None where that is not safe: a text
    holding 'İ' (two characters lowered) or a character that re._casefix counts as another's
    case-equivalent but is not its class's least (e.g. 'ſ', equivalent to 's')."""
    return fold_pair(text)[1]


def _low(code: int) -> int:
    """A literal as a lowered text holds it: its lowering's class representative (the least)."""
    return ord(_fold_char(code))


def folded_code(pattern: str, flags: int, parsed: Any = None) -> tuple[
    int, list[int], int, dict[str, int], tuple[str | None, ...]] | None:  # fmt: skip
    """The twin's program (flags, code, groups, groupindex, indexgroup), or None: no twin.
    `parsed`: the caller's parse of the same pattern and flags, which is not altered."""
    if not isinstance(pattern, str):
        return None
    try:
        from re import _compiler  # type: ignore[attr-defined]

        if parsed is None:
            parsed = _parser.parse(pattern, flags)
        state = parsed.state
        all_flags = state.flags
        if not all_flags & re.IGNORECASE or all_flags & (re.LOCALE | re.ASCII | re.DEBUG):
            return None
        if parsed.getwidth()[0] < 1:
            return None
        twin_flags = all_flags & ~re.IGNORECASE
        twin_state = copy.copy(state)
        twin_state.flags = twin_flags
        twin = _parser.SubPattern(twin_state, _items(parsed.data))
        code = [int(op) for op in _compiler._code(twin, twin_flags)]
    except (_NoTwin, re.error, RecursionError, ValueError, TypeError, AttributeError):
        return None
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    return (int(twin_flags), code, state.groups - 1, dict(state.groupdict), tuple(indexgroup))


def _items(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """The twin of a parsed sequence."""
    return [_item(op, av) for op, av in items]


def _sub(sub: Any) -> Any:
    return _parser.SubPattern(sub.state, _items(sub.data))


def _item(op: Any, av: Any) -> tuple[Any, Any]:
    c = _constants
    if op is c.LITERAL or op is c.NOT_LITERAL:
        if av > 0xFFFF:
            raise _NoTwin
        return (op, _low(av))
    if op is c.IN:
        return (op, _set(av))
    if op is c.ANY or op is c.AT:
        return (op, av)
    if op is c.BRANCH:
        return (op, (av[0], [_sub(branch) for branch in av[1]]))
    if op is c.SUBPATTERN:
        group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _NoTwin
        return (op, (group, add_flags, del_flags, _sub(sub)))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, sub = av
        return (op, (low, high, _sub(sub)))
    if op is c.ATOMIC_GROUP:
        return (op, _sub(av))
    if op is c.ASSERT or op is c.ASSERT_NOT:
        direction, sub = av
        return (op, (direction, _sub(sub)))
    raise _NoTwin  # back-references, conditionals and anything newer


def _set(members: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """A set's twin: its characters lowered one by one, its classes and negation kept."""
    c = _constants
    out: list[tuple[Any, Any]] = []
    for op, av in members:
        if op is c.LITERAL:
            if av > 0xFFFF:
                raise _NoTwin
            out.append((op, _low(av)))
        elif op is c.RANGE:
            low, high = av
            if high > 0xFFFF or high - low >= MAX_RANGE:
                raise _NoTwin
            out.extend((c.LITERAL, _low(code)) for code in range(low, high + 1))
        elif op is c.CATEGORY or op is c.NEGATE:
            out.append((op, av))
        else:
            raise _NoTwin
    return out
