"""Large XML parts already proved well-formed, remembered between runs by their digest.

Every XML part of an incoming package is parsed once to prove it well-formed (safeio.zipcheck.
check_parts). Most of those bytes are styles.xml and stylesWithEffects.xml (often 300-450 kB each,
the same in every document made from one template): on a 20-page pair that parse was 15% of the
whole command. A part of at least MIN_SIZE bytes that expat accepted is therefore kept as its
BLAKE2b-256 digest in the cache folder (assembler/cache.py), and a later run takes a part with a
kept digest as proved, without parsing it again. Hashing costs about a third of parsing.

Only digests are kept, never a document's content. A part that was never proved (a new or a
damaged one) is parsed as before; a missing, damaged or unwritable file only means parsing as
before. The file's name carries expat's version and the rules' version, so another parser or
another check starts from an empty memory.
"""

from __future__ import annotations

from collections.abc import Iterable

try:  # CPython's own BLAKE2: hashlib would load OpenSSL's bindings at import
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

from xml.parsers.expat import EXPAT_VERSION

MIN_SIZE = 32 * 1024  # smaller parts parse in well under a millisecond: not worth a digest
MAX_KEPT = 512  # the newest digests kept (65 bytes a line: at most about 33 kB)
RULES = 1  # raise when what counts as proved changes
_DIGEST_HEX = 64


def _file_name() -> str:
    version = "".join(c if c.isalnum() else "-" for c in EXPAT_VERSION)
    return f"xml-checked-{RULES}-{version}.txt"


def digest(data: bytes) -> str:
    """The kept form of a part: its BLAKE2b-256 digest in hex."""
    return blake2b(data, digest_size=32).hexdigest()


class CheckedParts:
    """The digests of parts proved well-formed by earlier runs, and those this run adds."""

    __slots__ = ("_kept", "_lookup", "_new", "_path")

    def __init__(self) -> None:
        from assembler.cache import cache_dir

        self._path = cache_dir() / _file_name()
        self._kept: list[str] = []
        self._lookup: set[str] = set()
        self._new: list[str] = []
        try:
            text = self._path.read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError):
            return
        # A line of another length is dropped (and gone at the next save); one of this length
        # that is not a lower-case hex digest can never equal a digest, so it proves nothing.
        self._kept = [line for line in text.split("\n") if len(line) == _DIGEST_HEX]
        self._lookup = set(self._kept)

    def known(self, data: bytes) -> str | None:
        """The part's digest when an earlier run proved it, else None (small parts: None)."""
        if len(data) < MIN_SIZE or not self._kept:
            return None
        found = digest(data)
        return found if found in self._lookup else None

    def remember(self, parts: Iterable[bytes]) -> None:
        """Keep the digests of parts this run has just proved well-formed (large ones only)."""
        for data in parts:
            if len(data) >= MIN_SIZE:
                found = digest(data)
                if found not in self._lookup and found not in self._new:
                    self._new.append(found)

    def save(self) -> None:
        """Write the kept digests with this run's new ones (newest last); errors are ignored."""
        if not self._new:
            return
        lines = (self._kept + self._new)[-MAX_KEPT:]
        import contextlib

        from assembler.cache import write_atomic

        with contextlib.suppress(OSError):
            write_atomic(self._path, ("\n".join(lines) + "\n").encode("ascii"))
        self._kept, self._lookup, self._new = lines, set(lines), []
