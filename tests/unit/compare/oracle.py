"""Test oracle: accept-all and reject-all of tracked changes, independent of the writer."""

from __future__ import annotations

import copy
import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    """Clark name in the w: namespace."""
    return f"{{{W}}}{tag}"


def apply_view(root: etree._Element, view: str) -> etree._Element:
    """Return a copy of root with all revisions accepted ("accept") or rejected ("reject")."""
    root = copy.deepcopy(root)
    drop = {w("del"), w("moveFrom")} if view == "accept" else {w("ins"), w("moveTo")}
    keep = {w("ins"), w("moveTo")} if view == "accept" else {w("del"), w("moveFrom")}
    # Rows first: a row whose w:trPr holds a dropped mark disappears entirely.
    for tr in list(root.iter(w("tr"))):
        trpr = tr.find(w("trPr"))
        if trpr is not None and any(c.tag in drop for c in trpr):
            tr.getparent().remove(tr)
    for el in list(root.iter(*(drop | keep))):
        parent = el.getparent()
        if parent is None:
            continue
        if parent.tag == w("rPr") or parent.tag == w("trPr"):
            continue  # marks handled separately
        if el.tag in drop:
            parent.remove(el)
        else:
            idx = parent.index(el)
            for child in reversed(list(el)):
                parent.insert(idx, child)
            parent.remove(el)
    return root


def _mark_dropped(p: etree._Element, view: str) -> bool:
    """Whether the paragraph mark disappears in this view."""
    rpr = p.find(f"{w('pPr')}/{w('rPr')}")
    if rpr is None:
        return False
    drop = {w("del"), w("moveFrom")} if view == "accept" else {w("ins"), w("moveTo")}
    return any(c.tag in drop for c in rpr)


def para_text(p: etree._Element) -> str:
    """Text of a paragraph after a view was applied."""
    out = []
    for el in p.iter(w("t"), w("delText"), w("tab")):
        if el.getparent() is not None and el.getparent().tag == w("r"):
            out.append("\t" if el.tag == w("tab") else (el.text or ""))
    return "".join(out)


def blocks_text(container: etree._Element, view: str) -> list[str]:
    """Flatten the blocks of a container (body, cell, header, note) into lines."""
    lines: list[str] = []
    carry = ""
    for block in container:
        if block.tag == w("p"):
            text = carry + para_text(block)
            if _mark_dropped(block, view):
                carry = text
                continue
            carry = ""
            lines.append(text)
        elif block.tag == w("tbl"):
            if carry:
                lines.append(carry)
                carry = ""
            rows = block.findall(w("tr"))
            if rows:
                lines.append("[tabel]")  # a table whose rows were all removed is gone
            for tr in rows:
                lines.append("[række]")
                for tc in tr.findall(w("tc")):
                    lines.append("[celle]")
                    lines.extend(blocks_text(tc, view))
        elif block.tag == w("sdt"):
            content = block.find(w("sdtContent"))
            if content is not None:
                lines.extend(blocks_text(content, view))
    if carry:
        lines.append(carry)
    return lines


def document_view(data: bytes, view: str) -> dict[str, list[str]]:
    """Lines of body, headers, footers and notes of a .docx after accept/reject-all.

    Notes are keyed by the order of their references in the viewed body (Word renumbers note
    ids), and a note whose reference is gone in this view is not shown.
    """
    out: dict[str, list[str]] = {}
    refs: dict[str, list[str]] = {"footnote": [], "endnote": []}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = sorted(zf.namelist())
        for name in names:
            if name == "word/document.xml":
                root = apply_view(etree.fromstring(zf.read(name)), view)
                out["body"] = blocks_text(root.find(w("body")), view)
                for kind, seen in refs.items():
                    seen.extend(r.get(w("id")) for r in root.iter(w(f"{kind}Reference")))
            elif name.startswith(("word/header", "word/footer")) and name.endswith(".xml"):
                root = apply_view(etree.fromstring(zf.read(name)), view)
                out[name] = blocks_text(root, view)
        for kind, seen in refs.items():
            name = f"word/{kind}s.xml"
            if name not in names:
                continue
            root = apply_view(etree.fromstring(zf.read(name)), view)
            notes = {n.get(w("id")): n for n in root if n.get(w("type")) is None}
            for k, nid in enumerate(seen, start=1):
                note = notes.get(nid)
                out[f"{name}#{k}"] = blocks_text(note, view) if note is not None else ["[mangler]"]
    return out


def revision_ids(data: bytes) -> list[str]:
    """All w:id values of revision elements in all parts."""
    tags = {
        w(t)
        for t in (
            "ins",
            "del",
            "moveFrom",
            "moveTo",
            "rPrChange",
            "pPrChange",
            "moveFromRangeStart",
            "moveToRangeStart",
        )
    }
    ids = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                root = etree.fromstring(zf.read(name))
                ids.extend(el.get(w("id")) for el in root.iter(*tags))
    return ids


def count_tags(data: bytes, tag: str) -> int:
    """Number of w:<tag> elements over all word/ parts."""
    total = 0
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                total += sum(1 for _ in etree.fromstring(zf.read(name)).iter(w(tag)))
    return total
