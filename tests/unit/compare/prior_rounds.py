"""Three negotiation rounds built in code, the last carrying the counterparty's own tracked changes.

v1 is our draft; v2 the other side's (a clause moved, a paragraph added, one deleted, a word
changed); v3 is v2 with tracked changes by "TR" that undo all of it in Word, as a counterparty
returns a counter-proposal: the clause moved back (paragraph marks moved too), the added
paragraph deleted with its mark, the deleted one inserted again with its mark, the word changed
back. In v3's original view (its text before its own revisions) v3 is v2.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from tests.unit.compare.fixtures import make_docx, para, run

H = "Heading1"
TR = 'w:author="TR" w:date="2026-03-08T10:00:00Z"'
SCOPE = "Aftalen gælder for alle medarbejdere i enheden."
CORE = "Medarbejderen kan kontaktes mellem kl. 9.00 og kl. 14.30."
CORE_V2 = CORE.replace("9.00", "8.30")
FREE = [
    "Hjemmearbejde bygger på frivillighed for begge parter.",
    "Ingen kan pålægges hjemmearbejde.",
]
ADDED = "Arbejdsgiveren kan midlertidigt indstille hjemmearbejdet i en enhed."
TRAVEL = [
    "Rejsetiden fra hjemmet medregnes i arbejdstiden.",
    "Der ydes højst godtgørelse for 50 kilometer hver vej.",
]
LAST = "Aftalen kan opsiges med tre måneders varsel."


def _tracked(
    kind: str, rid: int, text: str, style: str = "", ranges: str = "", range_id: int = 0
) -> str:
    """A paragraph whose mark and content are one prior revision (w:ins, w:del, w:moveFrom …)."""
    tag = "delText" if kind == "del" else "t"
    content = f'<w:r><w:{tag} xml:space="preserve">{escape(text)}</w:{tag}></w:r>'
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    start, end = "", ""
    if ranges:  # (start|end|both) of the named move range around the content
        name = f'w:name="tilbage" {TR}'
        start = f'<w:{kind}RangeStart w:id="{range_id}" {name}/>' if ranges != "end" else ""
        end = f'<w:{kind}RangeEnd w:id="{range_id}"/>' if ranges != "start" else ""
    return (
        f'<w:p><w:pPr>{style_xml}<w:rPr><w:{kind} w:id="{rid}" {TR}/></w:rPr></w:pPr>'
        f'{start}<w:{kind} w:id="{rid + 1}" {TR}>{content}</w:{kind}>{end}</w:p>'
    )


def _moved(kind: str, base: int) -> list[str]:
    """The Frivillighed clause as a moveFrom or moveTo, one move range around all of it."""
    texts = [("Frivillighed", H), (FREE[0], ""), (FREE[1], "")]
    out = []
    for k, (text, style) in enumerate(texts):
        ranges = "start" if k == 0 else "end" if k == len(texts) - 1 else ""
        out.append(_tracked(kind, base + 2 * k, text, style, ranges, base + 500))
    return out


def _word_back() -> str:
    """The core-time paragraph with 8.30 changed back to 9.00 as TR's tracked change."""
    before, _, after = CORE_V2.partition("8.30")
    return para(
        before,
        f'<w:del w:id="90" {TR}><w:r><w:delText>8.30</w:delText></w:r></w:del>',
        f'<w:ins w:id="91" {TR}>{run("9.00")}</w:ins>',
        after,
    )


def three_versions() -> list[bytes]:
    """v1, v2 and v3 (v2 with TR's tracked changes that take it back to v1's text)."""
    free = [para("Frivillighed", style=H), para(FREE[0]), para(FREE[1])]
    travel = [para("Transport", style=H), *(para(t) for t in TRAVEL)]
    v1 = [
        para("Omfang", style=H),
        para(SCOPE),
        *free,
        para("Tilgængelighed", style=H),
        para(CORE),
        *travel,
        para(LAST),
    ]
    v2 = [
        para("Omfang", style=H),
        para(SCOPE),
        para("Tilgængelighed", style=H),
        para(CORE_V2),
        para(ADDED),
        para("Transport", style=H),
        *free,
        para(LAST),
    ]
    v3 = [
        para("Omfang", style=H),
        para(SCOPE),
        *_moved("moveTo", 10),
        para("Tilgængelighed", style=H),
        _word_back(),
        _tracked("del", 30, ADDED),
        para("Transport", style=H),
        _tracked("ins", 40, TRAVEL[0]),
        _tracked("ins", 42, TRAVEL[1]),
        *_moved("moveFrom", 50),
        para(LAST),
    ]
    return [make_docx(v1), make_docx(v2), make_docx(v3)]
