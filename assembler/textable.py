"""Terminal text and tables drawn like rich draws them, without loading rich.

`aftale sammenlign` prints its overview on every run; loading rich for it cost more than comparing
two short agreements. This module implements the small part of rich's API that the overview uses
(Table with ratio columns and Table.grid, Text, Padding, escape and a Console with print and
width) with the standard library. Its objects also render inside a real rich Console (they
implement __rich_console__), so code and tests may mix the two.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Iterator
from typing import Any, TextIO

MIN_COLUMN = 4
RenderableType = object  # a str, Text, Table or Padding


def escape(text: str) -> str:
    """Text as it is: nothing here reads markup, so nothing needs escaping."""
    return text


class _Renderable:
    """Something that renders to lines of at most a given width."""

    def render(self, width: int) -> list[str]:
        """The lines of this object at `width` columns."""
        raise NotImplementedError

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        """Render inside a rich Console (rich is only imported when one is used)."""
        from rich.segment import Segment

        for line in self.render(options.max_width):
            yield Segment(line)
            yield Segment.line()


class Text(_Renderable):
    """Plain text; the style is accepted for rich compatibility and not drawn."""

    def __init__(self, text: str = "", style: str = "") -> None:
        self.plain = text
        self.style = style

    def render(self, width: int) -> list[str]:
        """The text wrapped at word boundaries."""
        return fold(self.plain, width)

    def __str__(self) -> str:
        return self.plain


class Padding(_Renderable):
    """Space around another renderable: (top, right, bottom, left)."""

    def __init__(self, inner: object, pad: tuple[int, int, int, int]) -> None:
        self.inner = inner
        self.pad = pad

    def render(self, width: int) -> list[str]:
        """The inner lines, indented and framed by blank lines."""
        top, right, bottom, left = self.pad
        lines = render(self.inner, max(MIN_COLUMN, width - left - right))
        return [""] * top + [" " * left + line for line in lines] + [""] * bottom


class _Column:
    """One table column's header and layout."""

    def __init__(
        self,
        header: str,
        ratio: int | None,
        justify: str,
        no_wrap: bool,
        min_width: int | None,
    ) -> None:
        self.header = header
        self.ratio = ratio
        self.justify = justify
        self.no_wrap = no_wrap
        self.min_width = min_width or 0


class Table(_Renderable):
    """Columns and rows of text (rich.table.Table's subset), boxed or as a borderless grid."""

    def __init__(
        self, title: str = "", show_lines: bool = False, title_justify: str = "center"
    ) -> None:
        self.title = title
        self.show_lines = show_lines
        self.title_justify = title_justify
        self.columns: list[_Column] = []
        self.rows: list[list[str]] = []
        self.grid_padding: int | None = None

    @classmethod
    def grid(cls, padding: tuple[int, int] = (0, 1)) -> Table:
        """A table without borders or header; columns `padding[1]` spaces apart."""
        table = cls()
        table.grid_padding = padding[1]
        return table

    def add_column(
        self,
        header: str = "",
        *,
        ratio: int | None = None,
        justify: str = "left",
        style: str = "",
        no_wrap: bool = False,
        min_width: int | None = None,
        overflow: str = "fold",
    ) -> None:
        """Add a column; long cells are folded at word boundaries unless `no_wrap`."""
        self.columns.append(_Column(header, ratio, justify, no_wrap, min_width))

    def add_row(self, *cells: object) -> None:
        """Add a row of cells (text or Text)."""
        self.rows.append([str(c) for c in cells])

    def _natural(self, k: int, with_header: bool) -> int:
        """The widest line of column k."""
        cells = [r[k] for r in self.rows] + ([self.columns[k].header] if with_header else [])
        return max([len(line) for cell in cells for line in cell.split("\n")] or [0])

    def _widths(self, room: int, with_header: bool) -> list[int]:
        """Column widths that fit `room` characters of content."""
        cols = self.columns
        natural = [max(self._natural(k, with_header), c.min_width) for k, c in enumerate(cols)]
        fixed = {k for k, c in enumerate(cols) if c.no_wrap}
        if any(c.ratio for c in cols):
            free = max(room - sum(natural[k] for k in fixed), MIN_COLUMN * len(cols))
            ratios = [c.ratio or 1 for k, c in enumerate(cols) if k not in fixed]
            share = iter(_shares(free, ratios))
            return [natural[k] if k in fixed else next(share) for k in range(len(cols))]
        widths = list(natural)
        while (excess := sum(widths) - room) > 0:
            flexible = [k for k in range(len(cols)) if k not in fixed and widths[k] > MIN_COLUMN]
            if not flexible:
                break
            widest = max(flexible, key=lambda k: widths[k])
            # The widest column narrows one character a step, and stays the widest down to the
            # next one: take those steps at once (a long field made thousands of them).
            below = max([widths[k] for k in flexible if k != widest] + [MIN_COLUMN])
            widths[widest] -= max(1, min(excess, widths[widest] - below))
        return widths

    def render(self, width: int) -> list[str]:
        """The table as lines of at most `width` characters."""
        n = len(self.columns)
        if self.grid_padding is not None:
            gap = self.grid_padding
            widths = self._widths(width - gap * (n - 1), with_header=False)
            lines: list[str] = []
            for row in self.rows:
                lines += _cells(row, widths, self.columns, " " * gap, "", "")
            return [line.rstrip() for line in lines]
        widths = self._widths(width - (3 * n + 1), with_header=True)
        total = sum(widths) + 3 * n + 1
        out: list[str] = []
        if self.title:
            justify = str.ljust if self.title_justify == "left" else str.center
            out += [justify(line, total).rstrip() for line in fold(self.title, total)]
        headers = [c.header for c in self.columns]
        out.append(_rule("┏", "┳", "┓", "━", widths))
        out += _cells(headers, widths, self.columns, " ┃ ", "┃ ", " ┃")
        out.append(_rule("┡", "╇", "┩", "━", widths))
        for k, row in enumerate(self.rows):
            if k and self.show_lines:
                out.append(_rule("├", "┼", "┤", "─", widths))
            out += _cells(row, widths, self.columns, " │ ", "│ ", " │")
        out.append(_rule("└", "┴", "┘", "─", widths))
        return out


def _shares(total: int, ratios: list[int]) -> list[int]:
    """`total` split in proportion to `ratios`, the remainder to the first columns."""
    whole = sum(ratios)
    parts = [max(MIN_COLUMN, total * r // whole) for r in ratios]
    for k in range(max(0, total - sum(parts))):
        parts[k % len(parts)] += 1
    return parts


def _rule(left: str, mid: str, right: str, fill: str, widths: list[int]) -> str:
    """A horizontal border line."""
    return left + mid.join(fill * (w + 2) for w in widths) + right


def _cells(
    cells: list[str], widths: list[int], columns: list[_Column], sep: str, left: str, right: str
) -> list[str]:
    """One row, each cell folded to its column width and justified."""
    folded = [
        [cell] if col.no_wrap else fold(cell, w)
        for cell, w, col in zip(cells, widths, columns, strict=True)
    ]
    height = max(len(f) for f in folded)
    lines = []
    for k in range(height):
        parts = []
        for f, w, col in zip(folded, widths, columns, strict=True):
            text = f[k] if k < len(f) else ""
            parts.append(text.rjust(w) if col.justify == "right" else text.ljust(w))
        lines.append(left + sep.join(parts) + right)
    return lines


def fold(text: str, width: int) -> list[str]:
    """Text wrapped at word boundaries; words longer than the width are folded."""
    out: list[str] = []
    for line in text.split("\n"):
        if line.isprintable() and line == line.strip() and "  " not in line:
            if len(line) <= width:
                out.append(line)  # what textwrap gives back for a short, plain line
                continue
            if _plain_wrap(line, width, out):
                continue
        out.extend(textwrap.wrap(line, max(width, 1), break_on_hyphens=False) or [""])
    return out


def _plain_wrap(line: str, width: int, out: list[str]) -> bool:
    """textwrap.wrap's lines for words parted by single spaces, appended to out; False (nothing
    appended) when a word is longer than the width, which textwrap folds its own way.

    For such a line textwrap's greedy fill is: as many whole words as fit, joined by their
    spaces, the space at the break dropped; this does it with str.rfind instead of textwrap's
    chunk-by-chunk loop in Python (the overview's excerpts and assessments are printed with
    it on every `aftale sammenlign`). tests/unit/test_textable.py compares it with textwrap.
    """
    lines: list[str] = []
    rest = line
    while len(rest) > width:
        cut = rest.rfind(" ", 0, width + 1)
        if cut <= 0:
            return False
        lines.append(rest[:cut])
        rest = rest[cut + 1 :]
    lines.append(rest)
    out.extend(lines)
    return True


def render(item: object, width: int) -> list[str]:
    """The lines of any printable object."""
    if isinstance(item, _Renderable):
        return item.render(width)
    return fold(str(item), width)


class Console:
    """Prints text and tables (rich.console.Console's print and width, without markup)."""

    def __init__(
        self, file: TextIO | None = None, width: int | None = None, stderr: bool = False
    ) -> None:
        self._file = file
        self._width = width
        self.stderr = stderr

    @property
    def file(self) -> TextIO:
        """The stream printed to, looked up at print time (tests replace sys.stdout)."""
        if self._file is not None:
            return self._file
        return sys.stderr if self.stderr else sys.stdout

    @property
    def width(self) -> int:
        """The terminal width (80 when the output is not a terminal), as rich has it."""
        return self._width or shutil.get_terminal_size((80, 24)).columns

    def print(self, *items: object, markup: bool = False, **_: object) -> None:
        """Print strings as they are and renderables within the width."""
        for item in items:
            if isinstance(item, _Renderable):
                print("\n".join(item.render(self.width)), file=self.file)
            else:
                print(item, file=self.file)


out_console = Console()
err_console = Console(stderr=True)
