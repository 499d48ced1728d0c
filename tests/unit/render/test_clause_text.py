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
        ("Vej 1", True),
        ("Vej 2", True),
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
    assert any("[hvis mangler] skal pege på en ja/nej-parameter" in p for p in exc.value.problems)
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
