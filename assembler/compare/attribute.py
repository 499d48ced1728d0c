"""Attribute the changes of a cumulative v1 → vN redline to the round that made them.

A cumulative insertion (or deletion) whose text was inserted (or deleted) in exactly one
consecutive round gets that round's author and date; anything else (text touched in several
rounds, formatting and paragraph-mark changes) keeps the combined author of all rounds.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from assembler.compare.model import Round, Version
from assembler.ooxml.ns import qn
from assembler.ooxml.package import package_bytes, parse_xml

_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")
_SIDE = {qn("w:ins"): "ins", qn("w:moveTo"): "ins", qn("w:del"): "del", qn("w:moveFrom"): "del"}
_AUTHOR, _DATE = qn("w:author"), qn("w:date")


def _text(el: etree._Element) -> str:
    """Inserted or deleted text inside a revision wrapper."""
    return "".join(t.text or "" for t in el.iter(qn("w:t"), qn("w:delText")))


def _own(el: etree._Element, who: Version) -> bool:
    """Whether a revision element was written for this round (not a prior revision)."""
    return el.get(_AUTHOR) == who.author and el.get(_DATE) == who.date


def _round_texts(rnd: Round) -> dict[tuple[str, str], list[str]]:
    """(part, ins|del) → the texts this round inserted or deleted."""
    out: dict[tuple[str, str], list[str]] = {}
    with zipfile.ZipFile(io.BytesIO(rnd.data)) as zf:
        for name in zf.namelist():
            if not _PARTS.fullmatch(name):
                continue
            root = parse_xml(zf.read(name), name)
            for el in root.iter(*_SIDE):
                if _own(el, rnd.new) and el.getparent() is not None:
                    text = _text(el)
                    if text.strip():
                        out.setdefault((name, _SIDE[el.tag]), []).append(text)
    return out


def attribute(cumulative: Round, rounds: list[Round]) -> tuple[int, int]:
    """Rewrite `cumulative.data` in place; return (attributed, total) text revisions."""
    texts = [_round_texts(r) for r in rounds]
    with zipfile.ZipFile(io.BytesIO(cumulative.data)) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    attributed = total = 0
    for name, data in parts.items():
        if not _PARTS.fullmatch(name):
            continue
        root = parse_xml(data, name)
        changed = False
        for el in root.iter(*_SIDE):
            text = _text(el)
            if not _own(el, cumulative.new) or not text.strip():
                continue
            total += 1
            key = (name, _SIDE[el.tag])
            hits = [k for k, t in enumerate(texts) if any(text in s for s in t.get(key, []))]
            if len(hits) == 1:
                who = rounds[hits[0]].new
                el.set(_AUTHOR, who.author)
                el.set(_DATE, who.date)
                attributed += 1
                changed = True
        if changed:
            parts[name] = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            )
    cumulative.data = package_bytes(parts)
    return attributed, total
