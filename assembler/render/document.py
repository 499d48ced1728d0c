"""Render one agreement: template + context → anchored, answer-carrying, deterministic .docx."""

from __future__ import annotations

from typing import Any

from lxml import etree

from assembler.answers.files import agreement_to_raw
from assembler.answers.model import AgreementAnswers, Answers, TopicAnswer
from assembler.errors import TemplateError
from assembler.library.model import Library
from assembler.ooxml.bookmarks import anchor_headings, anchor_headings_xml
from assembler.ooxml.customxml import payload_json
from assembler.ooxml.docprops import (
    CONTENT_TYPES,
    CORE,
    CUSTOM,
    ROOT_RELS,
    set_core_status,
    set_custom_properties,
)
from assembler.ooxml.fastzip import FAST, DeflateCache, fast_package_bytes
from assembler.ooxml.fields import keep_with_next_before, place_ref_fields
from assembler.ooxml.package import parse_xml
from assembler.ooxml.wellformed import WellFormedCheck
from assembler.render.context import build_context, is_draft
from assembler.render.embedded import embed_pieces
from assembler.render.engine import CompiledTemplate
from assembler.render.memo import LastResult
from assembler.render.template_check import part_label

DOCUMENT = "word/document.xml"
SIGNATURE_STYLE = "Underskrifter"  # the bundled templates' style of the signature heading
# Per process: deflated parts and tag skeletons proved well-formed (both bounded).
_DEFLATED = DeflateCache()
_WELL_FORMED = WellFormedCheck()
_RENDERED = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, collect_ids=False
)


def answers_payload(
    library: Library, answers: Answers, agreement: AgreementAnswers
) -> dict[str, Any]:
    """What is embedded in a document: library version, sector and this agreement's answers."""
    payload = _payload_head(library, answers, agreement)
    payload["svar"] = _agreement_raw(agreement)
    if agreement.agreement == "individuel":
        payload["lokalaftale"] = _local_raw(answers.local)
    return payload


def _payload_head(
    library: Library, answers: Answers, agreement: AgreementAnswers
) -> dict[str, Any]:
    """The payload's members other than the answers themselves."""
    return {
        "format": 1,
        "bibliotek": library.version_label,
        "aftale": agreement.agreement,
        "sektor": answers.sector,
        "version": answers.version,
        "dato": answers.date.isoformat() if answers.date else None,
    }


def answers_json(library: Library, answers: Answers, agreement: AgreementAnswers) -> str:
    """payload_json(answers_payload(...)), put together from pieces written once per batch.

    The text of a JSON object with sorted keys is its sorted members joined, so each topic
    answer's text (shared by most employees) and the local answers' text are written once.
    """
    return "".join(answers_json_pieces(library, answers, agreement))


def answers_json_pieces(
    library: Library, answers: Answers, agreement: AgreementAnswers
) -> list[str]:
    """answers_json's text as pieces, most of them the same objects for every agreement of a
    batch (the head's and the local answers' members, each shared topic answer's text)."""
    members: dict[str, list[str]] = {
        key: [text] for key, text in _head_json(library, answers, agreement.agreement).items()
    }
    if agreement.agreement == "individuel":
        members["lokalaftale"] = [_local_json(answers.local)]
    svar = ["{"]
    for topic_id in sorted(agreement.topics):
        svar += [_key_json(topic_id), ":", _topic_raw(agreement, topic_id)[2], ","]
    svar[-1:] = ["}"] if len(svar) > 1 else ["{", "}"]
    members["svar"] = svar
    pieces = ["{"]
    for key in sorted(members):
        pieces += [_key_json(key), ":", *members[key], ","]
    pieces[-1] = "}"
    return pieces


def _head_members(library: Library, answers: Answers, agreement: str) -> dict[str, str]:
    """_payload_head's members as JSON text (the same for every agreement of a kind in a batch)."""
    head = _payload_head(library, answers, AgreementAnswers(agreement, {}))
    return {key: payload_json(value) for key, value in head.items()}


_head_json = LastResult(_head_members)
_KEY_JSON: dict[str, str] = {}  # a key's JSON text: topic ids and member names, a few dozen


def _key_json(key: str) -> str:
    """payload_json(key), written once per key."""
    text = _KEY_JSON.get(key)
    if text is None:
        if len(_KEY_JSON) >= MAX_TOPIC_RAW:
            _KEY_JSON.clear()
        text = _KEY_JSON[key] = payload_json(key)
    return text


# The local answers as plain data and as JSON text, made once per batch (each individual
# agreement embeds them).
_local_raw = LastResult(agreement_to_raw)
_local_json = LastResult(lambda local: payload_json(agreement_to_raw(local)))
# Each topic answer as plain data and JSON text by identity: employees share most topic answers.
_TOPIC_RAW: dict[int, tuple[TopicAnswer, Any, str]] = {}
MAX_TOPIC_RAW = 1024


def _topic_raw(agreement: AgreementAnswers, topic_id: str) -> tuple[TopicAnswer, Any, str]:
    """(answer, its plain data, that data as JSON text), made once per topic answer."""
    answer = agreement.topics[topic_id]
    hit = _TOPIC_RAW.get(id(answer))
    if hit is None or hit[0] is not answer:
        if len(_TOPIC_RAW) >= MAX_TOPIC_RAW:
            _TOPIC_RAW.clear()
        alone = AgreementAnswers(agreement.agreement, {topic_id: answer})
        raw = agreement_to_raw(alone)[topic_id]
        hit = _TOPIC_RAW[id(answer)] = (answer, raw, payload_json(raw))
    return hit


def _agreement_raw(agreement: AgreementAnswers) -> dict[str, Any]:
    """agreement_to_raw(agreement), with each topic's plain data made once per topic answer."""
    return {topic_id: _topic_raw(agreement, topic_id)[1] for topic_id in agreement.topics}


def render_agreement(
    compiled: CompiledTemplate, library: Library, answers: Answers, agreement: AgreementAnswers
) -> bytes:
    """The finished .docx for one agreement."""
    context, anchors = build_context(library, answers, agreement)
    texts = compiled.render_texts(context)
    parts = dict(compiled.package.parts)
    # the body stays text for the passes below (encoded once, at the end)
    parts.update((part, xml.encode("utf-8")) for part, xml in texts.items() if part != DOCUMENT)
    # (a body without any template tag is the template's own)
    body = texts[DOCUMENT] if DOCUMENT in texts else parts[DOCUMENT].decode("utf-8")
    _check_well_formed(parts, body, compiled)
    pairs = [(a.title, a.bookmark) for a in anchors]
    xml = place_ref_fields(body)
    xml = keep_with_next_before(xml, SIGNATURE_STYLE)
    fast = anchor_headings_xml(xml, pairs)
    if fast is not None:
        parts[DOCUMENT] = fast.encode("utf-8")
    else:  # a title split across runs or edited in the template: place bookmarks on the tree
        root = _parse_rendered(xml.encode("utf-8"), f"{compiled.name}:{DOCUMENT}")
        anchor_headings(root, pairs)
        parts[DOCUMENT] = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True
        )
    embed_pieces(parts, answers_json_pieces(library, answers, agreement))
    _set_properties(parts, library.version_label, answers.version)
    # The body and the embedded answers differ per agreement: deflated fast, not cached. The
    # template's own custom XML parts are deflated the same way but are the same every time.
    quick, own = _deflate_levels(compiled, tuple(parts))
    return fast_package_bytes(parts, _DEFLATED, quick, FAST, own)


MAX_NAME_SETS = 64


def _deflate_levels(
    compiled: CompiledTemplate, names: tuple[str, ...]
) -> tuple[frozenset[str], frozenset[str]]:
    """(parts deflated fast and not cached, parts deflated fast and cached) for a document of
    this template with these part names: worked out once per batch (the names are the same)."""
    levels = compiled.by_names.get(names)
    if levels is None:
        custom = {name for name in names if name.startswith("customXml/item")}
        own = frozenset(name for name in custom if name in compiled.package.parts)
        levels = (frozenset({DOCUMENT, *(custom - own)}), own)
        if len(compiled.by_names) >= MAX_NAME_SETS:
            compiled.by_names.clear()
        compiled.by_names[names] = levels
    return levels


# The property parts as _set_properties leaves them, by what they are made from: the same for
# every agreement of a batch, so they are made once and their bytes are shared (the zip writer
# then finds their records by identity).
_PROPERTIES: dict[tuple[object, ...], tuple[tuple[str, bytes], ...]] = {}
PROPERTY_PARTS = (CORE, CUSTOM, ROOT_RELS, CONTENT_TYPES)


def _set_properties(parts: dict[str, bytes], label: str, version: str) -> None:
    """set_core_status and set_custom_properties, remembered for the same inputs."""
    key = (label, version, *(parts.get(name) for name in PROPERTY_PARTS))
    made = _PROPERTIES.get(key)
    if made is None:
        set_core_status(parts, "Udkast" if is_draft(version) else "Endelig", version)
        set_custom_properties(parts, {"Klausulbibliotek": label, "Aftaleversion": version})
        made = tuple((name, parts[name]) for name in PROPERTY_PARTS if name in parts)
        if len(_PROPERTIES) >= MAX_TOPIC_RAW:
            _PROPERTIES.clear()
        _PROPERTIES[key] = made
        return
    parts.update(made)


def _parse_rendered(data: bytes, where: str) -> etree._Element:
    """Parse our own rendered XML (no DTD, entities or network; xml:id not indexed: faster)."""
    try:
        return etree.fromstring(data, _RENDERED)
    except etree.XMLSyntaxError:
        return parse_xml(data, where)  # raises the shared Danish error


def _check_well_formed(parts: dict[str, bytes], document: str, compiled: CompiledTemplate) -> None:
    """A template whose rendering is not well-formed XML is reported, never shipped (`document`:
    the rendered body, as text; its entry in parts is not read; the parts are the template's own,
    some rendered)."""
    name = compiled.name
    for part in compiled.templated_parts:
        data = parts[part]
        if part == DOCUMENT:
            problem = _WELL_FORMED.text_problem(document)
        else:
            problem = _WELL_FORMED.problem(data)
        if problem:
            raise TemplateError(
                f"{name}, {part_label(part)}: skabelonen giver ugyldig XML ({problem}). "
                "Tjek skabelonens {%p …%}- og {%tr …%}-mærker."
            )
