"""The manifest as CSV for Excel users: one line per source row → file → status → findings."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Protocol

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
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for r in rows:
        writer.writerow(csv_row((r.kilde, r.fil, r.navn, r.status, "\n".join(r.fund))))
    return buf.getvalue().encode("utf-8-sig")
