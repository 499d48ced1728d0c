"""Sector hygiene: a rule binds a sector only through a source that covers that sector.

The state employer's guidance (Medst, S2–S11) is not law for municipalities and regions: a rule
that rests on it alone is state-only, or for kommune/region an `info` that says it is Medst's view.
"""

from __future__ import annotations

import re

from assembler.library.model import Library
from assembler.rules import all_rules

PROBATION = re.compile(r"prøveperiode", re.I)  # the employment contract's probation, not a trial


def test_every_rule_rests_on_a_source_for_each_of_its_sectors(library: Library) -> None:
    problems = []
    for r in all_rules():
        for sector in r.sectors:
            covered = any(sector in library.sources[s].sectors for s in r.sources)
            medst_view = r.severity == "info" and "Medst" in r.message
            if not covered and not medst_view:
                problems.append(f"{r.id} {r.severity} {sector}: {r.sources}")
    assert problems == []


def test_every_source_a_rule_cites_is_registered(library: Library) -> None:
    assert {s for r in all_rules() for s in r.sources} <= set(library.sources)


def test_wording_the_review_corrected() -> None:
    messages = {r.id: r.message for r in all_rules()}
    everything = " ".join(r.message + " " + r.title for r in all_rules())
    assert not PROBATION.search(everything)
    assert "tredjeland" not in everything
    assert "1. juli 2024" not in messages["R44"] and "selvtilrettelægge" in messages["R44"]
    assert "ikke i sig selv en overførsel" in messages["R52"]
    r54 = [r for r in all_rules() if r.id == "R54"]
    assert [r.severity for r in r54] == ["info"] and "Medsts opfattelse" in r54[0].message
