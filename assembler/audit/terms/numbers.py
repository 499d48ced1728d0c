"""Danish numbers, ordinals and clock times as drafts write them, and numbers written out again."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

CARDINALS: dict[str, Decimal] = {
    "nul": Decimal(0), "en": Decimal(1), "én": Decimal(1), "et": Decimal(1), "ét": Decimal(1),
    "to": Decimal(2), "tre": Decimal(3), "fire": Decimal(4), "fem": Decimal(5),
    "seks": Decimal(6), "syv": Decimal(7), "otte": Decimal(8), "ni": Decimal(9),
    "ti": Decimal(10), "elleve": Decimal(11), "tolv": Decimal(12), "fjorten": Decimal(14),
    "femten": Decimal(15), "tyve": Decimal(20), "tredive": Decimal(30),
    "halv": Decimal("0.5"), "halvanden": Decimal("1.5"), "halvandet": Decimal("1.5"),
}  # fmt: skip
ORDINALS: dict[str, Decimal] = {
    "første": Decimal(1), "anden": Decimal(2), "andet": Decimal(2), "tredje": Decimal(3),
    "fjerde": Decimal(4), "femte": Decimal(5), "sjette": Decimal(6), "syvende": Decimal(7),
    "ottende": Decimal(8), "niende": Decimal(9), "tiende": Decimal(10),
}  # fmt: skip
_WORDS = sorted(CARDINALS, key=len, reverse=True)
_ORD_WORDS = sorted(ORDINALS, key=len, reverse=True)
# A cardinal: digits ("2", "2,5") or a word ("to", "halvanden"); bounded so "tre" in "tredje" fails.
NUM = r"(?:\d+(?:,\d+)?|(?:" + "|".join(_WORDS) + r")\b)"
# An ordinal: "3." or "tredje".
ORD = r"(?:\d+\.|(?:" + "|".join(_ORD_WORDS) + r")\b)"
# A clock time: "8", "08.30", "8:30", "9.00".
CLOCK = r"(?:[01]?\d|2[0-4])(?:[.:][0-5]\d)?"
OUT_WORDS = {
    1: "én", 2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks", 7: "syv", 8: "otte", 9: "ni",
    10: "ti", 11: "elleve", 12: "tolv",
}  # fmt: skip


def number(word: str) -> Decimal | None:
    """'to' → 2, '2,5' → 2.5, '3.' → 3, 'tredje' → 3; None for anything else."""
    w = word.strip().casefold().rstrip(".")
    if w in CARDINALS:
        return CARDINALS[w]
    if w in ORDINALS:
        return ORDINALS[w]
    try:
        return Decimal(w.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def minutes(clock: str) -> int | None:
    """'8.30' → 510 minutes after midnight; None for an impossible time."""
    hours, _, mins = clock.replace(":", ".").partition(".")
    h, m = int(hours), int(mins or 0)
    return h * 60 + m if 0 <= h <= 24 and 0 <= m < 60 and h * 60 + m <= 24 * 60 else None


def clock_da(total: int) -> str:
    """510 → '8.30' (the Danish way, no leading zero)."""
    return f"{total // 60}.{total % 60:02d}"


def hours_da(value: Decimal) -> str:
    """Decimal(7) → '7', Decimal('6.5') → '6,5'."""
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


def words(value: Decimal | int, neuter: bool = False) -> str:
    """A whole number under 13 in words ('tre'), 1 as 'én'/'ét'; other numbers as digits."""
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return hours_da(value)
    n = int(value)
    if n == 1:
        return "ét" if neuter else "én"
    return OUT_WORDS.get(n, str(n))


def plural(value: Decimal | int, singular: str, many: str, neuter: bool = False) -> str:
    """'én arbejdsdag', 'tre arbejdsdage'."""
    return f"{words(value, neuter)} {singular if value == 1 else many}"


def number_spans(text: str) -> list[re.Match[str]]:
    """Every number (digits or word) in a text, for renumbering and replacing values."""
    return list(re.finditer(NUM, text, re.I))
