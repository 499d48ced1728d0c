"""The cheap well-formedness check: the same verdict for XML held as bytes or as text."""

from __future__ import annotations

import pytest

from assembler.ooxml.wellformed import SMALL_PART, WellFormedCheck

CASES = [
    ("<w:p><w:r><w:t>Æblegrød og \ue000mærke\ue001§ 3\ue002</w:t></w:r></w:p>", True),
    ("<w:p><w:r><w:t>ulukket</w:t></w:r>", False),  # the paragraph is never closed
    ("<a><b>tekst</a></b>", False),  # crossed tags
    ("<a x='1'>" + "ø" * (SMALL_PART + 10) + "</a>", True),  # large: not kept by its bytes
]


@pytest.mark.parametrize(("text", "good"), CASES)
def test_text_and_bytes_give_the_same_verdict(text: str, good: bool) -> None:
    from_bytes = WellFormedCheck().problem(text.encode("utf-8"))
    from_text = WellFormedCheck().text_problem(text)
    assert from_text == from_bytes
    assert (from_text is None) is good


def test_a_skeleton_proved_from_text_is_known_for_bytes_and_back() -> None:
    check = WellFormedCheck()
    assert check.text_problem("<a><b>Ærø</b></a>") is None
    # same tags, other text: found by its skeleton without parsing again
    assert check.problem("<a><b>Fanø</b></a>".encode()) is None
    assert check.text_problem("<a><b>Læsø</b></a>") is None
    assert check.text_problem("<a><b>Læsø</a>") is not None  # a new, broken skeleton


def test_small_parts_are_remembered_by_their_bytes_only_when_well_formed() -> None:
    check = WellFormedCheck()
    assert check.problem(b"<hdr><t>x</t></hdr>") is None
    assert check.problem(b"<hdr><t>x</t></hdr>") is None
    assert check.problem(b"<hdr><t>x</hdr>") is not None
    assert check.problem(b"<hdr><t>x</hdr>") is not None  # never remembered as good
