"""Issue-5 quality gates for `aftale sammenlign` on the Word corpus: python bench/corpus_gates.py.

For every pair in bench/compare.py's PAIRS over ../shared/corpus/redline/ (never committed; the
script says so and stops when it is absent) our engine must give a redline whose accept-all is the
newer file and reject-all the older (by tests/unit/compare/oracle.py), with unique revision ids, the
same bytes on every run, and a compare-with-itself that adds nothing and keeps what was there.
When soffice and /usr/bin/python3 with uno exist, LibreOffice repeats accept/reject-all on the
redline and the originals (tests/lo_uno_revisions.py) and exports a PDF. Exit 1 if one of our own
gates fails; LibreOffice results are reported, not gated.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from assembler.compare.packages import compare_packages  # noqa: E402
from assembler.ooxml.package import read_package  # noqa: E402

# The sibling bench modules are loaded at run time, so that mypy checks this file only.
_bench_compare = importlib.import_module("compare")
oracle = importlib.import_module("tests.unit.compare.oracle")
CORPUS: Path = _bench_compare.CORPUS
PAIRS: list[tuple[str, str]] = _bench_compare.PAIRS
AUTHOR, DATE = "Gate", "2026-01-01T00:00:00Z"
LO_PYTHON = Path("/usr/bin/python3")
LO_SCRIPT = ROOT / "tests" / "lo_uno_revisions.py"
LO_TIMEOUT = 900
# Everything a compare-with-itself must leave exactly as it was in the newer file.
KEPT_TAGS = (
    "ins",
    "del",
    "moveFrom",
    "moveTo",
    "moveFromRangeStart",
    "moveToRangeStart",
    "rPrChange",
    "pPrChange",
    "sectPrChange",
    "tblPrChange",
    "trPrChange",
    "tcPrChange",
    "numberingChange",
    "cellIns",
    "cellDel",
    "cellMerge",
    "commentRangeStart",
)
REVISION_TAGS = KEPT_TAGS[:-1]
OWN_GATES = {
    "accept": "acceptér alle ≠ nyeste fil",
    "reject": "afvis alle ≠ ældste fil",
    "ids": "revisions-id'er er ikke unikke",
    "determinism": "to kørsler gav forskellige bytes",
    "self": "sammenligning med sig selv ændrer revisionerne",
    "selfcheck": "selvkontrollen fandt steder, der ikke kunne spores",
    "word": "jubarte-redlines validate fandt nye fejl, som inputtet ikke har",
}
VALIDATOR = shutil.which("jubarte-redlines")


@dataclass
class PairResult:
    """Outcome of every gate for one corpus pair."""

    code: str
    old: Path
    new: Path
    redline: Path
    revisions: int = 0
    gates: dict[str, bool] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)
    lo: dict[str, bool] | None = None
    lo_note: str = ""

    @property
    def name(self) -> str:
        """The pair as shown in the table."""
        return f"{self.old.stem} → {self.new.stem}"

    @property
    def ok(self) -> bool:
        """Whether all of our own gates hold."""
        return all(self.gates.values())

    @property
    def lo_ok(self) -> bool:
        """Whether every LibreOffice check held."""
        return self.lo is not None and not self.lo_note and all(self.lo.values())


def view_diff(label: str, got: dict[str, list[str]], want: dict[str, list[str]]) -> list[str]:
    """A few lines telling where two document views differ."""
    out: list[str] = []
    for key in sorted(set(got) | set(want)):
        if got.get(key) != want.get(key):
            diff = difflib.unified_diff(want.get(key, []), got.get(key, []), lineterm="", n=0)
            lines = [line for line in diff if not line.startswith(("---", "+++", "@@"))]
            out.append(f"{label}, {key}: " + " | ".join(lines[:6]))
            break
    return out


def tag_counts(data: bytes) -> dict[str, int]:
    """Number of each kept tag over all word/ parts."""
    return {tag: oracle.count_tags(data, tag) for tag in KEPT_TAGS}


def run_engine(old: Path, new: Path) -> bytes:
    """Our redline of old → new, read from disk as the CLI does."""
    return compare_packages(read_package(old), read_package(new), AUTHOR, DATE).data


def validity_findings(path: Path) -> set[tuple[str, str]]:
    """(code, message) of jubarte-redlines' Word-validity findings (run as a command only)."""
    assert VALIDATOR is not None
    done = subprocess.run(
        [VALIDATOR, "validate", "--json", str(path)], capture_output=True, text=True, check=False
    )
    return {
        (item["code"], item["message"])
        for item in map(json.loads, done.stdout.splitlines())
        if "code" in item
    }


def own_gates(result: PairResult) -> None:
    """Check accept/reject, id uniqueness, determinism and compare-with-itself."""
    old_bytes, new_bytes = result.old.read_bytes(), result.new.read_bytes()
    first, second = run_engine(result.old, result.new), run_engine(result.old, result.new)
    result.redline.write_bytes(first)
    result.revisions = sum(oracle.count_tags(first, tag) for tag in REVISION_TAGS)
    for view, source in (("accept", new_bytes), ("reject", old_bytes)):
        got, want = oracle.document_view(first, view), oracle.document_view(source, view)
        result.gates[view] = got == want
        result.details += view_diff(view, got, want)
    ids = oracle.revision_ids(first)
    duplicates = sorted(k for k, n in Counter(ids).items() if n > 1)
    result.gates["ids"] = not duplicates
    if duplicates:
        result.details.append(f"dobbelte id'er: {', '.join(map(str, duplicates[:10]))}")
    result.gates["determinism"] = first == second
    checked = compare_packages(read_package(result.old), read_package(result.new), AUTHOR, DATE)
    result.gates["selfcheck"] = not checked.deviations
    result.details += checked.deviations[:3]
    if VALIDATOR is not None:
        new_findings = validity_findings(result.redline) - (
            validity_findings(result.old) | validity_findings(result.new)
        )
        result.gates["word"] = not new_findings
        result.details += [f"Word-gyldighed: {code} {msg}" for code, msg in sorted(new_findings)]
    else:
        result.gates["word"] = True
        result.details.append("jubarte-redlines er ikke installeret; Word-gyldighed ikke prøvet")
    itself = compare_packages(read_package(result.new), read_package(result.new), AUTHOR, DATE)
    before, after = tag_counts(new_bytes), tag_counts(itself.data)
    added = sum(itself.counts.values())
    result.gates["self"] = before == after and added == 0
    if not result.gates["self"]:
        changed = {t: (before[t], after[t]) for t in KEPT_TAGS if before[t] != after[t]}
        result.details.append(f"med sig selv: {added} nye revisioner, ændret {changed}")


def lo_available() -> str | None:
    """None when LibreOffice can be driven, else the Danish reason why not."""
    if shutil.which("soffice") is None:
        return "soffice findes ikke"
    if not LO_PYTHON.exists():
        return f"{LO_PYTHON} findes ikke"
    probe = subprocess.run([str(LO_PYTHON), "-c", "import uno"], capture_output=True, check=False)
    if probe.returncode != 0:
        return f"{LO_PYTHON} kan ikke importere uno"
    return None


def lo_jobs(results: list[PairResult]) -> list[dict[str, str]]:
    """Jobs for tests/lo_uno_revisions.py: originals and redline both ways, plus a PDF."""
    jobs: list[dict[str, str]] = []
    for k, r in enumerate(results):
        for job, path, view in (
            ("old", r.old, "reject"),
            ("new", r.new, "accept"),
            ("accept", r.redline, "accept"),
            ("reject", r.redline, "reject"),
        ):
            jobs.append({"id": f"{k}/{job}", "path": str(path), "view": view})
        jobs.append({"id": f"{k}/pdf", "path": str(r.redline), "view": "asis", "pdf": pdf_path(r)})
    return jobs


def pdf_path(result: PairResult) -> str:
    """Where the PDF of a pair's redline goes."""
    return str(result.redline.with_suffix(".pdf"))


def run_lo(results: list[PairResult], work: Path) -> str | None:
    """Run all LibreOffice jobs in one soffice; None when done, else why it failed."""
    jobs_file, result_file = work / "lo_jobs.json", work / "lo_result.json"
    jobs_file.write_text(json.dumps(lo_jobs(results), ensure_ascii=False), "utf-8")
    command = [str(LO_PYTHON), str(LO_SCRIPT), str(jobs_file), str(result_file)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=LO_TIMEOUT)
    except subprocess.TimeoutExpired:
        return f"LibreOffice blev ikke færdig inden for {LO_TIMEOUT} s"
    if done.returncode != 0 or not result_file.exists():
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["ingen besked"]
        return f"LibreOffice-kørslen fejlede: {tail[0]}"
    answers = json.loads(result_file.read_text("utf-8"))
    for k, r in enumerate(results):
        judge_lo(
            r,
            {
                job: answers.get(f"{k}/{job}", {})
                for job in ("old", "new", "accept", "reject", "pdf")
            },
        )
    return None


def judge_lo(result: PairResult, answers: dict[str, dict[str, object]]) -> None:
    """Compare LibreOffice's accept/reject of the redline with its view of the originals."""
    errors = {job: str(a.get("error", "intet svar")) for job, a in answers.items() if "error" in a}
    broken = [job for job in ("accept", "reject") if job in errors]
    if broken or "old" in errors or "new" in errors:
        for job, msg in errors.items():
            result.details.append(f"LibreOffice {job}: {msg}")
        if broken and {"old", "new"} & set(errors):
            crashed = any(errors[job] != "kunne ikke åbnes" for job in broken)
            what = "går ned" if crashed else "afviser den"
            result.lo_note = (
                f"soffice {what} ved indlæsning via UNO; originalen kan heller ikke indlæses"
            )
        elif broken:
            result.lo_note = "soffice kan ikke indlæse redlinen, men nok originalen"
        else:
            result.lo_note = "soffice kan ikke indlæse originalen"
        result.lo = {}
        return
    pdf = Path(pdf_path(result))
    result.lo = {
        "accept": answers["accept"] == answers["new"],
        "reject": answers["reject"] == answers["old"],
        "pdf": "pdf" not in errors and pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-",
    }
    if "pdf" in errors:
        result.details.append(f"LibreOffice PDF: {errors['pdf']}")
    for view, original in (("accept", "new"), ("reject", "old")):
        got, want = answers[view], answers[original]
        for key in sorted(set(got) | set(want)):
            if got.get(key) != want.get(key):
                result.details.append(f"LibreOffice {view}, {key}: {got.get(key)!r:.160}")
                break


def mark(value: bool | None) -> str:
    """A table cell for a gate: ok, FEJL or – when not run."""
    if value is None:
        return "–"
    return "[green]ok[/]" if value else "[bold red]FEJL[/]"


def table(results: list[PairResult], with_lo: bool) -> Table:
    """The result table, one row per pair."""
    out = Table(
        title="Issue-5-porte på Word-korpusset",
        caption="Rev. = revisionselementer i redlinen (inkl. dem, den nyeste fil havde i forvejen)",
    )
    out.add_column("Par", no_wrap=True)
    out.add_column("Rev.", justify="right")
    for title in (
        "Acceptér",
        "Afvis",
        "Unikke id",
        "Determ.",
        "Med sig selv",
        "Selvkontrol",
        "Word-gyldig",
    ):
        out.add_column(title, justify="center")
    if with_lo:
        for title in ("LO acceptér", "LO afvis", "LO PDF"):
            out.add_column(title, justify="center")
    for r in results:
        cells = [r.name, str(r.revisions), *(mark(r.gates[g]) for g in OWN_GATES)]
        if with_lo:
            lo = r.lo or {}
            cells += [
                mark(lo.get(g)) if not r.lo_note else "[yellow]–[/]"
                for g in ("accept", "reject", "pdf")
            ]
        out.add_row(*cells)
    return out


def summary(results: list[PairResult], lo_state: str | None) -> str:
    """The final line: our gates, then LibreOffice with the reason for each miss."""
    own = sum(r.ok for r in results)
    line = f"gates: {own}/{len(results)} ok"
    if lo_state is not None:
        return f"{line} (LibreOffice sprunget over: {lo_state})"
    lo = sum(r.lo_ok for r in results)
    notes = [f"{r.code}: {r.lo_note or 'afviger'}" for r in results if not r.lo_ok]
    return f"{line} (LibreOffice {lo}/{len(results)}" + "".join(f"; {n}" for n in notes) + ")"


def codes() -> dict[tuple[str, str], str]:
    """Short label per pair: the corpus code (e.g. HC031) unless several pairs share it."""
    short = {pair: pair[0].split("-")[0] for pair in PAIRS}
    seen = Counter(short.values())
    return {pair: c if seen[c] == 1 else f"{pair[0]} → {pair[1]}" for pair, c in short.items()}


def main() -> int:
    """Run every gate on every corpus pair, print the table and return the exit code."""
    parser = argparse.ArgumentParser(
        description="Issue-5-porte for sammenligning på Word-korpusset."
    )
    parser.add_argument(
        "--uden-libreoffice", action="store_true", help="spring LibreOffice-kontrollen over"
    )
    args = parser.parse_args()
    console = Console(width=None if sys.stdout.isatty() else 170)
    if not CORPUS.is_dir():
        console.print(
            f"Korpusmappen {CORPUS} findes ikke (den committes aldrig); intet at kontrollere."
        )
        return 0
    labels = codes()
    with tempfile.TemporaryDirectory(prefix="aftale-gates-") as tmp:
        work = Path(tmp)
        results: list[PairResult] = []
        for k, (a, b) in enumerate(PAIRS):
            old, new = CORPUS / f"{a}.docx", CORPUS / f"{b}.docx"
            missing = [p.name for p in (old, new) if not p.exists()]
            if missing:
                console.print(f"Springer {a} → {b} over: {', '.join(missing)} mangler i korpusset.")
                continue
            result = PairResult(labels[(a, b)], old, new, work / f"{k:02d}-redline.docx")
            own_gates(result)
            results.append(result)
        if not results:
            console.print("Ingen par i korpusset at kontrollere.")
            return 0
        lo_state = "--uden-libreoffice" if args.uden_libreoffice else lo_available()
        if lo_state is None:
            lo_state = run_lo(results, work)
        console.print(table(results, lo_state is None))
    for r in results:
        for gate in (g for g, ok in r.gates.items() if not ok):
            console.print(f"FEJL i {r.name}: {OWN_GATES[gate]}", markup=False, highlight=False)
        for line in r.details:
            console.print(f"  {r.code}: {line}", markup=False, highlight=False)
    console.print(summary(results, lo_state), markup=False, highlight=False)
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
