"""Clause texts become paragraphs: bullets, list expansion, optional paragraphs, Danish values."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembler.answers.build import build_agreement, dotted_locator
from assembler.errors import LibraryError
from assembler.library import load_library
from assembler.render.clause_text import Scope, render_clause, split_blocks
from tests.minilib import topic, write_library


def test_split_blocks_bullets_and_wrapped_lines() -> None:
    text = "Første linje\nfortsætter her.\n\n- punkt et\n- punkt to\n  fortsat\n\nSidste."
    assert split_blocks(text) == [
        ("Første linje fortsætter her.", False),
        ("punkt et", True),
        ("punkt to fortsat", True),
        ("Sidste.", False),
    ]


def test_lists_expand_and_optional_paragraphs_drop(tmp_path: Path) -> None:
    t = topic("x")
    t["params"] = [
        {"name": "steder", "type": "list", "label": "Steder"},
        {"name": "note", "type": "text", "label": "Note", "required": False},
        {"name": "dato", "type": "date", "label": "Dato"},
    ]
    t["variants"][0]["text"] = "Fra {{ dato }} på:\n\n- {{ steder }}\n\nNote: {{ note }}\n\nSlut."
    t["variants"][0]["params"] = []
    library = load_library(write_library(tmp_path / "lib", [t]))
    answers, problems = build_agreement(
        library, "lokal", "stat",
        {"x": {"variant": "a", "steder": ["Vej 1", "Vej 2"], "dato": "1-3-2027"}},
        dotted_locator("lokalaftale"),
    )  # fmt: skip
    assert problems == []
    scope = Scope(library, "stat", answers, answers)
    paragraphs = render_clause(library.topic("lokal", "x"), "a", scope)
    assert [(p.text, p.bullet) for p in paragraphs] == [
        ("Fra 1. marts 2027 på:", False),
        ("Vej 1 og", True),
        ("Vej 2.", True),
        ("Slut.", False),
    ]


def test_variant_for_wrong_sector_is_refused(tmp_path: Path) -> None:
    t = topic("x", sources=["S1", "S2"])
    t["variants"][1]["sectors"] = ["stat"]
    library = load_library(write_library(tmp_path / "lib", [t]))
    _, problems = build_agreement(
        library, "lokal", "kommune", {"x": {"variant": "B", "dato": "2027-03-01"}},
        dotted_locator("lokalaftale"),
    )  # fmt: skip
    assert problems == [
        "lokalaftale.x.variant: varianten 'B' gælder ikke for sektor 'kommune' (kun stat)"
    ]


def test_conditional_paragraphs_follow_yes_no_answers(tmp_path: Path) -> None:
    t = topic("x")
    t["params"] = [{"name": "ude", "type": "bool", "label": "Ude", "default": False}]
    t["variants"][0]["params"] = []
    t["variants"][0]["text"] = "Start.\n\n[hvis ude] Ja-tekst.\n\n[hvis ikke ude] Nej-tekst."
    t["variants"][1]["text"] = "[hvis mangler] Forkert."
    library_dir = write_library(tmp_path / "bad", [t])
    with pytest.raises(LibraryError) as exc:
        load_library(library_dir)
    assert any("[hvis mangler] er en ukendt parameter" in p for p in exc.value.problems)
    t["variants"][1]["text"] = "B."
    library = load_library(write_library(tmp_path / "lib", [t]))
    for raw, expected in (("ja", "Ja-tekst."), ("nej", "Nej-tekst.")):
        answers, problems = build_agreement(
            library, "lokal", "stat", {"x": {"variant": "a", "ude": raw}},
            dotted_locator("lokalaftale"),
        )  # fmt: skip
        assert problems == []
        scope = Scope(library, "stat", answers, answers)
        texts = [p.text for p in render_clause(library.topic("lokal", "x"), "a", scope)]
        assert texts == ["Start.", expected]


def _plain(topic_id: str, text: str, **changes: object) -> dict:
    """A minimal topic whose variant a has the given text and no parameters."""
    t = topic(topic_id, **changes)
    t["params"] = []
    t["variants"][0]["params"] = []
    t["variants"][0]["text"] = text
    t["variants"][1]["text"] = "Variant B."
    return t


def _render(tmp_path: Path, topics: list[dict], raw: dict, topic_id: str = "x") -> list:
    """Load a small library, build answers for one agreement and render one clause."""
    library = load_library(write_library(tmp_path / "lib", topics))
    answers, problems = build_agreement(library, "lokal", "stat", raw, dotted_locator("l"))
    assert problems == []
    scope = Scope(library, "stat", answers, answers)
    variant = answers.variant(topic_id) or ""
    return render_clause(library.topic("lokal", topic_id), variant, scope)


def test_choices_print_their_own_sentence_and_conditions_compare_values(tmp_path: Path) -> None:
    t = _plain("x", "")
    t["params"] = [
        {"name": "plads", "type": "choice", "label": "Plads",
         "choices": {"Eget": "Medarbejderne bevarer deres plads.",
                     "Delt": "Der anvendes delte arbejdspladser."}},
        {"name": "varsel", "type": "int", "label": "Varsel", "unit": ["måned", "måneder"],
         "min": 0},
    ]  # fmt: skip
    t["variants"][0]["text"] = (
        "{{ plads }}\n\n[hvis plads = Delt] Pladser bookes.\n\n"
        "[hvis varsel = 0] Opsigelse sker uden varsel.\n\n"
        "[hvis ikke varsel = 0] Opsigelse sker med {{ varsel }}s varsel."
    )
    for plads, varsel, expected in (
        ("Eget", 0, ["Medarbejderne bevarer deres plads.", "Opsigelse sker uden varsel."]),
        ("delt", 2, ["Der anvendes delte arbejdspladser.", "Pladser bookes.",
                     "Opsigelse sker med to måneders varsel."]),
    ):  # fmt: skip
        raw = {"x": {"variant": "a", "plads": plads, "varsel": varsel}}
        assert [p.text for p in _render(tmp_path / plads, [t], raw)] == expected


def test_an_unknown_choice_in_a_condition_and_a_choice_without_texts_are_refused(
    tmp_path: Path,
) -> None:
    t = _plain("x", "[hvis p2 = C] Tekst.")
    t["params"] = [
        {"name": "plads", "type": "choice", "label": "Plads", "choices": ["A", "B"]},
        {"name": "p2", "type": "choice", "label": "P", "choices": {"A": "a.", "B": ""}},
    ]
    with pytest.raises(LibraryError) as exc:
        load_library(write_library(tmp_path / "lib", [t]))
    problems = "\n".join(exc.value.problems)
    assert "parameter 'plads': hvert valg skal have sin egen tekst" in problems
    assert "valget „B“ mangler sin tekst" in problems
    assert "[hvis p2 = C] nævner et ukendt valg" in problems


def test_stk_marks_every_paragraph_after_the_first_but_not_bullets(tmp_path: Path) -> None:
    t = _plain("x", "Første.\n\n- punkt\n- punkt to\n\nAndet.\n\nTredje.")
    paragraphs = _render(tmp_path, [t], {"x": {"variant": "a"}})
    assert [(p.text, p.bullet, p.stk) for p in paragraphs] == [
        ("Første.", False, False),
        ("punkt", True, False),
        ("punkt to", True, False),
        ("Andet.", False, True),
        ("Tredje.", False, True),
    ]


def test_a_cross_reference_shows_the_number_and_marks_a_field(tmp_path: Path) -> None:
    first, second = _plain("a1", "Se {{ § b2 }}.", order=10), _plain("b2", "Tekst.", order=20)
    [paragraph] = _render(
        tmp_path, [first, second], {"a1": {"variant": "a"}, "b2": {"variant": "b"}}, "a1"
    )
    assert paragraph.text == "Se § 2."
    assert paragraph.marked == "Se \ue000_Aft_b2__b\ue001§ 2\ue002."


def test_answers_that_look_like_template_syntax_stay_text(tmp_path: Path) -> None:
    t = _plain("x", "Navn: {{ navn }}.")
    t["params"] = [{"name": "navn", "type": "text", "label": "Navn"}]
    raw = {"x": {"variant": "a", "navn": "{{ § x }} og {{ navn }}"}}
    [paragraph] = _render(tmp_path, [t], raw)
    assert paragraph.text == paragraph.marked == "Navn: {{ § x }} og {{ navn }}."
