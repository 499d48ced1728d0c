"""Both bundled examples, the state agency and the municipality, through `aftale demo`."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from assembler.answers.files import read_answers
from assembler.library.model import Library
from assembler.rules import check_answers
from assembler.workflows import EXAMPLES
from tests.acceptance.cli_helpers import run_cli
from tests.docx_text import full_text
from tests.unit.render.forbidden import problems_in


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_each_example_stays_inside_its_local_agreement(library: Library, example: str) -> None:
    answers = read_answers(library, EXAMPLES[example])
    assert answers.sector == example
    errors = [f for f in check_answers(library, answers) if f.severity == "fejl"]
    assert errors == []


def test_the_municipal_example_uses_the_variants_the_state_example_does_not(
    library: Library,
) -> None:
    state = read_answers(library, EXAMPLES["stat"])
    municipal = read_answers(library, EXAMPLES["kommune"])
    for agreement in ("local", "employees"):
        chosen: dict[str, set[str]] = {"stat": set(), "kommune": set()}
        for name, answers in (("stat", state), ("kommune", municipal)):
            parts = [answers.local] if agreement == "local" else list(answers.employees)
            chosen[name] = {f"{t}:{a.variant}" for part in parts for t, a in part.topics.items()}
        other = chosen["kommune"] - chosen["stat"]
        assert len(other) >= (12 if agreement == "local" else 6), other


def test_demo_writes_the_municipal_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kommune"
    result = run_cli(capsys, "demo", "--eksempel", "kommune", "-o", str(out))
    assert result.code == 0, result.err
    assert "Karin_Holm_Andersen" in result.out and "forhandling" not in result.out
    files = sorted((out / "individuelle").glob("*.docx"))
    assert len(files) == 4 and not (out / "forhandling").exists()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert all(not line.startswith("R") or " fejl" not in line.split(":")[0]
               for row in manifest for line in row["fund"])  # fmt: skip
    local = full_text(out / "lokalaftale.docx")
    assert "rammeaftalen om tele- og hjemmearbejde, indgået mellem KL og KTO" in local
    assert "Forhandlingsudkast 2 · 20. april 2027" in local  # a draft: the header says so
    karin = next(f for f in files if "Karin" in f.name)
    text = full_text(karin)
    assert "Medarbejderen arbejder hjemme én dag hver anden uge, fast om onsdagen i lige uger." in (
        text
    )
    assert (
        "Arbejdsgiveren kan opsige Aftalen med to måneders varsel. Medarbejderen kan opsige "
        "Aftalen uden varsel." in text
    )  # KA4
    # KA1, KA2: residence, social security and tax as recorded, work injury following them
    assert "Medarbejderen har bopæl i Danmark." in text
    assert (
        "Medarbejderen er omfattet af dansk lovgivning om social sikring, jf. A1-attest udstedt af "
        "Udbetaling Danmark den 1. april 2027." in text
    )
    assert "Skattestyrelsen har den 15. marts 2027 bekræftet over for Arbejdsgiveren, at" in text
    assert (
        "Parterne lægger til grund, at Medarbejderen, der er omfattet af dansk lovgivning om "
        "social sikring, også under hjemmearbejdet i Sverige er omfattet af lov om "
        "arbejdsskadesikring, jf. forordning (EF) nr. 883/2004" in text
    )
    assert "Skærmbekendtgørelsen gælder ikke for arbejdet i Sverige." in text
    assert "Skærmbekendtgørelsens krav gælder for hjemmearbejdspladsen, når" not in text
    assert "fremgår af § 2, stk. 4." in text
    for path in [out / "lokalaftale.docx", *files]:
        for paragraph in docx.Document(str(path)).paragraphs:
            style = paragraph.style.name if paragraph.style is not None else ""
            if style == "Subtitle":
                continue  # "mellem … og …" under the title
            bullet = style == "List Bullet"
            assert not problems_in(paragraph.text, bullet) or not paragraph.text, paragraph.text


READ_THROUGH: dict[str, list[tuple[str, str]]] = {
    # (document name part, sentence the second legal read-through (2026-11-27) asked for)
    "stat": [
        (
            "lokalaftale",
            "der ved skriftlige fuldmagter fra HK Stat, Djøf og Dansk "
            "Magisterforening er bemyndiget til at forhandle og indgå Aftalen på organisationernes "
            "vegne",
        ),  # S-L7
        (
            "lokalaftale",
            "og modelteksten for hver ordning. Den individuelle aftale udarbejdes efter",
        ),
        ("lokalaftale", "der er indgået i henhold til Aftalen"),  # S-L2
        (
            "lokalaftale",
            "For deltidsansatte og timelønnede udgør loftet to femtedele af den "
            "aftalte ugentlige arbejdstid",
        ),  # S-L5
        (
            "lokalaftale",
            "Det tæller ikke med i loftet i § 2, stk. 5, men må for den enkelte "
            "medarbejder højst udgøre én dag om ugen og må ikke anvendes så regelmæssigt",
        ),  # S-L6
        (
            "lokalaftale",
            "Ad hoc-hjemmearbejde indgår i vurderingen af, om reglerne om skærmarbejde "
            "gælder for hjemmearbejdspladsen, jf. § 13, stk. 3.",
        ),
        ("lokalaftale", "og rejsetiden medregnes højst med én time hver vej."),  # S-L11
        ("lokalaftale", "er som udgangspunkt skattepligtig løn, jf. ligningslovens § 9 B."),  # E2
        ("lokalaftale", "Arbejdsgiverens systemer må kun tilgås fra computere"),  # S-L14
        ("lokalaftale", "Aftalen fastsætter ikke en fælles ordning for godtgørelse."),  # S-L15
        ("lokalaftale", "møde mellem Arbejdsgiveren og fællestillidsrepræsentanten"),  # S-L16
        ("lokalaftale", "senest ti arbejdsdage"),  # S-L19
        (
            "lokalaftale",
            "Ved arbejdsdage forstås i Aftalen mandag til fredag bortset fra helligdage.",
        ),
        (
            "lokalaftale",
            "en væsentlig stillingsændring for medarbejderen, består den individuelle "
            "aftale dog, indtil Arbejdsgiveren har givet varsel",
        ),  # S-L18
        ("Anne", "Ved siden af Aftalen gælder lokalaftalen og rammeaftalen"),  # S-I1
        ("Anne", "Hjemmearbejde fra udlandet er ikke muligt, jf. lokalaftalens § 2, stk. 6."),
        ("Anne", "efter reglerne i lokalaftalens § 10, stk. 1 og 2."),  # S-I3
        ("Anne", "uforudsete og uopsættelige situationer, jf. lokalaftalens § 10, stk. 2."),
        (
            "Anne",
            "som Medarbejderen vælger efter at have orienteret nærmeste leder, jf. "
            "lokalaftalens § 10, stk. 3.",
        ),  # S-I5
        ("Anne", "Uanset lokalaftalens § 10, stk. 4, kan Medarbejderen"),  # S-I6
        ("Anne", "Medarbejderen medvirker til, at Arbejdstilsynet kan føre det nødvendige tilsyn"),
        (
            "Anne",
            "Medarbejderen kan ud over hjemmearbejdsdagene arbejde hjemme højst én dag om "
            "ugen efter aftale fra gang til gang",
        ),  # S-I8
        ("Anne", "ophører uden opsigelse den 29. februar 2028"),  # S-I10
        ("Anne", "Kernetiden efter lokalaftalen gælder for Medarbejderen kun inden for"),
        ("Lise-Lotte", "Strandvejen 40, 4300 Holbæk (sommerhus)."),  # LL1
        ("Lise-Lotte", "Arbejdsgiveren og Medarbejderen vurderer i fællesskab, om det er egnet"),
        ("Lise-Lotte", "jobcentret i Medarbejderens bopælskommune"),  # LL4
        ("Lise-Lotte", "jf. lokalaftalens § 10, stk. 5."),
        ("Mikkel", "Gennemsnitlig ugentlig arbejdstid: ca. 15 timer"),  # M3
        ("Mikkel", "Hjemmearbejdsdagene er en fast del af Medarbejderens arbejdsplan."),  # M1
        ("Mikkel", "evaluerer forsøget senest den 1. august 2027"),  # M2
        ("Mikkel", "dog kun inden for Medarbejderens planlagte arbejdstid den pågældende dag"),
    ],
    "kommune": [
        (
            "lokalaftale",
            "mellem Fjordby Kommune (herefter »Arbejdsgiveren«), for så vidt angår "
            "forvaltningen Borgerservice og Digitalisering",
        ),  # K-L7
        (
            "lokalaftale",
            "Aftaler nærmeste leder og en medarbejder efter § 10, at medarbejderen "
            "møder på arbejdsstedet",
        ),  # K-L1
        (
            "lokalaftale",
            "Aftalen evalueres første gang senest den 15. januar 2028, så "
            "evalueringen kan indgå i forhandlingerne efter § 19, stk. 2.",
        ),  # K-L2
        (
            "lokalaftale",
            "efter kapitel 6 i bekendtgørelse nr. 324 af 23. maj 2002 om "
            "hvileperiode og fridøgn m.v. med senere ændringer",
        ),  # K-L4
        ("lokalaftale", "bortset fra dage, hvor hvileperioden er fraveget efter § 8."),  # K-L5
        ("lokalaftale", "Et afslag begrundes skriftligt, hvis medarbejderen beder om det."),
        (
            "lokalaftale",
            "Opsiges Aftalen, eller står det fast, at den ikke forlænges, opsiger "
            "Arbejdsgiveren straks de individuelle aftaler",
        ),  # K-L10
        ("lokalaftale", "herunder forordning (EF) nr. 883/2004 inden for EU/EØS"),  # K-L11
        ("lokalaftale", "Bestemmelsen gælder kun ved hjemmearbejde fra en adresse i Danmark."),
        ("lokalaftale", "medmindre andet aftales ved en delvis raskmelding"),  # K-L13
        ("lokalaftale", "tæller ad hoc-hjemmearbejde med i loftet i § 2, stk. 3"),
        ("Jonas", "På hjemmearbejdsdage registrerer Medarbejderen arbejdstidens begyndelse"),
        (
            "Jonas",
            "Aftalen er tidsbegrænset og ophører uden opsigelse den 30. april 2028, jf. "
            "lokalaftalens § 19, stk. 4.",
        ),  # K-I4
        ("Jonas", "på de vilkår, der fremgår af lokalaftalens § 8, stk. 2–4."),  # J2
        ("Jonas", "Medarbejderen kan arbejde hjemme op til seks dage om måneden."),  # J1
        ("Jonas", "umiddelbart efter den arbejdsperiode, der har afkortet hvilen"),  # J3
        (
            "Emma",
            "aftaler Medarbejderen og nærmeste leder, om hjemmearbejdet skal begrænses eller "
            "midlertidigt indstilles i den periode",
        ),  # E1
        ("Emma", "dog ikke på enhedens fremmødedag om mandagen"),  # E2
        (
            "Emma",
            "En planlagt hjemmearbejdsdag kan kun ændres til en fremmødedag, hvis "
            "Medarbejderen og nærmeste leder er enige om det, jf. lokalaftalens § 10, stk. 1.",
        ),
        ("Emma", "besked senest dagen før, jf. lokalaftalens § 10, stk. 3."),  # K-I3
        (
            "Emma",
            "efter lokalaftalens § 15 om økonomi og udgifter, og der aftales ikke "
            "godtgørelse ud over den.",
        ),  # K-I3
        ("Mads", "fast om fredagen fra arbejdsdagens begyndelse til kl. 12.00."),  # MA1
        ("Mads", "medregnes transporten mellem hjemmet og arbejdsstedet ikke i arbejdstiden"),
        ("Mads", "evaluerer forsøget senest den 31. januar 2028"),  # MA2
        (
            "Mads",
            "Medarbejderen har desuden ret til det udstyr, som Arbejdsgiveren efter "
            "lokalaftalens § 13, stk. 2, stiller til rådighed",
        ),  # K-L3
    ],
}


@pytest.fixture(scope="module")
def rendered(library: Library) -> dict[str, dict[str, str]]:
    """Each example's documents as text, by file name, rendered in process."""
    from assembler.render.document import render_agreement
    from assembler.render.templates import load_templates

    templates = load_templates(library)
    out: dict[str, dict[str, str]] = {}
    for example, path in EXAMPLES.items():
        answers = read_answers(library, path)
        docs = {"lokalaftale": full_text(render_agreement(templates.local, library, answers,
                                                          answers.local))}  # fmt: skip
        for employee in answers.employees:
            name = str(employee.value("parter", "navn"))
            data = render_agreement(templates.individual, library, answers, employee)
            docs[name] = full_text(data)
        out[example] = docs
    return out


@pytest.mark.parametrize(
    ("example", "document", "sentence"),
    [(ex, doc, sentence) for ex, pairs in READ_THROUGH.items() for doc, sentence in pairs],
)
def test_the_examples_say_what_the_read_through_asked_for(
    rendered: dict[str, dict[str, str]], example: str, document: str, sentence: str
) -> None:
    text = next(t for name, t in rendered[example].items() if document in name)
    assert sentence in " ".join(text.split()), sentence


def test_the_annex_offers_only_what_each_local_agreement_allows(
    rendered: dict[str, dict[str, str]],
) -> None:
    state = rendered["stat"]["lokalaftale"].split("Bilag 1. Den individuelle aftales indhold")[1]
    municipal = rendered["kommune"]["lokalaftale"].split(
        "Bilag 1. Den individuelle aftales indhold"
    )[1]
    assert "Adresse i udlandet:" not in state and "Adresse i udlandet:" in municipal
    assert "Selvtilrettelagt arbejdstid" not in state and "Selvtilrettelagt" in municipal
    assert "Arbejdsgiveren kan indkalde med varsel:" in state
    assert "Arbejdsgiveren kan indkalde med varsel:" not in municipal  # only by agreement there
    assert "Uden tidsbegrænsning:" in state and "Uden tidsbegrænsning:" not in municipal
    assert "Ordning: Som i lokalaftalen." in municipal  # § 15 sets the compensation itself
    assert "Som i lokalaftalen: Godtgørelsen" not in state  # § 15 leaves it to the individual


def test_the_signatures_name_every_signatory(rendered: dict[str, dict[str, str]]) -> None:
    municipal = rendered["kommune"]["lokalaftale"]
    lines = [line.strip() for line in municipal.splitlines()]
    for name, title in (("Lene Holm", "faglig sekretær"), ("Peter Vang", "faglig konsulent"),
                        ("Sara Mikkelsen", "chefkonsulent")):  # fmt: skip
        assert lines[lines.index(name) + 1] == title
    assert "Navn:" not in lines and "Stilling:" not in lines  # K-L13: no blank signature left
    state = rendered["stat"]["lokalaftale"]
    assert "fællestillidsrepræsentant, efter fuldmagt" in state  # S-L7
    mikkel = next(t for n, t in rendered["stat"].items() if "Mikkel" in n)
    signatures = mikkel.split("Underskrifter")[-1]
    assert signatures.index("København, den") < signatures.index("Aarhus, den")  # S-I10
