"""The cap as a share of the week ("to femtedele"), against exact fractions (issue 14)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from assembler.render.derived import COUNT_WORDS, ORDINALS, WORKING_DAYS_PER_WEEK, share_words


def _with_fractions(days: Decimal) -> str:
    """share_words as it was written with fractions.Fraction (before the import was dropped)."""
    share = Fraction(days) / WORKING_DAYS_PER_WEEK
    if share == Fraction(1, 2):
        return "halvdelen"
    for denominator, (one, many) in ORDINALS.items():
        count = share * denominator
        if count.denominator == 1 and 0 < count.numerator < len(COUNT_WORDS) and share < 1:
            number = int(count.numerator)
            return f"{COUNT_WORDS[number]} {one if number == 1 else many}"
    percent = (Decimal(days) * 100 / WORKING_DAYS_PER_WEEK).normalize()
    return f"{percent:f}".replace(".", ",") + " %"


def test_typical_caps() -> None:
    assert share_words(Decimal(2)) == "to femtedele"
    assert share_words(Decimal("2.5")) == "halvdelen"
    assert share_words(Decimal("2.50")) == "halvdelen"
    assert share_words(Decimal(1)) == "en femtedel"
    assert share_words(Decimal("0.5")) == "en tiendedel"
    assert share_words(Decimal("1.5")) == "tre tiendedele"
    assert share_words(Decimal("1.25")) == "25 %"
    assert share_words(Decimal(5)) == "100 %"


@given(st.decimals(min_value=-20, max_value=20, places=3, allow_nan=False, allow_infinity=False))
def test_equals_exact_fractions(days: Decimal) -> None:
    assert share_words(days) == _with_fractions(days)
