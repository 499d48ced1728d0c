"""The commands' work, one function per command, kept apart from argument parsing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from assembler.answers.xlsx.prescan import prescanning
from assembler.cli_support import out_console
from assembler.counts import count, thousands
from assembler.errors import InputFileError, OutputError
from assembler.library import load_library
from assembler.render.collector import collector_paused

if TYPE_CHECKING:
    from assembler.answers.model import Answers
    from assembler.library.model import Library
    from assembler.render.generate import ManifestRow
    from assembler.render.templates import EarlyTemplates
    from assembler.rules.model import Finding

# The readers, the rendering code and the rule check (about a third of a second to import) are
# imported inside the commands: `generer` imports them while a child process scans its sheet.

EXAMPLE_ANSWERS = Path(__file__).resolve().parent / "examples" / "eksempel.yaml"
EXAMPLES = {"stat": EXAMPLE_ANSWERS, "kommune": EXAMPLE_ANSWERS.with_name("kommune.yaml")}
DEMO_ANSWERS_NAME = "eksempel-svar.yaml"
PROGRESS_FROM = 25  # show a progress bar for batches of at least this many documents


def _write_documents(
    library: Library,
    answers: Answers,
    out_dir: Path,
    overwrite: bool,
    local_template: Path | None = None,
    individual_template: Path | None = None,
    findings: dict[str, list[str]] | Callable[[], dict[str, list[str]]] | None = None,
    skipped: list[ManifestRow] | None = None,
    early: EarlyTemplates | None = None,
) -> list[ManifestRow]:
    """Compile templates once (or take those compiled early), then write every agreement (with
    a progress bar for batches)."""
    from rich.progress import Progress

    from assembler.render.generate import generate
    from assembler.render.templates import load_templates

    if early is not None:
        templates = early.take()
    else:
        templates = load_templates(library, local_template, individual_template)
    total = 1 + len(answers.employees)
    if total < PROGRESS_FROM:
        return generate(
            library, answers, templates, out_dir, overwrite, findings=findings, skipped=skipped
        )
    with Progress(console=out_console, transient=True) as progress:
        task = progress.add_task("Skriver aftaler", total=total)
        return generate(
            library, answers, templates, out_dir, overwrite,
            progress=lambda n: progress.advance(task, n), findings=findings, skipped=skipped,
        )  # fmt: skip


def _report(rows: list[ManifestRow], out_dir: Path) -> None:
    """Tell the user what was written, in Danish."""
    individual = sum(1 for r in rows if r.fil.startswith("individuelle/"))
    written = count(individual, "individuel aftale", "individuelle aftaler")
    out_console.print(f"Skrev lokalaftalen og {written} i {out_dir}:")
    for row in rows[:10]:
        out_console.print(f"  {out_dir / row.fil}", markup=False)
    if len(rows) > 10:
        out_console.print(
            f"  … og {thousands(len(rows) - 10)} flere (se {out_dir / 'manifest.json'})"
        )


@collector_paused()  # the parent's objects are long-lived: see collector_paused
def generate_workflow(
    answers_path: Path,
    out_dir: Path,
    overwrite: bool,
    local_template: Path | None,
    individual_template: Path | None,
    library_path: Path | None,
    despite_errors: bool = False,
    skip_rows: bool = False,
) -> None:
    """`aftale generer`: read and validate answers, check the rules, then write the agreements."""
    with prescanning(answers_path) as prescan:  # a large sheet: scanned by a child process
        library = load_library(library_path)
        # Imported here, while the child scans: the readers, the rendering code, the rule check.
        from assembler.answers.reader import read_answers_file
        from assembler.answers.xlsx.read import read_answers_skipping
        from assembler.render.generate import ManifestRow
        from assembler.render.templates import EarlyTemplates
        from assembler.rules.gate import gate

        # Compiled now too while the child scans; their errors come after the sheet's.
        early = EarlyTemplates(library, local_template, individual_template) if prescan else None
        skipped: list[ManifestRow] = []
        # A large sheet takes seconds to read: say so on a terminal (silent elsewhere).
        with out_console.status(f"Læser {answers_path.name} …"):
            if skip_rows and answers_path.suffix.lower() == ".xlsx":
                answers, left_out = read_answers_skipping(library, answers_path, prescan)
                skipped = [ManifestRow(r, "", who, "sprunget over", f) for r, who, f in left_out]
            else:
                answers = read_answers_file(library, answers_path, prescan)
    found: list[Finding] = []

    def check() -> dict[str, list[str]]:
        """The rule check; runs while the first agreements render (it raises on fejl)."""
        findings, by_origin = gate(library, answers, despite_errors)
        found.extend(findings)
        return by_origin

    rows = _write_documents(
        library, answers, out_dir, overwrite, local_template, individual_template, check,
        skipped, early,
    )  # fmt: skip
    _report([r for r in rows if r.status != "sprunget over"], out_dir)
    if skipped:  # the sheet writer's module (openpyxl) is loaded only when there is something
        from assembler.answers.xlsx.workflow import report_skipped

        report_skipped(skipped, out_dir)
    _report_findings([f for f in found if f.severity != "info"])


SHOW_ALL_UP_TO = 10  # findings listed one by one; above this, a summary per rule
FIRST_PLACES = 3  # places named per rule in the summary


def _report_findings(shown: list[Finding]) -> None:
    """Every finding for a small run; for a batch, one line per rule with the first places."""
    if not shown:
        return
    from assembler.rules.gate import describe

    if len(shown) <= SHOW_ALL_UP_TO:
        out_console.print("Fund ved tjekket (står også i manifest.json):", markup=False)
        for finding in shown:
            out_console.print(f"  {describe(finding)}", markup=False)
        return
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for f in shown:  # messages may name the employee: group by rule and title
        groups.setdefault((f.rule, f.severity, f.title), []).append(f)
    out_console.print(
        f"Fund ved tjekket: {thousands(len(shown))} i alt, pr. regel (hele listen står i "
        "manifest.json og manifest.csv):",
        markup=False,
    )
    for (rule, severity, title), found in groups.items():
        many = count(len(found), "aftale", "aftaler")
        out_console.print(f"  {rule} {severity} ({title}): {many}", markup=False)
        same = len({f.message_da for f in found}) == 1
        out_console.print(f"    {'' if same else 'Fx: '}{found[0].message_da}", markup=False)
        places = [f"{f.where} ({f.employee})" if f.employee else f.where for f in found]
        extra = len(places) - FIRST_PLACES
        more = f" og {thousands(extra)} flere" if extra > 0 else ""
        out_console.print(
            f"    Første steder: {'; '.join(places[:FIRST_PLACES])}{more}.", markup=False
        )


def demo_workflow(out_dir: Path, overwrite: bool, example: str = "stat") -> None:
    """`aftale demo`: write the bundled example answers and the agreements made from them.

    The state example also shows a negotiation round; the municipal one shows the other variants.
    """
    # Only the demo needs these (they cost a third of a second to import for `generer`).
    from assembler.answers.files import read_answers
    from assembler.answers.xlsx.workflow import write_demo_sheet
    from assembler.compare.demo import write_demo as write_compare_demo
    from assembler.negotiate.demo import answer_counter_draft
    from assembler.ooxml.package import write_atomic
    from assembler.render.generate import LOCAL_FILE
    from assembler.rules.gate import gate

    library = load_library()
    source = EXAMPLES[example]
    if not source.is_file():
        raise InputFileError(f"{source}: eksemplets svarfil mangler i installationen.")
    answers = read_answers(library, source)
    answers_copy = out_dir / DEMO_ANSWERS_NAME
    if answers_copy.exists() and not overwrite:
        raise OutputError(f"{answers_copy}: filen findes allerede. Brug --overskriv.")
    # The same check as `aftale generer`, so the manifest records the same findings; the demo
    # always writes, and a fejl in the bundled example would be marked as written despite it.
    findings, by_origin = gate(library, answers, override=True)
    rows = _write_documents(library, answers, out_dir, overwrite, findings=by_origin)
    write_atomic(answers_copy, source.read_bytes(), overwrite=True)
    out_console.print(f"Eksemplets svar: {answers_copy}", markup=False)
    sheet = write_demo_sheet(library, answers, out_dir, overwrite)
    out_console.print(f"Eksemplets svar som udfyldt svarark: {sheet}", markup=False)
    _report(rows, out_dir)
    _report_findings(findings)
    if example != "stat":
        return
    round_files = write_compare_demo(out_dir / "forhandling", out_dir / LOCAL_FILE, overwrite)
    out_console.print(
        "Eksempel på en forhandlingsrunde (modpartens udkast, ændringsmarkering og oversigt):"
    )
    for path in round_files:
        out_console.print(f"  {path}", markup=False)
    answer = answer_counter_draft(library, round_files[0], overwrite)
    out_console.print(
        f"Vores gennemgang af modpartens udkast med Word-kommentarer ({len(answer.audit.findings)} "
        f"fund, {len(answer.audit.changes)} ændringer vurderet): {answer.review}",
        markup=False,
    )
    out_console.print(
        f"Vores modforslag – næste runde som sporede ændringer med en kommentar pr. ændring "
        f"({len(answer.made.plan.amendments)} ændringer): {answer.counter_proposal}",
        markup=False,
    )
    out_console.print(f"Vores interne noter til modforslaget: {answer.notes}", markup=False)
