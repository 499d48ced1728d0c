"""A library's topics by agreement and id, indexed once per library (renders look them up a lot).

Library.topic and Library.for_agreement scan every topic on each call; a batch of 10,000
agreements asks hundreds of thousands of times. A library is frozen, so its index never changes.
"""

from __future__ import annotations

from assembler.library.model import Library, Topic

# For the library last indexed (a process renders with one library at a time).
_INDEX: list[tuple[Library, dict[tuple[str, str], Topic], dict[str, tuple[Topic, ...]]]] = []


def _index(library: Library) -> tuple[dict[tuple[str, str], Topic], dict[str, tuple[Topic, ...]]]:
    """The library's topics by (agreement, id) and by agreement, made once per library."""
    if not _INDEX or _INDEX[0][0] is not library:
        by_id: dict[tuple[str, str], Topic] = {}
        for t in library.topics:
            by_id.setdefault((t.agreement, t.id), t)  # the first, as Library.topic finds it
        agreements = dict.fromkeys(t.agreement for t in library.topics)
        by_agreement = {a: library.for_agreement(a) for a in agreements}
        _INDEX[:] = [(library, by_id, by_agreement)]
    return _INDEX[0][1], _INDEX[0][2]


def topic_of(library: Library, agreement: str, topic_id: str) -> Topic:
    """library.topic(agreement, topic_id), from the index (KeyError if unknown)."""
    try:
        return _index(library)[0][(agreement, topic_id)]
    except KeyError:
        raise KeyError(f"{agreement}.{topic_id}") from None


def topics_for(library: Library, agreement: str) -> tuple[Topic, ...]:
    """library.for_agreement(agreement), from the index."""
    return _index(library)[1].get(agreement, ())
