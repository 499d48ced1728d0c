"""The kinds of term a clause library text sets, kept between runs (issue 14).

Whether any variant of a topic sets a term of some kind (audit/assess.py) means reading every
variant of the topic with the phrase readers, which costs more than the rest of assessing a
change. The answer depends only on the text and on the code that reads it, so it is kept as JSON
in the cache folder (assembler/cache.py), in a file named by a digest of where that code is,
its size and when it was written (as CPython keeps its bytecode; hashing its bytes would cost
half of what is saved) and aftale's version: a changed reader starts a new file. JSON, never
pickle, and checked on reading; nothing here is ever an error: a missing, damaged or
unwritable file means reading anew.
"""

from __future__ import annotations

import atexit
import contextlib
import json
from pathlib import Path

from assembler import __version__
from assembler.audit.terms import text_terms
from assembler.cache import cache_dir, files_named, sha256, write_json

FORMAT = 1  # raise when the file's layout changes
PREFIX = "termarter-"
MAX_TEXTS = 2048  # the library has a few hundred variants; a bound on a runaway file
HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent.parent  # assembler/
# What a text's kinds depend on besides the text: the phrase readers (this folder), the term
# record, and the patterns' prefilter and stored programs.
CODE = ("rules/text_facts.py", "regex.py", "regex_literals.py", "regex_programs.py")

_kinds: dict[str, frozenset[str]] | None = None  # read on first use
_new: dict[str, frozenset[str]] = {}  # read this run, written once by save()
_path: list[Path] = []  # memo_path(), worked out once a run


def set_kinds(text: str) -> frozenset[str]:
    """The kinds of term the text sets (not negated), as text_terms reads it."""
    global _kinds
    if _kinds is None:
        _kinds = _read()
    kinds = _kinds.get(text)
    if kinds is None:
        kinds = _kinds[text] = frozenset(t.kind for t in text_terms(text) if not t.negated)
        if not _new:
            atexit.register(save)
        _new[text] = kinds
    return kinds


def memo_path() -> Path:
    """The file for the reading code as it is now."""
    if _path:
        return _path[0]
    digest = sha256(f"{FORMAT}\0{__version__}".encode())
    sources = [*files_named(HERE, ".py"), *(PACKAGE / name for name in CODE)]
    for source in sources:
        try:
            stat = source.stat()
            digest.update(f"{source}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
        except OSError:
            digest.update(f"{source}\0".encode())
    _path.append(cache_dir() / f"{PREFIX}{digest.hexdigest()[:32]}.json")
    return _path[0]


def _read() -> dict[str, frozenset[str]]:
    """The kept kinds by text; none when the file is missing or not as written here."""
    try:
        raw = json.loads(memo_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    out = {}
    for text, kinds in raw.items():
        if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
            return {}  # not ours: read anew
        out[text] = frozenset(kinds)
    return out


def save() -> None:
    """Add this run's texts to the file once, atomically; silently nothing when that fails."""
    if not _new:
        return
    path = memo_path()
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(kept, dict):
            kept = {}
    except (OSError, ValueError):
        kept = {}
    kept.update((text, sorted(kinds)) for text, kinds in _new.items())
    _new.clear()
    entries = dict(list(kept.items())[-MAX_TEXTS:])
    with contextlib.suppress(OSError, ValueError, TypeError):  # not kept: read anew next run
        write_json(path, entries)
