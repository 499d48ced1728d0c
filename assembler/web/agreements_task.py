"""The "Lav aftaler" job: read and validate the answers, check the rules, write and bundle."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assembler.answers.reader import read_answers_file
from assembler.answers.xlsx.read import read_answers_skipping
from assembler.errors import AnswerError
from assembler.library.model import Library
from assembler.render.generate import MANIFEST_CSV, MANIFEST_FILE, ManifestRow, generate
from assembler.render.templates import TemplateSet
from assembler.rules.engine import check_answers
from assembler.rules.gate import gate
from assembler.web.progress import OUT_DIR, Progress
from assembler.web.results import Names, bundle, counts, error_data, finding_data, pin

BUNDLE = "aftaler.zip"
SKIPPED = "sprunget over"


def make(
    library: Library,
    templates: TemplateSet,
    path: Path,
    names: Names,
    progress: Progress,
    despite_errors: bool,
    skip_rows: bool,
) -> dict[str, Any]:
    """Validate, check and write every agreement; the page's data (or why nothing was made)."""
    progress.phase("Læser og tjekker svarene")
    skipped: list[ManifestRow] = []
    if skip_rows and path.suffix == ".xlsx":
        answers, left_out = read_answers_skipping(library, path)
        skipped = [ManifestRow(row, "", who, SKIPPED, found) for row, who, found in left_out]
    else:
        answers = read_answers_file(library, path)
    path.unlink()
    progress.phase("Tjekker svarene mod reglerne")
    try:
        findings, by_origin = gate(library, answers, despite_errors)
    except AnswerError as exc:
        findings = check_answers(library, answers)
        return {
            "status": "regelfejl",
            "counts": counts(findings),
            "findings": finding_data(library, findings, names),
        } | error_data(exc, names)
    total = 1 + len(answers.employees)
    progress.phase("Skriver aftalerne", total)
    out = names.folder / OUT_DIR
    rows = generate(
        library,
        answers,
        templates,
        out,
        progress=progress.advance,
        findings=by_origin,
        skipped=skipped,
    )
    written = [r for r in rows if r.status != SKIPPED]
    progress.phase("Samler ZIP-filen")
    members = [r.fil for r in written] + [MANIFEST_FILE, MANIFEST_CSV]
    bundle(names.folder / BUNDLE, [(out / m, m) for m in members])
    documents = [
        {
            "label": row.navn or "Lokalaftale",
            "kilde": names.scrub(row.kilde),
            "path": f"{OUT_DIR}/{row.fil}",
            "filename": Path(row.fil).name,
            "fund": len(row.fund),
        }
        for row in written
    ]
    return {
        "status": "faerdig",
        "sector": answers.sector,
        "individual": len(written) - 1,
        "documents": documents,
        "bundle": {"path": BUNDLE, "filename": "aftaler.zip"},
        "extra": [
            {
                "label": "Manifest (JSON)",
                "path": f"{OUT_DIR}/{MANIFEST_FILE}",
                "filename": MANIFEST_FILE,
            },
            {
                "label": "Manifest (CSV til Excel)",
                "path": f"{OUT_DIR}/{MANIFEST_CSV}",
                "filename": MANIFEST_CSV,
            },
        ],
        "counts": counts(findings),
        "findings": finding_data(library, findings, names),
        "skipped": [
            {
                "sted": names.scrub(r.kilde),
                "navn": r.navn,
                "problems": [pin(names.scrub(p)) for p in r.fund],
            }
            for r in skipped
        ],
        "despite_errors": despite_errors and counts(findings)["fejl"] > 0,
    }
