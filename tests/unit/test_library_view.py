"""`aftale klausuler` shows parameter defaults the way a user writes them, never Python's."""

from __future__ import annotations

import re

import pytest

from assembler.library.model import Library
from assembler.library_view import _default_da, show_library, show_topic


def test_defaults_in_danish() -> None:
    assert _default_da(True) == "ja" and _default_da(False) == "nej"
    assert _default_da(1.5) == "1,5" and _default_da(2) == "2"
    assert _default_da(["Bærbar computer", "Headset"]) == "Bærbar computer; Headset"


def test_listing_leaks_no_python_values(
    library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    show_library(library)
    show_topic(library, "aendring")
    out = capsys.readouterr().out
    assert not re.search(r"standard (True|False)|\['", out)
    assert "standard ja" in out
