"""Open an untrusted OOXML zip: every member checked before any part is used.

Refused, each with the member's name: absolute names and names with '..' (they would be carried
into the review copy and the redline and could land outside a folder when unpacked), names given
twice, encrypted members, members that inflate beyond their declared size or ratio (zip bombs),
and XML parts with a DOCTYPE. Sizes and member counts are also charged to the command's budget.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Generator, Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast
from xml.parsers import expat

from isal import isal_zlib
from lxml import etree

from assembler.errors import InputFileError, os_error_da, zip_error_da
from assembler.safeio import budget
from assembler.safeio.xmlprolog import CHUNK, doctype_in, has_doctype

if TYPE_CHECKING:
    from assembler.safeio.sheetextent import Extent

MB = 1024 * 1024
MAX_FILE_BYTES = 100 * MB
MAX_TOTAL_UNCOMPRESSED = 300 * MB
MAX_ENTRIES = 10_000
MAX_RATIO = 200  # uncompressed/compressed; Word's own XML compresses about 10-30x
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
KIND_NAMES = {"docx": "Word-dokument (.docx)", "xlsx": "Excel-projektmappe (.xlsx)"}
MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
XML_SUFFIXES = (".xml", ".rels", ".vml")
LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # a member's local header, as zipfile reads it
FLAGS_FOR_ZIPFILE = 0x1 | 0x20 | 0x40  # encrypted, patched, strong encryption: zipfile decides
W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_DOCUMENT = f"{{{W_MAIN}}}document"
W_BODY = f"{{{W_MAIN}}}body"
HEAD_CHUNK = 4096  # the body starts within the first few kilobytes of a document part
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
MACRO_PARTS = ("vbaproject.bin", "vbadata.xml")
UNSAFE_NAME = re.compile(r"(^[/\\])|(^[A-Za-z]:)|((^|[/\\])\.\.([/\\]|$))|[\x00-\x1f]")


def is_xml_part(name: str) -> bool:
    """Parts an Office application parses as XML."""
    return name.lower().endswith(XML_SUFFIXES)


def _not_a_zip(path: Path, head: bytes, kind: str) -> InputFileError:
    """Explain why a file that is not a zip cannot be read."""
    wanted = KIND_NAMES[kind]
    if head.startswith(OLE_MAGIC):
        with path.open("rb") as fh:
            data = fh.read(4 * MB)
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


def _check_file(path: Path, kind: str) -> None:
    """Exists, is a file, not too large, and starts like a zip."""
    if not path.exists():
        raise InputFileError(f"{path}: filen findes ikke.")
    if path.is_dir():
        raise InputFileError(f"{path}: er en mappe, ikke en fil.")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputFileError(
            f"{path}: filen er for stor ({size // MB} MB; højst {MAX_FILE_BYTES // MB} MB)."
        )
    with path.open("rb") as fh:
        head = fh.read(8)
    if not head.startswith(ZIP_MAGIC):
        raise _not_a_zip(path, head, kind)


def _check_members(path: Path, kind: str, infos: list[zipfile.ZipInfo]) -> None:
    """Names, duplicates, encryption, counts, sizes and ratios; then charge the budget."""
    if len(infos) > MAX_ENTRIES:
        raise InputFileError(f"{path}: filen har for mange dele ({len(infos)}); den afvises.")
    seen: set[str] = set()
    total = tree = 0
    for info in infos:
        name = info.filename
        if UNSAFE_NAME.search(name):
            raise InputFileError(
                f"{path}: delen {name!r} har et navn, der peger uden for dokumentet (absolut sti "
                "eller '..'). Filen afvises af sikkerhedshensyn; bed afsenderen om en ny kopi."
            )
        if name.lower() in seen:
            raise InputFileError(
                f"{path}: delen {name!r} findes to gange i filen; det er uklart, hvilken der "
                "gælder. Filen afvises."
            )
        seen.add(name.lower())
        if name.lower().rsplit("/", 1)[-1] in MACRO_PARTS:
            raise _refuse_macros(path, kind, name)
        if info.flag_bits & 0x1:
            raise InputFileError(
                f"{path}: delen {name!r} er krypteret. Fjern adgangskoden i Office, og gem igen."
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MB and ratio > MAX_RATIO:
            raise InputFileError(
                f"{path}: delen {name!r} pakkes ud til {ratio:.0f} gange sin størrelse "
                "(mulig zip-bombe); filen afvises."
            )
        total += info.file_size
        if kind == "docx" and is_xml_part(name):
            tree += info.file_size
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise InputFileError(
            f"{path}: filen fylder {total // MB} MB udpakket; højst "
            f"{MAX_TOTAL_UNCOMPRESSED // MB} MB er tilladt."
        )
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or MAIN_PART[kind] not in names:
        raise InputFileError(f"{path}: filen er ikke et {KIND_NAMES[kind]}.")
    budget.charge(str(path), len(infos), total, tree)


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> Generator[bytes]:
    """A member's bytes in chunks, refusing more than its declared size (a lying header)."""
    read = 0
    with archive.open(info) as fh:
        while chunk := fh.read(CHUNK):
            read += len(chunk)
            if read > info.file_size:
                raise InputFileError(
                    f"{path}: delen {info.filename!r} er større end angivet (mulig zip-bombe); "
                    "filen afvises."
                )
            yield chunk


def _refuse_macros(path: Path, kind: str, name: str) -> InputFileError:
    """Macros (VBA) are code: never read, never passed on in a review copy or redline."""
    return InputFileError(
        f"{path}: filen indeholder makroer (delen {name!r}). Åbn den i Office, og gem den som "
        f"{KIND_NAMES[kind]} uden makroer."
    )


def check_structure(path: Path, kind: str, parts: dict[str, bytes]) -> None:
    """The parts every reader relies on: well-formed relationships and content types, no macro
    content type, and a main part whose root is what the kind needs (w:document with w:body).

    The other XML parts are check_parts' job (a command may run it later, beside other work).
    """
    main = MAIN_PART[kind]
    for name, data in parts.items():
        if _is_structure(name):
            _well_formed(path, name, data)
    if b"macroenabled" in parts.get("[Content_Types].xml", b"").lower():
        raise _refuse_macros(path, kind, "[Content_Types].xml")
    if kind == "docx":
        root = _main_root(path, main, parts[main])
        if root is not None:
            why = (
                f"præfikset i <{root}> hører ikke til Words navnerum"
                if ":" in root
                else f"den begynder med <{root}> i stedet for <w:document> med <w:body>"
            )
            raise InputFileError(
                f"{path}: delen {main!r} er ikke et Word-dokument ({why}). Filen afvises."
            )


def check_parts(
    path: Path, kind: str, parts: dict[str, bytes], proved: Mapping[str, bytes] | None = None
) -> None:
    """Refuse an XML part that is not well-formed, other than the main part (every reader parses
    that anyway) and those check_structure reads; a part equal to `proved[name]` (the same part
    of another version, already checked) is not parsed again.

    A broken styles, comments or header part would otherwise be carried into the review copy
    or the redline, which Word then cannot open. Expat builds no tree: a few ms a package.
    """
    main = MAIN_PART[kind]
    for name, data in parts.items():
        elsewhere = not is_xml_part(name) or name == main or _is_structure(name)
        if not elsewhere and (proved is None or proved.get(name) != data):
            _well_formed(path, name, data)


def _is_structure(name: str) -> bool:
    return name == "[Content_Types].xml" or name.endswith(".rels")


def _well_formed(path: Path, name: str, data: bytes) -> None:
    """Refuse a part that is not well-formed XML, naming the part, line and column."""
    try:
        expat.ParserCreate().Parse(data, True)
    except (expat.ExpatError, LookupError):  # or an encoding expat lacks: lxml decides
        try:
            etree.fromstring(data, _SAFE_PARSER)
        except etree.XMLSyntaxError as exc:
            line, column = exc.position if exc.position else (exc.lineno, 0)
            raise _broken(path, name, data, line, column) from exc
        except LookupError as exc:  # encoding="TTF-8"
            raise _broken(path, name, data, 1, 1) from exc


def _broken(path: Path, name: str, data: bytes, line: int, column: int) -> InputFileError:
    """A part that is not XML, named with file, part, line and column."""
    if not data.strip():
        return InputFileError(
            f"{path}: delen {name!r} er tom. Filen er beskadiget; bed afsenderen om en ny "
            "kopi, eller åbn og gem den i Office."
        )
    return InputFileError(
        f"{path}: delen {name!r} er ikke gyldig XML (fejl i linje {line}, kolonne {column}). "
        "Filen er beskadiget; bed afsenderen om en ny kopi, eller åbn og gem den i Office."
    )


def _main_root(path: Path, name: str, data: bytes) -> str | None:
    """None when the part is a w:document with a w:body, else its root's name; read only as
    far as the body (Word's documents put it first, after an optional background)."""
    parser = etree.XMLPullParser(
        events=("start",), resolve_entities=False, no_network=True, load_dtd=False
    )
    root: etree._Element | None = None
    try:
        for start in range(0, len(data), HEAD_CHUNK):
            parser.feed(data[start : start + HEAD_CHUNK])
            for _, found in parser.read_events():
                element = cast(etree._Element, found)  # "start" events give elements only
                root = element if root is None else root
                if root.tag != W_DOCUMENT:  # also a w: prefix bound to no namespace
                    return root_name(root)
                if element.getparent() is root and element.tag == W_BODY:
                    return None
        parser.close()
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno, 0)
        raise _broken(path, name, data, line, column) from exc
    except LookupError as exc:  # an encoding no parser knows
        raise _broken(path, name, data, 1, 1) from exc
    return root_name(root) if root is not None else "intet"


def root_name(element: etree._Element) -> str:
    """An element's name as written, for a message."""
    tag = str(element.tag)
    return tag.rsplit("}", 1)[-1]  # '{ns}document' → 'document'; 'w:document' (prefix unbound)


def _refuse_doctype(path: Path, name: str) -> InputFileError:
    """The DOCTYPE refusal, naming file and part."""
    return InputFileError(
        f"{path}: delen {name!r} indeholder XML-definitioner (DOCTYPE/ENTITY), som ikke er "
        "tilladt i Office-dokumenter, og som Word også afviser. Filen afvises af "
        "sikkerhedshensyn."
    )


def _open(path: Path, kind: str) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    """The checked archive and its file members."""
    _check_file(path, kind)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise InputFileError(zip_error_da(path, exc)) from exc
    except OSError as exc:
        raise InputFileError(f"{path}: filen kan ikke læses. {os_error_da(exc, path)}") from exc
    try:
        infos = archive.infolist()
        _check_members(path, kind, infos)
    except BaseException:
        archive.close()
        raise
    return archive, [i for i in infos if not i.is_dir()]


def _guard(path: Path, exc: Exception) -> InputFileError:
    """A Danish error for a failure while inflating."""
    if isinstance(exc, InputFileError):
        return exc
    if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile):
        return InputFileError(f"{path}: filen kan ikke læses. {os_error_da(exc, path)}")
    return InputFileError(zip_error_da(path, exc))


ZIP_FAILURES = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError)


def read_members(path: Path, kind: str) -> dict[str, bytes]:
    """Every member's bytes, in archive order, after all checks (XML parts: no DOCTYPE)."""
    archive, infos = _open(path, kind)
    parts: dict[str, bytes] = {}
    with archive:
        try:
            for info in infos:
                data = _inflated(archive.fp, info)
                if data is None:
                    data = b"".join(_chunks(archive, info, path))
                if is_xml_part(info.filename) and has_doctype(data):
                    raise _refuse_doctype(path, info.filename)
                parts[info.filename] = data
        except (*ZIP_FAILURES, InputFileError) as exc:
            raise _guard(path, exc) from exc
    return parts


def _inflated(fh: IO[bytes] | None, info: zipfile.ZipInfo) -> bytes | None:
    """A deflated member's bytes, inflated by ISA-L in one call; None leaves it to zipfile.

    The common case of a sound member, about three times faster than zipfile's chunked reading
    (zlib's inflate and CRC). Anything unusual (another compression, flags, a local header that
    disagrees with the directory, a short read, more bytes than declared, invalid data, a wrong
    CRC) returns None, and _chunks then reads the member through zipfile with its own checks
    and errors, so a damaged or hostile member is refused exactly as before.
    """
    if fh is None or info.compress_type != zipfile.ZIP_DEFLATED:
        return None
    if info.flag_bits & FLAGS_FOR_ZIPFILE:
        return None
    try:
        fh.seek(info.header_offset)
        header = fh.read(LOCAL_HEADER.size)
        if len(header) != LOCAL_HEADER.size:
            return None
        magic, _, _, flags, *_, name_len, extra_len = LOCAL_HEADER.unpack(header)
        name = fh.read(name_len)
        if magic != ZIP_MAGIC or name.decode("utf-8" if flags & 0x800 else "cp437") != (
            info.orig_filename
        ):
            return None
        fh.seek(extra_len, 1)
        packed = fh.read(info.compress_size)
        if len(packed) != info.compress_size:
            return None
        data: bytes = isal_zlib.decompressobj(-15).decompress(packed, info.file_size + 1)
    except Exception:  # isal_zlib.error, a short file …: zipfile reads it and says why
        return None
    if len(data) > info.file_size or isal_zlib.crc32(data) != info.CRC:
        return None
    return data


def scan_members(
    path: Path,
    kind: str,
    pattern: re.Pattern[bytes] | None = None,
    extents: dict[str, Extent] | None = None,
) -> tuple[list[str], set[str]]:
    """Check every member by streaming (nothing is kept); member names, and parts matching pattern.

    For packages another library reads itself (openpyxl, calamine): DOCTYPEs, names, sizes and
    CRCs are checked here first, with memory bounded by the chunk size. With extents, each
    worksheet's reach is measured on the way (safeio.sheetextent), keyed by part name.
    """
    archive, infos = _open(path, kind)
    found: set[str] = set()
    with archive:
        try:
            for info in infos:
                member = _chunks(archive, info, path)
                try:
                    _scan_member(path, info.filename, member, pattern, found, extents)
                finally:
                    member.close()  # a part refused halfway leaves no member file open
        except (*ZIP_FAILURES, InputFileError) as exc:
            raise _guard(path, exc) from exc
    return [i.filename for i in infos], found


def _scan_member(
    path: Path,
    name: str,
    chunks: Iterator[bytes],
    pattern: re.Pattern[bytes] | None,
    found: set[str],
    extents: dict[str, Extent] | None,
) -> None:
    """Stream one member through its checks: DOCTYPE, pattern, and a worksheet's reach."""
    if not is_xml_part(name):
        for _ in chunks:  # inflated for the CRC and size checks only
            pass
        return
    if extents is not None and _is_worksheet(name):
        from assembler.safeio.sheetextent import Extent  # sheets only

        extents[name] = extent = Extent()
        chunks = _measured(chunks, extent)
    watched = _watch(chunks, name, pattern, found)
    if doctype_in(watched):
        raise _refuse_doctype(path, name)
    for _ in watched:
        pass


def _is_worksheet(name: str) -> bool:
    """A worksheet part of a workbook."""
    return name.startswith("xl/worksheets/") and name.endswith(".xml")


def _measured(chunks: Iterator[bytes], extent: Extent) -> Iterator[bytes]:
    """Pass chunks on while the extent counts them."""
    for chunk in chunks:
        extent.feed(chunk)
        yield chunk


def _watch(
    chunks: Iterator[bytes], name: str, pattern: re.Pattern[bytes] | None, found: set[str]
) -> Iterator[bytes]:
    """Pass chunks on while noting whether pattern occurs (also across chunk borders)."""
    tail = b""
    for chunk in chunks:
        # the chunk, and its border with the last one, without copying the chunk
        searched = pattern is not None and name not in found
        if searched and (pattern.search(chunk) or pattern.search(tail + chunk[:32])):  # type: ignore[union-attr]
            found.add(name)
        tail = chunk[-32:]
        yield chunk
