"""The kinds of term a library text sets are kept between runs, and only for the same readers."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from assembler.audit.terms import kinds_memo, text_terms
from assembler.library.model import Library


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, and a run that has read nothing yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(kinds_memo, "_kinds", None)
    monkeypatch.setattr(kinds_memo, "_path", [])
    monkeypatch.setattr(kinds_memo, "_new", {})
    return tmp_path


def _read(text: str) -> frozenset[str]:
    return frozenset(t.kind for t in text_terms(text) if not t.negated)


def test_kept_kinds_are_the_kinds_read(fresh: Path, library: Library) -> None:
    texts = [v.text for t in library.topics if t.agreement == "lokal" for v in t.variants]
    first = [kinds_memo.set_kinds(text) for text in texts]
    assert first == [_read(text) for text in texts]
    assert any(first)
    assert not kinds_memo.memo_path().exists()  # written once a run, not once a text
    kinds_memo.save()
    assert not kinds_memo._new
    kinds_memo._kinds = None  # a later run: everything comes from the file
    kept = json.loads(kinds_memo.memo_path().read_text(encoding="utf-8"))
    assert set(kept) == set(texts)
    assert [kinds_memo.set_kinds(text) for text in texts] == first


def test_a_damaged_file_is_read_anew(fresh: Path) -> None:
    text = "Medarbejderen kan opsige aftalen med en måneds varsel."
    path = kinds_memo.memo_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({text: "notice"}), encoding="utf-8")  # not a list of kinds
    assert kinds_memo.set_kinds(text) == _read(text)
    kinds_memo.save()  # silently nothing == {"termination"}
    kinds_memo.save()
    assert json.loads(path.read_text(encoding="utf-8")) == {text: ["termination"]}


def test_changed_readers_use_another_file(
    fresh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = tmp_path / "reader.py"
    reader.write_text("# a phrase reader\n", encoding="utf-8")
    monkeypatch.setattr(kinds_memo, "CODE", (*kinds_memo.CODE, str(reader)))
    before = kinds_memo.memo_path()
    kinds_memo._path.clear()
    assert kinds_memo.memo_path() == before  # the same code: the same file
    reader.write_text("# a phrase reader, changed\n", encoding="utf-8")
    os.utime(reader, ns=(1, 1))
    kinds_memo._path.clear()
    assert kinds_memo.memo_path() != before


def test_an_unwritable_cache_is_no_error(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = fresh / "blocked"
    blocker.write_text("", encoding="utf-8")  # a file where the cache folder should be
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    text = "Medarbejderen kan opsige aftalen med en måneds varsel."
    assert kinds_memo.set_kinds(text) == _read(text)
