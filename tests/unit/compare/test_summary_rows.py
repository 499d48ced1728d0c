"""The overview's rows: every paragraph-level change, under its clause, nothing folded away."""

from __future__ import annotations

from pathlib import Path

from assembler.compare.numbers import NumberStyle, ranges
from assembler.compare.packages import Change, ParaInfo
from assembler.compare.summary import summarise
from tests.unit.compare.fixtures import para, run
from tests.unit.compare.overview_fixtures import H, body, clause_doc, heading, rows

NOTICE = "Fremmødet varsles senest på den 3. arbejdsdag før den pågældende dag."
SHORT_NOTICE = "Fremmødet varsles senest kl. 12 dagen før."
URGENT = "I uforudsete og uopsættelige situationer kan fremmøde kræves med kortere varsel."
PAUSE = (
    "Arbejdsgiveren kan midlertidigt indstille hjemmearbejdet i en enhed, når driften kræver "
    "det. Indstillingen drøftes forinden i samarbejdsudvalget og gælder højst tre måneder ad "
    "gangen."
)
TRAVEL = (
    "Når en medarbejder skal møde på arbejdsstedet, regnes hjemmet som udgangspunkt for rejsen."
)
PAID = (
    "Rejsetiden fra hjemmet til mødestedet og retur medregnes i arbejdstiden, og der ydes "
    "befordringsgodtgørelse regnet fra hjemmet efter de regler om tjenesterejser, der gælder."
)
TITLES = [
    "Parter",
    "Område",
    "Formål",
    "Niveauer",
    "Undtagelser",
    "Tilgængelighed",
    "Transport",
    "Tidsregistrering",
    "Økonomi",
    "IT-sikkerhed",
    "Evaluering",
    "Arbejdstid",
    "Arbejdsmiljø",
    "Frivillighed",
    "Ikrafttræden",
]


def _numbered(titles: list[str]) -> bytes:
    """Clauses numbered by hand, '§ 1 Parter', each with a paragraph of its own."""
    return clause_doc(
        [
            (f"§ {n} {t}", [f"Bestemmelsen om {t.lower()} gælder for alle medarbejdere i enheden."])
            for n, t in enumerate(titles, start=1)
        ]
    )


def test_inserted_paragraph_inside_a_changed_clause_gets_its_own_row(tmp_path: Path) -> None:
    old = clause_doc([("Ændring af hjemmearbejdsdage", [NOTICE, URGENT]), ("Transport", [TRAVEL])])
    new = clause_doc(
        [("Ændring af hjemmearbejdsdage", [SHORT_NOTICE, URGENT, PAUSE]), ("Transport", [TRAVEL])]
    )
    got = [
        (r.heading, r.label, r.excerpt_before, r.excerpt_after) for r in rows(tmp_path, old, new)
    ]
    assert got == [
        (
            "Ændring af hjemmearbejdsdage",
            "afsnit ændret",
            NOTICE,  # a short paragraph is shown whole
            SHORT_NOTICE,
        ),
        ("Ændring af hjemmearbejdsdage", "afsnit tilføjet", "", PAUSE),
    ]


def test_deleted_paragraph_says_so_with_its_whole_text(tmp_path: Path) -> None:
    old = clause_doc([("Transport", [TRAVEL, PAID])])
    new = clause_doc([("Transport", [TRAVEL])])
    [row] = rows(tmp_path, old, new)
    assert (row.kind, row.label) == ("deleted", "afsnit slettet")
    assert (row.excerpt_before, row.excerpt_after) == (PAID, "")
    assert row.before == PAID and row.heading == "Transport"


def test_moved_clause_names_both_numbers_and_renumbering_is_one_line(tmp_path: Path) -> None:
    reordered = TITLES[:3] + ["Frivillighed"] + [t for t in TITLES[3:] if t != "Frivillighed"]
    got = rows(tmp_path, _numbered(TITLES), _numbered(reordered))
    assert [(r.number, r.heading, r.label) for r in got] == [
        ("§ 4", "Frivillighed", "flyttet fra § 14 til § 4"),
        ("", "Nummerering", "omnummereret (10 numre)"),
    ]
    assert (got[0].excerpt_before, got[0].excerpt_after) == ("", "")
    assert (got[1].excerpt_before, got[1].excerpt_after) == ("§ 4–13", "§ 5–14")
    assert got[1].before.splitlines()[0] == "§ 4 Niveauer"  # the whole lines stay available


def test_hand_renumbering_of_ten_clauses_after_a_new_clause(tmp_path: Path) -> None:
    new_titles = [*TITLES[:2], "Hjemmearbejdsdage", *TITLES[2:12]]
    got = rows(tmp_path, _numbered(TITLES[:12]), _numbered(new_titles))
    labels = [(r.number, r.heading, r.label) for r in got]
    assert labels == [
        ("§ 3", "Hjemmearbejdsdage", "punkt tilføjet"),
        ("§ 3", "Hjemmearbejdsdage", "afsnit tilføjet"),
        ("", "Nummerering", "omnummereret (10 numre)"),
    ]
    assert (got[2].excerpt_before, got[2].excerpt_after) == ("§ 3–12", "§ 4–13")


def test_paragraph_moved_to_another_clause_names_both() -> None:
    # Built as events: the engine today reports a move's events ahead of the paragraphs
    # diffed around it, which would put the row under the wrong clause (see the report).
    changes = [
        heading("Udstyr"),
        body(),
        body("moved_from", before=PAID),
        heading("Transport"),
        body(),
        body("moved_to", after=PAID),
        body("moved_to", before=NOTICE, after=SHORT_NOTICE),
        heading("Kørsel"),
        body("moved_from", before=NOTICE),
    ]
    got = [(r.heading, r.label, r.excerpt_before, r.excerpt_after) for r in summarise(changes).rows]
    assert got == [
        ("Transport", "afsnit flyttet fra 'Udstyr' til 'Transport'", "", PAID),
        (
            "Transport",
            "afsnit flyttet fra 'Kørsel' til 'Transport' og ændret",
            NOTICE,
            SHORT_NOTICE,
        ),
    ]


def test_header_and_formatting_changes_are_rows_too(tmp_path: Path) -> None:
    old = clause_doc([("Transport", [TRAVEL])], header=[para("Udkast 1 · 15. januar 2027")])
    new_body = [para("Transport", style=H), para(run(TRAVEL, "<w:b/>"))]
    from tests.unit.compare.fixtures import make_docx

    new = make_docx(new_body, header=[para("Udkast 2 · 2. marts 2027")])
    got = [
        (r.heading, r.label, r.excerpt_before, r.excerpt_after) for r in rows(tmp_path, old, new)
    ]
    assert got == [
        ("Transport", "formatering ændret", TRAVEL, ""),
        ("Sidehoved", "afsnit ændret", "Udkast 1 · 15. januar 2027", "Udkast 2 · 2. marts 2027"),
    ]


def test_word_numbered_headings_take_the_number_format() -> None:
    style = NumberStyle("§ %1.")
    changes = [
        heading("Parter", numbered=True),
        body(),
        heading("Frivillighed", "moved_to", after="Frivillighed", numbered=True),
        body("moved_to", after=TRAVEL),
        heading("Formål", numbered=True),
        body("changed", NOTICE, SHORT_NOTICE),
        heading("Frivillighed", "moved_from", before="Frivillighed", numbered=True),
        body("moved_from", before=TRAVEL),
    ]
    got = summarise(changes, style).rows
    assert [(r.number, r.label) for r in got] == [
        ("§ 2", "flyttet fra § 3 til § 2"),
        ("§ 3", "afsnit ændret"),
    ]


def test_whole_clauses_added_and_removed_list_every_paragraph() -> None:
    changes = [
        heading("Parter"),
        heading("Udstyr", "deleted", before="Udstyr"),
        body("deleted", before=TRAVEL),
        body("deleted", before=PAID),
        heading("Kørsel", "inserted", after="Kørsel"),
        body("inserted", after=PAUSE),
    ]
    got = [(r.heading, r.kind, r.label) for r in summarise(changes).rows]
    assert got == [
        ("Udstyr", "clause_deleted", "punkt slettet"),
        ("Udstyr", "deleted", "afsnit slettet"),
        ("Udstyr", "deleted", "afsnit slettet"),
        ("Kørsel", "clause_inserted", "punkt tilføjet"),
        ("Kørsel", "inserted", "afsnit tilføjet"),
    ]


def test_a_move_without_its_other_half_is_not_lost() -> None:
    changes = [heading("Parter"), body("moved_to", after=PAUSE), body("moved_from", before=PAID)]
    got = [(r.kind, r.excerpt_before, r.excerpt_after) for r in summarise(changes).rows]
    assert got == [("inserted", "", PAUSE), ("deleted", PAID, "")]


def test_ranges_join_consecutive_numbers() -> None:
    assert ranges(["§ 4", "§ 5", "§ 6", "§ 9", "3.1"]) == "§ 4–6, § 9, 3.1"
    assert ranges(["4.", "5."]) == "4–5"


def test_a_document_title_above_the_clauses_is_not_a_clause() -> None:
    title = Change("equal", "", "", ParaInfo(1, False, "", "Lokalaftale om hjemmearbejde"), "body")
    sub = [
        Change("equal", "", "", ParaInfo(2, False, "", "Omfang"), "body"),
        body("changed", NOTICE, SHORT_NOTICE),
        Change("equal", "", "", ParaInfo(2, False, "", "Transport"), "body"),
        body("deleted", before=PAID),
    ]
    got = [(r.heading, r.label) for r in summarise([title, *sub]).rows]
    assert got == [("Omfang", "afsnit ændret"), ("Transport", "afsnit slettet")]


def test_formatting_and_spacing_changes_never_show_the_same_text_twice() -> None:
    changes = [
        heading("Transport", "changed", before="Transport", after="Transport"),
        body("changed", NOTICE, NOTICE.replace("senest ", "senest  ")),
    ]
    got = [(r.label, r.excerpt_before, r.excerpt_after) for r in summarise(changes).rows]
    assert got == [
        ("overskriftens formatering ændret", "Transport", ""),
        ("mellemrum ændret", NOTICE, ""),
    ]
