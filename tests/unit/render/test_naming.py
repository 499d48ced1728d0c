"""File names for individual agreements."""

from __future__ import annotations

from assembler.render.naming import UniqueNames, employee_stem, slug


def test_slug_transliterates_danish_letters_and_strips_unsafe_characters() -> None:
    assert slug("Søren Ærø-Hansen") == "Soeren_Aeroe-Hansen"
    assert slug("../../etc/passwd") == "etc_passwd"
    assert slug("CON") == ""


def test_unique_names_are_case_insensitive() -> None:
    names = UniqueNames()
    assert names.take("a") == "a.docx"
    assert names.take("A") == "A-2.docx"
    assert names.take("a") == "a-3.docx"


def test_employee_stem_falls_back_to_the_row_number() -> None:
    assert employee_stem("Anne Ø", "123", 1) == "individuel_aftale_Anne_Oe_123"
    assert employee_stem("", "", 7) == "individuel_aftale_0007"
