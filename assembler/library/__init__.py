"""The clause library: model, loader and validation.

Names are imported on first use: a submodule (values, model) must not pull in the loader and the
validation, which `aftale sammenlign` only needs for agreements about home work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assembler.lazy import lazy_names

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


__getattr__ = lazy_names(__name__, _HOME)
