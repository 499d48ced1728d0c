"""Hidden bookmarks that anchor each clause heading, so later tools can find clauses again."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from assembler.ooxml.fields import last_tag_start
from assembler.ooxml.ns import qn
from assembler.ooxml.text import escape_text, unescape_text, visible_text

BOOKMARK_PREFIX = "_Aft_"


# Clark names computed once: anchoring runs for every generated document.
_W_P, _W_T, _W_PPR = qn("w:p"), qn("w:t"), qn("w:pPr")
_W_START, _W_END = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
_W_ID, _W_NAME = qn("w:id"), qn("w:name")


def anchor_headings(body_root: etree._Element, anchors: Sequence[tuple[str, str]]) -> int:
    """Wrap each clause heading (matched in order by its text) in a bookmark; return how many."""
    ids = [int(b.get(_W_ID, "0")) for b in body_root.iter(_W_START)]
    next_id = max(ids, default=0) + 1
    paragraphs = list(body_root.iter(_W_P))
    position = 0
    placed = 0
    for title, name in anchors:
        wanted = title.strip()
        for index in range(position, len(paragraphs)):
            p = paragraphs[index]
            if visible_text(p).strip() != wanted:
                continue
            start = etree.Element(_W_START)
            start.set(_W_ID, str(next_id))
            start.set(_W_NAME, name)
            end = etree.Element(_W_END)
            end.set(_W_ID, str(next_id))
            ppr = p.find(_W_PPR)
            if ppr is not None:
                ppr.addnext(start)
            else:
                p.insert(0, start)
            p.append(end)
            next_id += 1
            placed += 1
            position = index + 1
            break
    return placed


_T_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")
_BOOKMARK_ID = re.compile(r'<w:bookmarkStart\b[^>]*\bw:id="(\d+)"')


_ANCHOR_TEXTS: dict[tuple[str, str], tuple[str, str, str]] = {}
MAX_ANCHOR_TEXTS = 1024


def _anchor_texts(title: str, name: str) -> tuple[str, str, str]:
    """(what a heading's text starts with in the XML, the title as matched, the escaped name),
    worked out once per clause: every document of a batch anchors the same headings."""
    hit = _ANCHOR_TEXTS.get((title, name))
    if hit is None:
        if len(_ANCHOR_TEXTS) >= MAX_ANCHOR_TEXTS:
            _ANCHOR_TEXTS.clear()
        wanted = title.strip()
        hit = _ANCHOR_TEXTS[(title, name)] = (">" + escape_text(wanted), wanted, escape_text(name))
    return hit


_TEXTS: dict[str, str] = {}  # a heading paragraph's XML → its stripped text


def _paragraph_text(paragraph: str) -> str:
    """The stripped text of a paragraph's runs, worked out once per batch for each heading (every
    document of a batch has the same heading paragraphs)."""
    text = _TEXTS.get(paragraph)
    if text is None:
        if len(_TEXTS) >= MAX_ANCHOR_TEXTS:
            _TEXTS.clear()
        text = _TEXTS[paragraph] = unescape_text("".join(_T_TEXT.findall(paragraph))).strip()
    return text


def anchor_headings_xml(xml: str, anchors: Sequence[tuple[str, str]]) -> str | None:
    """Fast path on rendered XML text, same result as anchor_headings; None if any title is missed.

    Rendering thousands of agreements spends most of its time parsing and re-serialising the
    document only to add a few bookmarks; our own serialised paragraphs are regular enough to
    place them by string search, and the caller falls back to the tree when a title is split
    across runs or not found.
    """
    found = _BOOKMARK_ID.findall(xml) if "<w:bookmarkStart" in xml else ()  # usually none
    next_id = max((int(m) for m in found), default=0) + 1
    pieces: list[str] = []
    done = 0  # everything before this offset is already in pieces
    for title, name in anchors:
        needle, wanted, escaped_name = _anchor_texts(title, name)
        search = done
        while True:
            hit = xml.find(needle, search)
            if hit < 0:
                return None
            start = last_tag_start(xml, "w:p", done, hit)
            end = xml.find("</w:p>", hit)
            if start >= 0 and end >= 0:
                paragraph = xml[start:end]
                if _paragraph_text(paragraph) == wanted:
                    break
            search = hit + 1
        ppr_end = paragraph.find("</w:pPr>")
        head = ppr_end + len("</w:pPr>") if ppr_end >= 0 else paragraph.find(">") + 1
        pieces += [
            xml[done : start + head],
            f'<w:bookmarkStart w:id="{next_id}" w:name="{escaped_name}"/>',
            xml[start + head : end],
            f'<w:bookmarkEnd w:id="{next_id}"/>',
        ]
        done = end
        next_id += 1
    pieces.append(xml[done:])
    return "".join(pieces)


def clause_anchors(body_root: etree._Element) -> list[tuple[str, str, etree._Element]]:
    """(topic, variant, paragraph) for every clause bookmark in a document, in order."""
    found = []
    for start in body_root.iter(qn("w:bookmarkStart")):
        name = start.get(qn("w:name"), "")
        if not name.startswith(BOOKMARK_PREFIX):
            continue
        topic, _, variant = name[len(BOOKMARK_PREFIX) :].partition("__")
        paragraph = start.getparent()
        if paragraph is not None:
            found.append((topic, variant, paragraph))
    return found
