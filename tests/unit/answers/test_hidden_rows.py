"""Hidden rows that hold answers are named in one Danish problem, however many there are."""

from __future__ import annotations

from assembler.answers.xlsx.cells import Grid
from assembler.answers.xlsx.hidden import hidden_column_problems, hidden_problems


def _grid(hidden: set[int]) -> Grid:
    values: list[list[object]] = [["Navn", "Nummer"]] + [[f"N{r}", r] for r in range(2, 2000)]
    return Grid("Individuelle aftaler", values, hidden=hidden)


def test_no_hidden_rows_no_problem() -> None:
    assert hidden_problems(_grid(set()), []) == []


def test_one_two_and_many_rows_read_as_danish() -> None:
    grid = _grid(set())
    one = hidden_problems(grid, [7])[0]
    assert one.startswith("arket „Individuelle aftaler“, række 7: rækken er skjult i Excel")
    two = hidden_problems(grid, [3, 4])[0]
    assert "række 3 og 4: rækkerne er skjult" in two
    many = hidden_problems(grid, list(range(2, 1500)))[0]
    assert "række 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 og 1.488 flere: rækkerne er skjult" in many


def test_only_hidden_rows_holding_a_value_below_the_header_count() -> None:
    grid = _grid({1, 5, 6, 5000})
    grid.values[5] = [None, None]  # row 6: hidden and empty
    assert grid.hidden_below(1, {1, 2}) == [5]


def test_hidden_columns_holding_answers_are_named_with_their_headers() -> None:
    grid = _grid(set())
    grid.hidden_columns = {(2, 4)}
    assert grid.hidden_columns_below(1, {1, 2}) == [2]
    grid.values = [[*row[:1], None] for row in grid.values]  # column B: header blanked too
    assert grid.hidden_columns_below(1, {1, 2}) == []
    one = hidden_column_problems(_grid(set()), 1, [2])[0]
    assert one.startswith(
        "arket „Individuelle aftaler“, kolonne B („Nummer“): kolonnen er skjult i Excel, men svar"
    )
    two = hidden_column_problems(_grid(set()), 1, [1, 2])[0]
    assert "kolonne A („Navn“) og B („Nummer“): kolonnerne er skjult" in two
