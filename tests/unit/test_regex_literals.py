"""The literal prefilter: words a match must contain; never a search skipped that would match."""

from __future__ import annotations

import gc
import importlib
import pkgutil
import re
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import assembler.audit
from assembler import regex, regex_literals
from assembler.regex import LazyPattern
from assembler.regex_literals import fold, required_literals

LIBRARY = Path(__file__).resolve().parents[2] / "clause_library"


@pytest.mark.parametrize(
    ("pattern", "flags", "words"),
    [
        (r"\bvarsel\b", 0, ("varsel",)),
        (r"Varsel", re.I, ("varsel",)),
        (r"fremmød\w*|\bmøde\w*\s+ind|kald\w*\s+ind", re.I, ("fremmød", "møde", "kald")),
        (r"træder\s+i\s+kraft", re.I, ("træder",)),  # the longest of the words it needs
        (r"(?:uforudsete|akutte?)\b.{0,80}?kortere\s+varsel", re.I, ("kortere",)),
        (r"ab(?:cd)+", 0, ("ab",)),  # 'ab' and 'cd' are both required; either is a filter
        (r"(?=.*frist)\w+", 0, ("frist",)),  # a lookahead's text is in the string too
        (r"x(?:y)?z", 0, ("x",)),  # an optional part breaks the run
        (r"ſkal", re.I, ("skal",)),  # the engine's extra case-equivalents: one representative
    ],
)
def test_words_every_match_must_contain(pattern: str, flags: int, words: tuple[str, ...]) -> None:
    found = required_literals(pattern, flags)
    assert found is not None and set(found) == set(words)


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"\w+", 0),  # nothing literal
        (r"abc|\d+", 0),  # one branch without a word
        (r"(?:abc)?", 0),  # optional
        (r"(?i:abc)def", 0),  # inline flags: not reasoned about
        (r"(a)?(?(1)b|c)", 0),  # a conditional group
        (r"a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s|t|u|v|w|x|yy|zz", 0),  # too many to be cheap
        (r"[(", 0),  # not a pattern
    ],
)
def test_no_prefilter_where_nothing_is_known(pattern: str, flags: int) -> None:
    assert required_literals(pattern, flags) is None


def test_folding_is_the_engines_over_all_of_unicode() -> None:
    """str.lower() plus the fold table equals the engine's lowering for every character outside
    _UNSAFE, so a folded word is found wherever IGNORECASE would match it."""
    odd = []
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        folded = fold(char)
        if char in regex_literals._UNSAFE:
            assert folded is None
        elif folded != regex_literals._fold_char(code):
            odd.append(char)
    assert odd == []


def _audit_patterns() -> list[LazyPattern]:
    """Every LazyPattern of the audit (its phrase readers and features) and the library's."""
    for module in pkgutil.walk_packages(assembler.audit.__path__, "assembler.audit."):
        importlib.import_module(module.name)
    importlib.import_module("assembler.library.terms")
    seen: dict[tuple[str, int], LazyPattern] = {}
    for obj in gc.get_objects():
        if isinstance(obj, LazyPattern):
            seen.setdefault((obj.pattern, int(obj.flags)), obj)
    return list(seen.values())


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


def _library_sentences() -> list[str]:
    """Every text of the clause library, whole and split into sentences."""
    texts = []
    for path in sorted(LIBRARY.rglob("*.yaml")):
        texts += _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    sentences = [s for text in texts for s in re.split(r"(?<=[.;:])\s+|\n", text)]
    return sorted({s for s in texts + sentences if s.strip()})


PATTERNS = _audit_patterns()
SENTENCES = _library_sentences()


def _sound(lazy: LazyPattern, text: str) -> None:
    """The prefilter never answers None where the engine finds a match, and the twin (regex_fold)
    finds the engine's own matches."""
    real = re.compile(lazy.pattern, lazy.flags)
    regex._last = (None, None, None)  # fold anew: the one-text memo must not decide
    found, expected = lazy.search(text), real.search(text)
    assert (found and (found.span(), found.groups())) == (
        expected and (expected.span(), expected.groups())
    ), (lazy.pattern, text)
    assert [(m.span(), m.groups()) for m in lazy.finditer(text)] == [
        (m.span(), m.groups()) for m in real.finditer(text)
    ]


def test_the_audit_has_patterns_with_a_prefilter() -> None:
    assert len(PATTERNS) > 80 and len(SENTENCES) > 300
    with_words = [p for p in PATTERNS if required_literals(p.pattern, p.flags) is not None]
    assert len(with_words) > len(PATTERNS) // 2


def _seen(m: re.Match[str] | None) -> object:
    return None if m is None else (m.span(), m.groups(), m.lastindex)


def test_every_pattern_on_every_library_sentence() -> None:
    skipped = twinned = 0
    for lazy in PATTERNS:
        real = re.compile(lazy.pattern, lazy.flags)
        for text in SENTENCES:
            regex._last = (None, None, None)
            found = lazy.search(text)
            assert _seen(found) == _seen(real.search(text)), (lazy.pattern, text)
            assert [_seen(m) for m in lazy.finditer(text)] == [
                _seen(m) for m in real.finditer(text)
            ], (lazy.pattern, text)
            low = lazy._lowered(text)
            skipped += low is None
            twinned += found is not None and low is not text
    assert skipped > 10_000  # the filter does skip searches, or this test proves nothing
    assert twinned > 1_000  # and the twins find matches


TRICKY = "ſıİKµςσΣßẞﬀǅΩÅåÆæØøIiSsKk§»«„\u0307 \n-"


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    """A library sentence with its case changed, characters dropped, swapped or inserted."""
    text = draw(st.sampled_from(SENTENCES))
    for _ in range(draw(st.integers(0, 4))):
        if not text:
            break
        at = draw(st.integers(0, len(text) - 1))
        action = draw(st.sampled_from(("upper", "drop", "insert", "swap", "title")))
        if action == "upper":
            text = text[:at] + text[at:].upper()
        elif action == "title":
            text = text.title()
        elif action == "drop":
            text = text[:at] + text[at + draw(st.integers(1, 5)) :]
        elif action == "insert":
            text = text[:at] + draw(st.text(TRICKY, max_size=3)) + text[at:]
        else:
            text = text[:at] + draw(st.sampled_from(TRICKY)) + text[at + 1 :]
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated(), st.sampled_from(PATTERNS))
def test_mutated_sentences_never_lose_a_match(text: str, lazy: LazyPattern) -> None:
    _sound(lazy, text)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"skal", "ſkal"),  # the long s matches 's' under IGNORECASE
        (r"kraft", "\u212araft"),  # the Kelvin sign matches 'k'
        (r"ind", "\u0130nd"),  # 'İ' lowers to two characters: no prefilter, the engine decides
        (r"σ", "Σ"),
        (r"ς", "σ"),
    ],
)
def test_unicode_case_equivalents_still_match(pattern: str, text: str) -> None:
    lazy = LazyPattern(pattern, re.I)
    assert (lazy.search(text) is None) == (re.search(pattern, text, re.I) is None)


def test_a_search_with_positions_is_never_skipped() -> None:
    lazy = LazyPattern(r"varsel", re.I)
    assert lazy.search("intet her", 0, 5) is None
    assert lazy.search("et varsel", 3).span() == (3, 9)  # type: ignore[union-attr]
