"""Reopen generated agreements and check what Word shows: stk., cross-references, signatures,
header and footer, document properties, and LibreOffice's reading of all of it."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from assembler.answers.files import answers_from_raw, load_raw
from assembler.answers.model import Answers
from assembler.library.model import Library
from assembler.ooxml.ns import NS, qn
from assembler.render.document import render_agreement
from assembler.render.templates import TemplateSet
from assembler.workflows import EXAMPLE_ANSWERS
from tests.conftest import convert_with_libreoffice

HEADING_STYLE, STK_STYLE = "Heading 1", "Stk"


def _answers(library: Library, **changes: object) -> Answers:
    raw = copy.deepcopy(load_raw(EXAMPLE_ANSWERS))
    for dotted, value in changes.items():
        *path, last = dotted.split("__")
        target = raw
        for key in path:
            target = target[int(key)] if key.isdigit() else target[key]
        target[last] = value
    return answers_from_raw(library, raw, "test")


def _local(library: Library, templates: TemplateSet, **changes: object) -> bytes:
    answers = _answers(library, **changes)
    return render_agreement(templates.local, library, answers, answers.local)


def _individual(library: Library, templates: TemplateSet, index: int = 0) -> bytes:
    answers = _answers(library)
    return render_agreement(templates.individual, library, answers, answers.employees[index])


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _numbered_lines(data: bytes) -> list[str]:
    """Body paragraphs with the label Word's numbering gives them ("§ 3.", "Stk. 2.")."""
    document = docx.Document(io.BytesIO(data))
    lines, clause, stk = [], 0, 1
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if style == HEADING_STYLE:
            clause, stk = clause + 1, 1
            lines.append(f"§ {clause}. {paragraph.text}")
        elif style == STK_STYLE:
            stk += 1
            lines.append(f"Stk. {stk}. {paragraph.text}")
        elif paragraph.text:
            lines.append(paragraph.text)
    return lines


def test_the_stk_level_restarts_at_two_under_every_heading(
    library: Library, templates: TemplateSet
) -> None:
    data = _local(library, templates)
    numbering = _part(data, "word/numbering.xml")
    styles = _part(data, "word/styles.xml")
    stk_style = next(s for s in styles.iter(qn("w:style")) if s.get(qn("w:styleId")) == STK_STYLE)
    num_id = stk_style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
    ilvl = stk_style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:ilvl')}").get(qn("w:val"))
    num = next(n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a for a in numbering.iter(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == abstract_id
    )  # fmt: skip
    levels = {lvl.get(qn("w:ilvl")): lvl for lvl in abstract.iter(qn("w:lvl"))}
    # the same list as the § headings, one level down: it restarts after every heading
    assert levels["0"].find(qn("w:lvlText")).get(qn("w:val")) == "§ %1."
    assert levels["0"].find(qn("w:pStyle")).get(qn("w:val")) == "Heading1"
    assert ilvl == "1" and levels["1"].find(qn("w:lvlText")).get(qn("w:val")) == "Stk. %2."
    assert levels["1"].find(qn("w:start")).get(qn("w:val")) == "2"
    assert levels["1"].find(qn("w:lvlRestart")) is None  # default: restart after level 0


def test_first_paragraph_unnumbered_then_stk_and_bullets_belong_to_their_stk(
    library: Library, templates: TemplateSet
) -> None:
    lines = _numbered_lines(_local(library, templates))
    start = lines.index("§ 2. Aftalens område og definition")
    clause = lines[start : lines.index("§ 3. Ad hoc-hjemmearbejde")]
    assert clause[1].startswith("Ved hjemmearbejde forstås")  # the first paragraph: no number
    assert clause[2] == (
        "Stk. 2. Aftalen omfatter alene medarbejdere hos Arbejdsgiveren i følgende "
        "personalegrupper:"
    )
    assert clause[3:6] == [
        "fuldmægtige og specialkonsulenter,",
        "administrative medarbejdere omfattet af HK-overenskomsten og",
        "studentermedhjælpere.",
    ]  # the bullets of stk. 2: one sentence, punctuated as the other lists
    assert clause[6].startswith("Stk. 3. Andre personalegrupper kan først omfattes")
    assert clause[7].startswith("Stk. 4. Stillinger, hvis opgaver")
    assert clause[8].startswith("Stk. 5. Hjemmearbejdet kan for den enkelte medarbejder højst")
    assert clause[8].endswith("For deltidsansatte og timelønnede udgør loftet to femtedele af den "
                              "aftalte ugentlige arbejdstid, opgjort som gennemsnit over en "
                              "kalendermåned.")  # fmt: skip
    assert "§ 1. Aftalens parter" in lines and lines[lines.index("§ 1. Aftalens parter") + 2][
        :7
    ] == ("Stk. 2.")


def _fields(root: etree._Element) -> list[tuple[str, str]]:
    """(instruction, cached result) of every complex field in document order."""
    found, instruction, result, state = [], "", "", ""
    for run in root.iter(qn("w:r")):
        char = run.find(qn("w:fldChar"))
        if char is not None:
            kind = char.get(qn("w:fldCharType"))
            if kind == "begin":
                instruction, result, state = "", "", "instr"
            elif kind == "separate":
                state = "result"
            elif kind == "end":
                found.append((instruction.strip(), result))
                state = ""
            continue
        if state == "instr":
            instruction += "".join(t.text or "" for t in run.iter(qn("w:instrText")))
        elif state == "result":
            result += _text(run)
    return found


def test_cross_references_are_ref_fields_with_the_right_cached_number(
    library: Library, templates: TemplateSet
) -> None:
    data = _local(library, templates)
    root = _part(data, "word/document.xml")
    headings = [
        p for p in root.iter(qn("w:p"))
        if (s := p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")) is not None
        and s.get(qn("w:val")) == "Heading1"
    ]  # fmt: skip
    number_of = {}
    for number, heading in enumerate(headings, start=1):
        for mark in heading.iter(qn("w:bookmarkStart")):
            number_of[mark.get(qn("w:name"))] = number
    fields = [f for f in _fields(root) if f[0].startswith("REF ")]
    assert len(fields) >= 6
    for instruction, cached in fields:
        bookmark = re.fullmatch(r"REF (_Aft_\w+) \\n \\h", instruction)
        assert bookmark, instruction
        assert cached == f"§ {number_of[bookmark.group(1)]}"
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "reguleres i § 3." in text  # the visible text carries the cached number
    assert "Aftalens bestemmelse om" not in text and "\ue000" not in text


def test_an_individual_agreement_names_the_local_paragraph(
    library: Library, templates: TemplateSet
) -> None:
    text = "\n".join(
        p.text for p in docx.Document(io.BytesIO(_individual(library, templates))).paragraphs
    )
    local_lines = _numbered_lines(_local(library, templates))
    number = next(
        line for line in local_lines if line.endswith("Forholdet til de individuelle aftaler")
    )
    assert (
        f"følger lokalaftalens {number.split('.')[0]} om forholdet til de individuelle aftaler"
        in text
    )


def test_no_tool_provenance_in_print_but_in_the_properties(
    library: Library, templates: TemplateSet
) -> None:
    data = _local(library, templates)
    footer = _text(_part(data, "word/footer1.xml"))
    header = _text(_part(data, "word/header1.xml"))
    assert "Klausulbibliotek" not in footer + header and library.version not in footer + header
    assert "Side" in footer
    assert "Udkast 1 · 15. januar 2027" in header  # the example is a draft
    custom = _part(data, "docProps/custom.xml")
    values = {p.get("name"): _text_vt(p) for p in custom}
    assert values == {"Klausulbibliotek": library.version_label, "Aftaleversion": "Udkast 1"}
    core = _part(data, "docProps/core.xml")
    assert core.findtext(f"{{{NS['cp']}}}contentStatus") == "Udkast"
    document = docx.Document(io.BytesIO(data))  # python-docx reads the properties
    assert document.core_properties.content_status == "Udkast"


def _text_vt(prop: etree._Element) -> str:
    return "".join(prop.itertext())


@pytest.mark.parametrize(("version", "draft"), [("Endelig", False), ("Til underskrift", False),
                                                ("Forhandlingsudkast 2", True)])  # fmt: skip
def test_the_draft_line_appears_only_while_a_draft(
    library: Library, templates: TemplateSet, version: str, draft: bool
) -> None:
    data = _local(library, templates, version=version)
    header = _text(_part(data, "word/header1.xml"))
    assert (version in header) is draft and ("15. januar 2027" in header) is draft
    status = _part(data, "docProps/core.xml").findtext(f"{{{NS['cp']}}}contentStatus")
    assert status == ("Udkast" if draft else "Endelig")


def test_the_signature_block_keeps_with_the_last_clause(
    library: Library, templates: TemplateSet
) -> None:
    document = docx.Document(io.BytesIO(_local(library, templates)))
    paragraphs = document.paragraphs
    heading = next(i for i, p in enumerate(paragraphs) if p.style.name == "Underskrifter")
    last_clause_end = next(p for p in reversed(paragraphs[:heading]) if p.text)
    assert last_clause_end.paragraph_format.keep_with_next is True
    assert paragraphs[heading].style.paragraph_format.keep_with_next is True
    table = document.tables[0]
    for row in table.rows:
        assert row._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
        assert all(p.paragraph_format.keep_with_next for cell in row.cells for p in cell.paragraphs)


def _signature_cells(data: bytes) -> list[list[str]]:
    table = docx.Document(io.BytesIO(data)).tables[0]
    return [[p.text for p in cell.paragraphs] for row in table.rows for cell in row.cells]


def test_one_signature_per_organisation_unless_a_common_mandate(
    library: Library, templates: TemplateSet
) -> None:
    with_mandate = _signature_cells(_local(library, templates))
    assert with_mandate[0][0] == "For Styrelsen for Digital Borgerservice"
    assert with_mandate[0][-2:] == ["Lars Holm", "vicedirektør"]  # name and title apart
    assert with_mandate[1][0] == "For HK Stat, Djøf og Dansk Magisterforening"
    # one line binds the three organisations only on their written mandates, and says so
    assert with_mandate[1][-2:] == ["Mette Rasmussen", "fællestillidsrepræsentant, efter fuldmagt"]
    without = _signature_cells(_local(library, templates, lokalaftale__parter__mandat=False))
    parties = [cell[0] for cell in without if cell[0]]
    assert parties == [
        "For Styrelsen for Digital Borgerservice",
        "For HK Stat",
        "For Djøf",
        "For Dansk Magisterforening",
    ]
    assert all(cell[-2:] == ["Navn:", "Stilling:"] for cell in without[1:] if cell[0])
    named = _signature_cells(
        _local(
            library, templates, lokalaftale__parter__mandat=False,
            lokalaftale__underskrifter__organisationsunderskrivere=[
                "Lene Holm, faglig sekretær", "Peter Vang", "Sara Mikkelsen, chefkonsulent"
            ],
        )
    )  # fmt: skip
    signers = [cell[-2:] for cell in named[1:] if cell[0]]
    assert signers == [
        ["Lene Holm", "faglig sekretær"],
        ["Peter Vang", ""],
        ["Sara Mikkelsen", "chefkonsulent"],
    ]


def _annex_own_lines(sections: list[str]) -> list[str]:
    """The annex's own lines: everything but the model texts (from "Modeltekst…:" to the
    next "Oplysninger:", item title or list of arrangements)."""
    own, in_model = [], False
    for line in sections:
        if line.startswith("Modeltekst"):
            in_model = True
        elif line == "Oplysninger:" or line.startswith("Ordning") or re.match(r"\d+\. ", line):
            in_model = False
        if not in_model:
            own.append(line)
    return own


def test_the_template_is_annexed_when_the_answers_say_so(
    library: Library, templates: TemplateSet
) -> None:
    lines = _numbered_lines(_local(library, templates))
    annex = lines.index("Bilag 1. Den individuelle aftales indhold")
    sections = lines[annex + 2 :]  # after the title and the introduction
    assert "1. Den individuelle aftales parter" in sections and "13. Opsigelse" in sections
    assert any(line.startswith("Fast ugedag: ") for line in sections)
    # Only what this local agreement allows: Denmark only, voluntary, no working-time deviations,
    # compensation left to the individual agreement.
    assert not any(line.startswith("Adresse i udlandet") for line in sections)
    assert not any(line.startswith("Aftalt ved ansættelsen") for line in sections)
    assert not any(line.startswith(("Afvigelser efter", "Selvtilrettelagt")) for line in sections)
    assert not any(line.startswith("Som i lokalaftalen: Godtgørelsen") for line in sections)
    assert "Ordning: Almindelige arbejdstidsregler." in " ".join(sections)
    # »Aftalen« is the local agreement here: the annex's own words say "den individuelle aftale";
    # only the model texts, which the introduction says are the individual agreement's own words,
    # use its defined terms.
    own = _annex_own_lines(sections)
    assert not any(re.search(r"\b(Aftalen|Medarbejderen)", line) for line in own)
    assert any("opsige den individuelle aftale med en måneds varsel" in line for line in own)
    assert "I modelteksten betyder »Aftalen« den individuelle aftale" in lines[annex + 1]
    # The model text is the individual agreement's wording for what this local agreement allows:
    # local answers filled in, the individual's fields as blanks, its own cases named.
    model = [line for line in sections if line not in own]
    assert "Hjemmearbejdet udføres fra [adresse for hjemmearbejdet]." in model
    assert any("jf. lokalaftalens § 2, stk. 6." in line for line in model)  # Denmark only
    assert not any("udlandet, fx til rejser" in line for line in model)
    assert any(
        line.startswith("[Hvis »Internetforbindelse« er medarbejderens egen") for line in model
    )
    assert not any("{{" in line or "[hvis" in line for line in model)
    abroad = _numbered_lines(
        _local(library, templates, lokalaftale__omraade__udlandet_tilladt=True)
    )
    assert any(line.startswith("Adresse i udlandet: ") for line in abroad)
    without = _numbered_lines(
        _local(library, templates, lokalaftale__niveauer__skabelon_som_bilag=False)
    )
    assert not any(line.startswith("Bilag 1.") for line in without)
    assert any("på en skabelon, som parterne godkender i fællesskab" in line for line in without)


@pytest.mark.libreoffice
def test_libreoffice_shows_the_numbers_and_references(
    library: Library, templates: TemplateSet, soffice: str, tmp_path: Path
) -> None:
    for name, data in (("lokal", _local(library, templates)),
                       ("individuel", _individual(library, templates, 1))):  # fmt: skip
        source = tmp_path / f"{name}.docx"
        source.write_bytes(data)
        convert_with_libreoffice(soffice, source, tmp_path / "lo", "pdf")
        text = convert_with_libreoffice(soffice, source, tmp_path / "lo", "txt:Text").read_text(
            encoding="utf-8-sig"
        )
        assert "§ 1." in text and "Stk. 2." in text and "Stk. 3." in text
        if name == "lokal":
            assert "reguleres i § 3." in text and "følger § 20." in text
        else:
            assert "lokalaftalens § 16 om forsikring og erstatning" in text
            assert "efter § 13 berøres ikke heraf" in text
