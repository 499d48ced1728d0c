"""Bad and hostile inputs, built in code, and a runner for `aftale` under a memory limit.

Every command runs in its own process with RLIMIT_AS set (by tests.peak's launcher, before exec), so
a file that makes the tool grow without bound fails the test instead of the machine; the command's
own peak memory, workers included, is read back with wait4 and must stay under PEAK_LIMIT_MB.
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx

from tests.peak import measure

ADDRESS_LIMIT = (
    1536 * 1024 * 1024
)  # virtual memory: Python, lxml and calamine map more than they use
PEAK_LIMIT_MB = 500  # resident memory the issue allows any command
TIME_LIMIT_S = 30
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ENGLISH = ("Traceback", "Error:", "Permission denied", "File exists", "Not a directory",
           "Bad CRC", "No such file", "Errno", "Exception")  # fmt: skip


@dataclass
class Run:
    """Exit code, output streams, wall seconds and peak resident memory of one command."""

    code: int
    out: str
    err: str
    seconds: float
    peak_mb: float


def aftale(*args: str, cwd: Path, unprivileged: bool = False) -> Run:
    """Run `aftale ARGS` in a subprocess under the memory limit; wall time and peak memory too.

    unprivileged: drop every capability first (setpriv), so file permissions apply even to root.
    """
    command = [sys.executable, "-c", "from assembler.launch import main; main()", *args]
    if unprivileged:
        command = ["setpriv", "--bounding-set=-all", "--", *command]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        measured = measure(
            command, cwd, out, err, env={**os.environ, "COLUMNS": "200"},
            address_limit=ADDRESS_LIMIT, timeout=TIME_LIMIT_S * 3,
        )  # fmt: skip
        out.seek(0)
        err.seek(0)
        return Run(
            measured.code,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            measured.seconds,
            measured.peak_mb,
        )


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under folder with a digest of its content (to prove nothing changed)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def assert_refused(run: Run, *needles: str) -> None:
    """Exit 1 with a Danish 'Fejl:' naming what it must, no English, in time and memory."""
    assert run.code == 1, (run.code, run.out, run.err)
    assert run.err.startswith("Fejl: "), run.err
    for needle in needles:
        assert needle in run.err, (needle, run.err)
    assert_no_english(run)


def assert_no_english(run: Run) -> None:
    """No traceback, no English system text, within the time and memory limits."""
    for word in ENGLISH:
        assert word not in run.err and word not in run.out, (word, run.err, run.out)
    assert run.seconds < TIME_LIMIT_S, run.seconds
    assert run.peak_mb < PEAK_LIMIT_MB, run.peak_mb


# --- .docx packages built as literal XML -------------------------------------------------------

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
PARAGRAPHS = (
    "Aftale om hjemmearbejde",
    "Medarbejderen arbejder hjemme to dage om ugen efter aftale med lederen.",
    "Arbejdsgiveren stiller computer og skærm til rådighed.",
)


def document_xml(paragraphs: tuple[str, ...] | list[str] = PARAGRAPHS, prolog: str = "") -> bytes:
    """A minimal w:document with one run per paragraph."""
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    ).encode()


def zip_bytes(parts: dict[str, bytes | str], stored: bool = False) -> bytes:
    """A zip of the parts, in the given order."""
    buffer = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue()


def minimal_docx(document: bytes | None = None, **extra: bytes | str) -> bytes:
    """A valid .docx with no document relationships, styles, settings or numbering."""
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/document.xml": document if document is not None else document_xml(),
    }
    parts.update(extra)
    return zip_bytes(parts)


def styled_docx(path: Path, paragraphs: list[tuple[str, str]]) -> Path:
    """A Word document made with python-docx: (style, text) per paragraph."""
    document = docx.Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style or None)
    document.save(str(path))
    return path
