"""The hook for the counter-proposal (`aftale modforslag`), which branch `review` is building.

The "Tjek et udkast" page shows the button "Tjek og lav modforslag" exactly when
`counter_proposal_writer()` returns a function; the review job then calls it with the library,
the counterparty's draft, our last version (or None) and the target file, and offers the result
for download beside the review copy. Until that library function exists there is no button.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from assembler.library.model import Library

CounterWriter = Callable[[Library, Path, Path | None, Path], object]


def counter_proposal_writer() -> CounterWriter | None:
    """The library function that writes a counter-proposal, or None while there is none."""
    from assembler.negotiate.workflow import write_counter_proposal

    return write_counter_proposal
