"""The commented review copy: its name, the marker that makes it recognisable, and writing it.

`tjek UDKAST.docx` writes UDKAST-gennemgang.docx. A later run replaces that file only when it is
the tool's own earlier review copy (it carries a custom XML marker part); any other file of that
name is left alone and the copy is named UDKAST-gennemgang-2.docx, -3, … instead.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import quoteattr

from lxml import etree

from assembler.audit.anchor import narrow_comment
from assembler.audit.document import DOCUMENT, DocxDraft
from assembler.errors import AftaleError, InputFileError, OutputError
from assembler.ooxml.comments import add_comments
from assembler.ooxml.customxml import add_custom_xml_item
from assembler.ooxml.package import package_bytes, parse_xml, read_package, write_atomic

REVIEW_SUFFIX = "-gennemgang"
MARKER_NS = "urn:aftale:gennemgang:1"
MAX_COPIES = 99
DOC_RELS = "word/_rels/document.xml.rels"
# (paragraph, comment text, span of Para.text or None, paragraph the range ends in or None)
Note = tuple[etree._Element, str, tuple[int, int] | None, etree._Element | None]


def review_path(path: Path, out_dir: Path | None, number: int = 1) -> Path:
    """<name>-gennemgang.docx (or -gennemgang-N.docx) beside the original or in out_dir."""
    suffix = REVIEW_SUFFIX if number == 1 else f"{REVIEW_SUFFIX}-{number}"
    return (out_dir or path.parent) / f"{path.stem}{suffix}.docx"


def is_own_review(path: Path) -> bool:
    """Whether a file is a review copy this tool wrote (it carries our marker part)."""
    try:
        package = read_package(path, "docx")
    except AftaleError:
        return False
    for name, data in package.parts.items():
        if re.fullmatch(r"customXml/item\d+\.xml", name) and MARKER_NS.encode() in data[:4096]:
            try:
                root = parse_xml(data, name)
            except AftaleError:
                return False
            return etree.QName(root).namespace == MARKER_NS
    return False


def review_target(path: Path, out_dir: Path | None, overwrite: bool) -> tuple[Path, bool]:
    """Where the review copy goes, and whether it replaces our own earlier copy there."""
    for number in range(1, MAX_COPIES + 1):
        target = review_path(path, out_dir, number)
        if not target.exists():
            return target, False
        if overwrite or is_own_review(target):
            return target, True
    raise OutputError(
        f"{review_path(path, out_dir)}: der findes allerede {MAX_COPIES} filer med det navn, som "
        "ikke er gennemgangskopier fra aftale. Ryd op, eller brug -o til en anden mappe."
    )


def _add_marker(parts: dict[str, bytes], source: str) -> None:
    """A custom XML part that marks the package as our review copy of `source`."""
    rels = parts[DOC_RELS].decode("utf-8", "replace")
    rel_id = next(f"rIdAftaleGennemgang{k}" for k in range(1, 10_000)
                  if f'"rIdAftaleGennemgang{k}"' not in rels)  # fmt: skip
    item_id = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, MARKER_NS + source)).upper() + "}"
    xml = f"<gennemgang xmlns={quoteattr(MARKER_NS)} kilde={quoteattr(source)}/>"
    add_custom_xml_item(parts, xml, MARKER_NS, rel_id, item_id)


def write_review(draft: DocxDraft, notes: Sequence[Note], target: Path, replace: bool) -> None:
    """Write the commented copy (the original is never touched), marked as our review copy."""
    if target.resolve() == draft.path.resolve():
        raise InputFileError(f"{target}: gennemgangskopien må ikke erstatte originalen.")
    parts = dict(draft.package.parts)
    ids = add_comments(parts, draft.root, [(p, text) for p, text, _, _ in notes])
    for comment_id, (p, _, span, end_p) in zip(ids, notes, strict=True):
        if span is not None:
            narrow_comment(p, comment_id, span, end_p)
    parts[DOCUMENT] = etree.tostring(
        draft.root, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    _add_marker(parts, draft.path.name)
    write_atomic(target, package_bytes(parts), overwrite=replace)
