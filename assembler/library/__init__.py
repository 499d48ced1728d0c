"""The clause library: model, loader and validation.

Names are imported on first use: a submodule (values, model) must not pull in the loader and the
validation, which `aftale sammenlign` only needs for agreements about home work.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assembler.library.loader import library_dir, load_library
    from assembler.library.model import Library, Param, Topic, Variant
    from assembler.library.validate import bookmark_name

__all__ = ["Library", "Param", "Topic", "Variant", "bookmark_name", "library_dir", "load_library"]
_HOME = {
    "library_dir": "loader",
    "load_library": "loader",
    "Library": "model",
    "Param": "model",
    "Topic": "model",
    "Variant": "model",
    "bookmark_name": "validate",
}


def __getattr__(name: str) -> Any:
    """The public name from its submodule (PEP 562)."""
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOME[name]}"), name)
