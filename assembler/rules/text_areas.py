"""The text-level rule modules (R90–R99, R110); importing this registers their rules."""

from __future__ import annotations

from assembler.rules import text_clauses, text_dates, text_missing, text_powers

TEXT_AREAS = (text_powers, text_missing, text_clauses, text_dates)
