"""How a job tells its page how far it has come: a small file in the job folder, replaced whole."""

from __future__ import annotations

import json
import time
from pathlib import Path

PROGRESS_FILE = "fremdrift.json"
OUT_DIR = "ud"  # what a job makes goes here, inside its folder


class Progress:
    """Reports a job's phase and count to the page through a small file in the job folder."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / PROGRESS_FILE
        self.phase_text = ""
        self.done = 0
        self.total = 0
        self.last = 0.0

    def phase(self, text: str, total: int = 0) -> None:
        """Start a phase (with a count to reach, if any)."""
        self.phase_text, self.done, self.total = text, 0, total
        self._write()

    def advance(self, count: int = 1) -> None:
        """Count work done; written at most a few times a second."""
        self.done += count
        if time.monotonic() - self.last > 0.2 or self.done >= self.total:
            self._write()

    def _write(self) -> None:
        """Replace the progress file atomically."""
        self.last = time.monotonic()
        data = {"phase": self.phase_text, "done": self.done, "total": self.total}
        temp = self.path.with_suffix(".tmp")
        temp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        temp.replace(self.path)
