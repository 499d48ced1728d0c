"""The Danish a generated agreement must never contain: a list that grows with each finding.

Each entry is (pattern, why). The every-variant test renders every variant with the extreme values
of every parameter and reports any match with the variant and the parameter values that caused it.
"""

from __future__ import annotations

import re

UNIT_WORDS = (
    r"(?:dag|dage|arbejdsdag|arbejdsdage|måned|måneder|uge|uger|time|timer|gang|gange|år|"
    r"kilometer|fremmødedag|fremmødedage)"
)
WEEKDAYS = r"(?:Mandag|Tirsdag|Onsdag|Torsdag|Fredag|Lørdag|Søndag)(?:en)?"

FORBIDDEN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), why)
    for pattern, why in (
        (
            rf"(?<![\d,.])\b[0-9]\s+(?:faste?\s+)?{UNIT_WORDS}\b",
            "tal under ti med cifre foran en enhed",
        ),
        (rf"(?<![\d,])[0-9],5\s+{UNIT_WORDS}\b", "en halv dag skrevet som decimaltal"),
        (r"\bpr\. 14\. dag\b", "»pr. 14. dag« i stedet for »hver anden uge«"),
        (r"\b\d+ pr\. (?:uge|måned|14\. dag)\b", "»1 pr. uge« i stedet for »én dag om ugen«"),
        (rf"(?<=[a-zæøå,] ){WEEKDAYS}\b", "ugedag med stort midt i en sætning"),
        (r"\b0 (?:måned|måneder|dage|arbejdsdage)\b", "»0 måneder« i stedet for »uden varsel«"),
        (r"\bnul\b", "»nul« foran en enhed i stedet for en omskrivning"),
        (r"gælder følgende ordning:", "et dropdown-valg indsat efter et kolon"),
        (r"anvendes følgende internetforbindelse", "et dropdown-valg indsat efter et kolon"),
        (r"[Pp]røveperiode", "»prøveperiode« om et forsøg med hjemmearbejde"),
        (r"[Aa]ftalens bestemmelse om", "henvisning ved titel i stedet for »§ N«"),
        (r"lokalaftalens bestemmelse om", "henvisning ved titel i stedet for »lokalaftalens § N«"),
        (r"kl\. 0\d", "klokkeslæt med foranstillet nul"),
        (r"  ", "dobbelt mellemrum"),
        (r" [,.;:]", "mellemrum før tegnsætning"),
        (r"(?<!\.)\.\.(?!\.)", "to punktummer"),
        (r",\s*[,.]", "tom plads i en opremsning"),
        (r"\{\{|\}\}|\{%|%\}|\[hvis", "skabelonsyntaks i teksten"),
        (r"[\ue000-\ue00f]", "en krydshenvisnings mærke i den synlige tekst"),
        (r"\bIT\b", "»IT« i stedet for »it«"),
        (r'"', "lige anførselstegn"),
        (r"\b(?:None|True|False)\b", "en Python-værdi i teksten"),
        (r"\b(\w{2,}) \1\b", "samme ord to gange i træk"),
        (r"\bom (\w+) i lokalaftalens § \d+ om \1\b", "emnet nævnt to gange i en henvisning"),
        (r"^[a-zæøå]", "afsnit, der begynder med lille bogstav"),
    )
)


def problems_in(text: str, bullet: bool = False) -> list[str]:
    """What is wrong with one paragraph's text (bullets may begin with a small letter)."""
    found = []
    for pattern, why in FORBIDDEN:
        if bullet and pattern.pattern.startswith("^"):
            continue
        if match := pattern.search(text):
            found.append(f"{why}: „{text[max(0, match.start() - 30) : match.end() + 30]}“")
    return found
