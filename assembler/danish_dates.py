"""Dates the Danish way ('1. marts 2027'), with nothing but the month names to import.

`aftale sammenlign` prints a round's date on every run; the library's value formatting
(assembler/library/values.py, which re-exports these names) also imports decimal and compiles
its parsing patterns, which a plain pair never needs (issue 14).
"""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip


def format_date(day: dt.date) -> str:
    """A date the Danish way: '1. marts 2027'."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"
