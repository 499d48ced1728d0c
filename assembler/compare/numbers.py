"""Clause numbers as a reader sees them: typed by hand ("§ 4", "3.") or by Word's numbering."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from assembler.compare.model import Record
from assembler.ooxml.ns import qn
from assembler.ooxml.package import Package

if TYPE_CHECKING:
    from assembler.audit.numbering import Numbering

# "§ 4", "§ 4a.", "Stk. 2.", "3.", "3.1" at the start of a paragraph, followed by its text.
HAND_NUMBER = re.compile(
    r"^\s*(?P<num>§\s*\d+\s?[a-z]?\.?|stk\.\s*\d+\.?|\d+(?:\.\d+)*\.?)\s+(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
_SIMPLE = re.compile(r"^(?P<prefix>§\s*|stk\.\s*)?(?P<n>\d+)\.?$", re.IGNORECASE)
NUMBERING = "word/numbering.xml"


def split_number(text: str) -> tuple[str, str]:
    """(hand-typed number, rest of the text); the number is '' when there is none."""
    match = HAND_NUMBER.match(text)
    if match is None:
        return "", text.strip()
    return " ".join(match.group("num").split()), match.group("rest").strip()


def only_number_differs(before: str, after: str) -> bool:
    """Whether two texts differ in their hand-typed leading number and nothing else."""
    num_a, rest_a = split_number(before)
    num_b, rest_b = split_number(after)
    return bool(num_a and num_b) and num_a != num_b and rest_a.split() == rest_b.split()


def plain(number: str) -> str:
    """A number for a table cell: without the trailing full stop ('§ 4.' → '§ 4')."""
    return number.strip().rstrip(".").strip()


def spoken(number: str) -> str:
    """A number as it is referred to in a sentence: '§ 4', 'stk. 2', 'punkt 3.1'."""
    value = plain(number)
    if not value or value.startswith("§") or value.lower().startswith("stk"):
        return value
    return f"punkt {value}"


class NumberStyle(Record):
    """How Word displays the number of a top-level clause heading, e.g. '§ %1.'."""

    _fields = ("level_text",)
    __slots__ = _fields

    def __init__(self, level_text: str = "%1.") -> None:
        self.level_text = level_text

    def display(self, position: int | None) -> str:
        """The heading's number as Word shows it, or '' when it has none."""
        if position is None:
            return ""
        return self.level_text.replace("%1", str(position)).strip()


def number_style(
    package: Package, heading: etree._Element | None, numbering: Numbering | None = None
) -> NumberStyle:
    """The level text Word uses for this heading paragraph's number (default '%1.'); the
    package's numbering is read unless given."""
    if heading is None or NUMBERING not in package.parts:
        return NumberStyle()
    if numbering is None:
        from assembler.audit.numbering import Numbering  # only for Word-numbered headings

        numbering = Numbering(package)
    ref = numbering.number_of(heading)
    if ref is None:
        return NumberStyle()
    text = _level_text(package.xml(NUMBERING), *ref)
    return NumberStyle(text) if "%1" in text else NumberStyle()


def _level_text(root: etree._Element, num_id: str, ilvl: str) -> str:
    """w:lvlText of a list level, honouring a w:lvlOverride of the w:num."""
    for num in root.iter(qn("w:num")):
        if num.get(qn("w:numId")) != num_id:
            continue
        for override in num.iter(qn("w:lvlOverride")):
            if override.get(qn("w:ilvl")) == ilvl:
                text = override.find(f"{qn('w:lvl')}/{qn('w:lvlText')}")
                if text is not None:
                    return text.get(qn("w:val"), "")
        abstract = num.find(qn("w:abstractNumId"))
        wanted = abstract.get(qn("w:val")) if abstract is not None else None
        for node in root.iter(qn("w:abstractNum")):
            if node.get(qn("w:abstractNumId")) != wanted:
                continue
            for lvl in node.iter(qn("w:lvl")):
                text = lvl.find(qn("w:lvlText"))
                if lvl.get(qn("w:ilvl")) == ilvl and text is not None:
                    return text.get(qn("w:val"), "")
    return ""


def ranges(numbers: list[str]) -> str:
    """Numbers in order, consecutive ones joined: ['§ 4', '§ 5', '§ 6', '§ 9'] → '§ 4–6, § 9'."""
    out: list[str] = []
    run: list[tuple[str, int]] = []

    def flush() -> None:
        if run:
            first, last = run[0], run[-1]
            out.append(f"{first[0]}{first[1]}" + (f"–{last[1]}" if len(run) > 1 else ""))
            run.clear()

    for number in numbers:
        value = plain(number)
        match = _SIMPLE.match(value)
        if match is None:
            flush()
            out.append(value)
            continue
        prefix, n = match.group("prefix") or "", int(match.group("n"))
        if run and (run[-1][0] != prefix or run[-1][1] + 1 != n):
            flush()
        run.append((prefix, n))
    flush()
    return ", ".join(out)
