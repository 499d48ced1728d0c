"""aftale: drafts, checks and compares Danish public-sector agreements on regular home work."""

from __future__ import annotations

__version__ = "0.1.0"
