"""Python's cyclic garbage collector paused or running for a block (no rendering imports here).

`aftale generer`'s main process pauses it from the start, before the rendering code is loaded.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the duration (as it was afterwards).

    Reading a 10,000-row sheet, checking it and writing the manifest make half a million
    long-lived objects and next to no reference cycles (about 600 collected in a whole run),
    so the collector's passes over them were pure cost: 0.3-0.4 s of CPU at 10,000 rows.
    Rendering does make cycles: the workers and the in-process path collect as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextlib.contextmanager
def collecting() -> Iterator[None]:
    """The cyclic collector on while documents render in this process (they make cycles)."""
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was_enabled:
            gc.disable()
