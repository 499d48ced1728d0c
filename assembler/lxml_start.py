"""Import lxml.etree without the standard library's inspect module, which it loads only for
one function it rarely calls.

lxml.etree runs `from inspect import getfullargspec` at import; inspect imports ast, dis,
tokenize and linecache: 37 M instructions, about 8% of `aftale sammenlign` on a 20-page pair.
lxml calls the function only when a parser is given a target object (to see whether its
start() takes the namespaces), which aftale's own code never does. While lxml.etree loads, `inspect`
is a stand-in whose getfullargspec imports the real module on first use and any other name
does the same, so nothing behaves differently; afterwards `import inspect` loads the real one.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def _inspect() -> types.ModuleType:
    """The real inspect module (imported now if it was not)."""
    import importlib

    return importlib.import_module("inspect")


def _getfullargspec(func: Any) -> Any:
    return _inspect().getfullargspec(func)


class _StandIn(types.ModuleType):
    """inspect while lxml.etree loads: getfullargspec, and anything else, from the real one."""

    def __getattr__(self, name: str) -> Any:
        return getattr(_inspect(), name)


def load_etree() -> None:
    """Import lxml.etree, with `inspect` left for when something uses it."""
    if "lxml.etree" in sys.modules or "inspect" in sys.modules:
        return
    stand_in = _StandIn("inspect")
    stand_in.getfullargspec = _getfullargspec  # type: ignore[attr-defined]
    sys.modules["inspect"] = stand_in
    try:
        import lxml.etree  # noqa: F401
    finally:
        if sys.modules.get("inspect") is stand_in:
            del sys.modules["inspect"]
