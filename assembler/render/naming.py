"""Safe, unique file names for individual agreements, from the employee's name or number."""

from __future__ import annotations

import re
import unicodedata

DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
            *(f"lpt{i}" for i in range(1, 10))}  # fmt: skip
MAX_STEM = 80
UNSAFE = re.compile(r"[^A-Za-z0-9-]+")


def slug(text: str) -> str:
    """ASCII file-name stem: 'Søren Ærø-Hansen' → 'Soeren_Aeroe-Hansen'."""
    if text.isascii() and text.isalnum():  # an employee number: every step below keeps it
        cleaned = text[:MAX_STEM]
    else:
        ascii_text = unicodedata.normalize("NFKD", text.translate(DANISH))
        ascii_text = ascii_text.encode("ascii", "ignore").decode()
        cleaned = UNSAFE.sub("_", ascii_text).strip("_-")
        cleaned = cleaned[:MAX_STEM].rstrip("_-")
    if not cleaned or cleaned.lower() in RESERVED:
        return ""
    return cleaned


class UniqueNames:
    """Hands out file names, adding -2, -3 … on collisions (case-insensitive, as on Windows)."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def take(self, stem: str, suffix: str = ".docx") -> str:
        """A name not handed out before."""
        candidate = f"{stem}{suffix}"
        counter = 2
        while candidate.lower() in self._used:
            candidate = f"{stem}-{counter}{suffix}"
            counter += 1
        self._used.add(candidate.lower())
        return candidate


def employee_stem(name: str, number: str, index: int) -> str:
    """'individuel_aftale_<name>' (with number when given), falling back to the row index."""
    parts = [p for p in (slug(name), slug(number)) if p]
    return "individuel_aftale_" + ("_".join(parts) if parts else f"{index:04d}")
