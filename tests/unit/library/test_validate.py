"""The library validates itself on load and names file and clause in every problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembler.errors import LibraryError
from assembler.library import load_library
from tests.minilib import topic, write_library


def _problems(tmp_path: Path, topics: list[dict]) -> list[str]:
    with pytest.raises(LibraryError) as exc:
        load_library(write_library(tmp_path / "lib", topics))
    return exc.value.problems


def test_a_valid_library_loads(tmp_path: Path) -> None:
    library = load_library(write_library(tmp_path / "lib", [topic("x"), topic("y", "individuel")]))
    assert [t.id for t in library.for_agreement("lokal")] == ["x"]
    assert library.version_label.startswith("test+")


def test_unknown_parameter_in_text(tmp_path: Path) -> None:
    bad = topic("x")
    bad["variants"][1]["text"] = "Fra {{ datoen }}."
    [problem] = _problems(tmp_path, [bad])
    assert "lokal/x.yaml" in problem and "variant 'b'" in problem and "{{ datoen }}" in problem


def test_template_logic_in_text_is_refused(tmp_path: Path) -> None:
    bad = topic("x")
    bad["variants"][1]["text"] = "{% if dato %}Fra {{ dato }}{% endif %}"
    problems = _problems(tmp_path, [bad])
    assert any("ulovlig skabelonsyntaks" in p for p in problems)


def test_duplicate_ids(tmp_path: Path) -> None:
    dup = topic("x")
    dup["variants"][1]["id"] = "a"
    second = topic("x", _folder="lokal")
    second["title"] = "Anden"
    problems = _problems(tmp_path, [dup])
    assert any("variant-id 'a' findes to gange" in p for p in problems)


def test_missing_and_unknown_sources(tmp_path: Path) -> None:
    bad = topic("x")
    bad["variants"][0]["sources"] = []
    bad["variants"][1]["sources"] = ["S99"]
    problems = _problems(tmp_path, [bad])
    assert any("variant 'a': kilder (sources) mangler" in p for p in problems)
    assert any("kilden 'S99' findes ikke" in p for p in problems)


def test_sector_specific_source_on_the_wrong_sector(tmp_path: Path) -> None:
    bad = topic("x", sources=["S2"])
    bad["variants"][1]["sources"] = ["S2"]
    bad["variants"][0]["sources"] = ["S2"]
    problems = _problems(tmp_path, [bad])
    assert any("sektor 'kommune'" in p and "variant 'b'" in p for p in problems)


def test_bad_default_and_type(tmp_path: Path) -> None:
    bad = topic("x")
    bad["params"] = [
        {"name": "dato", "type": "date", "label": "Dato", "default": "31-02-2027"},
        {"name": "n", "type": "tal", "label": "N"},
    ]
    problems = _problems(tmp_path, [bad])
    assert any("parameter 'dato': standardværdien" in p for p in problems)
    assert any("ukendt type 'tal'" in p for p in problems)


def test_folder_and_agreement_must_agree(tmp_path: Path) -> None:
    problems = _problems(tmp_path, [topic("x", agreement="individuel", _folder="lokal")])
    assert any("passer ikke til mappen" in p for p in problems)


def test_cross_topic_reference_must_exist(tmp_path: Path) -> None:
    bad = topic("x")
    bad["variants"][1]["text"] = "Se {{ y.dato }} og {{ z.dato }}."
    problems = _problems(tmp_path, [bad, topic("y")])
    assert problems == [p for p in problems if "{{ z.dato }}" in p] and len(problems) == 1
