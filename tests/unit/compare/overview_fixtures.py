"""Rounds built in code for the change-overview tests: clause documents and library texts."""

from __future__ import annotations

from pathlib import Path

from assembler.compare.model import ChangeRow, Round
from assembler.compare.packages import Change, ParaInfo
from assembler.compare.rounds import compare_versions
from assembler.library.loader import load_library
from assembler.library.placeholders import CONDITION, GLOBALS, PLACEHOLDER, REFERENCE
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
    """A library variant's paragraphs filled in from `values` as the renderer would.

    '[hvis x]' keeps a paragraph when x has a value ('[hvis ikke x]' when it has none); a
    paragraph naming a value of its own topic that is not given is left out, as for an empty
    optional answer (KeyError for another topic's answer or a global); references read "§ 1".
    """
    text = load_library().topic(agreement, topic).variant(variant).text
    out = []
    for block, _ in split_blocks(text):
        keep = True
        while condition := CONDITION.match(block):
            negated, name, value = condition.group(1), condition.group(2), condition.group(3)
            holds = values.get(name) == value if value is not None else bool(values.get(name))
            keep = keep and holds != bool(negated)
            block = block[condition.end() :]
        block = REFERENCE.sub("§ 1", block)
        names = [m.group(1) for m in PLACEHOLDER.finditer(block)]
        foreign = [n for n in names if n not in values and ("." in n or n in GLOBALS)]
        if keep and foreign:
            raise KeyError(foreign[0])  # another topic's answer or a global: not this fixture's
        if keep and all(name in values for name in names):
            out.append(PLACEHOLDER.sub(lambda m: values[m.group(1)], block))
    return out


def heading(
    text: str, kind: str = "equal", before: str = "", after: str = "", **kw: object
) -> Change:
    """A top-level heading event as the engine reports it."""
    info = ParaInfo(1, bool(kw.get("numbered")), str(kw.get("anchor", "")), text)
    return Change(kind, before, after, info, "body")


def body(kind: str = "equal", before: str = "", after: str = "", part: str = "body") -> Change:
    """A body paragraph event."""
    return Change(kind, before, after, ParaInfo(0, False, "", ""), part)
