"""LazyPattern: compiled on first use, then the same answers as re.compile."""

from __future__ import annotations

import re

from assembler.regex import LazyPattern

TEXT = "Varslet er tre arbejdsdage; ved sygdom dog kun én dag. Ingen varsel ved force majeure."
PATTERN = r"(?P<n>\w+)\s+(?P<unit>arbejdsdag|dag)\w*"


def test_nothing_is_compiled_until_a_text_reaches_the_pattern() -> None:
    lazy = LazyPattern(r"(?<!x)\bvarsel\b", re.I)
    assert lazy._compiled is None and lazy.pattern == r"(?<!x)\bvarsel\b"
    assert lazy.search(TEXT) is not None
    assert lazy._compiled is not None


def test_every_method_answers_as_the_compiled_pattern() -> None:
    lazy, real = LazyPattern(PATTERN, re.I), re.compile(PATTERN, re.I)
    assert [m.groupdict() for m in lazy.finditer(TEXT)] == [
        m.groupdict() for m in real.finditer(TEXT)
    ]
    assert lazy.search(TEXT, 20).span() == real.search(TEXT, 20).span()  # type: ignore[union-attr]
    assert lazy.match(TEXT) is None and real.match(TEXT) is None
    assert lazy.fullmatch("tre arbejdsdage").group("n") == "tre"  # type: ignore[union-attr]
    semicolon = LazyPattern(r";\s*")
    assert semicolon.split(TEXT) == re.split(r";\s*", TEXT)
    assert lazy.sub(r"\g<unit>", TEXT) == real.sub(r"\g<unit>", TEXT)
    assert lazy.sub(lambda m: m.group("n").upper(), TEXT, 1) == real.sub(
        lambda m: m.group("n").upper(), TEXT, 1
    )
    assert lazy.findall(TEXT) == real.findall(TEXT) == [("tre", "arbejdsdag"), ("én", "dag")]
