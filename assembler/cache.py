"""Where aftale keeps what it can rebuild: $XDG_CACHE_HOME/aftale, else ~/.cache/aftale."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """The cache folder (the library snapshot, the compiled phrase patterns)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or "")
    return (base if base.is_absolute() else Path.home() / ".cache") / "aftale"
