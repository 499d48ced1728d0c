"""Document properties: where a document says what it is without printing it on the page.

The library version and the agreement's version and status go into the core and custom
properties (Word: File › Info › Properties), never into the printed header or footer of a
document that goes to the other side.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from assembler.ooxml.ns import CT_CUSTOM_PROPS, NS, REL_CUSTOM_PROPS

CORE = "docProps/core.xml"
CUSTOM = "docProps/custom.xml"
ROOT_RELS = "_rels/.rels"
CONTENT_TYPES = "[Content_Types].xml"
REL_ID = "rIdAftaleEgenskaber"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the format id Word uses for user properties


def set_core_status(parts: dict[str, bytes], status: str, version: str) -> None:
    """Record the document's status ("Udkast", "Endelig") and version in the core properties."""
    if CORE not in parts:
        return
    core = parts[CORE].decode("utf-8")
    for tag in ("cp:contentStatus", "cp:version"):
        start = core.find(f"<{tag}")
        if start >= 0:  # a template's own value is replaced, not duplicated
            end = core.find(f"</{tag}>", start)
            end = end + len(f"</{tag}>") if end >= 0 else core.find("/>", start) + 2
            core = core[:start] + core[end:]
    extra = (
        f"<cp:contentStatus>{escape(status)}</cp:contentStatus><cp:version>{escape(version)}"
        "</cp:version>"
    )
    parts[CORE] = core.replace("</cp:coreProperties>", extra + "</cp:coreProperties>").encode()


def set_custom_properties(parts: dict[str, bytes], values: dict[str, str]) -> None:
    """Write custom text properties (replacing a template's custom properties part)."""
    body = "".join(
        f'<property fmtid="{FMTID}" pid="{pid}" name="{escape(name, {chr(34): "&quot;"})}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(values.items(), start=2)
    )
    parts[CUSTOM] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{NS["op"]}" xmlns:vt="{NS["vt"]}">{body}</Properties>'
    ).encode()
    rels = parts[ROOT_RELS].decode("utf-8")
    if REL_CUSTOM_PROPS not in rels:
        rel = f'<Relationship Id="{REL_ID}" Type="{REL_CUSTOM_PROPS}" Target="{CUSTOM}"/>'
        parts[ROOT_RELS] = rels.replace("</Relationships>", rel + "</Relationships>").encode()
    types = parts[CONTENT_TYPES].decode("utf-8")
    if f'PartName="/{CUSTOM}"' not in types:
        override = f'<Override PartName="/{CUSTOM}" ContentType="{CT_CUSTOM_PROPS}"/>'
        parts[CONTENT_TYPES] = types.replace("</Types>", override + "</Types>").encode()
