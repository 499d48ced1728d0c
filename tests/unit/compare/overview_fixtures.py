"""Rounds built in code for the change-overview tests: clause documents and library texts."""

from __future__ import annotations

from pathlib import Path

from assembler.compare.model import ChangeRow, Round
from assembler.compare.packages import Change, ParaInfo
from assembler.compare.rounds import compare_versions
from assembler.library.loader import load_library
from assembler.library.placeholders import PLACEHOLDER
from assembler.render.clause_text import split_blocks
from tests.unit.compare.fixtures import make_docx, para

H = "Heading1"
Clauses = list[tuple[str, list[str]]]


def clause_doc(clauses: Clauses, **kw: object) -> bytes:
    """A .docx with a Heading 1 per clause and its paragraphs below it."""
    body = []
    for heading, paragraphs in clauses:
        body.append(para(heading, style=H))
        body.extend(para(text) for text in paragraphs)
    return make_docx(body, **kw)  # type: ignore[arg-type]


def compare(tmp: Path, *versions: bytes, date: str = "2027-03-02") -> list[Round]:
    """Write the versions and compare them as `aftale sammenlign` does (author 'Ledelsen')."""
    paths = []
    for k, data in enumerate(versions, start=1):
        path = tmp / f"v{k}.docx"
        path.write_bytes(data)
        paths.append(path)
    return compare_versions(paths, ["Ledelsen"], [date])


def rows(tmp: Path, old: bytes, new: bytes) -> list[ChangeRow]:
    """The overview rows of one round."""
    return compare(tmp, old, new)[0].rows


def variant_text(agreement: str, topic: str, variant: str, values: dict[str, str]) -> list[str]:
    """A library variant's paragraphs with its placeholders filled in (no conditions used)."""
    text = load_library().topic(agreement, topic).variant(variant).text
    return [PLACEHOLDER.sub(lambda m: values[m.group(1)], block) for block, _ in split_blocks(text)]


def heading(
    text: str, kind: str = "equal", before: str = "", after: str = "", **kw: object
) -> Change:
    """A top-level heading event as the engine reports it."""
    info = ParaInfo(1, bool(kw.get("numbered")), str(kw.get("anchor", "")), text)
    return Change(kind, before, after, info, "body")


def body(kind: str = "equal", before: str = "", after: str = "", part: str = "body") -> Change:
    """A body paragraph event."""
    return Change(kind, before, after, ParaInfo(0, False, "", ""), part)
