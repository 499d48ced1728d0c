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

from assembler.regex_programs import compile_pattern


class LazyPattern:
    """re.compile(pattern, flags), done on first use; the methods the code base uses."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = compile_pattern(self.pattern, self.flags)
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As re.Pattern.search."""
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
