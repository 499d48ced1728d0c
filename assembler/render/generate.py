"""Write all agreements for a set of answers: all-or-nothing, atomic, never clobbering."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from assembler.answers.model import AgreementAnswers, Answers
from assembler.errors import OutputError
from assembler.library.model import Library
from assembler.render.document import render_agreement
from assembler.render.naming import UniqueNames, employee_stem
from assembler.render.templates import TemplateSet

LOCAL_FILE = "lokalaftale.docx"
INDIVIDUAL_DIR = "individuelle"
MANIFEST_FILE = "manifest.json"

Progress = Callable[[int], None]


@dataclass(frozen=True)
class PlannedDocument:
    """One document to write: which agreement, where it came from, and its path under DIR."""

    agreement: AgreementAnswers
    origin: str
    relpath: str
    label: str


@dataclass
class ManifestRow:
    """One line of the manifest: source row → file → status → findings."""

    kilde: str
    fil: str
    navn: str
    status: str
    fund: list[str] = field(default_factory=list)


def plan_documents(answers: Answers) -> list[PlannedDocument]:
    """The local agreement plus one uniquely named file per employee."""
    planned = [PlannedDocument(answers.local, answers.local.origin, LOCAL_FILE, "Lokalaftale")]
    names = UniqueNames()
    for index, employee in enumerate(answers.employees, start=1):
        name = str(employee.value("parter", "navn") or "")
        number = str(employee.value("parter", "medarbejdernummer") or "")
        file_name = names.take(employee_stem(name, number, index))
        planned.append(
            PlannedDocument(employee, employee.origin, f"{INDIVIDUAL_DIR}/{file_name}", name)
        )
    return planned


def _conflicts(out_dir: Path, relpaths: list[str]) -> list[str]:
    """Outputs that already exist."""
    return [str(out_dir / rel) for rel in relpaths if (out_dir / rel).exists()]


@dataclass
class Staging:
    """A hidden folder inside DIR; files move into place only when every document succeeded."""

    out_dir: Path
    path: Path = field(init=False)

    def __post_init__(self) -> None:
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            self.path = Path(tempfile.mkdtemp(prefix=".aftale-", dir=self.out_dir))
        except OSError as exc:
            raise OutputError(f"{self.out_dir}: kan ikke oprette mappen ({exc.strerror}).") from exc

    def write(self, relpath: str, data: bytes) -> None:
        """Write one staged file."""
        target = self.path / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def commit(self, relpaths: list[str]) -> None:
        """Move staged files into place (same file system: each move is atomic)."""
        for rel in relpaths:
            final = self.out_dir / rel
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.path / rel, final)
        self.discard()

    def discard(self) -> None:
        """Remove the staging folder and whatever is left in it."""
        shutil.rmtree(self.path, ignore_errors=True)


def render_all(
    library: Library, answers: Answers, templates: TemplateSet, planned: list[PlannedDocument]
) -> Iterator[tuple[PlannedDocument, bytes]]:
    """Render documents one at a time, so memory stays flat however many rows there are."""
    for doc in planned:
        compiled = templates.for_agreement(doc.agreement.agreement)
        yield doc, render_agreement(compiled, library, answers, doc.agreement)


def generate(
    library: Library,
    answers: Answers,
    templates: TemplateSet,
    out_dir: Path,
    overwrite: bool = False,
    progress: Progress | None = None,
    findings: dict[str, list[str]] | None = None,
) -> list[ManifestRow]:
    """Render every agreement into out_dir, plus manifest.json; nothing is written on failure."""
    planned = plan_documents(answers)
    relpaths = [d.relpath for d in planned] + [MANIFEST_FILE]
    existing = _conflicts(out_dir, relpaths)
    if existing and not overwrite:
        raise OutputError(
            "Disse filer findes allerede; intet er skrevet. Brug --overskriv for at erstatte dem, "
            "eller vælg en anden mappe:",
            existing[:20] + ([f"… og {len(existing) - 20} flere"] if len(existing) > 20 else []),
        )
    staging = Staging(out_dir)
    rows: list[ManifestRow] = []
    try:
        for doc, data in render_all(library, answers, templates, planned):
            staging.write(doc.relpath, data)
            rows.append(
                ManifestRow(doc.origin, doc.relpath, doc.label, "skrevet",
                            list((findings or {}).get(doc.origin, [])))
            )
            if progress:
                progress(1)
        manifest = json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2)
        staging.write(MANIFEST_FILE, manifest.encode("utf-8") + b"\n")
        staging.commit(relpaths)
    except BaseException:
        staging.discard()
        raise
    return rows
