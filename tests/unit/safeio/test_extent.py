"""safeio.sheetextent: the bounds on a worksheet's reach, however its XML is cut into chunks."""

from __future__ import annotations

import pytest

from assembler.safeio.sheetextent import NEAR_COLUMNS, NEAR_ROWS, Extent, column_number


def _extent(xml: bytes, chunk: int) -> Extent:
    extent = Extent()
    for start in range(0, len(xml), chunk):
        extent.feed(xml[start : start + chunk])
    return extent


ROW = b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>Navn</t></is></c><c r="BU%d"><v>3</v></c></row>'
ORDINARY = b"<sheetData>" + b"".join(ROW % (r, r, r) for r in range(1, 400)) + b"</sheetData>"


@pytest.mark.parametrize("chunk", [1, 7, 64, 4096, 1 << 20])
def test_an_ordinary_sheet_stays_near_at_any_chunking(chunk: int) -> None:
    extent = _extent(ORDINARY, chunk)
    assert (extent.rows, extent.columns, extent.unreferenced_cells) == (NEAR_ROWS, NEAR_COLUMNS, 0)


@pytest.mark.parametrize("chunk", [3, 64, 1 << 20])
def test_a_far_value_is_found_across_chunk_borders(chunk: int) -> None:
    xml = ORDINARY.replace(
        b"</sheetData>", b'<row r="7"><c r="XFD1048576" t="n"><v>1</v></c></row>'
    )
    extent = _extent(xml, chunk)
    assert (extent.rows, extent.columns) == (1_048_576, 16_384)


@pytest.mark.parametrize("chunk", [5, 64, 1 << 20])
def test_far_empty_cells_and_rows_hold_no_value(chunk: int) -> None:
    xml = ORDINARY + b'<row r="1048576" s="1"><c r="XFD1048576" s="3"/></row>'
    extent = _extent(xml, chunk)
    assert (extent.rows, extent.columns) == (NEAR_ROWS, NEAR_COLUMNS)


def test_a_prefixed_ordinary_sheet_has_no_unreferenced_cells() -> None:
    xml = ORDINARY.replace(b"<row", b"<x:row").replace(b"</row", b"</x:row")
    xml = xml.replace(b"<c ", b"<x:c ").replace(b"</c>", b"</x:c>")
    assert _extent(xml, 64).unreferenced_cells == 0


def test_cells_without_references_widen_the_block_with_any_prefix() -> None:
    xml = b'<x:row r="900000">' + b"<x:c><x:v>1</x:v></x:c>" * 50 + b"<c>" + b"</x:row>"
    extent = _extent(xml, 16)
    assert extent.unreferenced_cells == 51
    assert extent.columns == NEAR_COLUMNS + 51
    assert extent.rows == 900_000  # they land in the numbered row, far down


def test_column_numbers_as_excel_counts() -> None:
    assert [column_number(c) for c in (b"", b"A", b"Z", b"AA", b"CZ", b"XFD")] == [
        0, 1, 26, 27, 104, 16_384,
    ]  # fmt: skip


@pytest.mark.parametrize("chunk", [1, 7, 64, 4096, 1 << 20])
def test_hidden_rows_are_found_at_any_chunking(chunk: int) -> None:
    xml = (
        ORDINARY.replace(b'<row r="5">', b'<row r="5" spans="1:3" hidden="1" ht="15">')
        .replace(b'<row r="250">', b'<x:row hidden="true" r="250">')
        .replace(b'<row r="9">', b'<row r="9" hidden="0">')  # shown
    )
    assert _extent(xml, chunk).hidden_rows == {5, 250}
    assert _extent(ORDINARY, chunk).hidden_rows == set()


@pytest.mark.parametrize("chunk", [1, 7, 64, 4096, 1 << 20])
def test_hidden_column_spans_are_found_at_any_chunking(chunk: int) -> None:
    cols = (
        b'<cols><col min="1" max="1" width="9"/><col width="12" min="3" max="5" hidden="1"/>'
        b'<x:col hidden="true" min="7" customWidth="1"/><col min="9" max="9" hidden="0"/></cols>'
    )
    assert _extent(cols + ORDINARY, chunk).hidden_columns == {(3, 5), (7, 7)}
    assert _extent(ORDINARY, chunk).hidden_columns == set()
