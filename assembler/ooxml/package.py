"""Safe reading and deterministic writing of OOXML packages (.docx, .xlsx).

Every incoming file is untrusted: size, entry-count and compression-ratio limits stop zip bombs, and
XML is parsed without DTDs, entities or network access. Written packages have fixed timestamps and a
fixed part order, so identical inputs give byte-identical files.
"""

from __future__ import annotations

import errno
import io
import os
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from lxml import etree

from assembler.errors import InputFileError, OutputError, os_error_da
from assembler.safeio.xmlprolog import has_doctype
from assembler.safeio.zipcheck import (
    MAIN_PART,
    OLE_MAGIC,
    check_parts,
    check_structure,
    is_xml_part,
    read_members,
)

__all__ = ["OLE_MAGIC", "Package", "package_bytes", "parse_xml", "read_package", "write_atomic"]

FIXED_DATE = (1980, 1, 1, 0, 0, 0)

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
)


class Package:
    """The parts of an OOXML package in their original order, as bytes."""

    # A plain class, not a dataclass: `sammenlign` on a plain pair never imports dataclasses
    # (see assembler/compare/model.py, issue 14).
    __slots__ = ("parts", "path")

    def __init__(self, path: Path, parts: dict[str, bytes] | None = None) -> None:
        self.path = path
        self.parts: dict[str, bytes] = {} if parts is None else parts

    def xml(self, name: str) -> etree._Element:
        """Parse one part safely."""
        return parse_xml(self.parts[name], f"{self.path.name}:{name}")


def parse_xml(data: bytes, where: str) -> etree._Element:
    """Parse XML bytes with no DTD, no entities and no network; reject any DOCTYPE."""
    if has_doctype(data):
        raise InputFileError(
            f"{where}: filen indeholder XML-definitioner (DOCTYPE/ENTITY), som ikke er tilladt "
            "i Office-dokumenter. Filen afvises af sikkerhedshensyn."
        )
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputFileError(
            f"{where}: ugyldig XML ({_xml_reason(exc)}). Filen er beskadiget."
        ) from exc


def _xml_reason(exc: etree.XMLSyntaxError) -> str:
    """Where libxml2 stopped, in Danish (its own message is English)."""
    line, column = exc.position if exc.position else (exc.lineno, 0)
    return f"fejl i linje {line}, kolonne {column}"


def read_package(path: Path, kind: str = "docx", *, parts_later: bool = False) -> Package:
    """Read and check an OOXML package (safeio.zipcheck); raise InputFileError in Danish.

    With parts_later, the caller checks the other XML parts itself (check_packages) before it
    uses or writes them.
    """
    parts = read_members(path, kind)
    check_structure(path, kind, parts)
    if not parts_later:
        check_parts(path, kind, parts)
    return Package(path=path, parts=parts)


def check_packages(packages: Sequence[Package], kind: str = "docx") -> None:
    """check_parts on packages read with parts_later; a part equal to the same part of an
    earlier package (the versions of a negotiation share their styles) is checked once, and a
    large part an earlier run proved well-formed (ooxml.checked, by digest) is not parsed again."""
    from assembler.ooxml.checked import MIN_SIZE, CheckedParts

    checked = CheckedParts()
    proved: dict[str, bytes] = {}
    main = MAIN_PART[kind]
    for package in packages:
        # The large XML parts check_parts would parse: not the main part (every reader parses
        # it), not the relationships and content types (check_structure read them).
        large = {
            name: data
            for name, data in package.parts.items()
            if len(data) >= MIN_SIZE
            and name != main
            and is_xml_part(name)
            and not name.endswith(".rels")
            and name != "[Content_Types].xml"
            and proved.get(name) != data
        }
        known = {name: data for name, data in large.items() if checked.known(data)}
        check_parts(package.path, kind, package.parts, {**proved, **known} if known else proved)
        checked.remember(data for name, data in large.items() if name not in known)
        proved.update(package.parts)
    checked.save()


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


_EXCLUSIVE = (
    os.O_RDWR
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def _temporary(folder: Path) -> tuple[int, Path]:
    """A new file in folder, readable by its owner only, created exclusively.

    What tempfile.mkstemp does (the same flags and mode), without importing tempfile, whose
    imports (random, hashlib's SHA-512, weakref) cost about 2% of a short `sammenlign`.
    """
    for _ in range(100):
        tmp = folder / f".aftale-{os.urandom(6).hex()}.tmp"
        try:
            return os.open(tmp, _EXCLUSIVE, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(folder))


def write_atomic(path: Path, data: bytes, overwrite: bool = False) -> None:
    """Write bytes to path via a temporary file and rename; refuse to clobber unless asked."""
    if path.exists() and not overwrite:
        raise OutputError(f"{path}: filen findes allerede. Brug --overskriv for at erstatte den.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _temporary(path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            tmp.replace(path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"{path}: kan ikke skrive filen. {os_error_da(exc, path)}") from exc
