"""Where aftale keeps what it can rebuild: $XDG_CACHE_HOME/aftale, else ~/.cache/aftale."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Protocol


def cache_dir() -> Path:
    """The cache folder (the library snapshot, the compiled phrase patterns, the term kinds)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or "")
    return (base if base.is_absolute() else Path.home() / ".cache") / "aftale"


def write_json(path: Path, data: object) -> None:
    """Write a cache file atomically as compact JSON (raises OSError, ValueError, TypeError)."""
    import json
    import tempfile  # only when writing: most runs find what they need already kept

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    prune_family(path)


KEEP_PER_FAMILY = 4  # the newest files of one kind: a few installed versions can share the cache


def prune_family(path: Path) -> None:
    """Remove older cache files of path's kind (its name up to the first "-"), keeping the newest
    KEEP_PER_FAMILY: each library, code or Python version writes a new file and never reads the
    old ones again. A file another process removes first, or cannot remove, is left be."""
    family = path.name.split("-", 1)[0] + "-"
    aged: list[tuple[float, str, Path]] = []
    for entry in files_named(path.parent, ".json"):
        if entry.name.startswith(family):
            try:
                aged.append((entry.stat().st_mtime, entry.name, entry))
            except OSError:
                continue
    for _, _, old in sorted(aged, reverse=True)[KEEP_PER_FAMILY:]:
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()


def files_named(folder: Path, suffix: str) -> list[Path]:
    """The folder's entries whose names end in `suffix`, sorted: folder.glob("*" + suffix)
    without compiling a pattern for it (each run reads the library's folders); none when the
    folder is missing or unreadable, as with glob."""
    try:
        return sorted(entry for entry in folder.iterdir() if entry.name.endswith(suffix))
    except OSError:
        return []


class Digest(Protocol):
    """What the library's digests use of a hashlib hash object."""

    def update(self, data: bytes, /) -> None: ...

    def hexdigest(self) -> str: ...


def sha256(data: bytes = b"") -> Digest:
    """hashlib.sha256, without importing hashlib where CPython has its own sha256 module:
    hashlib loads OpenSSL's bindings at import (about 11 M instructions), which hash the
    library's files only about 6 M instructions faster; the digests are the same (issue 14)."""
    try:
        module = __import__("_sha256")
    except ImportError:
        import hashlib

        return hashlib.sha256(data)
    digest: Digest = module.sha256(data)
    return digest
