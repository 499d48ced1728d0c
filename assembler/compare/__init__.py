"""Negotiation rounds: compare versions into native Word redlines and a Danish clause summary."""

from __future__ import annotations
