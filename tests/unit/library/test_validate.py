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


def test_a_number_in_running_text_needs_its_unit(tmp_path: Path) -> None:
    bad = topic("x")
    bad["variants"][0]["params"][0].pop("unit")
    problems = _problems(tmp_path, [bad])
    assert any("tallet {{ antal }} skal have en enhed (unit)" in p for p in problems)


def test_cross_references_must_point_at_another_clause(tmp_path: Path) -> None:
    bad = topic("x")
    bad["variants"][1]["text"] = "Se {{ § x }}, {{ § nix }} og {{ § lokal.y }}."
    problems = _problems(tmp_path, [bad, topic("y")])
    assert any("{{ § x }} henviser til bestemmelsen selv" in p for p in problems)
    assert any("{{ § nix }} henviser til et ukendt emne" in p for p in problems)
    assert any("{{ § lokal.y }} kan kun bruges i den individuelle aftale" in p for p in problems)


def test_the_term_list_names_file_topic_variant_and_word(tmp_path: Path) -> None:
    bad = topic("x")
    bad["variants"][1]["text"] = 'Aftalen gælder i en prøveperiode, og "IT" skrives  forkert .'
    root = write_library(tmp_path / "lib", [bad])
    (root / "termer.yaml").write_text(
        "terms:\n  - use: forsøgsperiode\n    avoid: [prøveperiode*]\n    why: prøvetid\n"
        "  - use: it\n    avoid: [IT]\n",
        encoding="utf-8",
    )
    with pytest.raises(LibraryError) as exc:
        load_library(root)
    problems = exc.value.problems
    assert (
        "lib/lokal/x.yaml, emne 'x', variant 'b': »prøveperiode« må ikke stå i aftaleteksten; "
        "skriv »forsøgsperiode« (prøvetid)" in problems
    )
    assert any("»IT« må ikke stå i aftaleteksten; skriv »it«" in p for p in problems)
    assert any("lige anførselstegn" in p for p in problems)
    assert any("dobbelt mellemrum" in p for p in problems)
    assert any("mellemrum før tegnsætning" in p for p in problems)


def test_a_term_can_be_limited_to_one_agreement(tmp_path: Path) -> None:
    local, individual = topic("x"), topic("y", "individuel")
    for t in (local, individual):
        t["variants"][1]["text"] = "Det aftales med medarbejderen."
    root = write_library(tmp_path / "lib", [local, individual])
    (root / "termer.yaml").write_text(
        "terms:\n  - use: Medarbejderen\n    avoid: [medarbejderen]\n"
        "    agreements: [individuel]\n",
        encoding="utf-8",
    )
    with pytest.raises(LibraryError) as exc:
        load_library(root)
    assert [p.split(":")[0] for p in exc.value.problems] == [
        "lib/individuel/y.yaml, emne 'y', variant 'b'"
    ]


def test_the_bundled_library_keeps_its_own_term_list() -> None:
    library = load_library()
    uses = {t.use for t in library.terms}
    assert {"forsøgsperiode", "arbejdsstedet", "it", "godtgørelse", "Medarbejderen"} <= uses
