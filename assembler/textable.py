"""Plain-text tables for the terminal, drawn like rich's default table, without loading rich.

`aftale sammenlign` prints a table of changes on every run; loading rich for it cost more than
comparing two short agreements. This module draws the same kind of table (heavy header, folded
cells within the terminal width) with the standard library only. The API is the small subset of
rich's Table and Console that the command uses.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from typing import TextIO

MIN_COLUMN = 6


class Table:
    """Columns and rows of text with an optional title (rich.table.Table's subset)."""

    def __init__(self, title: str = "", show_lines: bool = False) -> None:
        self.title = title
        self.show_lines = show_lines
        self.columns: list[str] = []
        self.rows: list[list[str]] = []

    def add_column(self, header: str, overflow: str = "fold") -> None:
        """Add a column; long cells are folded at word boundaries."""
        self.columns.append(header)

    def add_row(self, *cells: str) -> None:
        """Add a row of cell texts."""
        self.rows.append([str(c) for c in cells])

    def render(self, width: int) -> list[str]:
        """The table as lines of at most `width` characters."""
        n = len(self.columns)
        natural = [
            max(
                [len(line) for cell in [h, *(r[k] for r in self.rows)] for line in cell.split("\n")]
            )
            for k, h in enumerate(self.columns)
        ]
        widths = _fit(natural, width - (3 * n + 1))
        out = [self.title.center(sum(widths) + 3 * n + 1).rstrip()] if self.title else []
        out.append(_rule("┏", "┳", "┓", "━", widths))
        out.extend(_row(self.columns, widths, "┃"))
        out.append(_rule("┡", "╇", "┩", "━", widths))
        for k, r in enumerate(self.rows):
            if k and self.show_lines:
                out.append(_rule("├", "┼", "┤", "─", widths))
            out.extend(_row(r, widths, "│"))
        out.append(_rule("└", "┴", "┘", "─", widths))
        return out


def _fit(natural: list[int], room: int) -> list[int]:
    """Column widths that fit `room`: the widest column gives way first."""
    widths = list(natural)
    while sum(widths) > room and max(widths) > MIN_COLUMN:
        widest = widths.index(max(widths))
        widths[widest] -= 1
    return [max(w, 1) for w in widths]


def _rule(left: str, mid: str, right: str, fill: str, widths: list[int]) -> str:
    """A horizontal border line."""
    return left + mid.join(fill * (w + 2) for w in widths) + right


def _row(cells: list[str], widths: list[int], bar: str) -> list[str]:
    """One table row, its cells folded to their column widths."""
    folded = [_fold(cell, w) for cell, w in zip(cells, widths, strict=True)]
    height = max(len(f) for f in folded)
    lines = []
    for k in range(height):
        parts = [(f[k] if k < len(f) else "").ljust(w) for f, w in zip(folded, widths, strict=True)]
        lines.append(bar + bar.join(f" {p} " for p in parts) + bar)
    return lines


def _fold(text: str, width: int) -> list[str]:
    """Text wrapped at word boundaries, words longer than the width folded."""
    out: list[str] = []
    for line in text.split("\n") or [""]:
        out.extend(textwrap.wrap(line, width, break_on_hyphens=False) or [""])
    return out


class Console:
    """Prints text and tables (rich.console.Console's print, without markup)."""

    def __init__(self, stderr: bool = False) -> None:
        self.stderr = stderr

    @property
    def file(self) -> TextIO:
        """The stream printed to, looked up at print time (tests replace sys.stdout)."""
        return sys.stderr if self.stderr else sys.stdout

    def print(self, item: object = "") -> None:
        """Print a table within the terminal width, or any other object as text."""
        if isinstance(item, Table):
            width = shutil.get_terminal_size((80, 24)).columns
            print("\n".join(item.render(width)), file=self.file)
        else:
            print(item, file=self.file)


out_console = Console()
err_console = Console(stderr=True)
