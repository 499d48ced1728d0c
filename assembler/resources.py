"""Locate the data that ships with aftale: the clause library and the Word templates.

The top-level folders clause_library/ and word_templates/ are the one source. An installed wheel
carries copies inside the package (the build maps them there, see setup_hooks.py); a source
checkout, editable installs included, reads the top-level folders directly.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """The bundled folder `name`: inside the installed package, else in the source checkout."""
    installed = PACKAGE_DIR / name
    return installed if installed.is_dir() else PACKAGE_DIR.parent / name
