"""The self-check on every run: a redline that does not reproduce both versions is never
presented as complete (issue 10 item 2)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from assembler.compare.deviations import excerpt, message_da
from assembler.compare.packages import compare_packages
from assembler.compare.selfcheck import Deviation, check, read_parts
from assembler.ooxml.package import read_package
from tests.acceptance.cli_helpers import run_cli
from tests.unit.compare.fixtures import make_docx, para
from tests.unit.compare.scenarios import scenarios
from tests.unit.compare.test_gates import redline

OLD_FOOTER = "Side 1 – fortroligt udkast"


def _lost_footer(tmp_path: Path) -> tuple[Path, Path]:
    """A pair whose older footer has no place in the newer package (it has no footer part)."""
    body = [para("Omfang", style="Heading1"), para("Aftalen gælder fra 1. marts.")]
    new_body = [para("Omfang", style="Heading1"), para("Aftalen gælder fra 1. april.")]
    old, new = tmp_path / "v1.docx", tmp_path / "v2.docx"
    old.write_bytes(make_docx(body, footer=[para(OLD_FOOTER)]))
    new.write_bytes(make_docx(new_body))
    return old, new


@pytest.mark.parametrize("name", sorted(scenarios()))
def test_every_scenario_passes_its_own_self_check(tmp_path: Path, name: str) -> None:
    old, new = scenarios()[name]
    data = redline(tmp_path, old, new)
    assert check(read_parts(data), read_parts(old), read_parts(new)) == []


def test_self_check_sees_a_changed_word_anywhere(tmp_path: Path) -> None:
    """Not vacuous: a redline whose text is not the newer version is caught, with its place."""
    old, new = scenarios()["sidehoved"]
    data = redline(tmp_path, old, new)
    parts = read_parts(data)
    parts["word/footer1.xml"] = parts["word/footer1.xml"].replace(b"af 3", b"af 4")
    [dev] = check(parts, read_parts(old), read_parts(new))
    assert (dev.story, dev.view) == ("footer/0/default", "accept")
    assert (dev.expected, dev.found) == ("Side 1 af 3", "Side 1 af 4")


def test_lost_text_is_named_commented_and_counted(tmp_path: Path) -> None:
    old, new = _lost_footer(tmp_path)
    result = compare_packages(read_package(old), read_package(new), "T", "2026-02-01T09:00:00Z")
    assert result.deviations == [
        "I sidefoden (sektion 1): afvis alle giver ikke den ældre version. "
        f"Forventet „{OLD_FOOTER}“, men redlinen giver „(ingen tekst)“."
    ]
    comments = zipfile.ZipFile(io.BytesIO(result.data)).read("word/comments.xml").decode()
    assert "aftale kunne ikke spore ændringen her fuldt ud" in comments
    assert OLD_FOOTER in comments


def test_cli_exits_3_and_names_the_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _lost_footer(tmp_path)
    out = tmp_path / "r.docx"
    result = run_cli(capsys, "sammenlign", str(old), str(new), "-o", str(out))
    assert result.code == 3
    assert "Fejl: redlinen er ikke fuldstændig. 1 sted kunne ikke spores" in result.err
    assert "Runde v1→v2: I sidefoden (sektion 1)" in result.err
    assert OLD_FOOTER in result.err
    assert "--tillad-afvigelser" in result.err
    assert "Traceback" not in result.err
    assert out.exists()  # written, with the comment, but not presented as complete


def test_cli_allows_deviations_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _lost_footer(tmp_path)
    out = tmp_path / "r.docx"
    args = ("sammenlign", str(old), str(new), "-o", str(out), "--tillad-afvigelser")
    result = run_cli(capsys, *args)
    assert result.code == 0
    assert result.err.startswith("Advarsel: redlinen er ikke fuldstændig.")


def test_message_names_the_clause_heading_and_cuts_at_words() -> None:
    long = "Medarbejderen kan arbejde hjemme " + "efter aftale med lederen " * 6 + "to dage."
    dev = Deviation("body", "accept", long, long.replace("to dage", "tre dage"), 3)
    text = message_da(dev, "§ 4 Omfang")
    assert text.startswith("Under „§ 4 Omfang“: acceptér alle giver ikke den nyeste version.")
    assert "to dage." in text and "tre dage." in text
    assert "…" in text


def test_excerpt_cuts_at_word_boundaries() -> None:
    text = " ".join(f"ord{n}" for n in range(40))
    cut = excerpt(text, text.index("ord20"))
    assert cut.startswith("…ord") and cut.endswith("…")
    assert all(word.startswith("ord") for word in cut.strip("…").split())
    assert "ord20" in cut
