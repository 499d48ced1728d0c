"""Safe reading and deterministic writing of OOXML packages (.docx, .xlsx).

Every incoming file is untrusted: size, entry-count and compression-ratio limits stop zip bombs, and
XML is parsed without DTDs, entities or network access. Written packages have fixed timestamps and a
fixed part order, so identical inputs give byte-identical files.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from assembler.errors import InputFileError, OutputError, os_error_da, zip_error_da

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_TOTAL_UNCOMPRESSED = 400 * 1024 * 1024
MAX_ENTRIES = 10_000
MAX_RATIO = 200  # uncompressed/compressed; Word's own XML compresses about 10-30x
FIXED_DATE = (1980, 1, 1, 0, 0, 0)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

KIND_NAMES = {"docx": "Word-dokument (.docx)", "xlsx": "Excel-projektmappe (.xlsx)"}
MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
)


@dataclass
class Package:
    """The parts of an OOXML package in their original order, as bytes."""

    path: Path
    parts: dict[str, bytes] = field(default_factory=dict)

    def xml(self, name: str) -> etree._Element:
        """Parse one part safely."""
        return parse_xml(self.parts[name], f"{self.path.name}:{name}")


def parse_xml(data: bytes, where: str) -> etree._Element:
    """Parse XML bytes with no DTD, no entities and no network; reject any DOCTYPE."""
    head = data[:2048].lstrip()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data[:65536]:
        raise InputFileError(
            f"{where}: filen indeholder XML-definitioner (DOCTYPE/ENTITY), som ikke er tilladt "
            "i Office-dokumenter. Filen afvises af sikkerhedshensyn."
        )
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputFileError(f"{where}: ugyldig XML ({exc.msg}). Filen er beskadiget.") from exc


def _sniff_non_zip(path: Path, head: bytes, kind: str) -> InputFileError:
    """Explain why a file that is not a zip cannot be read."""
    wanted = KIND_NAMES[kind]
    if head.startswith(OLE_MAGIC):
        data = path.read_bytes()[: 4 * 1024 * 1024]
        if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data:
            return InputFileError(
                f"{path}: filen er beskyttet med adgangskode. Åbn den i Office, fjern "
                "adgangskoden (Filer > Oplysninger > Beskyt) og gem den igen."
            )
        old = ".doc" if kind == "docx" else ".xls"
        return InputFileError(
            f"{path}: filen er i det gamle {old}-format. Åbn den i Office og gem den som {wanted}."
        )
    return InputFileError(f"{path}: filen er ikke et {wanted} (ukendt eller beskadiget indhold).")


def read_package(path: Path, kind: str = "docx") -> Package:
    """Read and sanity-check an OOXML package; raise InputFileError in Danish on any problem."""
    if not path.exists():
        raise InputFileError(f"{path}: filen findes ikke.")
    if path.is_dir():
        raise InputFileError(f"{path}: er en mappe, ikke en fil.")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputFileError(
            f"{path}: filen er for stor ({size // (1024 * 1024)} MB; højst "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB)."
        )
    with path.open("rb") as fh:
        head = fh.read(8)
    if not head.startswith(ZIP_MAGIC):
        raise _sniff_non_zip(path, head, kind)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputFileError(f"{path}: filen er beskadiget (kan ikke læses som zip).") from exc
    with archive:
        infos = archive.infolist()
        _check_limits(path, infos)
        names = {i.filename for i in infos}
        if "[Content_Types].xml" not in names or MAIN_PART[kind] not in names:
            raise InputFileError(f"{path}: filen er ikke et {KIND_NAMES[kind]}.")
        parts: dict[str, bytes] = {}
        try:
            for info in infos:
                if info.is_dir():
                    continue
                parts[info.filename] = _read_limited(archive, info)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise InputFileError(zip_error_da(path, exc)) from exc
    return Package(path=path, parts=parts)


def _check_limits(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Reject zip bombs by entry count, total size and compression ratio."""
    if len(infos) > MAX_ENTRIES:
        raise InputFileError(f"{path}: filen har for mange dele ({len(infos)}); den afvises.")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > MAX_RATIO:
            raise InputFileError(
                f"{path}: delen {info.filename} pakkes ud til {ratio:.0f} gange sin størrelse "
                "(mulig zip-bombe); filen afvises."
            )
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise InputFileError(
            f"{path}: filen fylder {total // (1024 * 1024)} MB udpakket; højst "
            f"{MAX_TOTAL_UNCOMPRESSED // (1024 * 1024)} MB er tilladt."
        )


def _read_limited(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Read one entry, stopping if it inflates beyond its declared size (lying headers)."""
    with archive.open(info) as fh:
        data = fh.read(info.file_size + 1)
    if len(data) > info.file_size:
        raise InputFileError(f"{info.filename}: delen er større end angivet (mulig zip-bombe).")
    return data


def _ordered(names: Iterable[str]) -> list[str]:
    """Content types first, then package rels, then the rest in given order (Office's own order)."""
    first = ["[Content_Types].xml", "_rels/.rels"]
    rest = [n for n in names if n not in first]
    return [n for n in first if n in set(names)] + rest


def package_bytes(parts: Mapping[str, bytes]) -> bytes:
    """Zip parts deterministically: fixed timestamps, fixed order, fixed compression."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name in _ordered(list(parts)):
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            info.create_system = 0
            archive.writestr(info, parts[name], compresslevel=6)
    return buf.getvalue()


def restamp_package(data: bytes, stamp: str = "2026-01-01T00:00:00Z") -> bytes:
    """Make a package saved by openpyxl or python-docx deterministic.

    Both libraries write the current time into the zip entries, and openpyxl also into
    docProps/core.xml; the parts are re-zipped by package_bytes and the times fixed to `stamp`.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    core = "docProps/core.xml"
    if core in parts:
        for tag in (rb"dcterms:created", rb"dcterms:modified"):
            parts[core] = re.sub(
                rb"(<" + tag + rb"[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), parts[core]
            )
    return package_bytes(parts)


def write_atomic(path: Path, data: bytes, overwrite: bool = False) -> None:
    """Write bytes to path via a temporary file and rename; refuse to clobber unless asked."""
    if path.exists() and not overwrite:
        raise OutputError(f"{path}: filen findes allerede. Brug --overskriv for at erstatte den.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".aftale-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            Path(tmp).replace(path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"{path}: kan ikke skrive filen. {os_error_da(exc, path)}") from exc
