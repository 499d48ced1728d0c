"""Stored programs of regular expressions: the patterns built from them are re.compile's own."""

from __future__ import annotations

import gc
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import assembler.audit
from assembler import regex_programs
from assembler.regex import LazyPattern
from assembler.regex_fold import folded_code
from assembler.regex_literals import required_literals

PATTERN = r"(?P<n>\d+)\s+(?P<unit>arbejdsdag|dag)\w*"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of the test's own, and nothing read or compiled yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(regex_programs, "_programs", None)
    monkeypatch.setattr(regex_programs, "_new", {})
    monkeypatch.setattr(regex_programs, "_made", {})
    monkeypatch.setattr(regex_programs, "_twins", {})
    monkeypatch.setattr(regex_programs, "_words", {})
    path = regex_programs._path()
    assert path is not None and path.parent == tmp_path / "aftale"
    return path


def _again(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a later run: the stored programs are read anew, no pattern is made yet."""
    monkeypatch.setattr(regex_programs, "_programs", None)
    monkeypatch.setattr(regex_programs, "_made", {})
    monkeypatch.setattr(regex_programs, "_twins", {})
    monkeypatch.setattr(regex_programs, "_words", {})


def _audit_patterns() -> list[LazyPattern]:
    """Every LazyPattern of the audit's phrase readers."""
    for module in pkgutil.walk_packages(assembler.audit.__path__, "assembler.audit."):
        importlib.import_module(module.name)
    return [obj for obj in gc.get_objects() if isinstance(obj, LazyPattern)]


def test_a_stored_program_builds_the_pattern_re_compile_builds(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = regex_programs.compile_pattern(PATTERN, re.I)
    regex_programs.save()
    assert store.exists()
    _again(monkeypatch)
    assert (PATTERN, re.I) in regex_programs._stored()
    second = regex_programs.compile_pattern(PATTERN, re.I)
    assert second is not first and second is not re.compile(PATTERN, re.I)  # from the program
    assert regex_programs.compile_pattern(PATTERN, re.I) is second  # made once a run
    assert second == first == re.compile(PATTERN, re.I)  # CPython compares flags and program
    assert second.groupindex == {"n": 1, "unit": 2}
    assert second.search("med 3 arbejdsdages varsel").group("n", "unit") == ("3", "arbejdsdag")  # type: ignore[union-attr]


def test_every_audit_pattern_is_the_same_from_its_stored_program(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patterns = _audit_patterns()
    assert len(patterns) > 50
    fresh = [regex_programs.compile_pattern(p.pattern, p.flags) for p in patterns]
    regex_programs.save()
    _again(monkeypatch)
    # every lazy pattern is stored; importing the audit alone may also store its eager patterns
    assert {(p.pattern, p.flags) for p in patterns} <= set(regex_programs._stored())
    stored = [regex_programs.compile_pattern(p.pattern, p.flags) for p in patterns]
    assert stored == fresh == [re.compile(p.pattern, p.flags) for p in patterns]
    assert regex_programs._words  # the required words come from the file, not from parsing
    assert all(
        regex_programs._words[(p.pattern, p.flags)] == required_literals(p.pattern, p.flags)
        for p in patterns
    )
    # the twins made from the same parse as the programs: a parse of their own makes the same
    twins = [p for p in patterns if p.flags & re.I]
    for p in twins:
        stored = regex_programs._stored()[(p.pattern, p.flags | regex_programs.TWIN)]
        alone = folded_code(p.pattern, p.flags)
        if alone is None:
            assert stored[0] == regex_programs.NO_TWIN
        else:
            assert regex_programs._build(p.pattern, stored) == regex_programs._build(
                p.pattern, alone
            )


def test_a_damaged_file_is_ignored_and_written_anew(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.parent.mkdir(parents=True)
    store.write_text('[["x", 0, 0, [1, 2, 3], 0, {}, []], "kaput"', encoding="utf-8")
    assert regex_programs.compile_pattern(PATTERN) == re.compile(PATTERN)
    regex_programs.save()
    _again(monkeypatch)
    assert list(regex_programs._stored()) == [(PATTERN, 0)]


def test_a_wrong_program_is_refused_by_the_engine(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regex_programs.compile_pattern(PATTERN)
    regex_programs.save()
    _again(monkeypatch)
    final, code, *rest = regex_programs._stored()[(PATTERN, 0)]
    assert isinstance(code, bytes)  # stored as raw words, 4 bytes each: three words fewer
    regex_programs._stored()[(PATTERN, 0)] = (final, code[: -3 * 4], *rest)  # type: ignore[assignment]
    assert regex_programs.compile_pattern(PATTERN) == re.compile(PATTERN)


def test_a_program_said_to_lie_outside_the_file_refuses_the_file(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regex_programs.compile_pattern(PATTERN)
    regex_programs.save()
    data = store.read_bytes()
    cut = data.index(b"\n")
    assert data[:cut].startswith(b"[[") and len(data) > cut + 1  # the JSON line, then the words
    store.write_bytes(data[: cut + 5])  # the programs cut short
    _again(monkeypatch)
    assert regex_programs._stored() == {}
    assert regex_programs.compile_pattern(PATTERN) == re.compile(PATTERN)


def test_an_unwritable_cache_is_no_error(store: Path) -> None:
    store.parent.write_text("a file where the cache folder should be", encoding="utf-8")
    assert regex_programs.compile_pattern(PATTERN) == re.compile(PATTERN)
    regex_programs.save()  # cannot write: silently nothing
    assert store.parent.is_file()
    assert not list(store.parent.parent.glob(".tmp-*"))
