"""Write all agreements for a set of answers: all-or-nothing, atomic, never clobbering."""

from __future__ import annotations

import contextlib
import itertools
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from assembler.answers.model import AgreementAnswers, Answers
from assembler.errors import OutputError, os_error_da
from assembler.library.model import Library
from assembler.render.batch import render_agreements, write_agreements
from assembler.render.manifest import write_manifest_csv, write_manifest_json
from assembler.render.naming import UniqueNames, employee_stem
from assembler.render.templates import TemplateSet

LOCAL_FILE = "lokalaftale.docx"
INDIVIDUAL_DIR = "individuelle"
MANIFEST_FILE = "manifest.json"
MANIFEST_CSV = "manifest.csv"

Progress = Callable[[int], None]
PROGRESS_STEP = 16  # documents per progress call (a bar redraws ten times a second anyway)


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
    """Outputs that already exist (one listing per folder, not a stat per file).

    Names are compared case-folded and NFC-normalised, as a case-insensitive or normalising file
    system would match them; a candidate is then confirmed with a stat.
    """
    listed: dict[str, set[str]] = {}

    def names(folder: str) -> set[str]:
        if folder not in listed:
            try:
                listed[folder] = {_folded(p.name) for p in (out_dir / folder).iterdir()}
            except OSError:  # no such folder (the usual fresh output folder), or not a folder
                listed[folder] = set()
        return listed[folder]

    found = []
    for rel in relpaths:
        folder, _, name = rel.rpartition("/")
        if _folded(name) in names(folder) and (out_dir / rel).exists():
            found.append(str(out_dir / rel))
    return found


def _folded(name: str) -> str:
    """A file name as a case-insensitive, normalising file system compares it."""
    return unicodedata.normalize("NFC", name).casefold()


@dataclass
class Staging:
    """A hidden folder inside DIR; files move into place only when every document succeeded."""

    out_dir: Path
    path: Path = field(init=False)
    created: bool = field(init=False)  # DIR did not exist: a failed run removes it again

    def __post_init__(self) -> None:
        self.created = not self.out_dir.exists()
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            self.path = Path(tempfile.mkdtemp(prefix=".aftale-", dir=self.out_dir))
        except OSError as exc:
            raise OutputError(
                f"{self.out_dir}: kan ikke oprette mappen. {os_error_da(exc, self.out_dir)}"
            ) from exc

    def write(self, relpath: str, data: bytes) -> None:
        """Write one staged file."""
        with self.open(relpath) as fh:
            fh.write(data)

    def open(self, relpath: str) -> BinaryIO:
        """A staged file open for writing (buffered: large manifests are written in pieces)."""
        target = self.path / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        return target.open("wb")

    def commit(self, relpaths: list[str]) -> None:
        """Move staged files into place (same file system: each move is atomic).

        A staged folder whose destination does not exist yet (the usual fresh output folder)
        moves in one rename instead of one per document.
        """
        moved_dirs: set[str] = set()
        for rel in relpaths:
            top = rel.split("/", 1)[0]
            if top in moved_dirs:
                continue
            if "/" in rel and not (self.out_dir / top).exists():
                (self.path / top).replace(self.out_dir / top)
                moved_dirs.add(top)
                continue
            final = self.out_dir / rel
            final.parent.mkdir(parents=True, exist_ok=True)
            (self.path / rel).replace(final)
        self.discard()

    def discard(self) -> None:
        """Remove the staging folder and whatever is left in it (and DIR, if we made it)."""
        shutil.rmtree(self.path, ignore_errors=True)
        if self.created:
            with contextlib.suppress(OSError):  # not empty: the run succeeded
                self.out_dir.rmdir()


def render_all(
    library: Library, answers: Answers, templates: TemplateSet, planned: list[PlannedDocument]
) -> Iterator[tuple[PlannedDocument, bytes]]:
    """Render documents in order as they are made (both cores for batches); memory stays flat."""
    rendered = render_agreements(library, answers, templates, [d.agreement for d in planned])
    yield from zip(planned, rendered, strict=True)


def generate(
    library: Library,
    answers: Answers,
    templates: TemplateSet,
    out_dir: Path,
    overwrite: bool = False,
    progress: Progress | None = None,
    findings: dict[str, list[str]] | Callable[[], dict[str, list[str]]] | None = None,
    skipped: list[ManifestRow] | None = None,
) -> list[ManifestRow]:
    """Render every agreement into out_dir, plus the manifest; nothing is written on failure.

    `findings` (the manifest's lines per origin) may be a check to run: it runs here while the
    workers render the first documents into the staging folder, using the core that would
    otherwise wait; if it raises, nothing is written. `skipped` are rows left out because of
    their problems (aftale generer --spring-fejl-over): they are listed in the manifest with
    their problems and returned after the written rows.
    """
    planned = plan_documents(answers)
    relpaths = [d.relpath for d in planned] + [MANIFEST_FILE, MANIFEST_CSV]
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
        staged = str(staging.path)
        targets = [f"{staged}/{d.relpath}" for d in planned]
        agreements = [d.agreement for d in planned]
        written = write_agreements(library, answers, templates, agreements, targets)
        first = next(written, None)  # the workers have started
        lines = (findings() if callable(findings) else findings) or {}
        # Every row is known now (a document either is written or the run fails and nothing
        # is), so the manifest is staged while the workers render instead of after them.
        rows = [
            ManifestRow(d.origin, d.relpath, d.label, "skrevet", list(lines.get(d.origin, [])))
            for d in planned
        ]
        rows += skipped or []
        with staging.open(MANIFEST_FILE) as fh:
            write_manifest_json(rows, fh)
        with staging.open(MANIFEST_CSV) as fh:
            write_manifest_csv(rows, fh)
        shown = 0  # documents written but not yet passed to `progress`
        done = 0
        for _ in itertools.chain([] if first is None else [first], written):
            done += 1
            shown += 1
            if progress and shown >= PROGRESS_STEP:
                progress(shown)
                shown = 0
        if progress and shown:
            progress(shown)
        if done != len(planned):  # pragma: no cover - write_agreements yields every index
            raise RuntimeError("not every document was written")
        staging.commit(relpaths)
    except OSError as exc:  # a full disk while writing (the workers' error names no file)
        staging.discard()
        raise OutputError(
            f"{out_dir}: kan ikke skrive aftalerne. {os_error_da(exc, out_dir)}"
        ) from exc
    except BaseException:
        staging.discard()
        raise
    return rows
