"""Embed each agreement's answers as customxml.embed_json does, from JSON pieces shared in a batch.

embed_json encodes the whole JSON text twice per document (once for its item id, once, escaped,
for the part) and rewrites the relationships and content types; in a batch all of that is the
same for every document except the JSON text, and most of that text is shared pieces (the local
answers, each shared topic answer). Here each piece is encoded and escaped once, and the parts
that do not depend on the text are made once per template.

The layout of what embed_json writes is learnt from embed_json itself, once per template, with
two probe texts: everything outside the text and the item id must come out the same for both,
and the text and id exactly as this module writes them; otherwise (another embed_json) every
document goes through embed_json as before. Either way the bytes are embed_json's.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence

from assembler.ooxml.customxml import ANSWERS_NS, CONTENT_TYPES, DOC_RELS, embed_json
from assembler.ooxml.text import escape_text
from assembler.records import Record

# Two probe texts: plain, and with every character escape_text changes plus non-ASCII.
PROBES = ("aftaleprobe", "æø&<>\"'probe")
NAME_PREFIX = uuid.NAMESPACE_URL.bytes + ANSWERS_NS.encode("utf-8")
_PREFIX_HASH = hashlib.sha1(NAME_PREFIX)
MAX_PIECES = 4096  # encoded pieces kept (shared pieces are few; an employee's own are not)
MAX_LAYOUTS = 64


class Layout(Record):
    """What embed_json adds to one template's parts, split around the text and the item id."""

    _fields = ("order", "shared", "item", "item_around", "props", "props_around")
    __slots__ = _fields

    def __init__(
        self,
        order: tuple[str, ...],  # every part embed_json sets, in the order it sets them
        shared: dict[str, bytes],  # those of them that are the same for every text
        item: str,  # the part holding the escaped text
        item_around: tuple[bytes, bytes],
        props: str,  # the part holding the item id
        props_around: tuple[bytes, bytes],
    ) -> None:
        self.order = order
        self.shared = shared
        self.item = item
        self.item_around = item_around
        self.props = props
        self.props_around = props_around


def item_id(encoded: bytes) -> str:
    """The id embed_json gives a text (uuid5 in the URL namespace of ANSWERS_NS + text)."""
    hashed = _PREFIX_HASH.copy()  # uuid5 is SHA-1 of the namespace's bytes and the name
    hashed.update(encoded)
    digest = hashed.digest()
    return "{" + str(uuid.UUID(bytes=digest[:16], version=5)).upper() + "}"


_LAYOUTS: dict[tuple[object, ...], Layout | None] = {}
_PIECES: dict[str, tuple[bytes, bytes]] = {}  # piece → (UTF-8, escaped UTF-8)


def _around(data: bytes, inner: bytes) -> tuple[bytes, bytes] | None:
    """(before, after) when inner occurs exactly once in data."""
    pieces = data.split(inner)
    return (pieces[0], pieces[1]) if len(pieces) == 2 else None


def _learn(parts: dict[str, bytes]) -> Layout | None:
    """The layout of embed_json on these parts, or None when it is not text-and-id only."""
    trials = []
    for probe in PROBES:
        trial = dict(parts)
        embed_json(trial, probe)
        changed = {n: d for n, d in trial.items() if n not in parts or parts[n] != d}
        trials.append(changed)
    first, second = trials
    if set(first) != set(second):
        return None
    shared = {n: first[n] for n in first if first[n] == second[n]}
    differing = [n for n in first if first[n] != second[n]]
    if len(differing) != 2:
        return None
    found: dict[str, tuple[str, tuple[bytes, bytes]]] = {}
    for name in differing:
        for kind, inner in (("item", _escaped), ("props", _id)):
            around = [
                _around(trial[name], inner(probe))
                for trial, probe in zip(trials, PROBES, strict=True)
            ]
            if around[0] is not None and around[0] == around[1]:
                found[kind] = (name, around[0])
    if set(found) != {"item", "props"} or found["item"][0] == found["props"][0]:
        return None
    (item, item_around), (props, props_around) = found["item"], found["props"]
    return Layout(tuple(first), shared, item, item_around, props, props_around)


def _escaped(text: str) -> bytes:
    """The text as embed_json writes it into the part."""
    return escape_text(text).encode("utf-8")


def _id(text: str) -> bytes:
    """The item id embed_json gives the text."""
    return item_id(text.encode("utf-8")).encode("ascii")


def _layout(parts: dict[str, bytes]) -> Layout | None:
    """_learn, once per template (its relationships, content types and custom XML parts)."""
    key = (
        parts.get(DOC_RELS),
        parts.get(CONTENT_TYPES),
        tuple(n for n in parts if n.startswith("customXml/")),
    )
    if key in _LAYOUTS:
        return _LAYOUTS[key]
    if len(_LAYOUTS) >= MAX_LAYOUTS:
        _LAYOUTS.clear()
    layout = _LAYOUTS[key] = _learn(parts)
    return layout


def _piece(text: str) -> tuple[bytes, bytes]:
    """A piece's UTF-8 and escaped UTF-8 (escaping and encoding go character by character, so
    the pieces' results joined are the whole text's)."""
    hit = _PIECES.get(text)
    if hit is None:
        if len(_PIECES) >= MAX_PIECES:
            _PIECES.clear()
        hit = _PIECES[text] = (text.encode("utf-8"), _escaped(text))
    return hit


def embed_pieces(parts: dict[str, bytes], pieces: Sequence[str]) -> None:
    """embed_json(parts, "".join(pieces)), with the same bytes."""
    layout = _layout(parts)
    if layout is None:
        embed_json(parts, "".join(pieces))
        return
    made = [_piece(p) for p in pieces]
    encoded = b"".join([m[0] for m in made])
    before, after = layout.item_around
    item = b"".join([before, *[m[1] for m in made], after])
    before, after = layout.props_around
    props = before + item_id(encoded).encode("ascii") + after
    for name in layout.order:  # new parts in embed_json's order (the zip's order follows it)
        if name == layout.item:
            parts[name] = item
        elif name == layout.props:
            parts[name] = props
        else:
            parts[name] = layout.shared[name]
