"""A budget for what one command may unpack, shared by every file it reads.

Each file is checked on its own too (zipcheck), but three drafts that each pass alone can together
exhaust memory; `aftale sammenlign` reads them all before comparing. The CLI (and any server
request) opens one budget with command_budget(); code run outside one (tests, library use) has
only the per-file limits.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from assembler.errors import InputFileError

MB = 1024 * 1024
# Everything unpacked by one command: a 50,000-row answer sheet unpacks to about 160 MB.
COMMAND_BYTES = 300 * MB
# XML that becomes element trees (Word parts): trees take about ten times their text in memory.
COMMAND_TREE_BYTES = 40 * MB
COMMAND_MEMBERS = 20_000


class ReadBudget:
    """What the current command has unpacked so far, and from which files."""

    # A plain class, not a dataclass: `sammenlign` never needs dataclasses (issue 14).
    def __init__(
        self,
        max_bytes: int = COMMAND_BYTES,
        max_tree_bytes: int = COMMAND_TREE_BYTES,
        max_members: int = COMMAND_MEMBERS,
    ) -> None:
        self.max_bytes = max_bytes
        self.max_tree_bytes = max_tree_bytes
        self.max_members = max_members
        self.used_bytes = 0
        self.used_tree_bytes = 0
        self.used_members = 0
        self.files: list[str] = []

    def charge(self, path: str, members: int, size: int, tree_bytes: int = 0) -> None:
        """Count one file; InputFileError naming every file counted when a limit is passed."""
        self.files.append(path)
        self.used_members += members
        self.used_bytes += size
        self.used_tree_bytes += tree_bytes
        together = ", ".join(self.files)
        many = len(self.files) > 1
        scope = f"filerne {together} fylder tilsammen" if many else f"{path}: filen fylder"
        if self.used_bytes > self.max_bytes:
            raise InputFileError(
                f"{scope} {_size(self.used_bytes)} udpakket; én kommando må højst pakke "
                f"{_size(self.max_bytes)} ud. Del opgaven op, eller fjern billeder og "
                "indlejrede filer."
            )
        if self.used_tree_bytes > self.max_tree_bytes:
            raise InputFileError(
                f"{scope} {_size(self.used_tree_bytes)} Word-XML udpakket; én kommando må "
                f"højst læse {_size(self.max_tree_bytes)}. Sammenlign eller tjek færre eller "
                "mindre dokumenter ad gangen."
            )
        if self.used_members > self.max_members:
            raise InputFileError(
                f"{scope.replace('fylder', 'har')} {self.used_members} dele; én kommando må "
                f"højst læse {self.max_members}."
            )


def _size(n: int) -> str:
    """Megabytes the Danish way: '312 MB', '0,4 MB'."""
    return f"{n // MB} MB" if n >= 10 * MB else f"{n / MB:.1f} MB".replace(".", ",")


_CURRENT: ContextVar[ReadBudget | None] = ContextVar("aftale_read_budget", default=None)


@contextmanager
def command_budget(budget: ReadBudget | None = None) -> Iterator[ReadBudget]:
    """Let every file read inside the block draw on one budget."""
    active = budget or ReadBudget()
    token = _CURRENT.set(active)
    try:
        yield active
    finally:
        _CURRENT.reset(token)


def charge(path: str, members: int, size: int, tree_bytes: int = 0) -> None:
    """Count a file against the current command's budget, if one is open."""
    budget = _CURRENT.get()
    if budget is not None:
        budget.charge(path, members, size, tree_bytes)
