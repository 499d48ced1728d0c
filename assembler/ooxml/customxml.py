"""Embed the answers and library version in a document as a custom XML part, and read them back.

A custom XML part (ECMA-376 Part 1 §22.5) survives editing and saving in Word, unlike custom
document properties, whose values Word truncates to 255 characters.
"""

from __future__ import annotations

import json
import re
from typing import Any

from lxml import etree

from assembler.ooxml.ns import (
    CT_CUSTOM_XML_PROPS,
    EMPTY_RELS,
    NS,
    REL_CUSTOM_XML,
    REL_CUSTOM_XML_PROPS,
)
from assembler.ooxml.package import Package, parse_xml
from assembler.ooxml.text import escape_text

ANSWERS_NS = "urn:aftale:svar:1"
DOC_RELS = "word/_rels/document.xml.rels"
CONTENT_TYPES = "[Content_Types].xml"
REL_ID = "rIdAftaleSvar"


def _free_item_number(parts: dict[str, bytes]) -> int:
    """The first customXml/itemN.xml number not used by the template."""
    used = {int(m.group(1)) for p in parts if (m := re.match(r"customXml/item(\d+)\.xml$", p))}
    return max(used, default=0) + 1


def payload_json(payload: Any) -> str:
    """The JSON text the custom XML part holds: keys sorted, no spaces, non-ASCII kept."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def embed_payload(parts: dict[str, bytes], payload: dict[str, Any]) -> None:
    """Add a custom XML part holding payload as JSON, with its properties and relationships."""
    embed_json(parts, payload_json(payload))


def embed_json(parts: dict[str, bytes], body: str) -> None:
    """embed_payload for a payload already written as payload_json's text."""
    import uuid  # only when writing: uuid loads platform and ctypes helpers

    item_id = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, ANSWERS_NS + body)).upper() + "}"
    add_custom_xml_item(parts, f'<aftale xmlns="{ANSWERS_NS}">{escape_text(body)}</aftale>',
                        ANSWERS_NS, REL_ID, item_id)  # fmt: skip


def add_custom_xml_item(
    parts: dict[str, bytes], xml: str, namespace: str, rel_id: str, item_id: str
) -> None:
    """Add customXml/itemN.xml holding `xml`, its properties part and both relationships."""
    n = _free_item_number(parts)
    parts[f"customXml/item{n}.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml
    ).encode()
    parts[f"customXml/itemProps{n}.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<ds:datastoreItem ds:itemID="{item_id}" xmlns:ds="{NS["ds"]}">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{namespace}"/></ds:schemaRefs></ds:datastoreItem>'
    ).encode()
    parts[f"customXml/_rels/item{n}.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{NS["pr"]}"><Relationship Id="rId1" '
        f'Type="{REL_CUSTOM_XML_PROPS}" Target="itemProps{n}.xml"/></Relationships>'
    ).encode()
    rels = parts.get(DOC_RELS, EMPTY_RELS).decode("utf-8")
    rel = f'<Relationship Id="{rel_id}" Type="{REL_CUSTOM_XML}" Target="../customXml/item{n}.xml"/>'
    if "</Relationships>" in rels:  # the usual form: a plain string insert is fastest
        parts[DOC_RELS] = rels.replace("</Relationships>", rel + "</Relationships>").encode()
    else:  # an empty <Relationships/> or a prefixed form: insert with lxml
        root = parse_xml(rels.encode(), DOC_RELS)
        etree.SubElement(
            root,
            f"{{{NS['pr']}}}Relationship",
            {"Id": rel_id, "Type": REL_CUSTOM_XML, "Target": f"../customXml/item{n}.xml"},
        )
        parts[DOC_RELS] = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True
        )
    types = parts[CONTENT_TYPES].decode("utf-8")
    override = (
        f'<Override PartName="/customXml/itemProps{n}.xml" ContentType="{CT_CUSTOM_XML_PROPS}"/>'
    )
    if 'Extension="xml"' not in types:
        override += '<Default Extension="xml" ContentType="application/xml"/>'
    parts[CONTENT_TYPES] = types.replace("</Types>", override + "</Types>").encode()


def read_payload(package: Package) -> dict[str, Any] | None:
    """The embedded answers of a document we generated, or None."""
    for name, data in package.parts.items():
        if not re.match(r"customXml/item\d+\.xml$", name) or ANSWERS_NS.encode() not in data:
            continue
        root = parse_xml(data, f"{package.path.name}:{name}")
        if root.tag == f"{{{ANSWERS_NS}}}aftale" and root.text:
            loaded = json.loads(root.text)
            return loaded if isinstance(loaded, dict) else None
    return None
