"""Topics in Danish and the assessment column: from anchors, headings, wording and the library."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembler.audit import document, review
from assembler.compare import views
from assembler.compare.assess import ChangeFacts, FindingsAssessor
from assembler.compare.model import Round, Version
from assembler.compare.overview import danish_date
from assembler.compare.rounds import compare_versions
from assembler.errors import InputFileError
from assembler.rules.model import Finding
from tests.unit.compare.fixtures import make_docx, para
from tests.unit.compare.overview_fixtures import H, clause_doc, compare, rows, variant_text

TITLE = "Lokalaftale om fast tilbagevendende hjemmearbejde"
UNDTAGELSER = "Ændring af planlagte hjemmearbejdsdage og adgang til arbejdsplads"
DESK = {"skrivebord": "Eget skrivebord bevares"}
CORE = "Medarbejderne kan træffes i kernetiden kl. 9.00 til kl. 14.00 på hjemmearbejdsdage."


def _local(clauses: list[tuple[str, list[str]]], anchors: dict[str, str] | None = None) -> bytes:
    """A local agreement: its title, then one Heading 1 per clause (optionally anchored)."""
    body = [para(TITLE)]
    for heading, paragraphs in clauses:
        body.append(para(heading, style=H, anchor=(anchors or {}).get(heading, "")))
        body.extend(para(text) for text in paragraphs)
    return make_docx(body)


def test_topic_from_the_anchor_is_the_librarys_danish_title(tmp_path: Path) -> None:
    anchors = {"Kontakt": "_Aft_tilgaengelighed__fikstid", "Formål": "_Aft_formaal__opgaveloesning"}
    old = _local(
        [("Formål", ["Aftalen skal fremme fleksibiliteten."]), ("Kontakt", [CORE])], anchors
    )
    new = _local(
        [
            ("Formål", ["Aftalen skal fremme fleksibiliteten."]),
            ("Kontakt", [CORE.replace("9.00", "8.00")]),
        ],
        anchors,
    )
    [row] = rows(tmp_path, old, new)
    assert (row.heading, row.topic, row.topic_title) == (
        "Kontakt",
        "tilgaengelighed",
        "Tilgængelighed",
    )


def test_without_anchors_topics_are_found_by_heading_and_wording(tmp_path: Path) -> None:
    travel = (
        "Befordring til arbejdsstedet godtgøres ikke. "
        "Befordring til møder godtgøres efter reglerne."
    )
    old = _local(
        [("Kernetid", [CORE]), ("Diverse", [travel]), ("Andet", ["Parterne mødes årligt."])]
    )
    new = _local(
        [
            ("Kernetid", [CORE.replace("14.00", "15.30")]),
            ("Diverse", [travel.replace("ikke", "kun ud over normal transport")]),
            ("Andet", ["Parterne mødes hvert halve år."]),
        ]
    )
    got = {r.heading: (r.topic, r.topic_title) for r in rows(tmp_path, old, new)}
    assert got == {
        "Kernetid": ("tilgaengelighed", "Tilgængelighed"),  # by its heading
        "Diverse": ("transport", "Transport på hjemmearbejdsdage"),  # by its wording
        "Andet": ("", ""),  # nothing recognisable: left empty rather than guessed
    }


def test_a_clause_that_now_matches_another_variant_says_whose_favour(tmp_path: Path) -> None:
    notice = {**DESK, "varsel_dage": "3"}
    old = _local(
        [(UNDTAGELSER, variant_text("lokal", "undtagelser", "indkaldelse_varsel", notice))]
    )
    new = _local([(UNDTAGELSER, variant_text("lokal", "undtagelser", "konkret_vurdering", DESK))])
    got = rows(tmp_path, old, new)
    assert len(got) > 1
    assert {r.topic_title for r in got} == {"Ændring af planlagte hjemmearbejdsdage"}
    assert got[0].assessment.startswith(  # then tjek's R93 on the notice that is no longer fixed
        "Punktet svarer nu til bibliotekets variant 'Ledelsens konkrete vurdering' "
        "(arbejdsgivervenlig) i stedet for 'Indkaldelse med varsel' (balanceret)."
    )
    assert all(r.assessment == "" for r in got[1:])  # said once per clause


def test_same_variant_with_other_values_names_the_values(tmp_path: Path) -> None:
    def text(days: str) -> list[str]:
        return variant_text(
            "lokal", "undtagelser", "indkaldelse_varsel", {**DESK, "varsel_dage": days}
        )

    [row] = rows(tmp_path, _local([(UNDTAGELSER, text("5"))]), _local([(UNDTAGELSER, text("2"))]))
    assert row.assessment == (
        "Punktet er stadig bibliotekets variant 'Indkaldelse med varsel' (balanceret) med andre "
        "værdier: Varsel for fremmøde (arbejdsdage): 5 → 2."
    )


def test_no_assessment_when_the_library_cannot_be_sure(tmp_path: Path) -> None:
    old = _local([(UNDTAGELSER, ["Fremmøde aftales i hvert enkelt tilfælde."])])
    new = _local([(UNDTAGELSER, ["Fremmøde aftales med nærmeste leder i hvert enkelt tilfælde."])])
    [row] = rows(tmp_path, old, new)
    assert row.topic == "undtagelser" and row.assessment == ""


def test_an_assessor_plugs_in_and_gets_whole_texts(tmp_path: Path) -> None:
    seen: list[ChangeFacts] = []

    def shortened_notice(change: ChangeFacts) -> str | None:
        seen.append(change)
        if "dagen før" in change.after and "arbejdsdag" in change.before:
            return "Varslet er forkortet fra tre arbejdsdage til dagen før."
        return None

    notice = "Fremmødet varsles senest på den 3. arbejdsdag før den pågældende dag."
    old = _local([(UNDTAGELSER, [notice, "Kortere varsel kan aftales."])])
    new = _local([(UNDTAGELSER, ["Fremmødet varsles senest kl. 12 dagen før.", "Et nyt afsnit."])])
    for k, data in enumerate((old, new), start=1):
        (tmp_path / f"v{k}.docx").write_bytes(data)
    paths = [tmp_path / "v1.docx", tmp_path / "v2.docx"]
    [rnd] = compare_versions(paths, [], [], assessors=[shortened_notice])
    first, second = (r.assessment for r in rnd.rows)  # tjek's own R93 finding comes first
    assert first.endswith("\nVarslet er forkortet fra tre arbejdsdage til dagen før.")
    assert second == ""
    assert seen[0].topic == "undtagelser" and seen[0].agreement == "lokal"
    assert seen[0].before == notice and seen[0].clause_before is not None
    assert notice in seen[0].clause_before


def test_findings_assessor_reports_the_newer_versions_findings_by_topic() -> None:
    def finding(rule: str, topic: str) -> Finding:
        return Finding(
            rule, "advarsel", f"Besked om {topic}.", "S2 (Medst)", "v2.docx", topic=topic
        )

    assessor = FindingsAssessor([finding("R2", "udstyr"), finding("R9", "")])
    facts = ChangeFacts("lokal", "udstyr", "changed", "a", "b", "a", "b")
    assert assessor(facts) == "R2 (advarsel): Besked om udstyr. Kilde: S2 (Medst)."
    assert assessor(ChangeFacts("lokal", "omfang", "changed", "a", "b", "a", "b")) is None
    assert assessor(ChangeFacts("lokal", "", "changed", "a", "b", "a", "b")) is None


def test_an_unreadable_version_is_noted_not_hidden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, *args: object, **kw: object) -> object:
        raise InputFileError(f"{path.name}: kan ikke læses.")

    monkeypatch.setattr(document, "read_draft", refuse)
    monkeypatch.setattr(review, "audit", lambda library, path, **kw: refuse(path))
    old = clause_doc([("Omfang", ["To dage om ugen med hjemmearbejde."])])
    new = clause_doc([("Omfang", ["Tre dage om ugen med hjemmearbejde."])])
    [rnd] = compare(tmp_path, old, new)
    assert [r.label for r in rnd.rows] == ["afsnit ændret"]
    assert any("oversigten mangler emner og vurdering" in n and "v2.docx" in n for n in rnd.notes)


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("2027-03-02T09:00:00Z", "2. marts 2027"),
        ("2027-03-01T23:30:00Z", "2. marts 2027"),  # already 2 March in Copenhagen
        ("2027-07-31T22:30:00Z", "1. august 2027"),  # summer time: UTC+2
        ("2027-01-31T22:30:00Z", "31. januar 2027"),  # winter time: UTC+1
        ("2027-03-28T00:30:00Z", "28. marts 2027"),  # the night summer time begins
        ("2027-10-30T23:10:00Z", "31. oktober 2027"),  # the night it ends
        ("2027-12-31T23:59:00+00:00", "1. januar 2028"),
        ("2027-06-01T08:00:00+02:00", "1. juni 2027"),  # an offset of its own
        ("1899-12-31T23:05:00Z", "1. januar 1900"),  # before 1900: the database decides
    ],
)
def test_round_dates_are_danish_days(stamp: str, day: str) -> None:
    version = Version(Path("v2.docx"), "Ledelsen", stamp)
    rnd = Round("v1→v2", version, version, b"", [], {})
    assert danish_date(rnd) == day


def _environment(text: str) -> bytes:
    return make_docx([para(TITLE), para("Arbejdsmiljø", style=H), para(text)])


APV = "Arbejdspladsvurderingen omfatter hjemmearbejdet, uanset dets omfang."
NO_APV = "Medarbejderen sørger selv for en god arbejdsstilling derhjemme."


def test_tjeks_findings_on_the_newer_version_assess_the_clause(tmp_path: Path) -> None:
    [row] = rows(tmp_path, _environment(APV), _environment(NO_APV))
    assert row.topic == "arbejdsmiljoe"
    assert row.assessment.startswith("R62 (advarsel): Lokalaftalen nævner ikke")
    assert "Kilde: S1" in row.assessment  # every legal statement keeps its source


def test_a_long_newer_version_is_not_audited_and_the_note_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "MAX_AUDIT_PARAGRAPHS", 2)
    [rnd] = compare(tmp_path, _environment(APV), _environment(NO_APV))
    assert [r.assessment for r in rnd.rows] == [""]
    assert rnd.rows[0].topic_title == "Arbejdsmiljø"  # topics are still named
    assert rnd.notes == [
        "v2.docx har 3 afsnit; over 2 køres reglerne ikke som en del af oversigten, så "
        "vurderingen bygger kun på klausulbiblioteket. Kør 'aftale tjek v2.docx' for regelfund."
    ]
