"""A validated snapshot of the clause library as JSON in the user's cache directory.

Parsing 38 YAML files and validating every clause text costs more than comparing two short
agreements, and the library only changes when its files or aftale itself change. After a library
has been loaded and validated, its data is written as JSON under $XDG_CACHE_HOME/aftale (else
~/.cache/aftale), named by a digest of every library file and of the code that reads and
validates them (assembler/library/*.py, with aftale's version); a later run with the same files
and code reads that instead. JSON, never pickle: the cached data is only ever read as data. A
snapshot is written only when it reads back equal to the library it came from, and one that
cannot be read (damaged, edited, an older layout) is ignored and rebuilt. Nothing here is ever
an error: an unwritable or missing cache directory just means no snapshot.

The two digests that name a snapshot are themselves kept (remembered_digest), for files whose
path, size, inode and times are those they had when they were hashed.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from assembler import __version__
from assembler.cache import cache_dir, files_named, sha256, write_atomic, write_json
from assembler.library.model import Library, Param, Source, Term, Topic, Variant

FORMAT = 2  # raise when the snapshot's layout changes (2: each record a list of its fields)
CODE_DIR = Path(__file__).resolve().parent  # the library package: loader, model, validation
PREFIX = "bibliotek-"


def _code_digest() -> str:
    """The library code's own bytes and aftale's version: a snapshot is read only by the code
    that validated it (a new validation rule, in a release or a working copy, reads anew)."""
    sources = files_named(CODE_DIR, ".py")

    def digest_sources() -> str:
        digest = sha256(f"{FORMAT}\0{__version__}".encode())
        for source in sources:
            try:
                digest.update(source.name.encode() + b"\0" + source.read_bytes())
            except OSError:
                digest.update(source.name.encode())
        return digest.hexdigest()

    return remembered_digest(sources, digest_sources, f"{FORMAT}\0{__version__}")


STAT_PREFIX = "filstat-"
# A file changed less than this before it was read is hashed again next time: a second change
# within the same tick of the file system's clock would leave its times as they were.
SETTLED_NS = 2_000_000_000


def _stat_row(path: Path) -> list[Any]:
    """What a change to a file always changes: its size or its change time (which no program
    can set back, unlike the modification time), with its inode and modification time."""
    st = path.stat()
    return [str(path), st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns]


def remembered_digest(paths: list[Path], compute: Callable[[], str], salt: str = "") -> str:
    """compute(), a digest of the files' bytes, or the digest an earlier run kept for the very
    same files (path, size, inode, modification and change times, as git's index keeps them):
    hashing the library and its code was 17 M instructions of every run (issue 14). Only files
    that had been left alone for SETTLED_NS when they were read are kept."""
    try:
        now = time.time_ns()
        rows = [_stat_row(path) for path in paths]  # before compute() reads them
    except OSError:
        return compute()  # a file that cannot be read: compute() says so, as before
    key = sha256("\0".join([salt, *(str(p) for p in paths)]).encode()).hexdigest()[:32]
    memo = cache_dir() / f"{STAT_PREFIX}{key}.json"
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        kept = json.loads(memo.read_bytes())
        if kept["filer"] == rows and isinstance(kept["digest"], str):
            return str(kept["digest"])
    digest = compute()
    if all(now - max(row[3], row[4]) > SETTLED_NS for row in rows):
        with contextlib.suppress(OSError, ValueError, TypeError):
            write_json(memo, {"filer": rows, "digest": digest})
    return digest


def snapshot_path(files_digest: str) -> Path:
    """The snapshot file for a library whose files hash to `files_digest`."""
    key = sha256(f"{_code_digest()}\0{files_digest}".encode()).hexdigest()
    return cache_dir() / f"{PREFIX}{key[:32]}.json"


def _record(cls: Any, raw: list[Any], **nested: Any) -> Any:
    """A model record from its JSON list: every field of `cls` in order (a list of another
    length is a ValueError, so an older layout is rebuilt), lists as tuples where the field is
    a tuple, and `nested` fields decoded by their own function. Lists, not objects: JSON then
    builds no dict and no key per record (issue 14)."""
    if type(raw) is not list or len(raw) != len(cls._fields):
        raise ValueError(f"a {cls.__name__} of another layout")
    for index, name in _tuple_fields(cls):
        value = raw[index]
        if name in nested:
            raw[index] = tuple(nested[name](item) for item in value)
        elif isinstance(value, list):
            raw[index] = tuple(value)
    return cls(*raw)


_TUPLES: dict[type, tuple[tuple[int, str], ...]] = {}


def _tuple_fields(cls: Any) -> tuple[tuple[int, str], ...]:
    """The positions and names of a record's tuple fields, from the types its __init__ takes
    as written ('tuple[str, ...]': the model's annotations are not evaluated), read once per
    class."""
    fields = _TUPLES.get(cls)
    if fields is None:
        written = {n: str(t) for n, t in cls.__init__.__annotations__.items()}
        fields = _TUPLES[cls] = tuple(
            (index, name)
            for index, name in enumerate(cls._fields)
            if written.get(name, "").startswith("tuple")
        )
    return fields


def _plain(value: Any) -> Any:
    """A model record as JSON data: each record a list of its fields in order, recursively."""
    if hasattr(value, "_fields"):
        return [_plain(getattr(value, name)) for name in value._fields]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def _param(raw: list[Any]) -> Param:
    return cast(Param, _record(Param, raw))


def _variant(raw: list[Any]) -> Variant:
    return cast(Variant, _record(Variant, raw, params=_param))


def _topic(raw: list[Any]) -> Topic:
    return cast(Topic, _record(Topic, raw, params=_param, variants=_variant))


def decode(data: list[Any]) -> Library:
    """The Library a snapshot's JSON describes (KeyError/TypeError/ValueError when malformed)."""
    if type(data) is not list or len(data) != len(Library._fields):
        raise ValueError("a library of another layout")
    fields = dict(zip(Library._fields, data, strict=True))
    return Library(
        version=fields["version"],
        digest=fields["digest"],
        topics=tuple(_topic(t) for t in fields["topics"]),
        sources={key: cast(Source, _record(Source, s)) for key, s in fields["sources"].items()},
        terms=tuple(cast(Term, _record(Term, t)) for t in fields["terms"]),
    )


def read_snapshot(path: Path) -> Library | None:
    """The library in a snapshot, or None when there is none or it cannot be read."""
    try:
        data = json.loads(path.read_bytes())
        return decode(data)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_snapshot(path: Path, library: Library) -> None:
    """Store a validated library's snapshot atomically; silently nothing when that fails."""
    try:
        text = json.dumps(_plain(library), ensure_ascii=False, sort_keys=True)
        if decode(json.loads(text)) != library:
            return  # a value JSON cannot carry (a date, say): reading YAML stays the only way
        write_atomic(path, text.encode("utf-8"))
    except (OSError, ValueError, TypeError, KeyError):
        return
