"""Our local agreement with both transport caps (50 km, one hour), rendered for a test."""

from __future__ import annotations

from pathlib import Path

from assembler.answers.files import answers_from_raw
from assembler.library.model import Library
from assembler.render.document import render_agreement
from assembler.render.templates import TemplateSet
from tests.unit.rules.helpers import example_raw

CAP = "Der ydes dog højst befordringsgodtgørelse for 50 kilometer hver vej"


def local_with_caps(library: Library, templates: TemplateSet, path: Path) -> Path:
    """The example's local agreement, transport variant hjemmet_arbejdssted with both caps."""
    raw = example_raw(library)
    raw["lokalaftale"]["transport"] = {
        "variant": "hjemmet_arbejdssted", "loft_km": 50, "loft_rejsetid_timer": 1,
    }  # fmt: skip
    answers = answers_from_raw(library, raw, "eksempel")
    path.write_bytes(
        render_agreement(templates.for_agreement("lokal"), library, answers, answers.local)
    )
    return path
