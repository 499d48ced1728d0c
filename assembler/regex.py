"""Regular expressions compiled the first time a text reaches them, from a cache of programs.

Python compiles a pattern in Python code, and the audit's phrase readers hold about a hundred
long ones: compiling them all when the audit is imported cost more than comparing two short
agreements, while one run only reaches the patterns its sentences lead to. A LazyPattern is
written like re.compile(...) and used like the compiled pattern.

Even the patterns one run reaches cost a fifth of assessing a negotiation round, so what
Python's compiler makes of each (the program for its regular-expression engine, `_sre`) is kept
as JSON in the cache folder, one file per Python version and engine, and later runs hand the
program straight to the engine. A program is stored only when the pattern built from it equals
the one re.compile builds (CPython compares the pattern, the flags and the program), so the
cache can never change a match; a missing, damaged or unwritable cache, or another Python than
CPython, just means compiling as re.compile does.

Searching, not compiling, is the larger cost of the audit's case-insensitive phrase patterns:
the engine finds no literal prefix in them and tries their alternatives word by word at every
position. search() and finditer() therefore skip texts that lack a required word
(regex_literals), locate each match's start with the pattern's case-sensitive twin in the
lowered text (regex_fold) and take the match from the pattern itself there, and remember their
answers for the last texts (a sentence the two versions of a round share is read for each).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from assembler.regex_literals import fold_pair
from assembler.regex_programs import compile_pattern, compile_twin, words_of

_UNKNOWN: tuple[str, ...] = ("<not read yet>",)  # a LazyPattern's words before first use
_UNMADE: Any = object()  # a LazyPattern's twin before first use
_MISSING: Any = object()  # a text search() has not answered for yet
MEMO_SIZE = 256  # answers a pattern remembers (texts it searched whole), then forgets them all
# The last text folded, its folding and its lowering, as one tuple (replaced whole: safe
# between threads).
_last: tuple[str | None, str | None, str | None] = (None, None, None)


def _folded(text: str) -> tuple[str | None, str | None]:
    """fold(text) and lowered(text), once for a run of searches in the same text (a sentence
    meets many patterns)."""
    global _last
    last = _last
    if last[0] is text:
        return last[1], last[2]
    folded, low = fold_pair(text)
    _last = (text, folded, low)
    return folded, low


class LazyPattern:
    """re.compile(pattern, flags), done on first use; the methods the code base uses.

    search() and finditer() first ask whether the text contains any of the words every match
    must contain (regex_literals.required_literals) and answer at once when it does not; a
    case-insensitive pattern then finds where its matches start with its case-sensitive twin
    in the lowered text (regex_fold), and takes each match from the pattern itself there. The
    answers for the last texts are remembered: the audit reads a sentence the two versions of
    a round share once for each, and some sentences with two readers."""

    __slots__ = ("_compiled", "_found", "_icase", "_listed", "_twin", "_words", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None
        self._words: tuple[str, ...] | None = _UNKNOWN
        self._icase = False
        self._twin: re.Pattern[str] | None = _UNMADE
        self._found: dict[str, re.Match[str] | None] = {}  # search's answers by text
        self._listed: dict[str, list[re.Match[str]]] = {}  # finditer's answers by text

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = compile_pattern(self.pattern, self.flags)
        return self._compiled

    def _lowered(self, string: str) -> str | None:
        """None when the string (a str) lacks every word a match must contain; otherwise the
        string as the twin reads it, or the string itself where there is no twin."""
        words = self._words
        if words is _UNKNOWN:
            self._icase = bool(self.compiled.flags & re.IGNORECASE)
            words = self._words = words_of(self.pattern, self.flags)
            self._twin = compile_twin(self.pattern, self.flags) if self._icase else None
        if not self._icase:
            text: str | None = string
            low: str | None = None
        else:
            text, low = _folded(string)
        if words is not None and text is not None:
            for word in words:  # a loop: any() over a generator costs a frame per call
                if word in text:
                    break
            else:
                return None
        return string if low is None or self._twin is None else low

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As re.Pattern.search."""
        if pos != 0 or endpos != sys.maxsize or type(string) is not str:
            return self.compiled.search(string, pos, endpos)
        text = self._lowered(string)
        if text is None:
            return None
        known = self._found
        # one lookup, not `in` then `[]`: another thread may clear the memo between the two
        remembered = known.get(string, _MISSING)
        if remembered is not _MISSING:
            return remembered
        if len(known) >= MEMO_SIZE:
            known.clear()
        if text is string:
            match = known[string] = self.compiled.search(string)
            return match
        found = self._twin.search(text)  # type: ignore[union-attr]
        if found is None:
            known[string] = None
            return None
        match = self.compiled.match(string, found.start())
        if match is None:  # never, by regex_fold's proof: the pattern's own answer then
            match = self.compiled.search(string)
        known[string] = match
        return match

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As re.Pattern.match."""
        return self.compiled.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        """As re.Pattern.fullmatch."""
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """As re.Pattern.finditer."""
        if pos != 0 or endpos != sys.maxsize or type(string) is not str:
            return self.compiled.finditer(string, pos, endpos)
        text = self._lowered(string)
        if text is None:
            return iter(())
        known = self._listed
        matches = known.get(string)
        if matches is None:
            if len(known) >= MEMO_SIZE:
                known.clear()
            found = (
                self.compiled.finditer(string)
                if text is string
                else self._twin_finditer(string, text)
            )
            matches = known[string] = list(found)
        return iter(matches)

    def _twin_finditer(self, string: str, text: str) -> Iterator[re.Match[str]]:
        """finditer with the twin: each match starts where the twin finds one, from the end of
        the last (no twin matches the empty string, so the next search starts there)."""
        twin = self._twin
        compiled = self.compiled
        at = 0
        while (found := twin.search(text, at)) is not None:  # type: ignore[union-attr]
            match = compiled.match(string, found.start())
            if match is None:  # never, by regex_fold's proof; the pattern's own answer then
                yield from compiled.finditer(string, at)
                return
            yield match
            at = match.end()

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        """As re.Pattern.split."""
        return self.compiled.split(string, maxsplit)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        """As re.Pattern.sub."""
        return self.compiled.sub(repl, string, count)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        """As re.Pattern.findall."""
        return self.compiled.findall(string, pos, endpos)
