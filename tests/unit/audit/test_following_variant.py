"""following_variant skips variants that cannot be followed, and so answers as a full alignment
of the text with every variant would (plain difflib), and the shortened alignment of _covered
scores each variant as the plain one does."""

from __future__ import annotations

from difflib import SequenceMatcher

from assembler.audit.assess import (
    SAME_VARIANT,
    _covered,
    _variant_words,
    _words,
    following_variant,
)
from assembler.library.model import Library, Variant


def _nearest(
    library: Library, agreement: str, topic: str, text: str
) -> tuple[Variant, float] | None:
    """Every variant aligned with the whole text: the first of the best, and how near."""
    words = _words(text)
    if len(words) < 8:
        return None
    scored = []
    for variant in library.topic(agreement, topic).variants:
        matcher = SequenceMatcher(None, _words(variant.text), words, autojunk=False)
        covered = sum(block.size for block in matcher.get_matching_blocks())
        scored.append((covered / len(words), variant))
    score, best = max(scored, key=lambda pair: pair[0])
    return best, score


def _closest(
    library: Library, agreement: str, topic: str, text: str
) -> tuple[Variant, float] | None:
    """The same, scored by _covered's shortened alignment."""
    words = _words(text)
    if len(words) < 8:
        return None
    scored = [
        (_covered(_variant_words(variant.text)[0], words) / len(words), variant)
        for variant in library.topic(agreement, topic).variants
    ]
    score, best = max(scored, key=lambda pair: pair[0])
    return best, score


def _texts(library: Library) -> list[tuple[str, str, str]]:
    """(agreement, topic, text): each variant whole, in part, and mixed with a sibling."""
    out = []
    for topic in library.topics:
        texts = [variant.text for variant in topic.variants]
        for k, text in enumerate(texts):
            words = text.split()
            sibling = texts[(k + 1) % len(texts)].split()
            for sample in (
                text,
                " ".join(words[: len(words) // 2]),  # the first half
                " ".join(words[::2]),  # every other word
                " ".join(words[: len(words) * 3 // 4] + sibling[: len(sibling) // 4]),
                " ".join(words[:12]),
            ):
                out.append((topic.agreement, topic.id, sample))
    return out


def test_the_variant_followed_is_the_nearest_one_above_the_threshold(library: Library) -> None:
    followed = 0
    for agreement, topic, text in _texts(library):
        nearest = _nearest(library, agreement, topic, text)
        assert _closest(library, agreement, topic, text) == nearest
        expected = nearest[0] if nearest and nearest[1] >= SAME_VARIANT else None
        assert following_variant(library, agreement, topic, text) is expected, (topic, text)
        followed += expected is not None
    assert followed > 50  # the comparison is not only of Nones


def test_no_variant_for_an_unknown_topic_or_a_short_text(library: Library) -> None:
    assert following_variant(library, "lokal", "findes_ikke", "en tekst " * 10) is None
    assert following_variant(library, "lokal", "transport", "for kort") is None
