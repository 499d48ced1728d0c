"""`aftale regler` and `aftale tjek`: list the rules; check answers or any agreement .docx."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from assembler.answers.reader import read_answers_file
from assembler.cli_support import out_console
from assembler.errors import AftaleError
from assembler.library import load_library
from assembler.library.model import SECTORS, Source
from assembler.rules.engine import check_answers, has_errors, source_text
from assembler.rules.model import Finding
from assembler.rules.registry import NOT_CHECKABLE, PARTLY_CHECKABLE, all_rules

SEVERITY_STYLE = {"fejl": "bold red", "advarsel": "yellow", "info": "cyan"}
AGREEMENT_LABEL = {"lokal": "lokalaftale", "individuel": "individuel aftale"}


def _sources() -> dict[str, Source]:
    """Source titles from the library, or none when the library cannot be read."""
    try:
        return load_library().sources
    except AftaleError:
        return {}


def rules_data(sources: dict[str, Source]) -> dict[str, Any]:
    """Every rule and every rule that cannot be checked, as plain data."""
    rules = [
        {
            "regel": r.id,
            "alvor": r.severity,
            "aftale": r.agreement,
            "emne": r.topic,
            "titel": r.title,
            "sektorer": list(r.sectors),
            "periode": r.period_da,
            "besked": re.sub(r"\{[a-z_]+\}", "…", r.message),
            "kilder": list(r.sources),
            "kilde": source_text(sources, r.sources),
        }
        for r in all_rules()
    ]
    not_checkable = [
        {"regel": rid, "begrundelse": why, "kilde": source_text(sources, ids)}
        for rid, (why, ids) in NOT_CHECKABLE.items()
    ]
    partly = [{"regel": rid, "begrundelse": why} for rid, why in PARTLY_CHECKABLE.items()]
    return {"regler": rules, "kan_ikke_tjekkes": not_checkable, "delvist": partly}


def print_rules(data: dict[str, Any]) -> None:
    """The rule list as a readable table, then the rules that cannot be checked."""
    table = Table(title="Regler (FACTS.md §4)", show_lines=True, expand=True)
    table.add_column("Regel", no_wrap=True)
    table.add_column("Indhold", ratio=1)
    for r in data["regler"]:
        sectors = "alle" if len(r["sektorer"]) == len(SECTORS) else ", ".join(r["sektorer"])
        table.add_row(
            f"{r['regel']}\n[{SEVERITY_STYLE[r['alvor']]}]{r['alvor']}[/]\n{sectors}\n{r['periode']}",
            Text.assemble(
                (r["titel"], "bold"),
                f" ({AGREEMENT_LABEL[r['aftale']]})\n",
                r["besked"],
                ("\nKilde: " + r["kilde"], "dim"),
            ),
        )
    out_console.print(table)
    out_console.print("\nKan ikke tjekkes ud fra svarene:")
    for r in data["kan_ikke_tjekkes"]:
        out_console.print(f"  {r['regel']}: {r['begrundelse']} [{r['kilde']}]", markup=False)
    out_console.print("\nKan kun tjekkes delvist:")
    for r in data["delvist"]:
        out_console.print(f"  {r['regel']}: {r['begrundelse']}", markup=False)


def _groups(findings: Sequence[Finding]) -> dict[tuple[str, str], list[Finding]]:
    """Findings grouped by agreement/employee, in first-seen order of place."""
    groups: dict[tuple[str, str], list[Finding]] = {}

    def natural(f: Finding) -> tuple[bool, list[Any]]:
        parts = re.split(r"(\d+)", f.where)
        return f.agreement != "lokal", [int(p) if p.isdigit() else p for p in parts]

    for f in sorted(findings, key=natural):
        groups.setdefault((f.where, f.employee), []).append(f)
    return groups


def counts(findings: Sequence[Finding]) -> dict[str, int]:
    """How many findings of each severity."""
    return {s: sum(1 for f in findings if f.severity == s) for s in ("fejl", "advarsel", "info")}


def print_findings(
    findings: Sequence[Finding], title: str, places: Sequence[tuple[str, str]] = ()
) -> None:
    """Findings as one table per agreement/employee, the places without any, and a summary."""
    if not findings:
        out_console.print(f"{title}: ingen fund.", markup=False)
        return
    for (where, name), items in _groups(findings).items():
        heading = f"{name} ({where})" if name else where
        table = Table(title=heading, title_justify="left", expand=True)
        table.add_column("Regel", no_wrap=True)
        table.add_column("Fund", ratio=1)
        for f in items:
            table.add_row(
                f"{f.rule}\n[{SEVERITY_STYLE[f.severity]}]{f.severity}[/]",
                Text.assemble(f.message_da, ("\nKilde: " + f.source, "dim")),
            )
        out_console.print(table)
    clean = [label for where, label in places if where not in {f.where for f in findings}]
    if clean:
        out_console.print("Ingen fund: " + "; ".join(clean), markup=False)
    c = counts(findings)
    out_console.print(
        f"{title}: {c['fejl']} fejl, {c['advarsel']} advarsler, {c['info']} til orientering.",
        markup=False,
    )


def emit_json(data: dict[str, Any]) -> None:
    """Machine-readable output on stdout."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def register(app: typer.Typer) -> None:
    """Add `regler` and `tjek` to the app."""

    @app.command("regler")
    def regler(
        som_json: Annotated[bool, typer.Option("--json", help="Skriv reglerne som JSON.")] = False,
    ) -> None:
        """Vis reglerne fra rammeaftalerne og lovgivningen med alvor, sektorer, periode og kilde."""
        data = rules_data(_sources())
        if som_json:
            emit_json(data)
        else:
            print_rules(data)

    @app.command("tjek")
    def tjek(
        fil: Annotated[
            Path, typer.Argument(help="Svarfil (.xlsx, .yaml, .json) eller en aftale (.docx).")
        ],
        som_json: Annotated[bool, typer.Option("--json", help="Skriv fundene som JSON.")] = False,
        ud: Annotated[
            Path | None,
            typer.Option(
                "-o", "--ud", help="Mappe til gennemgangskopien (standard: ved siden af)."
            ),
        ] = None,
        overskriv: Annotated[
            bool, typer.Option("--overskriv", help="Erstat en eksisterende gennemgangskopi.")
        ] = False,
        sektor: Annotated[
            str | None,
            typer.Option(
                "--sektor", help="stat, kommune eller region (når aftalen ikke siger det)."
            ),
        ] = None,
        bibliotek: Annotated[
            Path | None,
            typer.Option("--bibliotek", help="Brug et andet klausulbibliotek (en mappe)."),
        ] = None,
    ) -> None:
        """Tjek en svarfil eller en aftale (.docx) mod reglerne; .docx får en kommenteret kopi."""
        library = load_library(bibliotek)
        if fil.suffix.lower() == ".docx":
            from assembler.audit.workflow import audit_workflow

            failed = audit_workflow(library, fil, ud, overskriv, sektor, som_json)
        else:
            answers = read_answers_file(library, fil)
            findings = check_answers(library, answers)
            if som_json:
                emit_json({"fil": str(fil), "antal": counts(findings),
                           "fund": [f.as_dict() for f in findings]})  # fmt: skip
            else:
                local = answers.local.origin or "lokalaftale"
                places = [(local, local)] + [
                    (e.origin, f"{e.value('parter', 'navn') or ''} ({e.origin})")
                    for e in answers.employees
                ]
                print_findings(findings, str(fil), places)
            failed = has_errors(findings)
        if failed:
            raise typer.Exit(1)
