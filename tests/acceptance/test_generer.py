"""`aftale generer`, `aftale demo`, `aftale klausuler` end to end, reopening what was written."""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

import docx
import pytest
import yaml

from assembler.answers.files import load_raw
from assembler.ooxml.customxml import read_payload
from assembler.ooxml.package import read_package
from assembler.workflows import EXAMPLE_ANSWERS
from tests.acceptance.cli_helpers import run_cli
from tests.conftest import convert_with_libreoffice
from tests.docx_text import full_text, paragraphs


def _answers_file(tmp_path: Path, change: dict | None = None) -> Path:
    raw = copy.deepcopy(load_raw(EXAMPLE_ANSWERS))
    for dotted, value in (change or {}).items():
        target = raw
        keys = dotted.split(".")
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        if value is None:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value
    path = tmp_path / "svar.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_demo_writes_example_and_agreements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "demo"
    result = run_cli(capsys, "demo", "-o", str(out))
    assert result.code == 0, result.err
    assert (out / "eksempel-svar.yaml").read_bytes() == EXAMPLE_ANSWERS.read_bytes()
    local = out / "lokalaftale.docx"
    individual = sorted((out / "individuelle").glob("*.docx"))
    assert len(individual) == 3
    text = full_text(local)
    assert "Lokalaftale om fast tilbagevendende hjemmearbejde" in text
    assert "Styrelsen for Digital Borgerservice" in text
    assert "1. marts 2027" in text
    person = full_text(individual[0])
    assert "Anne Søgaard Østergaard" in person and "Østerbrogade 112" in person
    assert "lokalaftale.docx" in result.out


def test_generated_headings_are_numbered_by_word(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ud"
    assert run_cli(capsys, "generer", str(_answers_file(tmp_path)), "-o", str(out)).code == 0
    document = docx.Document(str(out / "lokalaftale.docx"))
    headings = [
        p for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"
    ]
    assert len(headings) >= 14
    assert not any(h.text.lstrip().startswith("§") for h in headings), (
        "nummeret må ikke være tastet"
    )
    style_numpr = document.styles["Heading 1"].element.pPr.numPr
    assert style_numpr is not None
    numbering = document.part.numbering_part.element.xml
    assert 'w:val="§ %1."' in numbering


def test_bookmarks_and_embedded_answers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ud"
    assert run_cli(capsys, "generer", str(_answers_file(tmp_path)), "-o", str(out)).code == 0
    package = read_package(out / "lokalaftale.docx")
    xml = package.parts["word/document.xml"].decode()
    assert 'w:name="_Aft_tilgaengelighed__fikstid"' in xml
    assert xml.count("<w:bookmarkStart") == xml.count("<w:bookmarkEnd")
    payload = read_payload(package)
    assert payload is not None
    assert payload["sektor"] == "stat"
    assert payload["svar"]["omraade"]["max_dage_pr_uge"] == 2
    assert payload["bibliotek"].startswith("2026.11.2+")


def test_escaping_and_quotes_survive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = _answers_file(
        tmp_path,
        {"lokalaftale.parter.arbejdsgiver": "Region H & Co <AS>",
         "medarbejdere.0.parter.stilling": "„Seniorkonsulent“ »IT«"},
    )  # fmt: skip
    out = tmp_path / "ud"
    assert run_cli(capsys, "generer", str(answers), "-o", str(out)).code == 0
    assert "Region H & Co <AS>" in full_text(out / "lokalaftale.docx")
    first = sorted((out / "individuelle").glob("*.docx"))[0]
    assert "„Seniorkonsulent“ »IT«" in full_text(first)
    assert "Region H & Co <AS>" in full_text(first)


def test_missing_answer_is_named_in_danish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = _answers_file(tmp_path, {"lokalaftale.evaluering.evalueringsdato": None,
                                       "medarbejdere.1.parter.navn": None})  # fmt: skip
    out = tmp_path / "ud"
    result = run_cli(capsys, "generer", str(answers), "-o", str(out))
    assert result.code == 1
    assert "Fejl:" in result.err
    assert "lokalaftale.evaluering.evalueringsdato: mangler" in result.err
    assert "medarbejdere[2].parter.navn: mangler" in result.err
    assert "Traceback" not in result.err
    assert not out.exists() or not any(out.iterdir())


def test_never_overwrites_without_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = _answers_file(tmp_path)
    out = tmp_path / "ud"
    assert run_cli(capsys, "generer", str(answers), "-o", str(out)).code == 0
    before = (out / "lokalaftale.docx").read_bytes()
    result = run_cli(capsys, "generer", str(answers), "-o", str(out))
    assert result.code == 1 and "--overskriv" in result.err
    assert (out / "lokalaftale.docx").read_bytes() == before
    assert run_cli(capsys, "generer", str(answers), "-o", str(out), "--overskriv").code == 0
    assert not [p for p in out.iterdir() if p.name.startswith(".aftale-")]


def test_same_input_gives_same_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = _answers_file(tmp_path)
    for name in ("a", "b"):
        assert run_cli(capsys, "generer", str(answers), "-o", str(tmp_path / name)).code == 0
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.docx"))
    assert len(files) == 4
    for rel in files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()


def test_output_has_no_template_tags_and_unique_bookmark_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ud"
    assert run_cli(capsys, "generer", str(_answers_file(tmp_path)), "-o", str(out)).code == 0
    for path in out.rglob("*.docx"):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.endswith(".xml"):
                    body = archive.read(name)
                    assert b"{{" not in body and b"{%" not in body, (path.name, name)
        xml = read_package(path).parts["word/document.xml"].decode()
        ids = [chunk.split('"')[0] for chunk in xml.split('<w:bookmarkStart w:id="')[1:]]
        assert len(ids) == len(set(ids))


def test_unknown_file_type_and_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "svar.txt"
    bad.write_text("x")
    result = run_cli(capsys, "generer", str(bad), "-o", str(tmp_path / "ud"))
    assert result.code == 1 and "ukendt filtype" in result.err
    result = run_cli(
        capsys, "generer", str(tmp_path / "findes-ikke.yaml"), "-o", str(tmp_path / "u")
    )
    assert result.code == 1 and "findes ikke" in result.err


def test_usage_errors_are_danish(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "generer")
    assert result.code == 2
    assert "Mangler argumentet" in result.err


def test_klausuler_lists_library_and_one_topic(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "klausuler")
    assert result.code == 0
    assert "tilgaengelighed" in result.out and "fikstid" in result.out
    result = run_cli(capsys, "klausuler", "--emne", "oekonomi")
    assert result.code == 0
    assert "Opmærksomhedspunkter" in result.out and "S7" in result.out
    result = run_cli(capsys, "klausuler", "--emne", "findesikke")
    assert result.code == 1 and "findes ikke" in result.err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "--version")
    assert result.code == 0 and result.out.startswith("aftale ")


@pytest.mark.libreoffice
def test_agreements_convert_in_libreoffice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], soffice: str
) -> None:
    out = tmp_path / "ud"
    assert run_cli(capsys, "generer", str(_answers_file(tmp_path)), "-o", str(out)).code == 0
    for source in [out / "lokalaftale.docx", sorted((out / "individuelle").glob("*.docx"))[0]]:
        text = convert_with_libreoffice(soffice, source, tmp_path / "lo", "txt:Text").read_text(
            encoding="utf-8-sig", errors="replace"
        )
        assert "§ 1." in text and "§ 2." in text, "Word-nummereringen skal vises af LibreOffice"
        assert "hjemmearbejde" in text


def test_paragraphs_helper_sees_bullets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ud"
    assert run_cli(capsys, "generer", str(_answers_file(tmp_path)), "-o", str(out)).code == 0
    styles = {style for style, _ in paragraphs(out / "lokalaftale.docx")}
    assert {"Heading 1", "Normal", "List Bullet", "Title"} <= styles


def test_demo_outputs_are_byte_identical_run_to_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a", "b"):
        assert run_cli(capsys, "demo", "-o", str(tmp_path / name)).code == 0
    files = sorted(
        p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file()
    )
    assert {p.suffix for p in files} >= {".docx", ".xlsx", ".yaml", ".json", ".csv"}
    for rel in files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_own_letterhead_template_is_used_and_a_bad_one_is_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assembler.render.templates import template_path

    letterhead = docx.Document(str(template_path("lokal")))
    letterhead.paragraphs[0].insert_paragraph_before("STYRELSEN FOR DIGITAL BORGERSERVICE")
    own = tmp_path / "brevpapir.docx"
    letterhead.save(str(own))
    out = tmp_path / "ud"
    args = ["generer", str(_answers_file(tmp_path)), "-o", str(out), "--skabelon-lokal", str(own)]
    assert run_cli(capsys, *args).code == 0
    text = full_text(out / "lokalaftale.docx")
    assert text.startswith("STYRELSEN FOR DIGITAL BORGERSERVICE")
    assert "Tilgængelighed" in text

    letterhead.add_paragraph("Kontakt: {{ felter.parter.telefon }}")
    letterhead.save(str(own))
    result = run_cli(capsys, *args[:-1], str(own), "--overskriv")
    assert result.code == 1
    assert "brevpapir.docx" in result.err and "'felter.parter.telefon'" in result.err
    assert "Traceback" not in result.err
