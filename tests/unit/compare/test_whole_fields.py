"""A change that touches a field's code replaces the whole field, and the opcodes stay whole.

Found comparing an individual agreement with a local agreement: a cross-reference field
(`REF … \\h` showing "§ 13") whose code was deleted, with a second deletion just after the
field's end. Widening the first change to the whole field ran through the equal stretch into
the second change as if both sides moved alike, so the opcodes lost a token on the newer side
and the comparison stopped with an internal error.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from assembler.compare.seqdiff import FIELD_BEGIN, FIELD_END, FIELD_SEPARATE, whole_fields
from tests.unit.compare.containers import complex_field
from tests.unit.compare.fixtures import make_docx, para
from tests.unit.compare.oracle import document_view
from tests.unit.compare.test_gates import redline

CODE = "\x00instr: REF _Aft_opsigelse \\n \\h "


Opcodes = list[tuple[str, int, int, int, int]]


def _assert_whole(ops: Opcodes, old: list[str], new: list[str]) -> None:
    """The opcodes cover both sequences in order, and every equal stretch is equal."""
    i = j = 0
    for tag, i1, i2, j1, j2 in ops:
        assert (i1, j1) == (i, j), ops
        if tag == "equal":
            assert old[i1:i2] == new[j1:j2], ops
        i, j = i2, j2
    assert (i, j) == (len(old), len(new)), ops


def test_a_widened_change_does_not_run_through_the_change_beside_it() -> None:
    """The tokens of the case that failed, cut to the field and its neighbours."""
    old = ["efter", " ", FIELD_BEGIN, CODE, FIELD_SEPARATE, "§ 13", FIELD_END, " ", "heraf", "."]
    new = ["efter", " ", "§ 13", " ", "heraf", "."]
    ops = [
        ("equal", 0, 2, 0, 2),
        ("delete", 2, 5, 2, 2),
        ("equal", 5, 6, 2, 3),
        ("delete", 6, 7, 3, 3),
        ("equal", 7, 10, 3, 6),
    ]
    out = whole_fields(ops, old, new)
    _assert_whole(out, old, new)
    assert out == [("equal", 0, 2, 0, 2), ("replace", 2, 7, 2, 3), ("equal", 7, 10, 3, 6)]


def test_a_cross_reference_turned_into_plain_text_round_trips(tmp_path: Path) -> None:
    """The same edit in Word documents: the redline gives each version back."""
    old_doc = make_docx(
        [para("Aftalen kan opsiges efter ", complex_field(" REF _Ref1 \\h ", "§ 13"), " heraf.")]
    )
    new_doc = make_docx([para("Aftalen kan opsiges efter § 13 heraf.")])
    data = redline(tmp_path, old_doc, new_doc)
    assert document_view(data, "accept") == document_view(new_doc, "accept")
    assert document_view(data, "reject") == document_view(old_doc, "reject")


_WORDS = st.sampled_from(["a", "b", " ", "§ 4", "x"])


@st.composite
def _keys(draw: st.DrawFn) -> list[str]:
    """Tokens with some complete fields among the words."""
    out: list[str] = []
    for _ in range(draw(st.integers(0, 8))):
        if draw(st.booleans()):
            out.append(draw(_WORDS))
        else:
            code = draw(st.sampled_from([" REF _A \\h ", " REF _B \\h ", " PAGE "]))
            out += [FIELD_BEGIN, "\x00instr:" + code, FIELD_SEPARATE, draw(_WORDS), FIELD_END]
    return out


@given(old=_keys(), new=_keys())
@settings(max_examples=1500, deadline=None)
def test_opcodes_stay_whole_and_fields_are_never_cut(old: list[str], new: list[str]) -> None:
    """Whatever difflib pairs, the widened opcodes still cover both sequences with equal
    stretches, and no change cuts into a field's code while leaving the field's marks."""
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    out = whole_fields(ops, old, new)
    _assert_whole(out, old, new)
    for keys, side in ((old, 1), (new, 3)):
        begins = [k for k, key in enumerate(keys) if key == FIELD_BEGIN]
        for op in out:
            if op[0] == "equal":
                continue
            lo, hi = (op[1], op[2]) if side == 1 else (op[3], op[4])
            for begin in begins:
                code = begin + 1
                if lo <= code < hi:  # the change touches the code: the whole field is in it
                    assert lo <= begin and begin + 5 <= hi, (op, keys)
