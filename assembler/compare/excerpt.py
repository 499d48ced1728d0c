"""Excerpts for the change overview: centred on the changed words, cut only between words."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

ELLIPSIS = "…"
CONTEXT = 40  # characters of unchanged text kept on each side of a change
JOIN_GAP = 60  # changes closer than this (unchanged characters) share one excerpt piece
CHANGE_LIMIT = 240  # a longer changed stretch is cut after this many characters
WHOLE_LIMIT = 600  # an inserted or deleted paragraph is shown up to this many characters

_TOKEN = re.compile(r"\s+|\S+")


def tokens(text: str) -> list[str]:
    """Words (with their punctuation) and the whitespace between them, in order."""
    return _TOKEN.findall(text)


def _is_space(token: str) -> bool:
    return token.isspace()


def shorten(text: str, limit: int = WHOLE_LIMIT) -> str:
    """The text, cut at the last word boundary before `limit` characters with '…' when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    return text[: cut if cut > 0 else limit].rstrip(" ,;:") + " " + ELLIPSIS


def _left(toks: list[str], end: int, floor: int) -> int:
    """Start index of up to CONTEXT characters of whole words ending at `end` (not before floor)."""
    start, size = end, 0
    while start > floor and size + len(toks[start - 1]) <= CONTEXT:
        start -= 1
        size += len(toks[start])
    while start < end and _is_space(toks[start]):
        start += 1
    return start


def _right(toks: list[str], start: int, ceiling: int) -> int:
    """End index of up to CONTEXT characters of whole words starting at `start`."""
    end, size = start, 0
    while end < ceiling and size + len(toks[end]) <= CONTEXT:
        size += len(toks[end])
        end += 1
    while end > start and _is_space(toks[end - 1]):
        end -= 1
    return end


def _hunks(a: list[str], b: list[str]) -> list[tuple[int, int, int, int]]:
    """Changed token ranges (a1, a2, b1, b2); changes separated by little text are merged.

    The common head and tail are matched before difflib runs on what lies between: difflib's
    search is quadratic in the tokens it sees (every space token matches every other), and a
    long paragraph usually changes in a few words.
    """
    head, tail = _common_ends(a, b)
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    matcher = SequenceMatcher(None, middle_a, middle_b, autojunk=False)
    out: list[list[int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        i1, i2, j1, j2 = i1 + head, i2 + head, j1 + head, j2 + head
        if out and len("".join(a[out[-1][1] : i1])) < JOIN_GAP:
            out[-1][1], out[-1][3] = i2, j2
        else:
            out.append([i1, i2, j1, j2])
    return [(h[0], h[1], h[2], h[3]) for h in out]


def _common_ends(a: list[str], b: list[str]) -> tuple[int, int]:
    """How many tokens the lists share at the start and at the end, the longer end taken first
    (as difflib takes the longest matching block first), so the two never overlap."""
    limit = min(len(a), len(b))
    head = _shared(a, b, limit, 1)
    tail = _shared(a, b, limit, -1)
    if tail > head:
        return _shared(a, b, limit - tail, 1), tail
    return head, _shared(a, b, limit - head, -1)


def _shared(a: list[str], b: list[str], limit: int, step: int) -> int:
    """The number of equal tokens (at most `limit`) from the start (step 1) or the end (-1)."""
    n = 0
    if step == 1:
        while n < limit and a[n] == b[n]:
            n += 1
    else:
        while n < limit and a[-1 - n] == b[-1 - n]:
            n += 1
    return n


def _cut_change(toks: list[str]) -> str:
    """A changed stretch, cut after CHANGE_LIMIT characters at a word boundary."""
    text = "".join(toks)
    if len(text) <= CHANGE_LIMIT:
        return text
    return shorten(text, CHANGE_LIMIT)


def _piece(toks: list[str], lo: int, c1: int, c2: int, hi: int) -> str:
    """Context toks[lo:c1] + change toks[c1:c2] + context toks[c2:hi]."""
    return "".join(toks[lo:c1]) + _cut_change(toks[c1:c2]) + "".join(toks[c2:hi])


def excerpts(before: str, after: str) -> tuple[str, str]:
    """Before and after, each reduced to the changed words with a little context around them.

    Both sides keep the same unchanged context, every cut falls between words and is shown
    as '…', and separate changes in one paragraph are joined with ' … '. Texts that differ
    only in whitespace come back as they are (the caller labels them).
    """
    a, b = tokens(before), tokens(after)
    hunks = _hunks(a, b)
    if not hunks:
        return shorten(before), shorten(after)
    out_a, out_b = "", ""
    end_a = 0
    for k, (a1, a2, b1, b2) in enumerate(hunks):
        lo_a = _left(a, a1, end_a)
        lo_b = b1 - (a1 - lo_a)  # the unchanged context is the same on both sides
        hi_a = _right(a, a2, hunks[k + 1][0] if k + 1 < len(hunks) else len(a))
        hi_b = b2 + (hi_a - a2)
        if lo_a > end_a:  # a gap: unchanged text left out (or the paragraph's start)
            out_a = out_a.rstrip() + (f" {ELLIPSIS} " if out_a else ELLIPSIS)
            out_b = out_b.rstrip() + (f" {ELLIPSIS} " if out_b else ELLIPSIS)
        out_a += _piece(a, lo_a, a1, a2, hi_a)
        out_b += _piece(b, lo_b, b1, b2, hi_b)
        end_a = hi_a
    if end_a < len(a):
        out_a, out_b = out_a.rstrip() + ELLIPSIS, out_b.rstrip() + ELLIPSIS
    return _tidy(out_a), _tidy(out_b)


def _tidy(text: str) -> str:
    """Collapse whitespace; an excerpt with no words left is empty."""
    words = text.split()
    return " ".join(words) if any(w != ELLIPSIS for w in words) else ""
