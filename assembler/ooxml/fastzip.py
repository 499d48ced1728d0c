"""Deterministic zips like package_bytes, byte for byte, but each distinct part is deflated once.

Every generated agreement shares most of its parts (styles, numbering, theme, fonts …) with the
template; zipfile would re-deflate them for every document, which was half the render time. This
writer keeps the deflated form of recently seen parts (keyed by their bytes) and writes the zip
records itself, in exactly the layout zipfile.ZipFile.writestr produces for package_bytes.
Parts unique to one document (`quick`) skip the cache and are deflated at a faster level, by
zlib or, for generated agreements, by ISA-L's igzip (FAST).
"""

from __future__ import annotations

import struct
import zlib
from collections import OrderedDict
from collections.abc import Mapping

from isal import isal_zlib

from assembler.ooxml.package import _ordered

LEVEL = 6  # package_bytes' level, for parts shared by many documents (deflated once, kept)
QUICK_LEVEL = 1  # for parts unique to one document: about 3x faster to deflate, ~15% larger
# ISA-L's level 1 instead of zlib's, for the parts unique to each generated agreement: in a
# batch, zlib's level 1 took 0.2-0.3 ms per agreement (it sets up ~300 KB of state per call),
# igzip under 0.05 ms, with slightly smaller output. The same stream run to run (a given isal
# version; igzip's assembly and its portable C fallback may choose different matches).
FAST = -1
DOS_TIME, DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00:00, as package_bytes fixes it
VERSION = 20
EXTERNAL_ATTR = 0o600 << 16
UTF8_FLAG = 0x800
MAX_CACHED = 256
LOCAL = struct.Struct("<4s2B4HL2L2H")
CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
END = struct.Struct("<4s4H2LH")
OFFSET = struct.Struct("<L")
# A part's zip records: local header + name + deflated data, the central record up to its
# offset, and the encoded name that follows the offset.
Record = tuple[bytes, bytes, bytes]


class DeflateCache:
    """Deflated bytes and CRC of recently used parts, least recently used evicted first.

    Parts shared by every document (styles, theme …) are used each time and stay; parts unique to
    one document pass through. The bound keeps memory flat however many documents are made.
    """

    def __init__(self, limit: int = MAX_CACHED) -> None:
        self.limit = limit
        self._items: OrderedDict[bytes, tuple[int, bytes]] = OrderedDict()
        # Whole records of parts by (name, level, bytes): a shared part costs one lookup.
        self._records: OrderedDict[tuple[str, int, bytes], Record] = OrderedDict()

    def seed(self, data: bytes, crc: int, packed: bytes) -> None:
        """Remember an already deflated form of data (e.g. copied from an input package)."""
        self._items[data] = (crc, packed)
        if len(self._items) > self.limit:
            self._items.popitem(last=False)

    def get(self, data: bytes, level: int = LEVEL) -> tuple[int, bytes]:
        """(crc32, raw deflate stream) of data, as zipfile would write it at that level."""
        hit = self._items.get(data)
        if hit is not None:
            self._items.move_to_end(data)
            return hit
        item = deflate(data, level)
        if len(self._items) >= self.limit:
            self._items.popitem(last=False)
        self._items[data] = item
        return item

    def record(self, name: str, data: bytes, level: int) -> Record:
        """The zip records of one part as zipfile writes them (the caller adds the offset)."""
        key = (name, level, data)
        hit = self._records.get(key)
        if hit is not None:
            self._records.move_to_end(key)
            return hit
        record = _record(name, data, *self.get(data, level))
        if len(self._records) >= self.limit:
            self._records.popitem(last=False)
        self._records[key] = record
        return record


def deflate(data: bytes, level: int) -> tuple[int, bytes]:
    """(crc32, raw deflate stream) of data at a zlib level, or with igzip for FAST."""
    if level == FAST:
        return isal_zlib.crc32(data), isal_zlib.compress(data, 1, -15)
    # one call, the same stream as compressobj(level, DEFLATED, -15) + flush (zipfile's way)
    return isal_zlib.crc32(data), zlib.compress(data, level, -15)


def _record(name: str, data: bytes, crc: int, packed: bytes) -> Record:
    """The local record, the central directory record without its offset, the encoded name."""
    try:
        encoded, flags = name.encode("ascii"), 0
    except UnicodeEncodeError:
        encoded, flags = name.encode("utf-8"), UTF8_FLAG
    header = LOCAL.pack(
        b"PK\x03\x04",
        VERSION,
        0,
        flags,
        zlib.DEFLATED,
        DOS_TIME,
        DOS_DATE,
        crc,
        len(packed),
        len(data),
        len(encoded),
        0,
    )
    central = CENTRAL.pack(
        b"PK\x01\x02",
        VERSION,
        0,
        VERSION,
        0,
        flags,
        zlib.DEFLATED,
        DOS_TIME,
        DOS_DATE,
        crc,
        len(packed),
        len(data),
        len(encoded),
        0,
        0,
        0,
        0,
        EXTERNAL_ATTR,
        0,
    )
    # The offset is the central record's last field before the name: the caller puts it there.
    return header + encoded + packed, central[: -OFFSET.size], encoded


def fast_package_bytes(
    parts: Mapping[str, bytes],
    cache: DeflateCache,
    quick: frozenset[str] = frozenset(),
    quick_level: int = QUICK_LEVEL,
    shared_quick: frozenset[str] = frozenset(),
) -> bytes:
    """The same bytes as package_bytes(parts), reusing deflated parts from the cache.

    Parts named in `quick` (unique to this package) are deflated at `quick_level` instead and not
    cached: hashing them as keys and evicting shared parts for them would cost more than it saves.
    Parts named in `shared_quick` are deflated at `quick_level` too, but are the same in many
    packages and so are cached (the same bytes as deflating them each time, without igzip's
    set-up of ~15 us per call for a part of a few hundred bytes).
    """
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name in _ordered(list(parts)):
        data = parts[name]
        if name in quick:
            local, head, encoded = _record(name, data, *deflate(data, quick_level))
        elif name in shared_quick:
            local, head, encoded = cache.record(name, data, quick_level)
        else:
            local, head, encoded = cache.record(name, data, LEVEL)
        out.append(local)
        central += [head, OFFSET.pack(offset), encoded]
        offset += len(local)
    directory = b"".join(central)
    count = len(central) // 3
    end = END.pack(b"PK\x05\x06", 0, 0, count, count, len(directory), offset, 0)
    return b"".join(out) + directory + end
