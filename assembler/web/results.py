"""Plain data for the pages, made in the worker: problems pinned to cells, findings, file names.

Everything here is presentation: the checks themselves are the library's. Messages name the
server's own copy of an upload; `Names.scrub` puts the user's file name back, so no server path
ever reaches a page.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assembler.errors import AftaleError
from assembler.library.model import Library
from assembler.render.naming import slug
from assembler.rules.model import SEVERITY_RANK, Finding

# "Individuelle aftaler!F7: …", "Lokalaftale!C12: …", "medarbejdere[2].omfang.dage: …",
# "Individuelle aftaler, række 7: …": the place before the first ": ".
PLACE = re.compile(
    r"(?P<place>[^:\n]{1,80}?(?:![A-Z]{1,3}\d+|, række \d+|\[\d+\][\w.]*|lokalaftale[\w.]*))"
    r":\s+(?P<text>.+)",
    re.DOTALL,
)
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
STORED_SUFFIXES = (".docx", ".xlsx", ".zip")  # already deflated inside


@dataclass
class Names:
    """The server's copies of uploads and the names the user gave them."""

    folder: Path
    display: dict[str, str] = field(default_factory=dict)  # saved file name → user's file name

    def add(self, saved: str, shown: str) -> Path:
        """Register an upload; return its path in the job folder."""
        self.display[saved] = shown
        return self.folder / saved

    def scrub(self, text: str) -> str:
        """The text with server paths replaced by the user's file names."""
        for saved, shown in self.display.items():
            text = text.replace(str(self.folder / saved), shown)
        text = text.replace(f"{self.folder}/", "").replace(str(self.folder), "")
        for saved, shown in self.display.items():
            pattern = re.compile(rf"(?<![\w.-]){re.escape(saved)}(?![\w-])")
            text = pattern.sub(shown.replace("\\", "\\\\"), text)
        return text


def pin(problem: str) -> dict[str, str]:
    """Split 'Individuelle aftaler!F7: text' into the place and what to do."""
    match = PLACE.fullmatch(problem.strip())
    if match is None:
        return {"sted": "", "tekst": problem.strip()}
    return {"sted": match["place"].strip(), "tekst": match["text"].strip()}


def error_data(exc: AftaleError, names: Names) -> dict[str, Any]:
    """A library error as a headline and its problems, each pinned to its place."""
    return {
        "message": names.scrub(exc.message_da),
        "problems": [pin(names.scrub(p)) for p in exc.problems],
    }


def source_links(library: Library, ids: Iterable[str]) -> list[dict[str, str]]:
    """Source ids with their titles and addresses from the library's source register."""
    links = []
    for source_id in ids:
        source = library.sources.get(source_id)
        title = source.title if source else ""
        links.append({"id": source_id, "titel": title, "url": source.url if source else ""})
    return links


def finding_data(
    library: Library, findings: Sequence[Finding], names: Names
) -> list[dict[str, Any]]:
    """Findings as rows for the page, most severe first, then by place."""
    ordered = sorted(findings, key=lambda f: (SEVERITY_RANK[f.severity], _natural(f.where)))
    return [
        f.as_dict()
        | {
            "hvor": names.scrub(f.where),
            "besked": names.scrub(f.message_da),
            "titel": f.title,
            "kilde_links": source_links(library, f.sources),
        }
        for f in ordered
    ]


def _natural(text: str) -> list[Any]:
    """Sort key that puts 'række 9' before 'række 10'."""
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", text)]


def counts(findings: Sequence[Finding]) -> dict[str, int]:
    """How many findings of each severity."""
    return {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_RANK}


def download_name(user_name: str, suffix: str, fallback: str) -> str:
    """A safe file name for the browser's download, from the user's own name where possible."""
    stem = slug(Path(user_name).stem) or fallback
    return f"{stem}{suffix}"


def bundle(target: Path, files: Sequence[tuple[Path, str]]) -> None:
    """A deterministic ZIP of (file, name inside the ZIP), streamed from disk."""
    with zipfile.ZipFile(target, "w", allowZip64=True) as archive:
        for path, arcname in files:
            info = zipfile.ZipInfo(arcname, FIXED_TIME)
            stored = path.suffix.lower() in STORED_SUFFIXES
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with path.open("rb") as source, archive.open(info, "w") as sink:
                while chunk := source.read(1024 * 1024):
                    sink.write(chunk)
