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
MAX_SKELETONS = 4096


class WellFormedCheck:
    """Remembers the tag skeletons already proved well-formed (bounded)."""

    def __init__(self) -> None:
        self._seen: set[bytes] = set()

    def problem(self, data: bytes) -> str | None:
        """None when data is well-formed XML, else expat's description of the first error."""
        skeleton = hashlib.blake2b(TEXT_NODE.sub(b"><", data), digest_size=16).digest()
        if skeleton in self._seen:
            return None
        parser = xml.parsers.expat.ParserCreate()
        try:
            parser.Parse(data, True)
        except xml.parsers.expat.ExpatError as exc:
            return f"{xml.parsers.expat.ErrorString(exc.code)}, linje {exc.lineno}"
        if len(self._seen) >= MAX_SKELETONS:
            self._seen.clear()
        self._seen.add(skeleton)
        return None
