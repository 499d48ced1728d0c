"""Cheap well-formedness checks for XML we render ourselves, thousands of times per batch.

Rendered parts differ between documents mostly in their text. Text nodes hold autoescaped data
(no '<', no bare '&') and so cannot break well-formedness; only the tag skeleton can. Each
distinct skeleton is therefore parsed once per process, with expat, which builds no tree.
"""

from __future__ import annotations

import hashlib
import re
import xml.parsers.expat

TEXT_NODE = re.compile(rb">[^<]+<")
TEXT_NODE_STR = re.compile(r">[^<]+<")  # the same nodes in decoded text ('<', '>' are ASCII)
MAX_SKELETONS = 4096
# Parts up to this size are also remembered by their bytes: a header or footer is usually the
# same in every document, and a set lookup costs less than finding its skeleton.
SMALL_PART = 8192
MAX_SMALL = 256  # at most 2 MB of remembered parts


class WellFormedCheck:
    """Remembers the tag skeletons already proved well-formed (bounded)."""

    def __init__(self) -> None:
        self._seen: set[bytes] = set()
        self._small: set[bytes] = set()  # small parts proved well-formed, by their bytes

    def problem(self, data: bytes) -> str | None:
        """None when data is well-formed XML, else expat's description of the first error."""
        small = len(data) <= SMALL_PART
        if small and data in self._small:
            return None
        skeleton = hashlib.blake2b(TEXT_NODE.sub(b"><", data), digest_size=16).digest()
        if skeleton in self._seen:
            return None
        return self._parse(data, skeleton, small)

    def text_problem(self, text: str) -> str | None:
        """problem(text.encode()) for XML held as text, without encoding all of it first.

        UTF-8 never uses the bytes of '<' and '>' inside a character, so the text's skeleton,
        encoded, is the skeleton of its bytes: the same digest, the same memory of skeletons.
        """
        skeleton = TEXT_NODE_STR.sub("><", text).encode("utf-8")
        digest = hashlib.blake2b(skeleton, digest_size=16).digest()
        if digest in self._seen:
            return None
        return self._parse(text.encode("utf-8"), digest, False)

    def _parse(self, data: bytes, skeleton: bytes, small: bool) -> str | None:
        """Parse a part whose skeleton is new; remember it when it is well-formed."""
        parser = xml.parsers.expat.ParserCreate()
        try:
            parser.Parse(data, True)
        except xml.parsers.expat.ExpatError as exc:
            return f"{xml.parsers.expat.ErrorString(exc.code)}, linje {exc.lineno}"
        if len(self._seen) >= MAX_SKELETONS:
            self._seen.clear()
        self._seen.add(skeleton)
        if small:
            if len(self._small) >= MAX_SMALL:
                self._small.clear()
            self._small.add(data)
        return None
