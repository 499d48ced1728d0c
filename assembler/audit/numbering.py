"""Word's automatic numbering: which paragraphs show a number (not a bullet) from numbering.xml."""

from __future__ import annotations

from lxml import etree

from assembler.audit.styles import STYLES, Styles, child_val, first_child, read_styles
from assembler.ooxml.ns import qn
from assembler.ooxml.package import Package

NUMBERING = "word/numbering.xml"
W_PPR, W_NUMPR = qn("w:pPr"), qn("w:numPr")
NOT_NUMBERS = ("bullet", "none")
MAX_BASED_ON = 12  # styles come from untrusted files: bound the basedOn chain (and its cycles)

NumRef = tuple[str, str]  # (numId, ilvl)


class Numbering:
    """The number formats of a document's lists and the numbering its paragraph styles carry."""

    def __init__(self, package: Package, styles: Styles | None = None) -> None:
        """Read numbering.xml, and the paragraph styles unless already read (`styles`)."""
        self.formats: dict[NumRef, str] = {}
        self.styles: dict[str, tuple[str | None, str | None, str | None]] = {}
        self.default_style = "Normal"
        if NUMBERING in package.parts:
            self._read_numbering(package.xml(NUMBERING))
        if styles is None and STYLES in package.parts:
            styles = read_styles(package)
        if styles is not None:
            self.default_style = styles.default
            self.styles = {k: (s.num_id, s.ilvl, s.based_on) for k, s in styles.by_id.items()}

    def _read_numbering(self, root: etree._Element) -> None:
        abstract: dict[str, dict[str, str]] = {}
        for node in root.iter(qn("w:abstractNum")):
            levels = abstract.setdefault(node.get(qn("w:abstractNumId"), ""), {})
            for lvl in node.iter(qn("w:lvl")):
                levels[lvl.get(qn("w:ilvl"), "0")] = child_val(lvl, "w:numFmt") or "decimal"
        for num in root.iter(qn("w:num")):
            num_id = num.get(qn("w:numId"), "")
            levels = dict(abstract.get(child_val(num, "w:abstractNumId") or "", {}))
            for override in num.iter(qn("w:lvlOverride")):
                fmt = child_val(override, "w:lvl/w:numFmt")
                if fmt:
                    levels[override.get(qn("w:ilvl"), "0")] = fmt
            for ilvl, fmt in levels.items():
                self.formats[(num_id, ilvl)] = fmt

    def _style_ref(self, style_id: str) -> tuple[str | None, str | None]:
        """(numId, ilvl) a paragraph style gives, following basedOn."""
        for _ in range(MAX_BASED_ON):
            num_id, ilvl, based_on = self.styles.get(style_id, (None, None, None))
            if num_id is not None or based_on is None:
                return num_id, ilvl
            style_id = based_on
        return None, None

    def number_of(self, p: etree._Element) -> NumRef | None:
        """(numId, ilvl) when Word shows a number (not a bullet) before the paragraph, else None."""
        ppr = first_child(p, W_PPR)
        style_id = child_val(ppr, "w:pStyle") if ppr is not None else None
        style_num, style_lvl = self._style_ref(style_id or self.default_style)
        own_num = own_lvl = None
        if ppr is not None and (num_pr := first_child(ppr, W_NUMPR)) is not None:
            own_num, own_lvl = child_val(num_pr, "w:numId"), child_val(num_pr, "w:ilvl")
        num_id = own_num or style_num
        ilvl = own_lvl or style_lvl or "0"
        if not num_id or num_id == "0":
            return None
        fmt = self.formats.get((num_id, ilvl))
        return None if fmt is None or fmt in NOT_NUMBERS else (num_id, ilvl)
