"""LazyPattern: compiled on first use, then the same answers as re.compile."""

from __future__ import annotations

import re

from assembler import regex
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


def test_equal_texts_get_the_answers_re_gives_each() -> None:
    """A text searched again (the same sentence in two versions of a round) is answered from
    memory: equal answers for an equal text, and a different text is searched anew."""
    lazy, real = LazyPattern(PATTERN, re.I), re.compile(PATTERN, re.I)
    first, again = TEXT, "".join(TEXT)  # equal, another object
    for text in (first, again, first.upper(), again):
        found = lazy.search(text)
        expected = real.search(text)
        assert found is not None and expected is not None
        assert (found.span(), found.groups()) == (expected.span(), expected.groups())
        assert [(m.span(), m.groups()) for m in lazy.finditer(text)] == [
            (m.span(), m.groups()) for m in real.finditer(text)
        ]
    assert lazy.search(first) is lazy.search(again)  # one answer for both
    assert list(lazy.finditer(first)) == list(lazy.finditer(again))
    assert lazy.search("Intet her") is None and "Intet her" not in lazy._found  # prefiltered
    assert [m.span() for m in lazy.finditer("kun 2 dage")] == [(4, 10)]


def test_the_memory_is_bounded_and_positions_bypass_it() -> None:
    lazy = LazyPattern(r"\d+ dag", re.I)
    for n in range(regex.MEMO_SIZE * 2 + 5):
        assert lazy.search(f"{n} dag").group() == f"{n} dag"  # type: ignore[union-attr]
        assert [m.group() for m in lazy.finditer(f"{n} DAG")] == [f"{n} DAG"]
    assert len(lazy._found) <= regex.MEMO_SIZE and len(lazy._listed) <= regex.MEMO_SIZE
    assert lazy.search("1 dag 2 dag", 2).group() == "2 dag"  # type: ignore[union-attr]
    assert "1 dag 2 dag" not in lazy._found
