"""Where aftale keeps what it can rebuild: $XDG_CACHE_HOME/aftale, else ~/.cache/aftale."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """The cache folder (the library snapshot, the compiled phrase patterns)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or "")
    return (base if base.is_absolute() else Path.home() / ".cache") / "aftale"


def files_named(folder: Path, suffix: str) -> list[Path]:
    """The folder's entries whose names end in `suffix`, sorted: folder.glob("*" + suffix)
    without compiling a pattern for it (each run reads the library's folders); none when the
    folder is missing or unreadable, as with glob."""
    try:
        return sorted(entry for entry in folder.iterdir() if entry.name.endswith(suffix))
    except OSError:
        return []
