"""`aftale tjek UDKAST --mod VORES` and `aftale modforslag`, run as a user would: exit codes,
stdout and stderr apart, and the written documents reopened."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import docx
import pytest

from assembler.library.model import Library
from assembler.render.templates import TemplateSet
from tests.acceptance.test_tjek_cli import aftale
from tests.unit.audit import drafts
from tests.unit.audit.comment_ranges import covered_texts
from tests.unit.compare.oracle import document_view
from tests.unit.rules.helpers import example_raw, write_raw


@pytest.fixture(scope="module")
def round_two(library: Library, templates: TemplateSet,
              tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:  # fmt: skip
    """Our local agreement, and their draft retyped without our embedded answers (a new file in
    Word): only --mod can tell what changed."""
    folder = tmp_path_factory.mktemp("cli")
    ours, edited = drafts.our_round(library, templates, folder)
    ours = ours.rename(folder / "vores.docx")
    retyped = docx.Document()
    for paragraph in docx.Document(str(edited)).paragraphs:
        style = "Heading 1" if paragraph.style.name.startswith("Heading") else None
        retyped.add_paragraph(paragraph.text, style=style)
    theirs = folder / "udkast.docx"
    retyped.save(str(theirs))
    return ours, theirs


def test_tjek_mod_lists_each_change_with_its_effect(round_two: tuple[Path, Path]) -> None:
    ours, theirs = round_two
    plain = aftale("tjek", theirs)
    assert "Ændringer i forhold til" not in plain.stdout  # no answers embedded: nothing to compare
    result = aftale("tjek", theirs, "--mod", ours)
    assert result.returncode == 0 and result.stderr == ""
    out = result.stdout
    assert "Ændringer i forhold til vores.docx" in out
    assert "Varslet for fremmøde er forkortet fra tre arbejdsdage til dagen før kl. 12. " \
           "[til fordel for arbejdsgiveren]" in out  # fmt: skip
    assert "variant '" not in out and "(Balanceret)" not in out  # plain Danish for a union rep
    assert "Arbejdsgiveren har fået ret til ensidigt at indstille hjemmearbejdet" in out
    assert "Kernetiden er udvidet fra kl. 9.00–14.30 til kl. 8.30–15.30" in out
    assert "flyttet fra § 4 til § 6" in out  # the demo moves Frivillighed behind the process clause
    for rule in ("R92", "R93", "R94", "R95"):
        assert rule in out
    comments = covered_texts(theirs.with_name("udkast-gennemgang.docx"))
    notice = next(
        words for text, words in comments if text.startswith("Ændret") and "Varslet" in text
    )
    assert notice == "senest kl. 12 dagen før."
    data = json.loads(aftale("tjek", theirs, "--mod", ours, "--json").stdout)
    assert data["sammenlignet_med"] == "vores.docx"
    assert {c["til_fordel_for"] for c in data["aendringer"]} >= {"arbejdsgiveren", "neutral"}


def test_tjek_mod_needs_a_docx_and_the_same_kind(round_two: tuple[Path, Path], tmp_path: Path,
                                                 library: Library) -> None:  # fmt: skip
    ours, theirs = round_two
    answers = write_raw(example_raw(library), tmp_path / "svar.yaml")
    wrong = aftale("tjek", answers, "--mod", ours)
    assert wrong.returncode == 1 and wrong.stderr.startswith("Fejl: --mod kan kun bruges")
    individual = drafts.individual(tmp_path)
    mixed = aftale("tjek", theirs, "--mod", individual)
    assert mixed.returncode == 1 and "er en individuel aftale, men udkastet er en lokalaftale" \
        in mixed.stderr  # fmt: skip
    assert "Traceback" not in mixed.stderr


def test_modforslag_writes_tracked_changes_with_comments(tmp_path: Path) -> None:
    draft = drafts.local_compulsion(tmp_path)
    out = tmp_path / "svar" / "modforslag.docx"
    notes = tmp_path / "svar" / "noter.txt"
    result = aftale("modforslag", draft, "-o", out, "--forfatter", "HK Stat", "--dato",
                    "2027-02-01", "--noter", notes)  # fmt: skip
    assert result.returncode == 0 and result.stderr == ""
    assert "Vores position: bibliotekets standardposition for medarbejdersiden." in result.stdout
    assert "Kommentar til modparten: Vi foreslår sætningen slettet. Hjemmearbejde er frivilligt " \
           "for begge parter efter rammeaftalen om distancearbejde" in result.stdout  # fmt: skip
    assert "       – R90 (fejl): Udkastet lader Arbejdsgiveren pålægge" in result.stdout
    assert "Ikke besvaret i modforslaget" in result.stdout  # evaluation needs a date: said so
    data = out.read_bytes()
    assert document_view(data, "reject") == document_view(draft.read_bytes(), "reject")
    accepted = document_view(data, "accept")["body"]
    assert "Frivillighed" in accepted
    assert not any("pålægge medarbejderne" in line for line in accepted)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert 'w:author="HK Stat"' in xml and 'w:date="2027-02-01T00:00:00Z"' in xml
    comments = [t for t, _ in covered_texts(out)]
    amendments = [line for line in result.stdout.splitlines() if re.match(r"  \d+\. ", line)]
    assert len(comments) == len(amendments) > 0
    for text in comments:  # to management: our proposal and its grounds, nothing internal
        assert text.startswith("Vi ") and not re.search(r"Kilde|R\d\d|S\d|Kræv|variant", text)
        assert f"Kommentar til modparten: {text}" in result.stdout
    written = notes.read_text(encoding="utf-8")
    assert written.startswith("Interne noter til modforslaget modforslag.docx – sendes ikke")
    assert "– R90 (fejl)" in written and "Kilde: S1 (Akademikerne" in written
    assert f"Interne noter: {notes}" in result.stdout
    again = aftale("modforslag", draft, "-o", tmp_path / "andet.docx", "--noter", notes)
    assert again.returncode == 1 and "--overskriv" in again.stderr  # the notes are not clobbered


def test_modforslag_never_overwrites_and_explains(tmp_path: Path) -> None:
    draft = drafts.local_numbered(tmp_path)
    out = tmp_path / "modforslag.docx"
    assert aftale("modforslag", draft, "-o", out).returncode == 0
    again = aftale("modforslag", draft, "-o", out)
    assert again.returncode == 1 and "--overskriv" in again.stderr and again.stdout == ""
    assert aftale("modforslag", draft, "-o", out, "--overskriv").returncode == 0
    same = aftale("modforslag", draft, "-o", draft, "--overskriv")
    assert same.returncode == 1 and "må ikke erstatte modpartens udkast" in same.stderr
    parties = [("Parter", "Aftalen er indgået mellem A og B.")]
    unknown = drafts.write_draft(tmp_path / "uden_sektor.docx", "Lokalaftale", parties, True)
    no_sector = aftale("modforslag", unknown, "-o", tmp_path / "x.docx")
    assert no_sector.returncode == 1 and "Angiv --sektor" in no_sector.stderr
    assert "Traceback" not in no_sector.stderr


def test_modforslag_help_is_danish() -> None:
    result = aftale("modforslag", "--help")
    assert result.returncode == 0
    for text in ("Brug:", "sporede ændringer", "--svar", "--forfatter", "--overskriv", "--noter"):
        assert text in result.stdout
