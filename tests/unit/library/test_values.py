"""Parsing what people type, and Danish formatting."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from assembler.library.model import Param
from assembler.library.values import (
    ValueProblem,
    format_date,
    format_number,
    format_value,
    parse_date,
    parse_value,
)


@pytest.mark.parametrize(
    "raw",
    ["1-3-2027", "01.03.2027", "2027-03-01", "1. marts 2027", " 1/3/2027 ", dt.date(2027, 3, 1),
     dt.datetime(2027, 3, 1, 0, 0)],
)  # fmt: skip
def test_dates_people_type(raw: object) -> None:
    assert parse_date(raw) == dt.date(2027, 3, 1)


@pytest.mark.parametrize("raw", ["31-02-2027", "marts 2027", "2027/13/01", "i morgen"])
def test_impossible_dates_are_rejected_with_the_value(raw: str) -> None:
    with pytest.raises(ValueProblem, match="ikke en gyldig dato") as exc:
        parse_date(raw)
    assert raw in str(exc.value)


def test_danish_date_format() -> None:
    assert format_date(dt.date(2027, 3, 1)) == "1. marts 2027"
    assert format_date(dt.date(2026, 12, 24)) == "24. december 2026"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2,5", Decimal("2.5")), ("1.250", Decimal("1250")), ("1.250,50 kr.", Decimal("1250.50")),
     (" 300 kr ", Decimal("300")), (2.5, Decimal("2.5"))],
)  # fmt: skip
def test_numbers_with_comma_decimals(raw: object, expected: Decimal) -> None:
    assert parse_value(Param("x", "decimal", "X", ""), raw) == expected


def test_number_formatting() -> None:
    assert format_number(Decimal("2.5")) == "2,5"
    assert format_number(1250) == "1.250"
    assert format_value(Param("b", "money", "B", ""), Decimal("1250")) == "1.250 kr."


def test_int_bounds_and_whole_numbers() -> None:
    param = Param("n", "int", "N", "", min=0, max=30)
    assert parse_value(param, "5") == 5
    with pytest.raises(ValueProblem, match="større end 30"):
        parse_value(param, 31)
    with pytest.raises(ValueProblem, match="ikke et helt tal"):
        parse_value(param, "2,5")


def test_choices_match_case_insensitively_and_return_canonical() -> None:
    param = Param("d", "choice", "D", "", choices=("Mandag", "Tirsdag"))
    assert parse_value(param, " mandag ") == "Mandag"
    with pytest.raises(ValueProblem, match='"Lørdag" er ikke et af valgene'):
        parse_value(param, "Lørdag")


def test_control_characters_are_rejected_not_dropped() -> None:
    with pytest.raises(ValueProblem, match="U\\+000B"):
        parse_value(Param("t", "text", "T", ""), "Region\x0bH")


def test_lists_split_on_line_breaks_and_semicolons() -> None:
    param = Param("a", "list", "A", "")
    assert parse_value(param, "Vej 1, 2100 Kbh\nVej 2;Vej 3") == [
        "Vej 1, 2100 Kbh",
        "Vej 2",
        "Vej 3",
    ]
    assert format_value(param, ["a", "b", "c"]) == "a, b og c"


def test_bool_and_time() -> None:
    assert parse_value(Param("b", "bool", "B", ""), "Ja") is True
    assert parse_value(Param("b", "bool", "B", ""), "nej") is False
    assert parse_value(Param("t", "time", "T", ""), "9") == dt.time(9, 0)
    assert format_value(Param("t", "time", "T", ""), dt.time(9, 30)) == "9.30"  # no leading zero
    assert format_value(Param("t", "time", "T", ""), dt.time(14, 0)) == "14.00"


def test_empty_is_none() -> None:
    assert parse_value(Param("t", "text", "T", ""), "   ") is None


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "nul måneder"), (1, "én måned"), (2, "to måneder"), (9, "ni måneder"),
     (10, "ti måneder"), (12, "tolv måneder"), (13, "13 måneder"), (1250, "1.250 måneder")],
)  # fmt: skip
def test_numbers_up_to_twelve_are_words_with_their_unit(value: int, text: str) -> None:
    months = Param("m", "int", "M", "", unit=("måned", "måneder"))
    assert format_value(months, value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [("0.5", "en halv dag"), ("1", "én dag"), ("1.5", "halvanden dag"), ("2.5", "2½ dag"),
     ("1.25", "1,25 dage"), ("10.5", "10,5 dage")],
)  # fmt: skip
def test_halves_are_said_as_danish_says_them(value: str, text: str) -> None:
    days = Param("d", "decimal", "D", "", unit=("dag", "dage"))
    assert format_value(days, Decimal(value)) == text


def test_a_choice_prints_its_own_text() -> None:
    period = Param("p", "choice", "P", "", choices=("uge", "14. dag"),
                   choice_texts=("om ugen", "hver anden uge"))  # fmt: skip
    assert format_value(period, "14. dag") == "hver anden uge"
    assert parse_value(period, "14. DAG") == "14. dag"  # answers keep the option itself


def test_private_use_marks_are_refused_in_answers() -> None:
    with pytest.raises(ValueProblem, match="U\\+E000"):
        parse_value(Param("t", "text", "T", ""), "før\ue000efter")
