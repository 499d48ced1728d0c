"""The "Sammenlign runder" job: redlines per round, the cumulative one, and the change overview."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assembler.compare.model import Round
from assembler.compare.overview import round_date, row_record
from assembler.compare.rounds import compare_versions, output_paths
from assembler.compare.xlsx import summary_workbook
from assembler.web.progress import OUT_DIR, Progress
from assembler.web.results import Names, bundle, download_name

BUNDLE = "sammenligning.zip"
OVERVIEW = "aendringer.xlsx"


def round_data(rnd: Round, names: Names, path: str, filename: str) -> dict[str, Any]:
    """One round for the page: who, when, the change overview's rows, notes and its redline."""
    day = round_date(rnd)
    return {
        "label": rnd.label,
        "old": names.scrub(rnd.old.path.name),
        "new": names.scrub(rnd.new.path.name),
        "author": rnd.new.author,
        "date": day.isoformat() if day else "",
        "revisions": rnd.revisions,
        "prior": rnd.prior_new,
        "clauses": [row_record(rnd, row) for row in rnd.rows],  # the same rows as the .xlsx
        "notes": list(rnd.notes),
        "path": path,
        "filename": filename,
    }


def write_rounds(
    rounds: list[Round], names: Names, newest_name: str, prefix: str = "redline"
) -> list[dict[str, Any]]:
    """Write each round's redline under ud/ with fixed names; the page data of every round."""
    out = names.folder / OUT_DIR
    out.mkdir(exist_ok=True)
    saved = output_paths(out / f"{prefix}.docx", len(rounds))
    shown = output_paths(Path(download_name(newest_name, "-redline.docx", "redline")), len(rounds))
    data = []
    for rnd, target, label in zip(rounds, saved, shown, strict=True):
        rnd.notes = [names.scrub(note) for note in rnd.notes]
        target.write_bytes(rnd.data)
        data.append(round_data(rnd, names, f"{OUT_DIR}/{target.name}", label.name))
    return data


def compare(
    paths: list[Path], authors: list[str], names: Names, progress: Progress
) -> dict[str, Any]:
    """Compare the versions in order and write the redlines, the overview and the ZIP."""
    progress.phase("Sammenligner versionerne", len(paths) - 1)
    rounds = compare_versions(paths, authors, [])
    newest = names.display[paths[-1].name]
    data = write_rounds(rounds, names, newest)
    overview = names.folder / OUT_DIR / OVERVIEW
    overview.write_bytes(summary_workbook(rounds))
    files = [(names.folder / r["path"], r["filename"]) for r in data]
    overview_name = download_name(newest, "-aendringer.xlsx", "aendringer")
    bundle(names.folder / BUNDLE, [*files, (overview, overview_name)])
    return {
        "status": "faerdig",
        "versions": [names.display[p.name] for p in paths],
        "rounds": data,
        "overview": {"path": f"{OUT_DIR}/{OVERVIEW}", "filename": overview_name},
        "bundle": {"path": BUNDLE, "filename": "sammenligning.zip"},
    }
