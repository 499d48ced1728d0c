"""files_named lists what folder.glob("*" + suffix) lists, without compiling a pattern."""

from __future__ import annotations

from pathlib import Path

from assembler.cache import files_named


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
