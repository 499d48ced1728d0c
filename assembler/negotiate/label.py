"""Label the counter-proposal as ours: its header's version line and its document properties.

Management's draft says "Udkast 2 · 2. marts 2027" in its header and, in its properties, who
saved it last. Our answer must not pass for their draft: the header line becomes
"Medarbejdersidens modforslag af 3. marts 2027 til Udkast 2" (a tracked change like the rest,
so rejecting everything gives their draft back), and the properties name our author, our date,
the next revision and the same label.
"""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from assembler.audit.anchor import TextMap
from assembler.audit.extract import TEXT_DATE
from assembler.library.values import format_date
from assembler.negotiate.edit import replace_text
from assembler.ooxml.ns import qn
from assembler.ooxml.package import Package

OUR_SIDE = "Medarbejdersidens modforslag"
# "Udkast 2", "Version 3", with whose it is when the header says so ("Ledelsens udkast 3").
VERSION = re.compile(r"(?:\b[A-ZÆØÅ][a-zæøå]+s\s+)?\b(?i:udkast|version|forslag)\s+\d+\b")
SEPARATOR = re.compile(r"\s*[·•|,–-]?\s*(?:af\s+|den\s+)?")
HEADER = re.compile(r"word/(header|footer)\d*\.xml")
CORE = "docProps/core.xml"


def _day(date: str) -> dt.date:
    return dt.date.fromisoformat(date[:10])


def label_text(version: str, date: str) -> str:
    """'Medarbejdersidens modforslag af 3. marts 2027 til Udkast 2'."""
    own = f"{OUR_SIDE} af {format_date(_day(date))}"
    return f"{own} til {version}" if version else own


def _relabel_paragraph(p: etree._Element, date: str) -> str | None:
    """Rewrite a header paragraph's version line ('Udkast 2 · 2. marts 2027'); the version it
    named, or None when the paragraph has none."""
    text = TextMap.of(p).text
    m = VERSION.search(text)
    if m is None:
        return None
    end = m.end()
    gap = SEPARATOR.match(text, end)
    dated = TEXT_DATE.match(text, gap.end()) if gap is not None else None
    if dated is not None:
        end = dated.end()
    replace_text(p, m.start(), end, label_text(m.group(0), date))
    return m.group(0)


def relabel(package: Package, author: str, date: str) -> str:
    """Relabel the header's version line and set the document properties; the version our
    counter-proposal answers ('' when the draft names none)."""
    answered = ""
    for name in sorted(n for n in package.parts if HEADER.fullmatch(n)):
        root = package.xml(name)
        changed = False
        for p in root.iter(qn("w:p")):
            version = _relabel_paragraph(p, date)
            if version is not None:
                answered = answered or version
                changed = True
        if changed:
            package.parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                 standalone=True)  # fmt: skip
    _properties(package, author, date, label_text(answered, date))
    return answered


def _set(core: etree._Element, tag: str, value: str, attrib: dict[str, str] | None = None) -> None:
    el = core.find(qn(tag))
    if el is None:
        el = etree.SubElement(core, qn(tag), attrib or {})
    el.text = value


def _properties(package: Package, author: str, date: str, label: str) -> None:
    """Our author, date, revision and label in docProps/core.xml (when the draft has one)."""
    if CORE not in package.parts:
        return
    core = package.xml(CORE)
    stamp = f"{_day(date):%Y-%m-%d}T{date[11:19] or '00:00:00'}Z" if len(date) >= 19 else (
        f"{_day(date):%Y-%m-%d}T00:00:00Z"
    )  # fmt: skip
    _set(core, "cp:lastModifiedBy", author)
    w3cdtf = {"{http://www.w3.org/2001/XMLSchema-instance}type": "dcterms:W3CDTF"}
    _set(core, "dcterms:modified", stamp, w3cdtf)
    revision = core.findtext(qn("cp:revision")) or "0"
    _set(core, "cp:revision", str(int(revision) + 1 if revision.isdigit() else 1))
    _set(core, "cp:version", label)
    _set(core, "cp:contentStatus", "Modforslag")
    package.parts[CORE] = etree.tostring(core, xml_declaration=True, encoding="UTF-8",
                                         standalone=True)  # fmt: skip
