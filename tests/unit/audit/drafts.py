"""Hand-made agreement drafts (as the other side might write them in Word), with known gaps."""

from __future__ import annotations

from pathlib import Path

import docx
import docx.document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement

from assembler.answers.files import answers_from_raw
from assembler.compare.demo import make_counter_draft
from assembler.library.model import Library
from assembler.render.document import render_agreement
from assembler.render.templates import TemplateSet
from tests.unit.rules.helpers import example_raw

# (heading, body) — a local agreement in a municipality without transport, IT security, evaluation.
LOCAL_STYLED = [
    (
        "Parter",
        "Aftalen er indgået mellem Aarhus Kommune og HK Kommunal ved tillidsrepræsentanten.",
    ),
    ("Område", "Aftalen omfatter alle administrative medarbejdere i Borgerservice."),
    ("Formål", "Formålet med hjemmearbejde er ro til koncentrationsopgaver."),
    ("Individuelle aftaler", "Den individuelle aftale indgås med nærmeste leder."),
    ("Ændring af planlagte hjemmearbejdsdage", "Ledelsen kan indkalde med tre dages varsel."),
    ("Tilgængelighed", "Medarbejderen kan træffes mellem kl. 9 og kl. 15."),
    ("Tidsregistrering", "Arbejdstiden registreres i det sædvanlige system."),
    ("Økonomi", "Der ydes ingen kompensation for udgifter."),
    ("Løn og arbejdstid", "Løn og arbejdstid følger overenskomsten."),
    ("Arbejdsmiljø", "APV'en omfatter også hjemmearbejdspladsen."),
    ("Frivillighed", "Hjemmearbejde er frivilligt for begge parter."),
    (
        "Ikrafttræden og opsigelse",
        "Aftalen træder i kraft den 1. marts 2027 og kan opsiges med tre måneders varsel.",
    ),
    ("Underskrifter", "Aarhus, den 15. januar 2027"),
]
# The library's standard clauses that none of the drafts has (ad hoc, precedence, insurance,
# disputes, transition) are reported missing too, in library order.
LOCAL_STYLED_MISSING = [
    "ad_hoc", "forrang", "transport", "it_sikkerhed", "forsikring", "evaluering", "tvistloesning",
    "overgang",
]  # fmt: skip

# Hand-typed numbers in Normal paragraphs; a state agreement without purpose, availability,
# voluntariness and entry into force.
LOCAL_NUMBERED = [
    ("§ 1 Parter", "Aftalen er indgået mellem Styrelsen for Dataforsyning og Djøf ved TR."),
    ("§ 2. Område og definition", "Aftalen omfatter fuldmægtige og specialkonsulenter."),
    ("3. Niveauer og proces", "Den individuelle aftale indgås med nærmeste leder."),
    ("4. Ændring af planlagte hjemmearbejdsdage", "Ledelsen kan indkalde med to dages varsel."),
    ("5. Transport", "Transport fra hjemmet betragtes som tjenesterejse."),
    ("6. Tidsregistrering", "Arbejdstiden registreres dagligt."),
    ("7. Økonomi", "Der ydes ingen godtgørelse."),
    ("8. IT-sikkerhed", "Der arbejdes kun via VPN på Styrelsens udstyr."),
    ("9. Evaluering", "Aftalen evalueres i samarbejdsudvalget efter et år."),
    ("10. Løn og arbejdstid", "Løn og arbejdstid følger overenskomsten."),
    ("11. Arbejdsmiljø", "APV'en omfatter hjemmearbejdspladsen."),
    ("12. Underskrifter", "København, den 2. januar 2027"),
]
LOCAL_NUMBERED_MISSING = [
    "ad_hoc", "frivillighed", "formaal", "forrang", "tilgaengelighed", "forsikring",
    "tvistloesning", "ikrafttraeden", "overgang",
]  # fmt: skip

# An individual agreement without place of work and entry into force.
INDIVIDUAL = [
    ("Parter", "Aftalen er indgået mellem Styrelsen for Dataforsyning og Anne Hansen."),
    (
        "Omfang og placering",
        "Medarbejderen arbejder hjemme tre dage om ugen, mandag, tirsdag og torsdag.",
    ),
    ("Udstyr", "Arbejdsgiveren stiller bærbar computer og skærm til rådighed."),
    ("Opsigelse", "Aftalen kan opsiges med tre måneders varsel."),
]
INDIVIDUAL_MISSING = ["arbejdssted", "ikrafttraeden"]


def write_draft(
    path: Path, title: str, sections: list[tuple[str, str]], styled: bool, intro: str = ""
) -> Path:
    """A .docx with a title line and (heading, body) sections; headings styled or typed by hand."""
    document = docx.Document()
    document.add_paragraph(title)
    if intro:
        document.add_paragraph(intro)
    for heading, body in sections:
        if styled:
            document.add_heading(heading, level=1)
        else:
            document.add_paragraph(heading)
        document.add_paragraph(body)
    document.save(str(path))
    return path


def local_styled(folder: Path) -> Path:
    """The municipal draft with styled headings."""
    return write_draft(folder / "ledelsens_udkast.docx", "Lokalaftale om hjemmearbejde",
                       LOCAL_STYLED, styled=True)  # fmt: skip


def local_numbered(folder: Path) -> Path:
    """The state draft with hand-typed numbered headings."""
    return write_draft(folder / "udkast_nummereret.docx",
                       "Lokalaftale om hjemmearbejde i Styrelsen for Dataforsyning",
                       LOCAL_NUMBERED, styled=False)  # fmt: skip


def individual(folder: Path) -> Path:
    """The individual draft."""
    return write_draft(
        folder / "anne.docx",
        "Individuel aftale om hjemmearbejde",
        INDIVIDUAL,
        styled=True,
        intro="Aftalen er indgået i henhold til lokalaftalen.",
    )


# Headings numbered only by Word's list numbering (Normal style, not bold, no typed number); one
# heading gets its number from its paragraph style. Short list items (numbered and bulleted)
# inside the sections must not count as headings: "Transport" and "Evaluering …" are list items.
AUTO_NUMBERED: list[tuple[str, list[tuple[str, str]]]] = [
    ("Parter", [("body", "Aftalen er indgået mellem Aarhus Kommune og HK Kommunal ved TR.")]),
    ("Område", [("body", "Aftalen omfatter alle administrative medarbejdere.")]),
    ("Formål", [("body", "Formålet er ro til koncentrationsopgaver.")]),
    ("Individuelle aftaler", [("body", "Den individuelle aftale indgås med nærmeste leder.")]),
    ("Ændring af planlagte hjemmearbejdsdage", [("body", "Ledelsen kan indkalde med varsel.")]),
    ("Tilgængelighed", [("body", "Medarbejderen kan træffes mellem kl. 9 og kl. 15.")]),
    ("Tidsregistrering", [("body", "Arbejdstiden registreres i det sædvanlige system.")]),
    (
        "Økonomi",
        [
            ("body", "Der ydes godtgørelse for følgende udgifter:"),
            ("item", "Internet"),
            ("item", "Transport"),
            ("item", "Telefon"),
            ("body", "Godtgørelsen udbetales sammen med lønnen hver måned."),
        ],
    ),
    ("Løn og arbejdstid", [("body", "Løn og arbejdstid følger overenskomsten.")]),
    (
        "Arbejdsmiljø",
        [
            ("body", "APV'en omfatter også hjemmearbejdspladsen, herunder:"),
            ("bullet", "Evaluering af indretningen"),
            ("body", "Arbejdsmiljøorganisationen følger op hvert år."),
        ],
    ),
    ("Frivillighed", [("body", "Hjemmearbejde er frivilligt for begge parter.")]),
    (
        "Ikrafttræden og opsigelse",
        [
            (
                "body",
                "Aftalen træder i kraft den 1. marts 2027 og kan opsiges med tre måneders varsel.",
            )
        ],
    ),
    ("Underskrifter", [("body", "Aarhus, den 15. januar 2027.")]),
]
AUTO_NUMBERED_MISSING = LOCAL_STYLED_MISSING
STYLE_NUMBERED = "Ikrafttræden og opsigelse"  # numbered by its paragraph style, not directly
HEADINGS, ITEMS, BULLETS = "91", "92", "93"  # numIds


def _numbering(document: docx.document.Document) -> None:
    """Add a decimal list (headings), another decimal list (items) and a bullet list."""
    root = document.part.numbering_part.element
    first_num = root.find(qn("w:num"))
    for abstract_id, fmt, text in (("91", "decimal", "%1."), ("93", "bullet", "•")):
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}"><w:lvl w:ilvl="0">'
            f'<w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            "</w:lvl></w:abstractNum>"
        )
        first_num.addprevious(abstract)
    for num_id, abstract_id in ((HEADINGS, "91"), (ITEMS, "91"), (BULLETS, "93")):
        root.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
            )
        )


def _number(ppr: BaseOxmlElement, num_id: str) -> None:
    """Give a paragraph's (or a style's) properties a list number."""
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def auto_numbered(folder: Path) -> Path:
    """A municipal draft whose headings are numbered by Word, not typed."""
    document = docx.Document()
    _numbering(document)
    style = document.styles.add_style("Afsnitsoverskrift", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    _number(style.element.get_or_add_pPr(), HEADINGS)
    document.add_paragraph("Lokalaftale om hjemmearbejde")
    for heading, lines in AUTO_NUMBERED:
        if heading == STYLE_NUMBERED:
            document.add_paragraph(heading, style="Afsnitsoverskrift")
        else:
            _number(document.add_paragraph(heading)._p.get_or_add_pPr(), HEADINGS)
        for kind, text in lines:
            paragraph = document.add_paragraph(text)
            if kind != "body":
                _number(paragraph._p.get_or_add_pPr(), ITEMS if kind == "item" else BULLETS)
    path = folder / "udkast_autonummereret.docx"
    document.save(str(path))
    return path


def passing_mention(folder: Path) -> Path:
    """The state draft without an availability clause, mentioning 'tilgængelig' once in passing."""
    sections = [
        (h, b + " Vejledningen gøres tilgængelig på intranettet." if h == "8. IT-sikkerhed" else b)
        for h, b in LOCAL_NUMBERED
    ]
    return write_draft(folder / "udkast_i_forbifarten.docx",
                       "Lokalaftale om hjemmearbejde i Styrelsen for Dataforsyning",
                       sections, styled=False)  # fmt: skip


# The reviewer's first foreign draft: voluntariness replaced by a power to impose home work, a
# cap of all five days, no evaluation clause.
LOCAL_COMPULSION = [
    ("Parter", "Aftalen er indgået mellem Styrelsen for Dataforsyning og HK Stat ved "
               "tillidsrepræsentanten."),
    ("Område", "Aftalen omfatter alle medarbejdere. Hjemmearbejde kan udgøre 5 af ugens "
               "arbejdsdage."),
    ("Hjemmearbejdets karakter", "Arbejdsgiveren kan pålægge medarbejderne hjemmearbejde, når "
                                 "driften kræver det."),
    ("Fremmøde", "Ledelsen kan indkalde med tre arbejdsdages varsel."),
    ("Tilgængelighed", "Medarbejderen kan træffes mellem kl. 9 og 14."),
    ("Ikrafttræden og opsigelse", "Aftalen træder i kraft den 1. marts 2027 og kan opsiges med "
                                  "tre måneders varsel."),
]  # fmt: skip
# The same draft saying the opposite in each place: nothing of R90 or R99 may fire.
LOCAL_COMPULSION_NEGATED = [
    (h, b.replace("kan pålægge medarbejderne hjemmearbejde, når driften kræver det",
                  "kan ikke pålægge medarbejderne hjemmearbejde")
         .replace("5 af ugens arbejdsdage", "højst 2 af ugens arbejdsdage"))
    for h, b in LOCAL_COMPULSION
]  # fmt: skip

# The reviewer's second foreign draft: short, no headings, every defect in one sentence each.
SHORT_LINES = [
    "Aftalen er indgået mellem Region Syddanmark og FOA ved tillidsrepræsentanten.",
    "Medarbejderne kan arbejde hjemme højst to dage om ugen.",
    "Der ydes en skattefri godtgørelse på 300 kr. pr. måned.",
    "Medarbejderen stiller selv pc og skærm til rådighed.",
    "Aftalen kan opsiges af ledelsen uden varsel.",
    "Hjemmearbejde er frivilligt. Ledelsen kan dog pålægge hjemmearbejde.",
]
SHORT_LINES_NEGATED = [
    SHORT_LINES[0],
    SHORT_LINES[1],
    "Der ydes en godtgørelse på 300 kr. pr. måned; den er ikke skattefri.",
    "Arbejdsgiveren stiller pc og skærm til rådighed.",
    "Aftalen kan opsiges af hver af parterne med tre måneders varsel.",
    "Hjemmearbejde er frivilligt. Ledelsen kan ikke pålægge hjemmearbejde.",
]


def local_compulsion(folder: Path, negated: bool = False) -> Path:
    """The first foreign draft (or its opposite)."""
    sections = LOCAL_COMPULSION_NEGATED if negated else LOCAL_COMPULSION
    name = "ledelsens_forslag_modsat.docx" if negated else "ledelsens_forslag.docx"
    return write_draft(folder / name, "Lokalaftale om hjemmearbejde i Styrelsen for "
                       "Dataforsyning", sections, styled=True)  # fmt: skip


def short_draft(folder: Path, negated: bool = False) -> Path:
    """The short draft: a title and six plain paragraphs."""
    document = docx.Document()
    document.add_paragraph("Lokalaftale om hjemmearbejde")
    for line in SHORT_LINES_NEGATED if negated else SHORT_LINES:
        document.add_paragraph(line)
    path = folder / ("kort_udkast_modsat.docx" if negated else "kort_udkast.docx")
    document.save(str(path))
    return path


def our_round(library: Library, templates: TemplateSet, folder: Path) -> tuple[Path, Path]:
    """Our local agreement as aftale writes it (the example's answers embedded), and management's
    counter-draft of it with the demo's edits."""
    answers = answers_from_raw(library, example_raw(library), "eksempel")
    ours = folder / "lokalaftale.docx"
    ours.write_bytes(
        render_agreement(templates.for_agreement("lokal"), library, answers, answers.local)
    )
    theirs = folder / "modpartens-udkast.docx"
    make_counter_draft(ours, theirs)
    return ours, theirs
