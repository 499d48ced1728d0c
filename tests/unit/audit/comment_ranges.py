"""Read back what each Word comment's range covers (its words), for anchoring tests."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from assembler.ooxml.ns import qn


def covered_texts(path: Path) -> list[tuple[str, str]]:
    """(comment text, text its range covers) for every comment, in comment order."""
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        comments = etree.fromstring(z.read("word/comments.xml"))
    texts = {
        c.get(qn("w:id")): "\n".join(
            "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in c.iter(qn("w:p"))
        )
        for c in comments.iter(qn("w:comment"))
    }
    open_ranges: dict[str, list[str]] = {}
    covered: dict[str, str] = {}
    for el in body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t"),
                        qn("w:delText"), qn("w:p")):  # fmt: skip
        cid = el.get(qn("w:id"))
        if el.tag == qn("w:commentRangeStart"):
            open_ranges[cid] = []
        elif el.tag == qn("w:commentRangeEnd"):
            covered[cid] = "".join(open_ranges.pop(cid, []))
        elif el.tag == qn("w:p"):
            for words in open_ranges.values():
                words.append("\n" if words else "")
        else:
            for words in open_ranges.values():
                words.append(el.text or "")
    return [(texts[cid], covered.get(cid, "")) for cid in texts]
