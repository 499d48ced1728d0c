"""A one-slot memo keyed by object identity: "the same local agreement as last time?"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class LastResult(Generic[T]):
    """Remembers the result for the last arguments, compared by identity (answers are frozen)."""

    def __init__(self, make: Callable[..., T]) -> None:
        self._make = make
        self._args: tuple[object, ...] = ()
        self._result: T | None = None

    def __call__(self, *args: object) -> T:
        """make(*args), reused while the same objects are passed again."""
        same = len(args) == len(self._args) and all(
            a is b for a, b in zip(args, self._args, strict=True)
        )
        if not same or self._result is None:
            self._result = self._make(*args)
            self._args = args
        return self._result
