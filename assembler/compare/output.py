"""Write and print the rounds of `aftale sammenlign`: redlines, the .xlsx overview, tables."""

from __future__ import annotations

from pathlib import Path

from assembler.compare.model import Round
from assembler.compare.rounds import compare_versions, output_paths
from assembler.errors import OutputError
from assembler.ooxml.package import write_atomic
from assembler.textable import Table, err_console, out_console


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
    print_rounds(rounds)
    return report_deviations(rounds, allow_deviations)


DEVIATIONS_EXIT = 3


def report_deviations(rounds: list[Round], allow: bool) -> int:
    """Name every stretch the self-check could not confirm; the exit code for the run."""
    found = [(rnd, text) for rnd in rounds for text in rnd.deviations]
    if not found:
        return 0
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


def print_rounds(rounds: list[Round]) -> None:
    """Print each round's clause table and notes."""
    console = out_console
    for rnd in rounds:
        title = f"Runde {rnd.label}: {rnd.old.path.name} → {rnd.new.path.name} ({rnd.new.author})"
        table = Table(title=title, show_lines=False)
        for name in ("Nr.", "Overskrift", "Ændring", "Før", "Efter"):
            table.add_column(name, overflow="fold")
        for c in rnd.clauses:
            table.add_row(c.number, c.heading, c.status_da, c.before, c.after)
        console.print(table)
        if not rnd.clauses:
            console.print("Ingen ændringer.")
        for note in rnd.notes:
            console.print(f"Bemærk: {note}")
        if rnd.output is not None:
            console.print(f"Skrev {rnd.output} ({rnd.revisions} sporede ændringer).")
