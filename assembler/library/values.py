"""Parse answers people really type into typed values, and format values the Danish way."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from assembler.danish_dates import MONTHS, format_date
from assembler.regex import LazyPattern

if TYPE_CHECKING:  # formatting a date must not load the library model
    from assembler.library.model import Param

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
TRUE_WORDS = {"ja", "j", "x", "sand", "true", "yes", "1"}
FALSE_WORDS = {"nej", "n", "falsk", "false", "no", "0"}
# XML-illegal control characters, and the private-use characters the renderer uses as field marks.
ILLEGAL_XML = LazyPattern(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ue000-\ue00f\ufffe\uffff]")
# Danish legal prose writes small numbers in words, here up to twelve ("ti arbejdsdage" beside
# "tre arbejdsdages varsel", review 2026-11-27 S-L19); "én" carries the accent that tells the
# numeral from the article ("én dag om ugen").
NUMBER_WORDS = (
    "nul", "én", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv",
)  # fmt: skip
HALF_WORDS_UP_TO = 10  # "2½ dag" is written with digits; halves of ten and more as "10,5 dage"
HALF = Decimal("0.5")
NUMERIC_DATE = LazyPattern(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{2}|\d{4})$")
ISO_DATE = LazyPattern(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00)?)?$")
TEXT_DATE = LazyPattern(r"^(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})$")
TIME = LazyPattern(r"^(?:kl\.?\s*)?(\d{1,2})(?:[:.](\d{2}))?$")


class ValueProblem(ValueError):
    """A value that does not fit its parameter; the message is Danish and quotes the value."""


Value = str | int | Decimal | dt.date | dt.time | bool | list[str] | None


def clean_text(raw: object) -> str:
    """Strip stray spaces and reject XML-illegal control characters (never drop them silently)."""
    text = str(raw).replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    bad = ILLEGAL_XML.search(text)
    if bad:
        raise ValueProblem(
            f"indeholder et ulovligt kontroltegn (U+{ord(bad.group(0)):04X}); slet det og skriv "
            "teksten igen"
        )
    return "\n".join(line.strip() for line in text.strip().split("\n"))


def _quote(raw: object) -> str:
    """Quote a raw value for an error message."""
    return f'"{raw}"'


def parse_date(raw: object) -> dt.date:
    """Excel dates, 1-3-2027, 01.03.2027, 2027-03-01 and "1. marts 2027"."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = clean_text(raw).lower()
    try:
        if m := ISO_DATE.match(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := NUMERIC_DATE.match(text):
            year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            return dt.date(year, int(m[2]), int(m[1]))
        if (m := TEXT_DATE.match(text)) and m[2] in MONTHS:
            return dt.date(int(m[3]), MONTHS.index(m[2]) + 1, int(m[1]))
    except ValueError:
        pass
    raise ValueProblem(f"{_quote(raw)} er ikke en gyldig dato (skriv fx 1-3-2027)")


MAX_EXPONENT = 15  # no answer needs more than a quadrillion; int('1e999999') would not finish


def parse_number(raw: object) -> Decimal:
    """Numbers with comma or point decimals, thousands points, 'kr.' and spaces."""
    if isinstance(raw, bool):
        raise ValueProblem(f"{_quote(raw)} er ikke et tal")
    if isinstance(raw, (int, float, Decimal)):
        return _usable(Decimal(str(raw)), raw)
    text = clean_text(raw).lower().replace(" ", "").removesuffix("kr.").removesuffix("kr")
    text = text.removeprefix("kr.").removeprefix("kr").rstrip(",-").strip()
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueProblem(f"{_quote(raw)} er ikke et tal") from None
    return _usable(number, raw)


def _usable(number: Decimal, raw: object) -> Decimal:
    """Refuse NaN, infinity ("NaN" in a cell, "Infinity" in YAML) and absurd sizes (1e999999)."""
    if not number.is_finite():
        raise ValueProblem(f"{_quote(raw)} er ikke et tal")
    if number and not -MAX_EXPONENT <= number.adjusted() <= MAX_EXPONENT:
        raise ValueProblem(f"{_quote(raw)} er ikke et tal, der kan bruges (for stort eller småt)")
    return number


def parse_time(raw: object) -> dt.time:
    """Clock times such as 9, 9:00, 09.30 or an Excel time."""
    if isinstance(raw, dt.time):
        return raw
    if isinstance(raw, dt.datetime):
        return raw.time()
    if isinstance(raw, float) and 0 <= raw < 1:  # Excel stores times as fractions of a day
        minutes = round(raw * 24 * 60)
        return dt.time(minutes // 60, minutes % 60)
    m = TIME.match(clean_text(raw).lower())
    if m and int(m[1]) < 24 and int(m[2] or 0) < 60:
        return dt.time(int(m[1]), int(m[2] or 0))
    raise ValueProblem(f"{_quote(raw)} er ikke et klokkeslæt (skriv fx 09:00)")


def parse_bool(raw: object) -> bool:
    """ja/nej and friends."""
    if isinstance(raw, bool):
        return raw
    text = clean_text(raw).lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise ValueProblem(f"{_quote(raw)} er hverken ja eller nej")


def parse_lines(raw: object) -> list[str]:
    """A list from a YAML list, or text split on line breaks (Alt+Enter) or semicolons."""
    items = raw if isinstance(raw, (list, tuple)) else re.split(r"[\n;]", clean_text(raw))
    return [clean_text(i) for i in items if str(i).strip()]


def _check_bounds(param: Param, number: Decimal, raw: object) -> None:
    """Enforce min/max from the library."""
    if param.min is not None and number < Decimal(str(param.min)):
        raise ValueProblem(f"{_quote(raw)} er mindre end {format_number(Decimal(str(param.min)))}")
    if param.max is not None and number > Decimal(str(param.max)):
        raise ValueProblem(f"{_quote(raw)} er større end {format_number(Decimal(str(param.max)))}")


def parse_value(param: Param, raw: object) -> Value:
    """Parse a raw answer for a parameter; empty gives None; raise ValueProblem in Danish."""
    if raw is None or (isinstance(raw, str) and not raw.strip()) or raw == []:
        return None
    kind = param.type
    if kind == "text":
        return clean_text(raw)
    if kind in ("list", "paragraphs"):
        return parse_lines(raw) or None
    if kind in ("int", "decimal", "money"):
        number = parse_number(raw)
        if kind == "int":
            if number != number.to_integral_value():
                raise ValueProblem(f"{_quote(raw)} er ikke et helt tal")
            _check_bounds(param, number, raw)
            return int(number)
        _check_bounds(param, number, raw)
        return number
    if kind == "date":
        return parse_date(raw)
    if kind == "time":
        return parse_time(raw)
    if kind == "bool":
        return parse_bool(raw)
    if kind == "choice":
        text = clean_text(raw)
        for choice in param.choices:
            if choice.casefold() == text.casefold():
                return choice
        options = ", ".join(f'"{c}"' for c in param.choices)
        raise ValueProblem(f"{_quote(raw)} er ikke et af valgene {options}")
    raise ValueProblem(f"ukendt type {kind}")


def format_number(number: Decimal | int) -> str:
    """2.5 → '2,5'; 1250 → '1.250'."""
    value = Decimal(number).normalize()
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):f}".partition(".")
    groups = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{groups},{frac}" if frac else f"{sign}{groups}"


def join_da(items: list[str]) -> str:
    """'a, b og c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


def format_value(param: Param, value: Value) -> str:
    """Format a typed value for a document."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, dt.time):
        return format_time(value)
    if isinstance(value, list):
        return join_da(value) if param.type == "list" else "\n".join(value)
    if param.type == "money" and isinstance(value, (Decimal, int)):
        return f"{format_number(value)} kr."
    if isinstance(value, (Decimal, int)):
        return format_quantity(value, param.unit) if param.unit else format_number(value)
    if param.type == "choice":
        return param.choice_text(str(value))
    return str(value)


def format_time(value: dt.time) -> str:
    """A clock time the Danish way, without a leading zero: 'kl. 9.00', 'kl. 14.30'."""
    return f"{value.hour}.{value.minute:02d}"


def format_quantity(value: Decimal | int, unit: tuple[str, ...]) -> str:
    """A number with its unit as running text: 'én dag', 'to dage', 'halvanden dag', '12 dage'."""
    singular, plural = unit[0], unit[-1]
    number = Decimal(value)
    whole = int(number)
    if number == whole:
        word = NUMBER_WORDS[whole] if 0 <= whole < len(NUMBER_WORDS) else format_number(whole)
        return f"{word} {singular if whole == 1 else plural}"
    if number - whole == HALF and 0 <= whole < HALF_WORDS_UP_TO:
        # Halves are said, not written as decimals: "en halv dag", "halvanden dag", "2½ dag".
        if whole == 0:
            return f"en halv {singular}"
        if whole == 1:
            return f"halvanden {singular}"
        return f"{whole}½ {singular}"
    return f"{format_number(number)} {plural}"
