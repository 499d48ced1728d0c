"""Plain records with __slots__: cheaper to define than dataclasses or NamedTuples (issue 14)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, Self


class Record:
    """A record of named fields that iterates, compares and hashes as the tuple of its fields.

    The project's one record form, rather than NamedTuples or dataclasses (issue 14): a
    NamedTuple class costs about a million instructions when its module is imported (namedtuple
    compiles a constructor for it, typing compiles each string annotation), which for the fifteen
    records was 4% of a 20-page pair's whole command; a dataclass costs more. A subclass names its
    fields in `_fields`, in the order of its __init__ (iteration and `_replace` follow it), and
    makes them its __slots__. Unlike a NamedTuple, a record is no tuple: it does not index, has
    no len() or order, never equals a plain tuple, and JSON and marshal do not take it as a list.
    """

    _fields: ClassVar[tuple[str, ...]] = ()
    __slots__ = ()

    def __iter__(self) -> Iterator[Any]:
        return (getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({fields})"

    def _replace(self, **changes: Any) -> Self:
        """A copy with some fields changed (NamedTuple's name for it)."""
        values = {name: getattr(self, name) for name in self._fields}
        values.update(changes)
        return type(self)(**values)
