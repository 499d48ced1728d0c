"""The manifest's JSON: the text json.dump writes with indent=2, row by row or via json."""

from __future__ import annotations

import io
import json

from assembler.render.generate import ManifestRow
from assembler.render.manifest import write_manifest_json


def _json_dump(rows: list[object]) -> bytes:
    return (json.dumps([vars(r) for r in rows], ensure_ascii=False, indent=2) + "\n").encode()


def _written(rows: list[object]) -> bytes:
    buf = io.BytesIO()
    write_manifest_json(rows, buf)  # type: ignore[arg-type]
    return buf.getvalue()


class _Odd:
    """A row with a number in it: written by json's own encoder."""

    def __init__(self) -> None:
        self.kilde, self.antal = "Ark!A1", 3


def test_manifest_json_is_json_dumps_text() -> None:
    awkward = ManifestRow('Ark!A1 "x" \\', "æøå\n\t\u2028/", "", "skrevet", ["R1 fund", '"2"\x01'])
    cases: list[list[object]] = [
        [],
        [ManifestRow("a", "b", "c", "d")],
        [awkward] * 2501,  # several chunks
        [_Odd()],
    ]
    for rows in cases:
        assert _written(rows) == _json_dump(rows)
    assert json.loads(_written([awkward]))[0]["fund"] == ["R1 fund", '"2"\x01']
