"""Bounds on the text a template may make: each value, each joined expression, each part.

A Word template is code from whoever wrote it. The sandbox (render.engine) stops it reaching
Python, and the template check refuses calls, `*` of texts and unknown filters; what remains are
filters and joins that grow text: `"x"|replace("x", "xxxxxxxxxx")` ten times over is 10 GB, as is
`"a\\nb"|indent(10**9)` or a `~` of ten such values. Each of those is estimated here before the
text is made, and the whole output of one part is counted as it is joined, so a hostile template
fails with a Danish error in moments instead of exhausting memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from jinja2 import filters as jinja_filters
from jinja2.exceptions import SecurityError
from jinja2.utils import pass_environment, pass_eval_context

MAX_VALUE = 1_000_000  # characters one filter, + or ~ may produce (a whole agreement is ~200,000)
MAX_PART = 20_000_000  # characters of one rendered part (document.xml of a long agreement: ~1 MB)
BATCH = 64  # pieces joined at a time: one check per batch, at most 64 MB past the bound


class TextTooLong(SecurityError):
    """A template would make more text than the budget allows."""


def refuse_long(size: int, limit: int = MAX_VALUE) -> None:
    """TextTooLong when a text of `size` characters would pass `limit`."""
    if size > limit:
        raise TextTooLong(f"teksten bliver for lang (over {limit:,} tegn)".replace(",", "."))


def bounded_concat(pieces: Iterable[str]) -> str:
    """''.join(pieces), refusing more than MAX_PART characters (Environment.concat)."""
    iterator: Iterator[str] = iter(pieces)
    joined: list[str] = []
    total = 0
    while chunk := list(islice(iterator, BATCH)):
        batch = "".join(chunk)
        total += len(batch)
        refuse_long(total, MAX_PART)
        joined.append(batch)
    return "".join(joined)


def checked_join(items: tuple[Any, ...]) -> tuple[Any, ...]:
    """The operands of a `~` join, after checking their joined length."""
    refuse_long(sum(len(i) if isinstance(i, str) else len(str(i)) for i in items))
    return items


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


@pass_eval_context
def _replace(eval_ctx: Any, s: Any, old: Any, new: Any, count: int | None = None) -> Any:
    text, old_text, new_text = _text(s), _text(old), _text(new)
    hits = len(text) + 1 if not old_text else text.count(old_text)
    if count is not None and count >= 0:
        hits = min(hits, count)
    refuse_long(len(text) + hits * max(0, len(new_text) - len(old_text)))
    return jinja_filters.do_replace(eval_ctx, s, old, new, count)


def _indent(s: Any, width: Any = 4, first: bool = False, blank: bool = False) -> Any:
    text = _text(s)
    step = len(width) if isinstance(width, str) else int(width)
    refuse_long(len(text) + (text.count("\n") + 1) * max(step, 0))
    return jinja_filters.do_indent(s, width, first, blank)


@pass_eval_context
def _join(eval_ctx: Any, value: Any, d: Any = "", attribute: Any = None) -> Any:
    items = list(value)
    refuse_long(sum(len(_text(i)) for i in items) + len(_text(d)) * len(items))
    return jinja_filters.do_join(eval_ctx, items, d, attribute)


@pass_environment
def _wordwrap(environment: Any, s: Any, width: int = 79, *args: Any, **kwargs: Any) -> Any:
    text = _text(s)
    wrap = kwargs.get("wrapstring", args[1] if len(args) > 1 else None)
    wrap = wrap or environment.newline_sequence
    refuse_long(len(text) + (len(text) // max(int(width), 1) + 1) * len(_text(wrap)))
    return jinja_filters.do_wordwrap(environment, s, width, *args, **kwargs)


BOUNDED_FILTERS: dict[str, Callable[..., Any]] = {
    "replace": _replace,
    "indent": _indent,
    "join": _join,
    "wordwrap": _wordwrap,
}
