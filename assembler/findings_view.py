"""Print rules and findings for `aftale regler` and `aftale tjek` (rich tables, Danish, or JSON)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typer
from rich.table import Table
from rich.text import Text

from assembler.answers.reader import read_answers_file
from assembler.cli_support import out_console
from assembler.errors import AftaleError
from assembler.library import load_library
from assembler.library.model import SECTORS, Library, Source
from assembler.rules.engine import check_answers, has_errors, source_text
from assembler.rules.model import Finding
from assembler.rules.registry import NOT_CHECKABLE, PARTLY_CHECKABLE, all_rules

SEVERITY_STYLE = {"fejl": "bold red", "advarsel": "yellow", "info": "cyan"}
AGREEMENT_LABEL = {"lokal": "lokalaftale", "individuel": "individuel aftale"}


def library_sources() -> dict[str, Source]:
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
            "besked": r.summary or re.sub(r"\{[a-z_]+\}", "…", r.message),
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


def check_answers_workflow(library: Library, path: Path, as_json: bool) -> bool:
    """`aftale tjek SVAR`: check an answer file and print its findings; True on a fejl."""
    answers = read_answers_file(library, path)
    findings = check_answers(library, answers)
    if as_json:
        emit_json({"fil": str(path), "antal": counts(findings),
                   "fund": [f.as_dict() for f in findings]})  # fmt: skip
    else:
        local = answers.local.origin or "lokalaftale"
        places = [(local, local)] + [
            (e.origin, f"{e.value('parter', 'navn') or ''} ({e.origin})") for e in answers.employees
        ]
        print_findings(findings, str(path), places)
    return has_errors(findings)
