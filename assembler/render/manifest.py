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
    """The manifest as indented JSON, encoded and written in chunks rather than one string."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    for chunk in encoder.iterencode([vars(r) for r in rows]):
        target.write(chunk.encode("utf-8"))
    target.write(b"\n")
