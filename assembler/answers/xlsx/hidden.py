"""Answers Excel hides from the user: rows, columns or a whole answer sheet that hold answers.

They are read like any other, so an agreement could come from a value nobody saw in Excel: each
is refused with a Danish problem naming the rows, the columns with their headers, or the sheet.
"""

from __future__ import annotations

from assembler.answers.xlsx.cells import Grid, column_letter
from assembler.counts import thousands

MAX_ROWS_NAMED = 10  # hidden rows named in the message; the rest are counted


def hidden_answers(grid: Grid, header_row: int, columns: set[int]) -> list[str]:
    """The problems of hidden rows and hidden columns holding answers in the given columns."""
    rows = grid.hidden_below(header_row, columns)
    hidden_columns = grid.hidden_columns_below(header_row, columns)
    return hidden_problems(grid, rows) + hidden_column_problems(grid, header_row, hidden_columns)


def hidden_sheet_problems(grid: Grid) -> list[str]:
    """A problem when the answer sheet itself is hidden (none when it is shown)."""
    if not grid.hidden_sheet:
        return []
    return [
        f"arket „{grid.title}“ er skjult i Excel, men svarene i det bliver læst som alle andre. "
        "Vis arket (højreklik på et arkfaneblad, og vælg Vis), og kontrollér svarene"
    ]


def hidden_problems(grid: Grid, rows: list[int]) -> list[str]:
    """A problem naming the hidden rows that hold answers (none when there are none)."""
    if not rows:
        return []
    named = [thousands(r) for r in rows[:MAX_ROWS_NAMED]]
    rest = len(rows) - len(named)
    if rest:
        named.append(f"{thousands(rest)} flere")
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} og {named[-1]}"
    which = "rækken er skjult" if len(rows) == 1 else "rækkerne er skjult"
    return [
        f"arket „{grid.title}“, række {listed}: {which} i Excel (fx af et filter), men svar i "
        "skjulte rækker bliver læst som alle andre. Vis alle rækker, og slet dem, der ikke skal "
        "med"
    ]


def hidden_column_problems(grid: Grid, header_row: int, columns: list[int]) -> list[str]:
    """A problem naming the hidden columns, with their headers, that hold answers."""
    if not columns:
        return []
    named = [f"{column_letter(c)} („{grid.get(header_row, c) or ''}“)" for c in columns]
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} og {named[-1]}"
    which = "kolonnen er skjult" if len(columns) == 1 else "kolonnerne er skjult"
    return [
        f"arket „{grid.title}“, kolonne {listed}: {which} i Excel, men svar i skjulte kolonner "
        "bliver læst som alle andre. Vis alle kolonner, og slet de svar, der ikke skal med"
    ]
