"""A paragraph's alignment key replaces a hand-typed clause number at its start, as sub() did."""

from __future__ import annotations

import random

from lxml import etree

from assembler.compare.blockkeys import HAND_NUMBER, BlockKeys
from assembler.compare.revisions import RevisionContext

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PIECES = [" ", "\t", "\u00a0", "\u2003", "§", "1", "2", "7.2", "§ 4", ".", ")", "a", "A", "I", "V"]
PIECES += ["X", "IV", "x", "æ", "stk.", "Omfang", "\n"]


def _paragraph(text: str) -> etree._Element:
    p = etree.Element(f"{{{W}}}p")
    t = etree.SubElement(etree.SubElement(p, f"{{{W}}}r"), f"{{{W}}}t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return p


def test_the_key_equals_the_first_substitution() -> None:
    rnd = random.Random(14)
    keys = BlockKeys(RevisionContext("T", "2026-01-01T00:00:00Z"), None)
    numbered = 0
    for _ in range(20_000):
        text = "".join(rnd.choice(PIECES) for _ in range(rnd.randrange(0, 10)))
        if "\n" in text:
            text = text.replace("\n", "")  # a w:t holds no line break
        key = keys.head(_paragraph(text)).key
        assert key == "P" + HAND_NUMBER.sub("§#", keys.head(_paragraph(text)).text, count=1)
        numbered += key.startswith("P§#")
    assert numbered > 1_000  # not vacuous: many texts start with a number
