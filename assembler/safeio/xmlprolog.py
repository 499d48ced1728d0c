"""Find a DOCTYPE in an XML part, streamed: Word refuses any, and so do we.

A DOCTYPE can declare entities (external ones read local files; nested ones expand to gigabytes),
and a parser that drops it while keeping the entity references writes XML nobody can open. It may
only stand in the prolog, before the root element, but after any number of comments and
processing instructions, so the prolog is scanned to its end however long the comments are,
with memory bounded by the chunk size. UTF-8 and UTF-16 (the encodings OOXML allows) are read.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable

CHUNK = 64 * 1024
_DOCTYPE = "<!doctype"


def _decoder(head: bytes) -> codecs.IncrementalDecoder:
    """An incremental decoder for the part's encoding, sniffed from its first bytes."""
    if head.startswith((codecs.BOM_UTF16_LE, b"<\x00")):
        return codecs.getincrementaldecoder("utf-16-le")(errors="replace")
    if head.startswith((codecs.BOM_UTF16_BE, b"\x00<")):
        return codecs.getincrementaldecoder("utf-16-be")(errors="replace")
    return codecs.getincrementaldecoder("utf-8")(errors="replace")


class _Prolog:
    """The prolog so far; decide() says True (DOCTYPE), False (root element) or None (need more)."""

    def __init__(self) -> None:
        self.buffer = ""
        self.closing = ""  # the end marker being searched for: "?>" or "-->"

    def decide(self, text: str) -> bool | None:
        """Feed decoded text; the verdict once it is known."""
        self.buffer += text
        while True:
            if self.closing:
                end = self.buffer.find(self.closing)
                if end < 0:  # keep only what could start the end marker
                    self.buffer = self.buffer[-(len(self.closing) - 1) :]
                    return None
                self.buffer = self.buffer[end + len(self.closing) :]
                self.closing = ""
            self.buffer = self.buffer.lstrip(" \t\r\n\ufeff")
            if len(self.buffer) < len(_DOCTYPE) and self.buffer.startswith("<!"):
                return None
            if self.buffer.startswith("<?"):
                self.closing = "?>"
            elif self.buffer.startswith("<!--"):
                self.closing = "-->"
            elif self.buffer.startswith("<!"):
                return self.buffer[: len(_DOCTYPE)].lower() == _DOCTYPE
            elif not self.buffer:
                return None
            else:
                return False  # the root element (or text a parser will reject)
            self.buffer = self.buffer[2:]


def doctype_in(chunks: Iterable[bytes]) -> bool:
    """True when the XML read from chunks declares a DOCTYPE before its root element."""
    decoder: codecs.IncrementalDecoder | None = None
    prolog = _Prolog()
    for chunk in chunks:
        if not chunk:
            continue
        if decoder is None:
            decoder = _decoder(chunk[:4])
        verdict = prolog.decide(decoder.decode(chunk))
        if verdict is not None:
            return verdict
    return False


def _root_first(data: bytes) -> bool:
    """Whether the root element's start tag follows at most an XML declaration and white space.

    The usual Office part, decided from its first bytes without decoding its first chunk (for
    each XML part of a package); anything else (UTF-16, a byte order mark, a comment or a
    processing instruction before the root) is left to the full scan, which would also find no
    DOCTYPE in this case: the text there starts with "<" and neither "!" nor "?".
    """
    start = 0
    if data.startswith(b"<?"):
        start = data.find(b"?>", 2) + 2
        if start < 2:
            return False
    while data[start : start + 1] in (b" ", b"\t", b"\r", b"\n"):
        start += 1
    return data[start : start + 1] == b"<" and data[start + 1 : start + 2] not in (
        b"!",
        b"?",
        b"\x00",
        b"",
    )


def has_doctype(data: bytes) -> bool:
    """doctype_in for bytes already in memory."""
    if _root_first(data):
        return False
    view = memoryview(data)
    return doctype_in(bytes(view[i : i + CHUNK]) for i in range(0, len(view), CHUNK))
