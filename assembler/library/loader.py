"""Load the clause library from YAML files and validate it (or read its validated snapshot,
snapshot.py, when neither the files nor the code changed); every problem names file and clause."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from assembler.cache import files_named, sha256
from assembler.errors import LibraryError
from assembler.library.model import AGREEMENTS, Library, Param, Source, Term, Topic, Variant
from assembler.library.snapshot import (
    read_snapshot,
    remembered_digest,
    snapshot_path,
    write_snapshot,
)
from assembler.resources import bundled_dir

DEFAULT_DIR = bundled_dir("clause_library")
ENV_DIR = "AFTALE_BIBLIOTEK"
TERMS_FILE = "termer.yaml"
META_FILES = ("bibliotek.yaml", "kilder.yaml", TERMS_FILE)


def library_dir() -> Path:
    """The library folder: $AFTALE_BIBLIOTEK or the project's clause_library/."""
    return Path(os.environ.get(ENV_DIR) or DEFAULT_DIR)


def _read_yaml(path: Path, root: Path) -> Any:
    """Parse one YAML file safely; a syntax error names the file and line."""
    import yaml  # only when the library is read from its files, not from the snapshot

    # libyaml's safe loader parses the library about ten times faster than the pure-Python one;
    # the result is the same, and the pure one is the fallback.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    rel = path.relative_to(root.parent) if path.is_relative_to(root.parent) else path
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", linje {mark.line + 1}" if mark is not None else ""
        raise LibraryError(f"{rel}{where}: ugyldig YAML ({exc}).") from exc
    except UnicodeDecodeError as exc:
        raise LibraryError(f"{rel}: filen er ikke gemt som UTF-8.") from exc


def _tuple(value: Any) -> tuple[str, ...]:
    """Coerce a YAML list (or missing value) to a tuple of strings."""
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return (str(value),)


def _choices(raw: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Options and their texts: a mapping option → text, or (texts missing) a plain list."""
    if isinstance(raw, dict):
        return tuple(str(k) for k in raw), tuple(str(v or "").strip() for v in raw.values())
    return _tuple(raw), ()


def _param(raw: dict[str, Any]) -> Param:
    """Build a Param from its YAML mapping."""
    choices, texts = _choices(raw.get("choices"))
    return Param(
        name=str(raw.get("name", "")),
        type=str(raw.get("type", "")),
        label=str(raw.get("label", "")),
        help=str(raw.get("help", "")).strip(),
        default=raw.get("default"),
        required=bool(raw.get("required", True)),
        choices=choices,
        choice_texts=texts,
        min=raw.get("min"),
        max=raw.get("max"),
        unit=_tuple(raw.get("unit")),
    )


def _variant(raw: dict[str, Any], topic_sectors: tuple[str, ...]) -> Variant:
    """Build a Variant from its YAML mapping."""
    return Variant(
        id=str(raw.get("id", "")),
        name=str(raw.get("name", "")),
        position=str(raw.get("position", "")),
        summary=str(raw.get("summary", "")).strip(),
        guidance=str(raw.get("guidance", "")).strip(),
        sources=_tuple(raw.get("sources")),
        sectors=_tuple(raw.get("sectors")) or topic_sectors,
        params=tuple(_param(p) for p in raw.get("params") or [] if isinstance(p, dict)),
        text=str(raw.get("text") or "").strip(),
        requires=str(raw.get("requires") or "").strip(),
    )


def _topic(raw: Any, rel: str, folder: str) -> Topic:
    """Build a Topic from one file's mapping."""
    if not isinstance(raw, dict):
        raise LibraryError(f"{rel}: filen skal indeholde et emne (en YAML-mapping).")
    sectors = _tuple(raw.get("sectors"))
    return Topic(
        id=str(raw.get("id", "")),
        agreement=str(raw.get("agreement", folder)),
        order=int(raw.get("order", 0) or 0),
        kind=str(raw.get("kind", "clause")),
        title=str(raw.get("title", "")),
        question=str(raw.get("question", "")).strip(),
        guidance=str(raw.get("guidance", "")).strip(),
        sources=_tuple(raw.get("sources")),
        sectors=sectors,
        default=str(raw.get("default", "")),
        params=tuple(_param(p) for p in raw.get("params") or [] if isinstance(p, dict)),
        variants=tuple(
            _variant(v, sectors) for v in raw.get("variants") or [] if isinstance(v, dict)
        ),
        file=rel,
    )


def _sources(root: Path) -> dict[str, Source]:
    """Read kilder.yaml: the source register."""
    raw = _read_yaml(root / "kilder.yaml", root) or {}
    if not isinstance(raw, dict):
        raise LibraryError(f"{root.name}/kilder.yaml: skal være en mapping fra kilde-id til kilde.")
    return {
        str(key): Source(
            id=str(key),
            title=str(val.get("title", "")),
            url=str(val.get("url", "")),
            sectors=_tuple(val.get("sectors")),
        )
        for key, val in raw.items()
        if isinstance(val, dict)
    }


def _terms(root: Path) -> tuple[Term, ...]:
    """Read termer.yaml: the words agreement texts must not use (one term per concept)."""
    path = root / TERMS_FILE
    if not path.is_file():
        return ()
    raw = _read_yaml(path, root) or {}
    items = raw.get("terms") if isinstance(raw, dict) else None
    if not isinstance(items, list):
        raise LibraryError(f"{root.name}/{TERMS_FILE}: skal have en liste under 'terms'.")
    terms = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not item.get("use") or not item.get("avoid"):
            raise LibraryError(
                f"{root.name}/{TERMS_FILE}, term nr. {number}: skal have 'use' og 'avoid'."
            )
        terms.append(
            Term(
                use=str(item["use"]),
                avoid=_tuple(item["avoid"]),
                why=str(item.get("why", "")).strip(),
                agreements=_tuple(item.get("agreements")) or AGREEMENTS,
                mid_sentence=bool(item.get("mid_sentence", False)),
                in_choices=bool(item.get("in_choices", True)),
            )
        )
    return tuple(terms)


def _topic_files(root: Path) -> list[tuple[str, str, Path]]:
    """(agreement folder, name relative to the library's parent, path) of every topic file."""
    return [
        (folder, f"{root.name}/{folder}/{path.name}", path)
        for folder in AGREEMENTS
        for path in files_named(root / folder, ".yaml")
    ]


def _files_digest(root: Path, files: list[tuple[str, str, Path]]) -> str:
    """sha256 over every library file's name and bytes (its first 10 digits: Library.digest);
    kept between runs for files that have not changed (snapshot.remembered_digest)."""
    meta = [name for name in META_FILES if (root / name).is_file()]

    def digest_files() -> str:
        digest = sha256()
        for _folder, rel, path in files:
            digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
        for name in meta:
            digest.update(name.encode() + b"\0" + (root / name).read_bytes() + b"\0")
        return digest.hexdigest()

    paths = [path for _folder, _rel, path in files] + [root / name for name in meta]
    return remembered_digest(paths, digest_files)


def load_library(root: Path | None = None) -> Library:
    """Load and validate the library (or its validated snapshot, when its files are unchanged);
    raise LibraryError listing every problem."""
    root = (root or library_dir()).resolve()
    if not (root / "bibliotek.yaml").is_file():
        raise LibraryError(f"{root}: ikke et klausulbibliotek (bibliotek.yaml mangler).")
    files = _topic_files(root)
    try:
        digest = _files_digest(root, files)
    except OSError as exc:
        raise LibraryError(f"{root}: klausulbiblioteket kan ikke læses ({exc}).") from exc
    cached = snapshot_path(digest)
    library = read_snapshot(cached)
    if library is not None and library.digest == digest[:10]:
        return library
    library = _read_library(root, files, digest)
    write_snapshot(cached, library)
    return library


def _read_library(root: Path, files: list[tuple[str, str, Path]], digest: str) -> Library:
    """Parse the library's YAML files and validate the result."""
    from assembler.library.validate import validate_library

    meta = _read_yaml(root / "bibliotek.yaml", root) or {}
    sources = _sources(root)
    topics = [_topic(_read_yaml(path, root), rel, folder) for folder, rel, path in files]
    topics.sort(
        key=lambda t: (
            AGREEMENTS.index(t.agreement) if t.agreement in AGREEMENTS else 9,
            t.order,
            t.id,
        )
    )
    library = Library(
        version=str(meta.get("version", "0")),
        digest=digest[:10],
        topics=tuple(topics),
        sources=sources,
        terms=_terms(root),
    )
    problems = validate_library(library)
    if problems:
        raise LibraryError("Klausulbiblioteket indeholder fejl:", problems)
    return library
