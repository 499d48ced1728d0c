"""files_named lists what folder.glob("*" + suffix) lists, without compiling a pattern;
write_json keeps a few files of each kind and removes the older ones."""

from __future__ import annotations

import json
import os
from pathlib import Path

from assembler.cache import KEEP_PER_FAMILY, files_named, write_json


def test_files_named_equals_glob(tmp_path: Path) -> None:
    for name in ("b.yaml", "a.yaml", ".hidden.yaml", "c.YAML", "d.yaml.bak", "e.yml", ".yaml"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "folder.yaml").mkdir()
    expected = sorted(tmp_path.glob("*.yaml"))
    assert files_named(tmp_path, ".yaml") == expected
    names = [p.name for p in expected]
    assert names == [".hidden.yaml", ".yaml", "a.yaml", "b.yaml", "folder.yaml"]


def test_a_missing_folder_has_no_files(tmp_path: Path) -> None:
    assert files_named(tmp_path / "mangler", ".yaml") == sorted((tmp_path / "mangler").glob("*"))
    assert files_named(tmp_path / "mangler", ".yaml") == []


def test_sha256_is_hashlibs() -> None:
    import hashlib

    from assembler.cache import sha256

    digest = sha256(b"bibliotek")
    digest.update("§ 4 æøå".encode())
    assert digest.hexdigest() == hashlib.sha256("bibliotek§ 4 æøå".encode()).hexdigest()
    assert sha256().hexdigest() == hashlib.sha256().hexdigest()


def test_older_files_of_the_same_kind_are_pruned_others_kept(tmp_path: Path) -> None:
    for age, name in enumerate(["termarter-a", "termarter-b", "termarter-c", "termarter-d"]):
        path = tmp_path / f"{name}.json"
        path.write_text("{}")
        os.utime(path, (1_000_000 + age, 1_000_000 + age))  # a is the oldest
    (tmp_path / "bibliotek-x.json").write_text("{}")
    os.utime(tmp_path / "bibliotek-x.json", (1, 1))  # older still, but of another kind
    (tmp_path / "notes.txt").write_text("mine")

    write_json(tmp_path / "termarter-new.json", {"k": [1, 2]})

    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == [
        "bibliotek-x.json", "notes.txt",
        "termarter-b.json", "termarter-c.json", "termarter-d.json", "termarter-new.json",
    ]  # fmt: skip
    assert KEEP_PER_FAMILY == 4
    assert json.loads((tmp_path / "termarter-new.json").read_text()) == {"k": [1, 2]}
