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
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from assembler.regex_literals import fold
from assembler.regex_programs import compile_pattern, words_of

_UNKNOWN: tuple[str, ...] = ("<not read yet>",)  # a LazyPattern's words before first use
# The last text folded and its folding, as one tuple (replaced whole: safe between threads).
_last: tuple[str | None, str | None] = (None, None)


def _folded(text: str) -> str | None:
    """fold(text), once for a run of searches in the same text (a sentence meets many patterns)."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    folded = fold(text)
    _last = (text, folded)
    return folded


class LazyPattern:
    """re.compile(pattern, flags), done on first use; the methods the code base uses.

    search() first asks whether the text contains any of the words every match must contain
    (regex_literals.required_literals) and answers None at once when it does not."""

    __slots__ = ("_compiled", "_icase", "_words", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None
        self._words: tuple[str, ...] | None = _UNKNOWN
        self._icase = False

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = compile_pattern(self.pattern, self.flags)
        return self._compiled

    def _can_match(self, string: str) -> bool:
        """False only when the string lacks every word a match must contain."""
        words = self._words
        if words is _UNKNOWN:
            self._icase = bool(self.compiled.flags & re.IGNORECASE)
            words = self._words = words_of(self.pattern, self.flags)
        if words is None or type(string) is not str:
            return True
        text = _folded(string) if self._icase else string
        if text is None:
            return True
        for word in words:  # noqa: SIM110 (any() over a generator costs a frame per call)
            if word in text:
                return True
        return False

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As re.Pattern.search."""
        if pos == 0 and endpos == sys.maxsize and not self._can_match(string):
            return None
        return self.compiled.search(string, pos, endpos)

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
        if pos == 0 and endpos == sys.maxsize and not self._can_match(string):
            return iter(())
        return self.compiled.finditer(string, pos, endpos)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        """As re.Pattern.split."""
        return self.compiled.split(string, maxsplit)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        """As re.Pattern.sub."""
        return self.compiled.sub(repl, string, count)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        """As re.Pattern.findall."""
        return self.compiled.findall(string, pos, endpos)
