"""Render one agreement: template + context → anchored, answer-carrying, deterministic .docx bytes."""

from __future__ import annotations

from typing import Any

from lxml import etree

from assembler.answers.files import agreement_to_raw
from assembler.answers.model import AgreementAnswers, Answers
from assembler.library.model import Library
from assembler.ooxml.bookmarks import anchor_headings
from assembler.ooxml.customxml import embed_payload
from assembler.ooxml.package import package_bytes, parse_xml
from assembler.render.context import build_context
from assembler.render.engine import CompiledTemplate, check_well_formed

DOCUMENT = "word/document.xml"


def answers_payload(
    library: Library, answers: Answers, agreement: AgreementAnswers
) -> dict[str, Any]:
    """What is embedded in a document: library version, sector and this agreement's answers."""
    payload: dict[str, Any] = {
        "format": 1,
        "bibliotek": library.version_label,
        "aftale": agreement.agreement,
        "sektor": answers.sector,
        "version": answers.version,
        "dato": answers.date.isoformat() if answers.date else None,
        "svar": agreement_to_raw(agreement),
    }
    if agreement.agreement == "individuel":
        payload["lokalaftale"] = agreement_to_raw(answers.local)
    return payload


def render_agreement(
    compiled: CompiledTemplate, library: Library, answers: Answers, agreement: AgreementAnswers
) -> bytes:
    """The finished .docx for one agreement."""
    context, anchors = build_context(library, answers, agreement)
    parts = compiled.render_parts(context)
    check_well_formed(parts, compiled.name)
    root = parse_xml(parts[DOCUMENT], f"{compiled.name}:{DOCUMENT}")
    anchor_headings(root, [(a.title, a.bookmark) for a in anchors])
    parts[DOCUMENT] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    embed_payload(parts, answers_payload(library, answers, agreement))
    return package_bytes(parts)
