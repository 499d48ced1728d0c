"""Counts as Danish readers write them: '2.001', '1 advarsel', '3 advarsler'."""

from __future__ import annotations


def thousands(value: int) -> str:
    """2001 → '2.001', the Danish way."""
    return f"{value:,}".replace(",", ".")


def count(value: int, singular: str, plural: str) -> str:
    """'1 advarsel', '3 advarsler', with Danish thousands separators."""
    return f"{thousands(value)} {singular if value == 1 else plural}"
