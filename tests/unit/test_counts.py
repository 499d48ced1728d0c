"""Counts in Danish: thousands separators and singular/plural, in the CLI and the web pages."""

from __future__ import annotations

from pathlib import Path

from assembler.cli_support import out_console
from assembler.counts import count, thousands
from assembler.render.generate import ManifestRow
from assembler.workflows import _report


def test_thousands_use_a_full_stop() -> None:
    assert [thousands(n) for n in (7, 1000, 10000, 2_000_001)] == [
        "7",
        "1.000",
        "10.000",
        "2.000.001",
    ]


def test_one_is_singular_and_the_rest_plural() -> None:
    assert count(1, "individuel aftale", "individuelle aftaler") == "1 individuel aftale"
    assert count(0, "advarsel", "advarsler") == "0 advarsler"
    assert count(12000, "advarsel", "advarsler") == "12.000 advarsler"


def _rows(employees: int) -> list[ManifestRow]:
    local = ManifestRow("", "lokalaftale.docx", "", "skrevet", [])
    return [local] + [
        ManifestRow(str(i), f"individuelle/a{i}.docx", f"M {i}", "skrevet", [])
        for i in range(employees)
    ]


def test_generer_reports_its_count_in_danish(tmp_path: Path) -> None:
    with out_console.capture() as one:
        _report(_rows(1), tmp_path)
    assert "Skrev lokalaftalen og 1 individuel aftale i" in one.get()
    with out_console.capture() as many:
        _report(_rows(10000), tmp_path)
    printed = many.get()
    assert "Skrev lokalaftalen og 10.000 individuelle aftaler i" in printed
    assert "… og 9.991 flere" in printed
