"""The compiled programs of regular expressions, kept between runs (see assembler/regex.py).

CPython compiles a pattern in two steps: its parser and code generator (Python code, the cost)
turn it into a program, a list of numbers, which `_sre.compile` (C) makes into the pattern
object. This module stores the program of each pattern compiled here, never as pickle or
marshal, and builds later patterns from it; every program read back is checked by `_sre`
itself. The file is one line of JSON (each pattern, its flags, groups, required words and where
its program lies), a newline, then the programs' 32-bit little-endian words as raw bytes, turned
into numbers only when a pattern is made. JSON's parsing of the programs' some 40 000 numbers
cost the overview's child about 20 M instructions, and of their hex digits about 9 M (issue 14).
A case-insensitive pattern's twin (regex_fold) is stored the same way under the pattern's flags
plus TWIN, and a pattern without one as an entry with NO_TWIN for flags, so no run parses it again.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the engine re itself is built on
import atexit
import json
import re
import sys
from array import array
from pathlib import Path
from typing import Any

from assembler.regex_literals import required_literals

# (flags, code, groups, groupindex, indexgroup); code as numbers, or as stored (bytes, above)
Program = tuple[int, list[int] | bytes, int, dict[str, int], tuple[str | None, ...]]

WORDS_VERSION = "w1"  # of regex_literals' answers: a change there must change this
TWIN_VERSION = "t1"  # of regex_fold's twins: a change there must change this
TWIN = 1 << 24  # added to a pattern's flags in the store's key: its twin (no re flag is as high)
NO_TWIN = -1  # stored as a twin's flags: the pattern has none
FORMAT = "b1"  # how a program's code is stored (raw words after the JSON line): change with it
WORD = "I"  # the array type of one code word: 32 bits wherever CPython's _sre uses 32 bits
MAX_PROGRAMS = 2000  # the code base has a few hundred patterns; a bound on a runaway file
_programs: dict[tuple[str, int], Program] | None = None  # read on first use
_new: dict[tuple[str, int], Program] = {}  # compiled in this run, written at exit
_made: dict[tuple[str, int], re.Pattern[str]] = {}  # the patterns made in this run
_twins: dict[tuple[str, int], re.Pattern[str] | None] = {}  # the twins made (or none) in this run
Words = tuple[str, ...] | None
_words: dict[tuple[str, int], Words] = {}  # required words (regex_literals), stored and new


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags), from the stored program when there is one; made once a run."""
    flags = int(flags)  # a RegexFlag is stored as its number
    made = _made.get((pattern, flags))
    if made is None:
        made = _made[(pattern, flags)] = _compile(pattern, flags)
    return made


def compile_twin(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """The pattern's case-sensitive twin for lowered text (regex_fold), or None: none."""
    key = (pattern, int(flags) | TWIN)
    if key in _twins:
        return _twins[key]
    made: re.Pattern[str] | None = None
    program = _stored().get(key) or _new.get(key)  # stored, or made with the pattern's program
    if program is None:
        program = _twin_program(pattern, int(flags))
        if not _new:
            atexit.register(save)
        _new[key] = program
        _words[key] = None
    if program[0] != NO_TWIN:
        try:
            made = _build(pattern, program)
        except Exception:  # a damaged entry: no twin, the pattern itself still answers
            made = None
    _twins[key] = made
    return made


def _twin_program(pattern: str, flags: int, parsed: Any = None) -> Program:
    from assembler.regex_fold import folded_code

    program = folded_code(pattern, flags, parsed)
    return program if program is not None else (NO_TWIN, b"", 0, {}, ())


def words_of(pattern: str, flags: int = 0) -> Words:
    """required_literals(pattern, flags), stored beside the program (parsing costs as much as
    compiling); call compile_pattern first."""
    key = (pattern, int(flags))
    if key not in _words:
        _words[key] = required_literals(pattern, key[1])
    return _words[key]


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    program = _stored().get((pattern, flags))
    if program is not None:
        try:
            return _build(pattern, program)
        except Exception:  # a damaged entry: compile as usual
            pass
    compiled = re.compile(pattern, flags)
    parsed = _parse(pattern, flags)  # once for the program, the words and the twin
    program = _program(pattern, flags, parsed)
    if program is not None and _same(pattern, program, compiled):
        if not _new:
            atexit.register(save)
        _new[(pattern, flags)] = program
        _words[(pattern, flags)] = required_literals(pattern, flags, parsed)
        if compiled.flags & re.IGNORECASE:
            _new[(pattern, flags | TWIN)] = _twin_program(pattern, flags, parsed)
            _words[(pattern, flags | TWIN)] = None
    return compiled


def save() -> None:
    """Add this run's programs to the stored ones, atomically; silently nothing when that fails."""
    path = _path()
    if not _new or path is None:
        return
    merged = {**_read(), **_new}
    _new.clear()
    try:
        entries, codes, at = [], [], 0
        for (p, f), (final, code, *rest) in list(merged.items())[-MAX_PROGRAMS:]:
            words = _bytes(code)
            if f & TWIN:
                needed = None
            else:
                needed = _words[(p, f)] if (p, f) in _words else required_literals(p, f)
            entries.append([p, f, final, at, len(words), *rest, needed])
            codes.append(words)
            at += len(words)
        head = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        from assembler.cache import write_atomic

        write_atomic(path, b"".join([head, b"\n", *codes]))
    except (OSError, ValueError, TypeError, OverflowError):
        return


def _path() -> Path | None:
    """The programs' file for this Python and engine, or None where programs are not kept."""
    if sys.implementation.name != "cpython":
        return None
    from assembler.cache import cache_dir

    if array(WORD).itemsize != _sre.CODESIZE:
        return None  # a build whose code words are not 32 bits: compile as re.compile does
    tag = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{WORDS_VERSION}{TWIN_VERSION}-{FORMAT}"
    name = f"regex-{tag}.bin"
    return cache_dir() / name


def _stored() -> dict[tuple[str, int], Program]:
    global _programs
    if _programs is None:
        _programs = _read()
    return _programs


def _read() -> dict[tuple[str, int], Program]:
    """The stored programs by (pattern, flags); none when the file is missing or damaged."""
    path = _path()
    if path is None:
        return {}
    try:
        data = path.read_bytes()
        cut = data.index(b"\n")  # JSON never writes a raw newline: the end of the entries
        entries = json.loads(data[:cut])
        blob = memoryview(data)[cut + 1 :]
        programs: dict[tuple[str, int], Program] = {}
        words: dict[tuple[str, int], Words] = {}
        for pattern, flags, final, at, size, groups, groupindex, indexgroup, needed in entries:
            if at < 0 or size < 0 or at + size > len(blob) or size % 4:
                raise ValueError("a program outside the file")
            code = bytes(blob[at : at + size])
            programs[(pattern, flags)] = (final, code, groups, groupindex, tuple(indexgroup))
            words[(pattern, flags)] = tuple(map(str, needed)) if needed else None
    except (OSError, ValueError, TypeError):
        return {}
    for key, needed in words.items():
        _words.setdefault(key, needed)
    return programs


def _bytes(code: list[int] | bytes) -> bytes:
    """A program's code as stored: its words, 32-bit little-endian."""
    if isinstance(code, bytes):
        return code
    words = array(WORD, code)
    if sys.byteorder == "big":
        words.byteswap()
    return words.tobytes()


def _numbers(code: list[int] | bytes) -> list[int]:
    """A program's code as numbers, from its stored form."""
    if not isinstance(code, bytes):
        return code
    words = array(WORD)
    words.frombytes(code)
    if sys.byteorder == "big":
        words.byteswap()
    return words.tolist()


def _build(pattern: str, program: Program) -> re.Pattern[str]:
    final, stored, groups, groupindex, indexgroup = program
    code = _numbers(stored)
    compiled: re.Pattern[str] = _sre.compile(pattern, final, code, groups, groupindex, indexgroup)
    return compiled


def _parse(pattern: str, flags: int) -> Any:
    """The pattern as CPython's parser reads it (None where that fails); nothing alters it."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        return _parser.parse(pattern, flags)
    except Exception:
        return None


def _program(pattern: str, flags: int, parsed: Any = None) -> Program | None:
    """The program CPython's compiler makes of the pattern (as re._compiler.compile does)."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        if parsed is None:
            parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        state = parsed.state
        indexgroup: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        return (int(flags | state.flags), code, state.groups - 1, dict(state.groupdict),
                tuple(indexgroup))  # fmt: skip
    except Exception:  # another Python's internals: no stored program
        return None


def _same(pattern: str, program: Program, compiled: re.Pattern[str]) -> bool:
    """Whether the program builds the very pattern re.compile built (same flags and code)."""
    try:
        return _build(pattern, program) == compiled
    except Exception:
        return False
