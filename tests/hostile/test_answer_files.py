"""YAML and JSON answer files: bombs, ambiguity and impossible values refused, naming the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembler.workflows import EXAMPLE_ANSWERS
from tests.hostile.corpus import aftale, assert_refused, snapshot

EXAMPLE = EXAMPLE_ANSWERS.read_text(encoding="utf-8")
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)
NAME = "navn: Anne Søgaard Østergaard"
NAME_LINE = EXAMPLE.split(NAME)[0].count("\n") + 1
DEEP_JSON = '{"sektor": ' + "[" * 10_000 + "]" * 10_000 + "}"

CASES = {
    "billion-laughs.yaml": (LAUGHS, ["linje 1", "ankre og -aliaser"]),
    "dobbelt-noegle.yaml": (
        "sektor: stat\nsektor: region\n",
        ["linje 2", "„sektor“ står to gange"],
    ),
    "31-februar.yaml": (
        EXAMPLE.replace("dato: 2027-01-15", "dato: 2027-02-31"),
        ["linje 6", "datoen „2027-02-31“ findes ikke"],
    ),
    "nan.yaml": (EXAMPLE.replace("sektor: stat", "sektor: .nan"), ["„.nan“ er ikke et tal"]),
    "dyb.yaml": ("a: " + "[" * 10_000 + "]" * 10_000 + "\n", ["indlejret mere end 40 niveauer"]),
    "python-tag.yaml": ("sektor: !!python/object/apply:os.system ['touch pwned']\n", ["linje 1"]),
    "dyb.json": (DEEP_JSON, ["linje 1", "indlejret mere end 40 niveauer"]),
    "nan.json": ('{"sektor": NaN}', ["„NaN“ er ikke et tal"]),
    "uendelig.json": ('{"sektor": "stat",\n "version": 1e999}', ["linje 2", "„1e999“"]),
    # a lone surrogate can only come from an escape; UTF-8 and Word's XML cannot hold it
    "surrogat.json": (
        '{\n"sektor": "stat",\n"navn": "A\\ud800\\u00e6"\n}',
        ["linje 3", "koden „\\ud800“ giver en halv UTF-16-surrogat (U+D800)"],
    ),
    "surrogat.yaml": (EXAMPLE.replace(NAME, 'navn: "Anne \\udfff"'), [f"linje {NAME_LINE}"]),
    "dobbelt-noegle.json": ('{\n"sektor": "stat",\n"sektor": "region"\n}', ["linje 3", "to gange"]),
    "samme-nummer.yaml": (
        EXAMPLE.replace('medarbejdernummer: "10877"', 'medarbejdernummer: "10234"'),
        [
            "medarbejdere[2].parter.medarbejdernummer: medarbejdernummer 10234 står også i "
            "medarbejdere[1]"
        ],
    ),
    # int("1e999999999") builds a billion-digit number: this ran past 30 s before
    "kaempetal.yaml": (
        EXAMPLE.replace("loft_km: 50", 'loft_km: "1e999999999"'),
        ['loft_km: "1e999999999" er ikke et tal, der kan bruges'],
    ),
    "nan-tekst.yaml": (
        EXAMPLE.replace("loft_km: 50", 'loft_km: "NaN"'),
        ['loft_km: "NaN" er ikke et tal'],
    ),
    "utf16.yaml": (None, ["ikke gemt som UTF-8"]),
    "tom.yaml": ("", ["forventede felter"]),
    "liste.json": ("[1, 2, 3]", ["forventede felter"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_answer_file_is_refused_in_danish_and_nothing_is_written(
    name: str, tmp_path: Path
) -> None:
    text, needles = CASES[name]
    source = tmp_path / name
    if text is None:
        source.write_bytes("sektor: stat\n".encode("utf-16"))
    else:
        source.write_text(text, encoding="utf-8")
    before = snapshot(tmp_path)
    run = aftale("generer", name, "-o", "ud", cwd=tmp_path)
    assert_refused(run, name, *needles)
    assert snapshot(tmp_path) == before  # no output folder, the input untouched
    assert not (tmp_path / "pwned").exists()


def test_billion_laughs_is_refused_fast_and_small(tmp_path: Path) -> None:
    (tmp_path / "svar.yaml").write_text(LAUGHS, encoding="utf-8")
    run = aftale("tjek", "svar.yaml", cwd=tmp_path)  # tjek reads answers through the same loader
    assert_refused(run, "svar.yaml, linje 1")
    assert run.seconds < 10 and run.peak_mb < 200, (run.seconds, run.peak_mb)


def test_answers_directory_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "mappe.yaml").mkdir()
    assert_refused(aftale("tjek", "mappe.yaml", cwd=tmp_path), "mappe.yaml")
    assert_refused(aftale("generer", "findes-ikke.json", "-o", "ud", cwd=tmp_path), "findes ikke")
    assert not (tmp_path / "ud").exists()
