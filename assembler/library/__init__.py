"""The clause library: model, loader and validation."""

from assembler.library.loader import library_dir, load_library
from assembler.library.model import Library, Param, Topic, Variant
from assembler.library.validate import bookmark_name

__all__ = ["Library", "Param", "Topic", "Variant", "bookmark_name", "library_dir", "load_library"]
