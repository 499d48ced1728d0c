"""Plain-text tables: every cell shown, folded at word boundaries within the terminal width."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assembler import textable
from assembler.textable import Console, Table


def _table() -> Table:
    table = Table(title="Runde v1→v2")
    for name in ("Nr.", "Overskrift", "Før", "Efter"):
        table.add_column(name, overflow="fold")
    table.add_row(
        "6", "Ændring af planlagte hjemmearbejdsdage", "senest på den 3. arbejdsdag", "kl. 12"
    )
    table.add_row("7", "Tilgængelighed", "kl. 09.00 til kl. 14.30", "kl. 08.30 til kl. 15.30")
    return table


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_table_fits_the_width_and_keeps_every_word(width: int) -> None:
    lines = _table().render(width)
    assert all(len(line) <= width for line in lines), lines
    text = " ".join(lines)
    for word in (
        []
        if width < 80
        else (
            "Ændring",
            "hjemmearbejdsdage",
            "09.00",
            "14.30",
            "08.30",
            "15.30",
            "Tilgængelighed",
        )
    ):
        assert word in text
    column = "".join(line.split("│")[2].strip() for line in lines if line.startswith("│"))
    assert column.replace(" ", "") == "Ændringafplanlagtehjemmearbejdsdage" + "Tilgængelighed"
    assert lines[1].startswith("┏") and lines[-1].startswith("└")
    assert len({len(line) for line in lines[1:]}) == 1  # a rectangle


def test_console_prints_tables_and_text_without_markup(capsys: pytest.CaptureFixture[str]) -> None:
    console = Console()
    console.print(_table())
    console.print("Bemærk: [tabel] og [bold]x[/bold] vises som de står.")
    Console(stderr=True).print("Fejl")
    captured = capsys.readouterr()
    assert "┃ Nr." in captured.out
    assert "[tabel] og [bold]x[/bold]" in captured.out
    assert captured.err == "Fejl\n"


def test_fold_gives_what_textwrap_gives() -> None:
    """A short plain line skips textwrap; every line still folds exactly as textwrap folds it."""
    import random
    import textwrap

    from assembler.textable import fold

    pick = random.Random(3)
    alphabet = "ab cd\t\xa0 \u200b\r.-–é"
    for _ in range(5000):
        text = "".join(pick.choice(alphabet + "\n") for _ in range(pick.randint(0, 30)))
        width = pick.randint(0, 35)
        wanted: list[str] = []
        for line in text.split("\n"):
            wanted += textwrap.wrap(line, max(width, 1), break_on_hyphens=False) or [""]
        assert fold(text, width) == wanted, (text, width)


@given(
    words=st.lists(
        st.text(alphabet="abcæøå.,–-()0123456789ÆØÅ'„“", min_size=1, max_size=14), max_size=40
    ),
    width=st.integers(min_value=0, max_value=60),
)
@settings(max_examples=3000, deadline=None)
def test_fold_of_long_plain_lines_gives_what_textwrap_gives(words: list[str], width: int) -> None:
    """Long lines of words parted by single spaces (the overview's excerpts and assessments),
    with words longer than the width among them, fold exactly as textwrap folds them."""
    import textwrap

    from assembler.textable import fold

    line = " ".join(words)
    wanted = textwrap.wrap(line, max(width, 1), break_on_hyphens=False) or [""]
    assert fold(line, width) == wanted


def _narrowed_one_by_one(natural: list[int], fixed: set[int], room: int) -> list[int]:
    """The widths as the table first computed them: the widest column narrowed a step at a time."""
    widths = list(natural)
    while sum(widths) > room:
        flexible = [
            k for k in range(len(widths)) if k not in fixed and widths[k] > textable.MIN_COLUMN
        ]
        if not flexible:
            break
        widest = max(flexible, key=lambda k: widths[k])
        widths[widest] -= 1
    return widths


def test_columns_narrow_as_one_step_at_a_time_would() -> None:
    rng = random.Random(14)
    for _ in range(400):
        table = textable.Table.grid()
        natural = [rng.choice([1, 4, 5, 9, 30, 30, 200, 2000]) for _ in range(rng.randint(1, 4))]
        fixed = {k for k in range(len(natural)) if rng.random() < 0.3}
        for k in range(len(natural)):
            table.add_column(no_wrap=k in fixed)
        table.add_row(*("x" * n for n in natural))
        room = rng.randint(0, 250)
        assert table._widths(room, with_header=False) == _narrowed_one_by_one(natural, fixed, room)
