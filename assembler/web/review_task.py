"""The "Tjek et udkast" job: the audit and its commented copy, the redline against our version."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assembler.audit.comments_plan import comment_plan
from assembler.audit.review import audit
from assembler.audit.review_copy import write_review
from assembler.compare.rounds import compare_versions
from assembler.library.model import AGREEMENT_NAMES, Library
from assembler.web import counter
from assembler.web.compare_task import write_rounds
from assembler.web.progress import OUT_DIR, Progress
from assembler.web.results import Names, bundle, counts, download_name, finding_data

BUNDLE = "gennemgang.zip"
REVIEW = "gennemgang.docx"
COUNTER = "modforslag.docx"
HOW_DA = {"bogmærke": "aftale-bogmærke", "overskrift": "overskrift", "tekst": "formulering"}


def review(
    library: Library,
    draft: Path,
    ours: Path | None,
    names: Names,
    progress: Progress,
    sector: str | None,
    make_counter: bool,
) -> dict[str, Any]:
    """Audit the draft, write the review copy, and compare it with our version when given."""
    progress.phase("Læser og tjekker udkastet")
    result, document = audit(library, draft, sector, ours)
    out = names.folder / OUT_DIR
    out.mkdir(exist_ok=True)
    write_review(document, comment_plan(result, document), out / REVIEW, replace=False)
    draft_name = names.display[draft.name]
    files = [
        {
            "label": "Gennemgang med Word-kommentarer",
            "path": f"{OUT_DIR}/{REVIEW}",
            "filename": download_name(draft_name, "-gennemgang.docx", "gennemgang"),
        }
    ]
    rounds: list[dict[str, Any]] = []
    if ours is not None:
        progress.phase("Sammenligner med jeres seneste version")
        rounds = write_rounds(compare_versions([ours, draft], [], []), names, draft_name)
        files += [
            {
                "label": "Deres ændringer som sporede ændringer",
                "path": r["path"],
                "filename": r["filename"],
            }
            for r in rounds
        ]
    writer = counter.counter_proposal_writer()
    if make_counter and writer is not None:
        progress.phase("Laver modforslaget")
        writer(library, draft, ours, out / COUNTER)
        files.append(
            {
                "label": "Modforslag med sporede ændringer",
                "path": f"{OUT_DIR}/{COUNTER}",
                "filename": download_name(draft_name, "-modforslag.docx", "modforslag"),
            }
        )
    bundle(names.folder / BUNDLE, [(names.folder / f["path"], f["filename"]) for f in files])
    data = result.as_dict()
    return {
        "status": "faerdig",
        "draft": draft_name,
        "agreement": AGREEMENT_NAMES[result.agreement],
        "sector": result.sector,
        "sector_from": result.sector_from,
        "from_answers": result.from_answers,
        "found": [
            {
                "emne": f["emne"],
                "hvordan": HOW_DA.get(f["hvordan"], f["hvordan"]),
                "afsnit": f["afsnit"][:90],
            }
            for f in data["fundne_emner"]
        ],
        "missing": data["mangler"],
        "missing_recommended": data["anbefalede_mangler"],
        "edited": data["aendret_efter_generering"],
        "deleted": data["slettet_efter_generering"],
        "counts": counts(result.findings),
        "findings": finding_data(library, result.findings, names),
        "files": files,
        "rounds": rounds,
        "bundle": {
            "path": BUNDLE,
            "filename": download_name(draft_name, "-gennemgang.zip", "gennemgang"),
        },
    }
