"""last_tag_start finds what the two backward searches it replaces found."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from assembler.ooxml.fields import last_tag_start

PIECES = ["<w:p>", "<w:p ", "<w:pPr>", "<w:pStyle ", "<w:p", "<w:r>", "<w:r ", "<w:rPr>", "<w:",
          ">", " ", "x", "æ", "\ue000"]  # fmt: skip


@given(
    st.lists(st.sampled_from(PIECES), max_size=14).map("".join),
    st.sampled_from(["w:p", "w:r"]),
    st.integers(0, 80),
    st.integers(0, 80),
)
def test_same_as_the_last_of_both_tag_forms(xml: str, name: str, start: int, end: int) -> None:
    wanted = max(xml.rfind(f"<{name}>", start, end), xml.rfind(f"<{name} ", start, end))
    assert last_tag_start(xml, name, start, end) == wanted


def test_steps_over_longer_names_with_the_same_prefix() -> None:
    xml = '<w:p><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:rPr/><w:t>x</w:t></w:r></w:p>'
    assert last_tag_start(xml, "w:p", 0, len(xml)) == 0
    assert last_tag_start(xml, "w:r", 0, len(xml)) == xml.index("<w:r>")
    assert last_tag_start(xml, "w:p", 1, len(xml)) == -1
