"""Which topic each paragraph of a draft belongs to: the section under a found topic's heading."""

from __future__ import annotations

import re

from assembler.audit.document import DocxDraft
from assembler.audit.topics import Found
from assembler.regex_programs import compile_pattern


def paragraph_topics(draft: DocxDraft, found: dict[str, Found]) -> dict[int, str]:
    """Paragraph index → topic id ('' outside any found topic's section).

    A topic found by its heading (or bookmark) owns the paragraphs up to the next heading; a topic
    found only by wording owns the paragraph it was found in, when no heading claimed it.
    """
    headed = {f.para.index: topic for topic, f in found.items()
              if f.para is not None and f.how != "tekst"}  # fmt: skip
    out: dict[int, str] = {}
    current = ""
    for para in draft.paragraphs:
        if para.index in headed:
            current = headed[para.index]
        elif para.heading is not None:
            current = ""
        out[para.index] = current
    for topic, f in found.items():
        if f.how == "tekst" and f.para is not None and not out.get(f.para.index):
            out[f.para.index] = topic
    return out


# "Bilag 1. Skabelon for …" (older) and "Bilag 1. Den individuelle aftales indhold" (annex.py)
TEMPLATE_ANNEX = compile_pattern(
    r"^bilag\b.*\b(?:skabelon|individuelle aftales indhold)", re.IGNORECASE
)


def template_annex(draft: DocxDraft) -> set[int]:
    """Paragraphs of an annexed template ("Bilag 1. Skabelon for individuel aftale …").

    Such an annex lists the options an individual agreement may take; it sets no terms itself,
    so its wording ("Arbejdsgiveren kan indkalde …") must not be read as the agreement's own.
    An annex that is not a template is read like the rest of the draft.
    """
    start = next((p.index for p in draft.paragraphs if TEMPLATE_ANNEX.match(p.text)), None)
    if start is None:
        return set()
    return {p.index for p in draft.paragraphs if p.index >= start}
