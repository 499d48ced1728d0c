"""Write and print the rounds of `aftale sammenlign`: redlines, the .xlsx overview, tables."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assembler.compare.model import Round
from assembler.compare.overview import danish_date, row_record
from assembler.compare.rounds import compare_versions, output_paths
from assembler.errors import OutputError
from assembler.ooxml.package import write_atomic

# The same tables as rich draws them, without loading rich on every `sammenlign` (textable.py).
# Imported where a table is printed: the parent alone prints, after the overview's child forked.
if TYPE_CHECKING:
    from assembler.textable import RenderableType, Table


def compare_workflow(
    versions: list[Path],
    out: Path | None,
    summary: Path | None,
    authors: list[str],
    dates: list[str],
    overwrite: bool,
    allow_deviations: bool = False,
) -> int:
    """`aftale sammenlign`: compare, write redlines and overview, print; return the exit code.

    The exit code is DEVIATIONS_EXIT when the self-check found a stretch that accept-all or
    reject-all does not reproduce (the redline is written, with a comment at each such place, but
    is not presented as complete), unless `allow_deviations`; otherwise 0.
    """
    rounds = compare_versions(versions, authors, dates)
    target = out or versions[-1].with_name(f"{versions[-1].stem}-redline.docx")
    if target.suffix.lower() != ".docx":
        raise OutputError(f"{target}: redlinen skal have endelsen .docx.")
    if summary is not None and summary.suffix.lower() != ".xlsx":
        raise OutputError(f"{summary}: oversigten skal have endelsen .xlsx.")
    paths = output_paths(target, len(rounds))
    write_all(rounds, paths, summary, overwrite)
    print_rounds(rounds, summary)
    return report_deviations(rounds, allow_deviations)


DEVIATIONS_EXIT = 3


def report_deviations(rounds: list[Round], allow: bool) -> int:
    """Name every stretch the self-check could not confirm; the exit code for the run."""
    found = [(rnd, text) for rnd in rounds for text in rnd.deviations]
    if not found:
        return 0
    from assembler.textable import err_console

    places = "1 sted" if len(found) == 1 else f"{len(found)} steder"
    err_console.print(
        f"{'Advarsel' if allow else 'Fejl'}: redlinen er ikke fuldstændig. {places} kunne ikke "
        "spores som ændringer; de er markeret med en kommentar i Word:",
    )
    for rnd, text in found:
        err_console.print(f"  - Runde {rnd.label}: {text}")
    if allow:
        return 0
    err_console.print(
        "Gennemgå stederne i Word, eller brug --tillad-afvigelser for at godtage redlinen."
    )
    return DEVIATIONS_EXIT


def write_all(
    rounds: list[Round], paths: list[Path], summary: Path | None, overwrite: bool
) -> None:
    """Check every target first, then write redlines and the optional summary."""
    targets = [*paths, *([summary] if summary is not None else [])]
    inputs = {r.old.path.resolve() for r in rounds} | {r.new.path.resolve() for r in rounds}
    for path in targets:
        if path.resolve() in inputs:
            raise OutputError(f"{path}: må ikke overskrive en af de versioner, der sammenlignes.")
        if path.exists() and not overwrite:
            raise OutputError(
                f"{path}: filen findes allerede. Brug --overskriv for at erstatte den."
            )
    for rnd, path in zip(rounds, paths, strict=True):
        write_atomic(path, rnd.data, overwrite)
        rnd.output = path
    if summary is not None:
        from assembler.compare.xlsx import summary_workbook  # openpyxl only when asked for

        write_atomic(summary, summary_workbook(rounds), overwrite)


WIDE = 140  # from this terminal width the overview is one table; narrower, a list per clause
LABEL_WIDTH = len("Vurdering:")
FIELDS = (("aendring", "Ændring"), ("foer", "Før"), ("efter", "Efter"), ("vurdering", "Vurdering"))


def _place(record: dict[str, str]) -> str:
    """Clause number and heading, with the topic when it is not simply the heading."""
    place = " ".join(p for p in (record["nr"], record["overskrift"]) if p)
    if record["emne"] and record["emne"].casefold() != record["overskrift"].casefold():
        place += f" (emne: {record['emne']})"
    return place


def _table(rnd: Round, title: str) -> Table:
    """The round as one table, a row per change, clause shown on its first row."""
    from assembler.textable import Table, escape

    table = Table(title=title, show_lines=True, title_justify="left")
    table.add_column("Punkt", ratio=2)
    for _, name in FIELDS:
        table.add_column(name, ratio=3 if name != "Ændring" else 2)
    previous = None
    for row in rnd.rows:
        record = row_record(rnd, row)
        place = _place(record) if row.clause != previous else ""
        previous = row.clause
        table.add_row(escape(place), *(escape(record[key]) for key, _ in FIELDS))
    return table


def _listing(rnd: Round) -> list[RenderableType]:
    """The round as a list: each clause once, its changes below it, fields labelled."""
    from assembler.textable import Padding, Table, Text

    out: list[RenderableType] = []
    previous = None
    for row in rnd.rows:
        record = row_record(rnd, row)
        if row.clause != previous:
            out.append(Text(f"\n{_place(record)}", style="bold"))
            previous = row.clause
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", style="dim", no_wrap=True, min_width=LABEL_WIDTH)
        grid.add_column()
        for key, name in FIELDS:
            if record[key]:
                grid.add_row(f"{name}:", Text(record[key]))
        out.append(Padding(grid, (0, 0, 0, 2)))
    return out


def no_changes(rnd: Round) -> str:
    """What a round without changes of its own says (never hiding the newer version's own)."""
    if not rnd.prior_new:
        return "Ingen ændringer."
    return (
        f"Ingen ændringer ud over de {rnd.prior_new} sporede ændringer, som {rnd.new.path.name} "
        "selv indeholder; de står i redlinen med deres egne forfattere og datoer."
    )


def where_own(rnd: Round, summary: Path | None) -> str:
    """Where the newer version's own tracked changes are listed one by one (one line)."""
    from assembler.compare.overview_prior import OWN_SHEET

    own = f"de {rnd.prior_new} sporede ændringer fra {rnd.new.path.name}"
    if summary is None:
        return f"Brug --oversigt FIL.xlsx for at få {own} listet række for række."
    return f"{own[:1].upper()}{own[1:]} står række for række på arket „{OWN_SHEET}“ i {summary}."


def print_rounds(rounds: list[Round], summary: Path | None = None) -> None:
    """Print each round's overview (grouped by clause), its notes and what was written; where
    a newer version's own tracked changes are listed (`summary`: the .xlsx written, if any)."""
    from assembler.textable import Text, escape, out_console

    console = out_console
    listed: set[Path] = set()
    for rnd in rounds:
        title = (
            f"Runde {rnd.label}: {rnd.old.path.name} → {rnd.new.path.name} · "
            f"{rnd.new.author} · {danish_date(rnd)}"
        )
        if not rnd.rows:
            console.print(f"{title}\n{no_changes(rnd)}", markup=False)
        elif console.width >= WIDE:
            console.print(_table(rnd, escape(title)))
        else:
            console.print(Text(title, style="bold underline"))
            for part in _listing(rnd):
                console.print(part)
        for note in rnd.notes:
            console.print(f"Bemærk: {note}", markup=False)
        if rnd.prior_new and rnd.new.path not in listed:
            listed.add(rnd.new.path)
            console.print(where_own(rnd, summary), markup=False)
        if rnd.output is not None:
            own = f"; {rnd.prior_new} fra {rnd.new.path.name} selv" if rnd.prior_new else ""
            console.print(
                f"Skrev {rnd.output} ({rnd.revisions} sporede ændringer{own}).", markup=False
            )
