"""The manifest as CSV for Excel users: one line per source row → file → status → findings."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import BinaryIO, Protocol

from assembler.safeio.cells import csv_row

HEADERS = ("Kilde", "Fil", "Navn", "Status", "Fund")


class Row(Protocol):
    """The fields of a manifest row (render.generate.ManifestRow)."""

    kilde: str
    fil: str
    navn: str
    status: str
    fund: list[str]


def manifest_csv(rows: Sequence[Row]) -> bytes:
    """Semicolon-separated UTF-8 with BOM (Danish Excel opens it by double-click); no formulas."""
    buf = io.BytesIO()
    write_manifest_csv(rows, buf)
    return buf.getvalue()


def write_manifest_csv(rows: Sequence[Row], target: BinaryIO) -> None:
    """manifest_csv written straight to a file, a row at a time (flat memory for big batches)."""
    text = io.TextIOWrapper(target, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for r in rows:
        writer.writerow(csv_row((r.kilde, r.fil, r.navn, r.status, "\n".join(r.fund))))
    text.flush()
    text.detach()  # leave the caller's file open


def write_manifest_json(rows: Sequence[Row], target: BinaryIO) -> None:
    """The manifest as indented JSON (json.dump's text with indent=2), written in chunks.

    Rows of text fields and lists of text are written here, each string by json's C escaping:
    json's indented encoder is pure Python, a quarter of a second at 10,000 rows. Anything else
    goes through that encoder.
    """
    items = [vars(r) for r in rows]
    if not all(_plain(item) for item in items):
        encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
        for chunk in encoder.iterencode(items):
            target.write(chunk.encode("utf-8"))
        target.write(b"\n")
        return
    if not items:
        target.write(b"[]\n")
        return
    target.write(b"[\n")
    for start in range(0, len(items), JSON_CHUNK):
        text = ",\n".join(_row_json(item) for item in items[start : start + JSON_CHUNK])
        last = start + JSON_CHUNK >= len(items)
        target.write((text + ("\n]\n" if last else ",\n")).encode("utf-8"))


JSON_CHUNK = 1000  # rows per write
_string = json.encoder.encode_basestring  # json's C escaping, non-ASCII kept


def _plain(item: dict[str, object]) -> bool:
    """A row of strings and lists of strings (what _row_json writes)."""
    return all(
        type(v) is str or (type(v) is list and all(type(x) is str for x in v))
        for v in item.values()
    )


def _row_json(item: dict[str, object]) -> str:
    """One row as json.dumps(item, ensure_ascii=False, indent=2) writes it inside a list."""
    members = []
    for key, value in item.items():
        if type(value) is list:
            text = (
                "[\n      " + ",\n      ".join(map(_string, value)) + "\n    ]" if value else "[]"
            )
        else:
            text = _string(str(value))  # a str (see _plain)
        members.append(f"    {_string(key)}: {text}")
    return "  {\n" + ",\n".join(members) + "\n  }" if members else "  {}"
