"""Case-insensitive patterns located by their case-sensitive twins: always re's own matches."""

from __future__ import annotations

import re
import sys
from re import _casefix  # type: ignore[attr-defined]
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from assembler import regex, regex_fold, regex_literals, regex_programs
from assembler.regex import LazyPattern
from assembler.regex_fold import folded_code, lowered

_sre: Any = __import__("_sre")

LINEBREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # Py_UNICODE_ISLINEBREAK


@pytest.fixture(autouse=True)
def _own_programs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests' many generated patterns are made and kept apart from the run's stored ones."""
    for name in ("_new", "_made", "_twins", "_words"):
        monkeypatch.setattr(regex_programs, name, {})
    monkeypatch.setattr(regex, "_last", (None, None, None))


def test_lowering_keeps_what_the_engine_tests_over_all_of_unicode() -> None:
    """The three facts regex_fold's proof rests on, for every character a lowered text can hold:
    one character, the engine's own lowering; the classes (and line breaks) unchanged; an
    uncased lowering only of itself. And no text holding 'İ' or 'ſ'-like characters is lowered."""
    odd = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        low = lowered(char)
        if low is None:
            assert char == regex_literals._UNSAFE or char.lower() in regex_literals._FOLDED
            continue
        same = (
            len(low) == 1
            and ord(low) == _sre.unicode_tolower(code)
            and char.isalnum() == low.isalnum()
            and char.isdecimal() == low.isdecimal()
            and char.isspace() == low.isspace()
            and (char in LINEBREAKS) == (low in LINEBREAKS)
            and (_sre.unicode_iscased(ord(low)) or low == char)
            and low not in regex_literals._FOLDED
        )
        if not same:
            odd.append(hex(code))
    assert odd == []


def test_the_extra_case_equivalents_are_classes_of_cased_characters() -> None:
    """An uncased literal is its own twin, and each class has one representative (its least)."""
    extra = _casefix._EXTRA_CASES
    for code, others in extra.items():
        assert _sre.unicode_iscased(code)
        for other in others:
            assert code in extra[other] and set(extra[other]) | {other} == set(others) | {code}
    assert regex_fold._low(ord("ſ")) == regex_fold._low(ord("S")) == ord("s")
    assert "ſ" in regex_literals._FOLDED and "s" not in regex_literals._FOLDED


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"varsel", 0),  # case-sensitive: the engine's own shortcuts apply already
        (r"(?i:varsel)", 0),  # inline flags
        (r"(\w)\1", re.I),  # a back-reference
        (r"(a)?(?(1)b|c)", re.I),  # a conditional
        (r"varsel", re.I | re.ASCII),
        (r"\w*", re.I),  # can match the empty string
        (r"[a-\uffff]", re.I),  # a long range
        (r"\U0001d400x", re.I),  # past the Basic Multilingual Plane
        (r"[(", re.I),  # not a pattern
    ],
)
def test_no_twin(pattern: str, flags: int) -> None:
    assert folded_code(pattern, flags) is None


def test_the_twin_is_the_same_pattern_case_sensitive() -> None:
    twin = regex_programs.compile_twin(r"(?P<n>\d+)\s+Dage?\b", re.I)
    assert twin is not None
    program = regex_programs._program(r"(?P<n>\d+)\s+dage?\b", 0)  # re.compile's own
    assert program is not None
    # CPython compares the pattern, flags and program
    assert twin == regex_programs._build(r"(?P<n>\d+)\s+Dage?\b", program)
    assert regex_programs.compile_twin(r"(?P<n>\d+)\s+Dage?\b", re.I) is twin  # made once a run
    assert regex_programs.compile_twin(r"\w*", re.I) is None


def test_a_twin_is_stored_with_the_programs(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(regex_programs, "_programs", None)
    made = regex_programs.compile_twin(r"træder\s+i\s+kraft", re.I)
    assert regex_programs.compile_twin(r"(\w)\1", re.I) is None
    regex_programs.save()
    for name in ("_programs", "_made", "_twins", "_words"):
        monkeypatch.setattr(regex_programs, name, None if name == "_programs" else {})
    stored = regex_programs._stored()
    assert stored[(r"(\w)\1", re.I | regex_programs.TWIN)][0] == regex_programs.NO_TWIN
    again = regex_programs.compile_twin(r"træder\s+i\s+kraft", re.I)
    assert again is not made and again == made  # from the stored program, the same pattern
    assert regex_programs.compile_twin(r"(\w)\1", re.I) is None


def _answers(pattern: re.Pattern[str] | LazyPattern, text: str) -> tuple[Any, ...]:
    """search's and finditer's answers, each match as its span, groups and last group."""

    def seen(m: re.Match[str] | None) -> Any:
        return None if m is None else (m.span(), m.groups(), m.lastindex, m.group())

    return seen(pattern.search(text)), [seen(m) for m in pattern.finditer(text)]


def _same_as_re(pattern: str, text: str, flags: int = re.I) -> None:
    regex._last = (None, None, None)
    real = re.compile(pattern, flags)
    assert _answers(LazyPattern(pattern, flags), text) == _answers(real, text), (pattern, text)
    program = folded_code(pattern, flags)
    low = lowered(text)
    if program is None or low is None:
        return
    final, code, groups, groupindex, indexgroup = program
    twin = _sre.compile(pattern, final, code, groups, groupindex, indexgroup)
    starts = [i for i in range(len(text) + 1) if real.match(text, i)]
    assert [i for i in range(len(text) + 1) if twin.match(low, i)] == starts, (pattern, text)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"skal", "ſkal SKAL Skal"),  # the long s is 's' under IGNORECASE: no twin for the text
        (r"kraft", "\u212araft KRAFT"),  # the Kelvin sign lowers to 'k'
        (r"ind", "\u0130nd IND"),  # 'İ' lowers to two characters: no twin for the text
        (r"σ+", "Σσς ΣΑΣ"),  # a class of three case-equivalents
        (r"[^σ]\b", "ΣΑς xσ"),
        (r"(?<=å)r\b|(?<!\w)Æ", "ÅR år æble ÆBLE"),  # lookbehind, both kinds
        (r"(?:med\s+)?(?:et\s+)?(\d+|tre|to)\s+dage?", "MED ET to dage, med 3 dag og tre DAGE"),
        (r"aa", "AAAAA"),  # non-overlapping: the next search starts where a match ended
        (r"a|ab", "ABab"),  # the first alternative that matches, not the longest
        (r"\bdag\b|\Bdag", "hverdag Dag dagen"),
        (r"^varsel$|^\w+", "Varsel\nvarsel"),
        (r"(?m)^varsel$", "x\nVarsel\nvarsel"),
        (r"[A-ZÆØÅ]\w+", "år Ægte ØSTER"),
        (r"[^a-z\d]+", "abc ÆØÅ 123 K"),
        (r".\w", "\n\nab"),
    ],
)
def test_tricky_cases_answer_as_re(pattern: str, text: str) -> None:
    _same_as_re(pattern, text)


ALPHABET = "aAbBdDeEgGkKsSiIæÆøØåÅσΣςıſ\u212a\u212b\u0130ß 1_.,\n-"
ATOMS = [
    *"abdegks", "æ", "ø", "å", "σ", "K", "S", "Æ", "I", "1", " ", r"\.", ",", "-",
    r"\w", r"\W", r"\d", r"\s", r"\S", ".", "[a-d]", "[^a-d]", "[A-ZÆØÅ]", "[æøå1 ]",
    "[^\\sæ]", "[ſk]", "[σ]", r"\b", r"\B", "^", "$", r"\A", r"\Z",
    "(?<=a)", "(?<!æ)", "(?<=[a-d] )", "(?=s)", "(?!k)",
]  # fmt: skip
QUANTIFIERS = ["", "", "", "?", "*", "+", "??", "*?", "+?", "{1,2}", "{0,3}?", "{2}"]
# A group's own repeat is bounded: unbounded repeats nested in one another backtrack for ever.
GROUP_QUANTIFIERS = ["", "", "?", "??", "{1,2}", "{0,2}?", "{2}"]


def _patterns() -> st.SearchStrategy[str]:
    atom = st.sampled_from(ATOMS).flatmap(
        lambda a: st.sampled_from(QUANTIFIERS).map(
            lambda q: a + q if a not in (r"\b", r"\B", "^", "$", r"\A", r"\Z") else a
        )
    )

    def grow(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        seq = st.lists(inner, min_size=1, max_size=4).map("".join)
        return st.one_of(
            seq,
            st.tuples(seq, seq).map(lambda ab: f"{ab[0]}|{ab[1]}"),
            st.tuples(
                st.sampled_from(["(", "(?:", "(?>"]), seq, st.sampled_from(GROUP_QUANTIFIERS)
            ).map(lambda t: f"{t[0]}{t[1]}){t[2]}"),
        )

    return st.recursive(atom, grow, max_leaves=6)


def _swapped(text: str, at: int) -> str:
    """The text with the case of its part from `at` swapped (upper, lower or title)."""
    return text[:at] + [str.upper, str.lower, str.title, str.swapcase][at % 4](text[at:])


@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
@given(_patterns(), st.sampled_from([re.I, re.I | re.M]), st.data())
def test_generated_patterns_answer_as_re(pattern: str, flags: int, data: st.DataObject) -> None:
    """Texts around a string the pattern matches (most of the time), in any case."""
    try:
        re.compile(pattern, flags)
    except re.error:
        assume(False)
    text = data.draw(st.text(ALPHABET, max_size=12))
    if data.draw(st.booleans()):
        try:
            matching = data.draw(
                st.from_regex(re.compile(pattern, flags)).filter(lambda s: len(s) < 40)
            )
        except Exception:  # a construct hypothesis cannot generate from
            matching = ""
        text += matching + data.draw(st.text(ALPHABET, max_size=8))
    text = _swapped(text, data.draw(st.integers(0, max(0, len(text)))))
    _same_as_re(pattern, text, flags)


def test_the_audit_patterns_have_twins() -> None:
    from tests.unit.test_regex_literals import PATTERNS

    icase = [p for p in PATTERNS if p.flags & re.I]
    assert len(icase) > 60
    without = [p.pattern for p in icase if folded_code(p.pattern, p.flags) is None]
    assert len(without) < len(icase) // 10, without
