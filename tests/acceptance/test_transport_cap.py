"""A counterparty's change to the transport clause's cap, end to end: `aftale tjek` says what the
change does to the cap and in whose favour, `aftale sammenlign`'s overview names the values, and
`aftale modforslag` lets a lifted cap stand and restores a lowered one (it drafts for the
employees' side)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from assembler.library.model import Library
from assembler.render.templates import TemplateSet
from tests.acceptance.test_tjek_cli import aftale
from tests.transport_caps import CAP, local_with_caps
from tests.unit.audit.comment_ranges import covered_texts
from tests.unit.compare.oracle import document_view

LIFTED = (
    "Loftet på 50 kilometer hver vej over befordringsgodtgørelsen og loftet på én time hver vej "
    "over rejsetiden er fjernet, så der ydes befordringsgodtgørelse for hele afstanden, og hele "
    "rejsetiden medregnes i arbejdstiden."
)
LOWERED = (
    "Loftet over befordringsgodtgørelsen er sænket fra 50 kilometer til 30 kilometer hver vej."
)
SOURCE = "Kilde: S1 (Akademikerne: Vejledning til indgåelse af lokalaftaler om hjemmearbejde"


@pytest.fixture(scope="module")
def folder(
    library: Library, templates: TemplateSet, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """Our local agreement with both caps (variant hjemmet_arbejdssted), and three drafts of it:
    the cap paragraph deleted, the distance cap lowered to 30 km, the whole clause deleted."""
    folder = tmp_path_factory.mktemp("transport")
    ours = local_with_caps(library, templates, folder / "vores.docx")
    document = docx.Document(str(ours))
    assert sum(p.text.startswith(CAP) for p in document.paragraphs) == 1

    deleted = docx.Document(str(ours))
    for p in deleted.paragraphs:
        if p.text.startswith(CAP):
            p._p.getparent().remove(p._p)
    deleted.save(str(folder / "loft-slettet.docx"))

    lowered = docx.Document(str(ours))
    paragraph = next(p for p in lowered.paragraphs if p.text.startswith(CAP))
    run = next(r for r in paragraph.runs if "50" in r.text)
    run.text = run.text.replace("50", "30")
    lowered.save(str(folder / "loft-saenket.docx"))

    whole = docx.Document(str(ours))
    heading = next(p for p in whole.paragraphs if p.text == "Transport på hjemmearbejdsdage")
    doomed, seen = [], False
    for p in whole.paragraphs:
        if p._p is heading._p:
            seen = True
        elif seen and p.style.name.startswith("Heading"):
            break
        if seen:
            doomed.append(p._p)
    for element in doomed:
        element.getparent().remove(element)
    whole.save(str(folder / "transport-slettet.docx"))
    return folder


def _changes(folder: Path, name: str) -> list[dict[str, str]]:
    result = aftale("tjek", folder / name, "--json", "-o", folder / "json", "--overskriv")
    assert result.returncode == 0, result.stderr
    changes: list[dict[str, str]] = json.loads(result.stdout)["aendringer"]
    return changes


def test_tjek_says_a_deleted_cap_lifts_the_cap(folder: Path) -> None:
    result = aftale("tjek", folder / "loft-slettet.docx", "-o", folder / "tekst", "--overskriv")
    assert result.returncode == 0 and result.stderr == ""
    out = result.stdout
    assert (
        f"Transport på hjemmearbejdsdage (slettet): {LIFTED} [til fordel for medarbejderne]" in out
    )
    assert SOURCE in out
    assert "befordringsgodtgørelse, er fjernet" not in out and "arbejdsgiveren]" not in out
    [change] = _changes(folder, "loft-slettet.docx")
    assert (change["emne"], change["aendring"], change["vurdering"]) == (
        "transport", "slettet", LIFTED,
    )  # fmt: skip
    assert change["til_fordel_for"] == "medarbejderne" and change["kilde"].startswith("S1 (")
    comments = [t for t, _ in covered_texts(folder / "tekst" / "loft-slettet-gennemgang.docx")]
    comment = next(t for t in comments if t.startswith("Slettet"))
    assert LIFTED in comment and SOURCE in comment
    assert "Vurdering: til fordel for medarbejderne. Ændringen kan accepteres." in comment
    assert "Kræv afsnittet genindsat" not in comment


def test_tjek_on_a_lowered_cap_and_a_deleted_clause(folder: Path) -> None:
    [lowered] = _changes(folder, "loft-saenket.docx")
    assert (lowered["aendring"], lowered["vurdering"], lowered["til_fordel_for"]) == (
        "ændret", LOWERED, "arbejdsgiveren",
    )  # fmt: skip
    [whole] = _changes(folder, "transport-slettet.docx")
    assert (whole["aendring"], whole["til_fordel_for"]) == ("slettet", "arbejdsgiveren")
    assert whole["vurdering"] == (
        "Bestemmelsen om, at rejsetiden fra hjemmet medregnes i arbejdstiden, og at der ydes "
        "befordringsgodtgørelse regnet fra hjemmet, er fjernet."
    )


def _overview(folder: Path, name: str) -> tuple[str, list[dict[str, object]]]:
    """`aftale sammenlign vores.docx NAME --oversigt`: the terminal's text and the sheet's rows."""
    sheet = folder / f"{Path(name).stem}-oversigt.xlsx"
    result = aftale("sammenlign", folder / "vores.docx", folder / name,
                    "-o", folder / f"{Path(name).stem}-redline.docx", "--oversigt", sheet,
                    "--overskriv")  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = list(load_workbook(sheet)["Oversigt"].iter_rows(values_only=True))
    assert "Vurdering" in rows[0]
    return result.stdout, [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_sammenlign_overview_says_what_tjek_says(folder: Path) -> None:
    """The overview's row for the deleted cap has tjek's sentence, favour and source first,
    then the library's reading of the values."""
    out, body = _overview(folder, "loft-slettet.docx")
    [row] = [r for r in body if r["Overskrift"] == "Transport på hjemmearbejdsdage"]
    assert row["Ændring"] == "afsnit slettet" and str(row["Før"]).startswith(CAP)
    lines = str(row["Vurdering"]).split("\n")
    assert lines[0] == f"{LIFTED} Ændringen er til fordel for medarbejderne. {SOURCE} i det " \
        "offentlige (ca. 2021))."  # fmt: skip
    assert "Loft over afstanden (km hver vej): 50 kilometer → (udeladt)" in lines[1]
    assert "Loft over rejsetiden (timer hver vej): én time → (udeladt)" in lines[1]
    assert "arbejdsgiveren" not in str(row["Vurdering"])
    assert "Loftet på 50" in out  # the terminal's table shows the same rows


def test_sammenlign_overview_on_a_lowered_cap_and_a_deleted_clause(folder: Path) -> None:
    _, lowered = _overview(folder, "loft-saenket.docx")
    [row] = [r for r in lowered if r["Overskrift"] == "Transport på hjemmearbejdsdage"]
    assert str(row["Vurdering"]).startswith(
        f"{LOWERED} Ændringen er til fordel for arbejdsgiveren. {SOURCE}"
    )
    _, whole = _overview(folder, "transport-slettet.docx")
    rows = [r for r in whole if r["Overskrift"] == "Transport på hjemmearbejdsdage"]
    assert rows[0]["Ændring"] == "punkt slettet"
    assert str(rows[0]["Vurdering"]).startswith(
        "Bestemmelsen om, at rejsetiden fra hjemmet medregnes i arbejdstiden, og at der ydes "
        "befordringsgodtgørelse regnet fra hjemmet, er fjernet. Ændringen er til fordel for "
        f"arbejdsgiveren. {SOURCE}"
    )
    said = "\n".join(str(r["Vurdering"] or "") for r in rows)
    assert "Loftet" not in said  # the caps went with the grant: no sentence of their own


def test_modforslag_lets_a_lifted_cap_stand(folder: Path) -> None:
    out = folder / "modforslag-slettet.docx"
    result = aftale("modforslag", folder / "loft-slettet.docx", "-o", out, "--overskriv")
    assert result.returncode == 0, result.stderr
    assert "Udkastet giver ikke anledning til ændringer" in result.stdout
    assert f"Modpartens ændringer, vi lader stå (til fordel for medarbejderne eller neutrale):\n" \
           f"  Transport på hjemmearbejdsdage: {LIFTED}" in result.stdout  # fmt: skip
    views = {view: document_view(out.read_bytes(), view)["body"] for view in ("accept", "reject")}
    assert views["accept"] == views["reject"]  # no change to the body: the cap stays gone
    assert not any(CAP in line for line in views["accept"])


def test_modforslag_restores_a_lowered_cap(folder: Path) -> None:
    out = folder / "modforslag-saenket.docx"
    result = aftale("modforslag", folder / "loft-saenket.docx", "-o", out, "--overskriv")
    assert result.returncode == 0, result.stderr
    assert "Modforslag med 1 ændring" in result.stdout
    comments = [t for t, _ in covered_texts(out)]
    assert comments == [
        "Vi fastholder formuleringen fra vores udkast. Ændringen betyder, at loftet over "
        "befordringsgodtgørelsen er sænket fra 50 kilometer til 30 kilometer hver vej."
    ]
    accepted = document_view(out.read_bytes(), "accept")["body"]
    rejected = document_view(out.read_bytes(), "reject")["body"]
    assert any(line.startswith(CAP) for line in accepted)  # ours again, once accepted
    assert any(line.startswith(CAP.replace("50", "30")) for line in rejected)
    with zipfile.ZipFile(out) as package:
        assert b"w:ins" in package.read("word/document.xml")
