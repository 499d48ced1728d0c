"""The Danish a generated agreement must never contain: a list that grows with each finding.

Each entry is (pattern, why). The every-variant test renders every variant with the extreme values
of every parameter and reports any match with the variant and the parameter values that caused it.
Entries from the second legal read-through name its point (S-L2, KA1 …). Terms the clause texts
must not use (»tillidsrepræsentanten« in the local agreement, for instance) are checked in the
library itself (clause_library/termer.yaml), where a value from the answers cannot trip them.
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
            rf"(?<![\d,.])\b(?:[0-9]|10|12)\s+(?:faste?\s+)?{UNIT_WORDS}\b",
            "tal til og med tolv med cifre foran en enhed",
        ),
        # "11 timer" is the name of the rest rule (11-timersreglen) and stays in digits
        (rf"(?<![\d,.])\b11\s+(?!timer\b)(?:faste?\s+)?{UNIT_WORDS}\b", "»11« med cifre"),
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
        # Second legal read-through (2026-11-27)
        (r"indgået efter den\b", "»indgået efter den« kan læses som »efter ændringen« (S-L2)"),
        (r"\bvæsentlige? ændring af\b", "skriv »væsentlig stillingsændring« (S-L18, S-I9)"),
        (r"beskattes efter de skatteregler", "en skattesætning, der intet siger (E2)"),
        (r"efter de skatteregler, der gælder for den", "en skattesætning, der intet siger (E2)"),
        (r"ophører uden varsel den\b", "en slutdato: »ophører uden opsigelse den« (S-I10)"),
        (r"[Aa]ftalen regulerer ikke godtgørelse", "»regulerer ikke« og regulerer (S-L15)"),
        (r"ikke ubetydelige merudgifter", "Medsts synspunkt som aftaletekst (S-L15)"),
        (r"sundhedsmæssigt forsvarligt", "»fuldt forsvarligt« er lovens ord (KA4)"),
        (r"\balligevel\b", "»alligevel« er talesprog (KA4)"),
        (r"regnes dog højst for en afstand", "rejsetid kan ikke begrænses i kilometer (S-L11)"),
        (r"nedsættes loftet forholdsmæssigt", "tvetydigt loft for deltidsansatte (S-L5)"),
        (r"tungtvejende grunde", "lokalaftalens ord er »væsentlige hensyn« (S-I4)"),
        (r"kollegers fravær", "en grund til indkaldelse ud over lokalaftalens (S-I3)"),
        (r"den kompenserer for", "»den arbejdsperiode, der har afkortet hvilen« (J3)"),
        (r"\bskærmreglerne\b", "ét udtryk: skærmbekendtgørelsens krav (LL4)"),
        (r"drøftes med kommunen\b", "fleksjob: jobcentret i bopælskommunen (LL4)"),
        (r"giver Arbejdstilsynet adgang", "»medvirker til tilsynet«, ikke adgang (S-I7)"),
        (
            r"som udgangspunkt ikke gælder for arbejde, der udføres uden for",
            "arbejdsskade i udlandet følger den sociale sikring (KA1)",
        ),
        (r"forordning 883/2004", "skriv »forordning (EF) nr. 883/2004« (K-L11)"),
        (r"i staten \(cirkulære", "»i staten« er ikke en del af rammeaftalens titel (S-L8)"),
        (r"på en arbejdsplads med tillid til", "to sætninger (K-L13)"),
        (r"Brugen er frivillig", "gentager »efter eget ønske« (K-L13)"),
        (r"må den individuelle aftale ændres", "»kan … ændres efter aftale« (K-L13)"),
        (r"Hver enhed fastlægger", "Arbejdsgiveren fastlægger fremmødedagene (K-L13)"),
        (r"\b[Ll]edelsen\b", "»ledelsen« er ikke defineret; skriv »Arbejdsgiveren« (S-L16)"),
        (r"personalegrupper og enheder, der er nævnt", "ingen enheder er nævnt (S-L4)"),
        (r", stk\. [\d–]+ (?!og\b)[a-zæøå]", "stk.-henvisning midt i sætningen uden komma"),
        (r"udelukkende på computere, telefoner", "ingen får en telefon (S-L14)"),
        (r"skabelon, der er optaget som bilag", "bilaget er ikke en skabelon (S-L1)"),
        (r"[Aa]rbejdsgiveren tager ved en ændring hensyn", "gentager lokalaftalen (K-I2)"),
        (r"efter de regler om varsel og fremgangsmåde", "lokalaftalen har intet varsel (K-I2)"),
        # Third read-through (legal3): unverified rules as the parties' premise, no local waiver
        (
            r"giver ikke ret til tillæg for arbejde på ubekvemme",
            "en lokalaftale kan ikke fravige overenskomstens tillæg (legal3)",
        ),
        (
            r"^Da Medarbejderen er omfattet af (?:dansk )?lovgivning",
            "arbejdsskadedækningen i udlandet er parternes forudsætning, ikke en regel (legal3)",
        ),
        (
            r"sædvanlige arbejdssted er skattepligtig løn",
            "skattereglen er ikke efterprøvet: »som udgangspunkt« (legal3, E2)",
        ),
        (
            r"\bmedarbejderens (?:navn|faste arbejdssted|eget udstyr)(?: \(ved [^)]*\))?: ",
            "bilagets feltnavn med lille begyndelse (legal3)",
        ),
        (r"ved arbejdsgiverens udstyr", "»Arbejdsgiveren« er et defineret begreb (legal3)"),
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
