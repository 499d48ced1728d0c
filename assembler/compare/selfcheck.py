"""Self-check of a written redline: accept-all and reject-all of its bytes against the two inputs.

This is an independent path: it reads the serialized parts again (the inputs' main parts may be
handed over as parsed from their bytes before the comparison began) and applies the two views the
way Word does (ECMA-376 §17.13.5: accepting keeps w:ins/w:moveTo content and drops w:del/w:moveFrom
content, a deleted paragraph mark joins the paragraph with the next, a row whose w:trPr holds a
dropped mark disappears; rejecting is the mirror). The result is compared line by line with the
same view of each input, in the body, tables, content controls, text boxes, headers, footers,
footnotes and endnotes. The tests use the same functions as their oracle.
"""

from __future__ import annotations

import copy
import difflib
import io
import posixpath
import zipfile
from collections import Counter
from collections.abc import Mapping

from lxml import etree

from assembler.compare.model import Record
from assembler.compare.viewlines import (
    PARA_NO,
    W_ID,
    W_P,
    W_TYPE,
    Line,
    Texts,
    apply_found,
    apply_view,
    blocks_lines,
    cache_texts,
    revisions_of,
    story_lines,
)
from assembler.ooxml.ns import NS, qn
from assembler.ooxml.package import parse_xml

MAIN = "word/document.xml"
REL_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
REL_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"


def _viewed(
    data: bytes,
    name: str,
    view: str,
    numbered: bool = False,
    parsed: dict[str, etree._Element] | None = None,
    keep: bool = True,
) -> tuple[etree._Element, Texts]:
    """Parse a part, number its paragraphs when asked (to place a comment), apply the view.

    With `parsed`, a part read for one view is copied for the next (copying is about four times
    faster than parsing again); without `keep`, the last view takes the part read before itself.
    """
    if parsed is None:
        root = parse_xml(data, name)
    elif not keep:
        root = parsed.pop(name) if name in parsed else parse_xml(data, name)
    else:
        if name not in parsed:
            parsed[name] = parse_xml(data, name)
        root = copy.deepcopy(parsed[name])
    if numbered:
        for n, p in enumerate(root.iter(W_P)):
            p.set(PARA_NO, str(n))
    apply_found(root, view, revisions_of(root, view), mark=True)
    return root, cache_texts(root)


def _story_names(parts: Mapping[str, bytes], doc: etree._Element) -> dict[str, str]:
    """'header/<section>/<type>' and 'footer/…' → the part each section references."""
    rels_name = "word/_rels/document.xml.rels"
    targets: dict[str, str] = {}
    if rels_name in parts:
        for rel in parse_xml(parts[rels_name], rels_name):
            if rel.get("Type") in (REL_HEADER, REL_FOOTER) and rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                name = posixpath.normpath(posixpath.join("word", target)).lstrip("/")
                if target.startswith("/"):
                    name = target.lstrip("/")
                targets[rel.get("Id", "")] = name
    out: dict[str, str] = {}
    for k, sect in enumerate(doc.iter(qn("w:sectPr"))):
        for kind in ("header", "footer"):
            for ref in sect.findall(qn(f"w:{kind}Reference")):
                name = targets.get(ref.get(qn("r:id"), ""), "")
                if name in parts:
                    out[f"{kind}/{k}/{ref.get(W_TYPE, 'default')}"] = name
    return out


Stories = dict[str, tuple[list[str], list[int] | None]]


def document_lines(
    parts: Mapping[str, bytes],
    view: str,
    numbered: bool = False,
    parsed: dict[str, etree._Element] | None = None,
) -> dict[str, list[Line]]:
    """Lines of body, headers, footers and notes of a package after accept/reject-all.

    Headers and footers are keyed by section and type; notes by the order of their references
    in the viewed body (Word renumbers note ids), and a note whose reference is gone is not shown.
    """
    stories = _stories(parts, view, numbered, parsed, with_paras=True)
    return {
        key: [Line(text, para) for text, para in zip(texts, paras or (), strict=True)]
        for key, (texts, paras) in stories.items()
    }


def _stories(
    parts: Mapping[str, bytes],
    view: str,
    numbered: bool,
    parsed: dict[str, etree._Element] | None,
    with_paras: bool,
    keep: bool = True,
) -> Stories:
    """Each story's line texts and, `with_paras`, their paragraph numbers (document_lines)."""
    doc, texts = _viewed(parts[MAIN], MAIN, view, numbered, parsed, keep)
    stories = _story_names(parts, doc)
    body = doc.find(qn("w:body"))
    out: Stories = {}

    def add(key: str, container: etree._Element | None, story_texts: Texts | None) -> None:
        lines: list[str] = []
        paras: list[int] | None = [] if with_paras else None
        if container is not None:
            story_lines(container, lines, paras, story_texts)
        out[key] = (lines, paras)

    add("body", body, texts)
    for key, name in sorted(stories.items()):
        story, story_texts = _viewed(parts[name], name, view, numbered, parsed, keep)
        add(key, story, story_texts)
    for kind in ("footnote", "endnote"):
        name = f"word/{kind}s.xml"
        if name not in parts:
            continue
        seen = [r.get(W_ID) for r in doc.iter(qn(f"w:{kind}Reference"))]
        if not seen:
            continue
        root, note_texts = _viewed(parts[name], name, view, numbered, parsed, keep)
        notes = {n.get(W_ID): n for n in root if n.get(W_TYPE) is None}
        for k, nid in enumerate(seen, start=1):
            note = notes.get(nid)
            key = f"{name}#{k}"
            if note is not None:
                add(key, note, note_texts)
            else:
                out[key] = (["[mangler]"], [-1] if with_paras else None)
    return out


def read_parts(data: bytes) -> dict[str, bytes]:
    """The parts of a package held in memory."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}


class Deviation(Record):
    """A stretch where a view of the redline differs from the input it must reproduce."""

    _fields = (
        "story",
        "view",
        "expected",
        "found",
        "para",
        "expected_lines",
        "found_lines",
        "twice",
        "elsewhere",
    )
    __slots__ = _fields

    def __init__(
        self,
        story: str,
        view: str,
        expected: str,
        found: str,
        para: int,
        expected_lines: tuple[str, ...] = (),
        found_lines: tuple[str, ...] = (),
        twice: tuple[str, ...] = (),
        elsewhere: tuple[str, ...] = (),
    ) -> None:
        self.story = story  # "body", "header/0/default", "word/footnotes.xml#2" …
        self.view = view  # accept | reject
        self.expected = expected  # the input's text there
        self.found = found  # the redline's text there
        self.para = para  # the redline paragraph nearest to the stretch (-1 when unknown)
        # The same stretches line by line: joined texts cannot tell no paragraph from an empty
        # one, nor two paragraphs from one whose mark is gone.
        self.expected_lines = expected_lines
        self.found_lines = found_lines
        self.twice = twice  # found lines the view holds more often than the input: doubled
        self.elsewhere = elsewhere  # expected lines the view holds, but at another place


def _texts(lines: list[Line]) -> list[str]:
    """The texts of lines."""
    return [line.text for line in lines]


def compare_views(
    redline: dict[str, list[Line]], expected: dict[str, list[Line]], view: str
) -> list[Deviation]:
    """Every stretch where the redline's view differs from the expected view."""
    out: list[Deviation] = []
    for story in sorted(set(redline) | set(expected)):
        got, want = redline.get(story, []), expected.get(story, [])
        got_t, want_t = _texts(got), _texts(want)
        if got_t == want_t or not any(got_t + want_t):
            continue  # a story that is empty on both sides (an added blank header) is no loss
        matcher = difflib.SequenceMatcher(None, want_t, got_t, False)
        got_n, want_n = Counter(got_t), Counter(want_t)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            extra = tuple(t for t in dict.fromkeys(got_t[j1:j2]) if t and got_n[t] > want_n[t] >= 1)
            moved = tuple(
                t
                for t in dict.fromkeys(want_t[i1:i2])
                if t and t not in got_t[j1:j2] and got_n[t] >= want_n[t]
            )
            near = [line.para for line in got[max(0, j1 - 1) : j2] if line.para >= 0]
            out.append(
                Deviation(
                    story,
                    view,
                    "\n".join(want_t[i1:i2]),
                    "\n".join(got_t[j1:j2]),
                    near[-1] if near else -1,
                    tuple(want_t[i1:i2]),
                    tuple(got_t[j1:j2]),
                    extra,
                    moved,
                )
            )
    return out


def check(
    redline: Mapping[str, bytes],
    old: Mapping[str, bytes],
    new: Mapping[str, bytes],
    as_read: dict[str, etree._Element] | None = None,
) -> list[Deviation]:
    """Accept-all of the redline must equal accept-all of the newer input, reject-all the older.

    `as_read` may hold the inputs' main parts ("old", "new") as parsed from their bytes before
    anything else used them; each is viewed in place, instead of parsing the bytes again.
    Paragraphs are numbered (for placing a comment at each deviation) only when one is found.
    """
    deviations: list[Deviation] = []
    parsed: dict[str, etree._Element] = {}  # the redline's parts, read once for both views
    for view, source, side in (("accept", new, "new"), ("reject", old, "old")):
        given = {MAIN: as_read.pop(side)} if as_read and side in as_read else None
        # The line texts first (the same lines compare_views compares); the lines with their
        # paragraph numbers, and the stretches, only for a view that differs.
        want = _stories(source, view, False, given, with_paras=False, keep=False)
        # the last view takes the redline's parts as read, without a copy
        got = _stories(redline, view, False, parsed, with_paras=False, keep=view == "accept")
        if _same(got, want):
            continue
        expected = document_lines(source, view)
        numbered = document_lines(redline, view, numbered=True, parsed=parsed)
        deviations += compare_views(numbered, expected, view)
    return deviations


def _same(got: Stories, want: Stories) -> bool:
    """Whether compare_views would find nothing: every story's texts equal, or empty on both."""
    for story in set(got) | set(want):
        got_t = got[story][0] if story in got else []
        want_t = want[story][0] if story in want else []
        if got_t != want_t and any(got_t + want_t):
            return False
    return True


__all__ = [
    "NS",
    "Deviation",
    "Line",
    "apply_view",
    "blocks_lines",
    "check",
    "compare_views",
    "document_lines",
    "read_parts",
]
