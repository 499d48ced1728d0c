"""Pairs of versions built in code, each exercising one kind of change."""

from __future__ import annotations

from tests.unit.compare.fixtures import footnote_ref, make_docx, para, run, table

H = "Heading1"
INTRO = "Aftalen gælder for medarbejdere, der arbejder hjemme fast hver uge."
BODY = "Medarbejderen arbejder hjemme to dage om ugen efter aftale med lederen."
MOVED = "Arbejdsgiveren stiller en bærbar computer og en skærm til rådighed."
LAST = "Aftalen kan opsiges med tre måneders varsel til udgangen af en måned."


def base(**kw: object) -> list[str]:
    """The default v1 body."""
    return [para("Hjemmearbejde", style=H), para(INTRO), para(BODY), para(MOVED), para(LAST)]


def _pair(old: list[str], new: list[str], **kw: object) -> tuple[bytes, bytes]:
    old_kw = {k.removeprefix("old_"): v for k, v in kw.items() if k.startswith("old_")}
    new_kw = {k.removeprefix("new_"): v for k, v in kw.items() if k.startswith("new_")}
    return make_docx(old, **old_kw), make_docx(new, **new_kw)  # type: ignore[arg-type]


def scenarios() -> dict[str, tuple[bytes, bytes]]:
    """Name → (older, newer) .docx bytes."""
    b = base()
    s: dict[str, tuple[bytes, bytes]] = {}
    s["ord"] = _pair(b, [b[0], b[1], para(BODY.replace("to dage", "tre dage")), b[3], b[4]])
    s["indsat_slettet"] = _pair(b, [b[0], para("Et helt nyt afsnit om kørsel."), b[2], b[3]])
    s["flyttet"] = _pair(b, [b[0], b[1], b[2], b[4], b[3]])
    s["delt"] = _pair(
        b,
        [
            b[0],
            b[1],
            para("Medarbejderen arbejder hjemme to dage om ugen."),
            para("Det sker efter aftale med lederen."),
            b[3],
            b[4],
        ],
    )
    s["samlet"] = _pair(b, [b[0], para(INTRO + " " + BODY), b[3], b[4]])
    s["fed"] = _pair(
        b,
        [
            b[0],
            b[1],
            para(
                "Medarbejderen arbejder ",
                run("hjemme", "<w:b/>"),
                " to dage om ugen efter aftale med lederen.",
            ),
            b[3],
            b[4],
        ],
    )
    s["afsnitsformat"] = _pair(
        b, [b[0], b[1], para(BODY, ppr='<w:jc w:val="center"/>'), b[3], b[4]]
    )
    t1 = table([["Dag", "Sted"], ["Mandag", "Hjemme"], ["Tirsdag", "Kontor"]])
    t2 = table([["Dag", "Sted"], ["Mandag", "Kontor"], ["Onsdag", "Hjemme"]])
    t3 = table([["Dag", "Sted"], ["Tirsdag", "Kontor"]])
    s["tabel"] = _pair([*b[:3], t1, *b[3:]], [*b[:3], t2, *b[3:]])
    s["tabel_raekke"] = _pair([*b[:3], t1, *b[3:]], [*b[:3], t3, *b[3:]])
    s["tabel_ny"] = _pair(b, [*b[:3], t1, *b[3:]])
    s["sidehoved"] = _pair(
        b,
        b,
        old_header=[para("Lokalaftale, udkast 1")],
        new_header=[para("Lokalaftale, udkast 2")],
        old_footer=[para("Side 1")],
        new_footer=[para("Side 1 af 3")],
    )
    fn_old = [b[0], para(INTRO, footnote_ref(1)), b[2]]
    fn_new = [b[0], para(INTRO, footnote_ref(1)), para(BODY, footnote_ref(2))]
    s["fodnoter"] = _pair(
        fn_old,
        fn_new,
        old_footnotes={1: "Jf. rammeaftalen § 3."},
        new_footnotes={1: "Jf. rammeaftalen § 4.", 2: "Ny note."},
    )
    # A note inserted before an existing one: Word renumbers the ids (1 → 2).
    s["fodnoter_omnummereret"] = _pair(
        [b[0], para(INTRO), para(BODY, footnote_ref(1))],
        [b[0], para(INTRO, footnote_ref(1)), para(BODY, footnote_ref(2))],
        old_footnotes={1: "Jf. rammeaftalen § 3."},
        new_footnotes={1: "Ny note om kørsel.", 2: "Jf. rammeaftalen § 3."},
    )
    prior = para(
        "Medarbejderen arbejder hjemme ",
        '<w:del w:id="501" w:author="Modpart" w:date="2026-01-05T10:00:00Z"><w:r>'
        "<w:delText>to</w:delText></w:r></w:del>",
        '<w:ins w:id="502" w:author="Modpart" w:date="2026-01-05T10:00:00Z">'
        + run("en")
        + "</w:ins>",
        " dage om ugen efter aftale med lederen.",
    )
    s["tidligere_rettelser"] = _pair(
        b, [b[0], para(INTRO.replace("fast", "fast og")), prior, b[3], b[4]]
    )
    anchored_old = [
        para("Omfang", style=H, anchor="_Aft_omfang_a"),
        para(BODY),
        para("Udstyr", style=H, anchor="_Aft_udstyr_a"),
        para(MOVED),
        para("Opsigelse", style=H, anchor="_Aft_opsigelse_a"),
        para(LAST),
    ]
    anchored_new = [
        para("Omfang", style=H, anchor="_Aft_omfang_a"),
        para(BODY),
        para("Opsigelse", style=H, anchor="_Aft_opsigelse_a"),
        para(LAST),
        para("Udstyr og indretning", style=H, anchor="_Aft_udstyr_a"),
        para(MOVED),
    ]
    s["ankre"] = _pair(anchored_old, anchored_new)
    s["tom_til_tekst"] = _pair([para("")], b)
    return s
