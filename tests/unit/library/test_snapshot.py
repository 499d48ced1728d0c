"""The clause library's validated snapshot: built, reused, rebuilt on change, never a problem."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from assembler.cache import KEEP_PER_FAMILY
from assembler.errors import LibraryError
from assembler.library import loader, snapshot
from assembler.library.loader import load_library
from assembler.library.model import Library
from tests.minilib import topic, write_library


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache directory for this test only."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "aftale"


def _snapshots(cache: Path) -> list[Path]:
    return sorted(cache.glob("bibliotek-*.json"))


def _refuse_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make reading the library from its YAML files fail, so only a snapshot can serve it."""

    def refuse(*args: object) -> object:
        raise AssertionError("the library was read from its YAML files")

    monkeypatch.setattr(loader, "_read_library", refuse)


def test_the_first_load_writes_a_snapshot_equal_to_the_library(cache: Path) -> None:
    library = load_library()
    [written] = _snapshots(cache)
    data = json.loads(written.read_text(encoding="utf-8"))  # plain JSON, never pickle
    fields = dict(zip(Library._fields, data, strict=True))  # each record a list of its fields
    assert fields["version"] == library.version and fields["digest"] == library.digest
    assert len(fields["topics"]) == len(library.topics) > 30
    assert fields["topics"][0][: len(("id", "agreement"))] == list(library.topics[0])[:2]
    assert snapshot.decode(data) == library


def test_a_snapshot_of_another_layout_is_read_as_none() -> None:
    library = load_library()
    named = {"version": library.version, "digest": library.digest, "topics": [],
             "sources": {}, "terms": []}  # fmt: skip
    assert snapshot.decode(json.loads(json.dumps(snapshot._plain(library)))) == library
    for other in (named, [library.version, library.digest, [["kort"]], {}, []], [1, 2]):
        with pytest.raises((ValueError, KeyError, TypeError, AttributeError)):
            snapshot.decode(json.loads(json.dumps(other)))


def test_a_later_load_reuses_the_snapshot(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_library()
    _refuse_yaml(monkeypatch)
    again = load_library()
    assert again == first
    assert again.version_label == first.version_label  # what documents embed stays the same
    assert [t.variants for t in again.topics] == [t.variants for t in first.topics]


def test_a_changed_library_file_is_read_again(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_library(tmp_path / "lib", [topic("x"), topic("y", "individuel")])
    before = load_library(root)
    changed = topic("x", title="En ny titel")
    write_library(root, [changed, topic("y", "individuel")])
    after = load_library(root)
    assert before.topic("lokal", "x").title == "Titel x"
    assert after.topic("lokal", "x").title == "En ny titel"
    assert after.digest != before.digest
    assert len(_snapshots(cache)) == 2  # one per content; the old one is simply not used
    _refuse_yaml(monkeypatch)
    assert load_library(root) == after


def test_a_new_version_of_aftale_reads_the_library_again(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_library()
    monkeypatch.setattr(snapshot, "__version__", "99.0.0")
    load_library()
    assert len(_snapshots(cache)) == 2


def test_a_damaged_snapshot_is_ignored_and_replaced(cache: Path) -> None:
    library = load_library()
    [written] = _snapshots(cache)
    for damage in ("{not json", '{"version": "1"}', json.dumps({"topics": [1, 2]}), ""):
        written.write_text(damage, encoding="utf-8")
        assert load_library() == library
        assert snapshot.decode(json.loads(written.read_text(encoding="utf-8"))) == library


def test_an_unwritable_cache_is_silently_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    library = load_library()
    assert library == load_library()
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_a_relative_cache_home_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relativ/mappe")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert snapshot.cache_dir() == tmp_path / ".cache" / "aftale"


def test_an_invalid_library_is_never_cached(tmp_path: Path, cache: Path) -> None:
    bad = topic("x")
    bad["variants"][1]["text"] = "Fra {{ datoen }}."
    root = write_library(tmp_path / "lib", [bad])
    for _ in range(2):  # the second load finds no snapshot and reports the same problem
        with pytest.raises(LibraryError) as exc:
            load_library(root)
        assert any("{{ datoen }}" in p for p in exc.value.problems)
    assert _snapshots(cache) == []


def test_old_snapshots_are_pruned(tmp_path: Path, cache: Path) -> None:
    root = write_library(tmp_path / "lib", [topic("x")])
    for k in range(KEEP_PER_FAMILY + 3):
        write_library(root, [topic("x", title=f"Titel nr. {k}")])
        load_library(root)
    assert len(_snapshots(cache)) == KEEP_PER_FAMILY


def test_changed_validation_code_reads_the_library_again(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = tmp_path / "code"
    code.mkdir()
    for source in snapshot.CODE_DIR.glob("*.py"):
        (code / source.name).write_bytes(source.read_bytes())
    monkeypatch.setattr(snapshot, "CODE_DIR", code)
    load_library()
    with (code / "validate.py").open("a", encoding="utf-8") as fh:
        fh.write("\n# a new rule\n")
    load_library()
    assert len(_snapshots(cache)) == 2


def _files(tmp_path: Path) -> list[Path]:
    paths = []
    for name, text in (("a.yaml", "titel: A\n"), ("b.yaml", "titel: B\n")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _hash_of(paths: list[Path]) -> str:
    digest = snapshot.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_an_unchanged_files_digest_is_kept_between_runs(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _files(tmp_path)
    monkeypatch.setattr(snapshot, "SETTLED_NS", -1)  # as if the files were old
    first = snapshot.remembered_digest(paths, lambda: _hash_of(paths))
    assert first == _hash_of(paths)

    def refuse() -> str:
        raise AssertionError("the files were hashed again")

    assert snapshot.remembered_digest(paths, refuse) == first
    assert snapshot.remembered_digest(paths, lambda: "other salt", "salt") == "other salt"


def test_a_file_changed_to_the_same_size_and_time_is_hashed_again(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _files(tmp_path)
    monkeypatch.setattr(snapshot, "SETTLED_NS", -1)
    first = snapshot.remembered_digest(paths, lambda: _hash_of(paths))
    stat = paths[1].stat()
    paths[1].write_text("titel: C\n", encoding="utf-8")  # same size
    os.utime(paths[1], ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and its time set back
    again = snapshot.remembered_digest(paths, lambda: _hash_of(paths))
    assert again == _hash_of(paths) != first  # its change time moved all the same


def test_files_changed_just_now_are_not_kept(tmp_path: Path, cache: Path) -> None:
    paths = _files(tmp_path)  # written now: a change in the same clock tick would not show
    snapshot.remembered_digest(paths, lambda: _hash_of(paths))
    assert list(cache.glob(f"{snapshot.STAT_PREFIX}*.json")) == []
    calls = []
    snapshot.remembered_digest(paths, lambda: calls.append(1) or _hash_of(paths))
    assert calls == [1]


def test_the_library_digest_is_the_same_kept_or_computed(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    computed = load_library()
    monkeypatch.setattr(snapshot, "SETTLED_NS", -1)
    load_library()  # keeps the digests
    assert len(list(cache.glob(f"{snapshot.STAT_PREFIX}*.json"))) == 2  # the files, the code
    _refuse_yaml(monkeypatch)
    assert load_library().digest == computed.digest
