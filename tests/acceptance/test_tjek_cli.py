"""`aftale regler`, `aftale tjek` and the checks in `aftale generer`, run as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from assembler.library.model import Library
from tests.unit.audit import drafts
from tests.unit.rules.helpers import example_raw, write_raw


def aftale(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a subprocess with a wide terminal."""
    env = os.environ | {"COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "assembler.cli", *map(str, args)],
        capture_output=True, text=True, env=env, timeout=120, check=False, cwd=cwd,
    )  # fmt: skip


def broken_answers(library: Library, folder: Path) -> Path:
    """Example answers where the first employee is outside the local agreement's scope."""
    raw = example_raw(library)
    raw["medarbejdere"][0]["parter"]["personalegruppe"] = "Kantinepersonale"
    return write_raw(raw, folder / "svar.yaml")


def test_regler_lists_rules_periods_and_uncheckable() -> None:
    result = aftale("regler")
    assert result.returncode == 0 and result.stderr == ""
    for text in ("R01", "R73", "fra 30.04.2022", "til 29.04.2022", "Kan ikke tjekkes", "R32"):
        assert text in result.stdout
    data = json.loads(aftale("regler", "--json").stdout)
    r24 = [r for r in data["regler"] if r["regel"] == "R24"]
    assert {r["periode"] for r in r24} == {"fra 30.04.2022", "til 29.04.2022"}
    assert {r["regel"] for r in data["kan_ikke_tjekkes"]} == {"R07", "R32", "R33"}


def test_tjek_answers_clean(library: Library, tmp_path: Path) -> None:
    answers = write_raw(example_raw(library), tmp_path / "svar.yaml")
    result = aftale("tjek", answers)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "0 fejl" in result.stdout


def test_tjek_answers_with_fejl(library: Library, tmp_path: Path) -> None:
    answers = broken_answers(library, tmp_path)
    result = aftale("tjek", answers)
    assert result.returncode == 1 and result.stderr == ""
    assert "R12" in result.stdout and "medarbejdere[1]" in result.stdout
    assert "Kantinepersonale" in result.stdout
    data = json.loads(aftale("tjek", answers, "--json").stdout)
    r12 = next(f for f in data["fund"] if f["regel"] == "R12")
    assert r12["alvor"] == "fejl" and r12["hvor"] == "medarbejdere[1]" and "S3" in r12["kilder"]
    assert data["antal"]["fejl"] == 1


def test_tjek_docx_prints_gaps_and_writes_review_copy(tmp_path: Path) -> None:
    source = drafts.local_numbered(tmp_path)
    result = aftale("tjek", source)
    assert result.returncode == 1, result.stderr  # R04: no entry into force in a state agreement
    assert result.stderr == ""
    assert "formaal: Formål" in result.stdout and "ikrafttraeden: Ikrafttræden" in result.stdout
    assert "R04" in result.stdout
    copy = tmp_path / "udkast_nummereret-gennemgang.docx"
    assert copy.is_file()
    again = aftale("tjek", source)  # the second run checks again and replaces its own copy
    assert again.returncode == 1 and again.stderr == ""
    assert "R04" in again.stdout and "erstatter den tidligere gennemgangskopi" in again.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == [copy.name, source.name]


def test_tjek_docx_json_into_folder(tmp_path: Path) -> None:
    source = drafts.individual(tmp_path)
    result = aftale("tjek", source, "--json", "-o", tmp_path / "ud", "--sektor", "stat")
    assert result.returncode == 1 and result.stderr == ""
    data = json.loads(result.stdout)
    assert data["aftale"] == "individuel" and data["sektor"] == "stat"
    assert [m["emne"] for m in data["mangler"]] == drafts.INDIVIDUAL_MISSING
    assert Path(data["gennemgang"]) == tmp_path / "ud" / "anne-gennemgang.docx"
    assert Path(data["gennemgang"]).is_file()


def test_tjek_unknown_suffix(tmp_path: Path) -> None:
    (tmp_path / "noter.txt").write_text("x", encoding="utf-8")
    result = aftale("tjek", tmp_path / "noter.txt")
    assert result.returncode == 1 and "ukendt filtype" in result.stderr and result.stdout == ""


def test_generer_stops_on_fejl_unless_overridden(library: Library, tmp_path: Path) -> None:
    answers = broken_answers(library, tmp_path)
    stopped = aftale("generer", answers, "-o", tmp_path / "ud")
    assert stopped.returncode == 1
    assert (
        stopped.stderr.startswith("Fejl:")
        and "R12" in stopped.stderr
        and "--trods-fejl" in stopped.stderr
    )
    assert not (tmp_path / "ud" / "lokalaftale.docx").exists()
    forced = aftale("generer", answers, "-o", tmp_path / "ud", "--trods-fejl")
    assert forced.returncode == 0, forced.stderr
    assert "R12 fejl" in forced.stdout
    manifest = json.loads((tmp_path / "ud" / "manifest.json").read_text(encoding="utf-8"))
    assert any("--trods-fejl" in line for row in manifest for line in row["fund"])


def test_tjek_answer_sheet_from_demo(tmp_path: Path) -> None:
    demo = aftale("demo", "-o", tmp_path / "demo")
    assert demo.returncode == 0, demo.stderr
    sheets = sorted((tmp_path / "demo").glob("*.xlsx"))
    assert sheets, "demo writes an answer sheet"
    result = aftale("tjek", sheets[0])
    assert result.returncode == 0, result.stderr
    assert "Individuelle aftaler, række" in result.stdout and "Ingen fund:" in result.stdout


def test_tjek_our_generated_agreement_is_complete(tmp_path: Path) -> None:
    assert aftale("demo", "-o", tmp_path / "demo").returncode == 0
    result = aftale("tjek", tmp_path / "demo" / "lokalaftale.docx", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["indlejrede_svar"] and data["mangler"] == [] and data["aftale"] == "lokal"


def test_tjek_rejects_a_damaged_docx(tmp_path: Path) -> None:
    bad = tmp_path / "udkast.docx"
    bad.write_bytes(b"dette er ikke et Word-dokument")
    result = aftale("tjek", bad)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("Fejl:") and "Word-dokument" in result.stderr
    assert not (tmp_path / "udkast-gennemgang.docx").exists()
