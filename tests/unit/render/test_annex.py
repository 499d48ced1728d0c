"""Annex 1's model text (legal read-through 3, S-L1): for every local variant an individual text
names, the annex gives the individual agreement's own words for each arrangement the local
agreement allows — finished Danish, local answers filled in, no template syntax left, and only
the arrangements that local agreement gives access to."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from assembler.answers.files import answers_from_raw, load_raw
from assembler.library import load_library
from assembler.library.model import Topic, Variant
from assembler.render.annex import annex
from assembler.workflows import EXAMPLES
from tests.unit.render.forbidden import problems_in
from tests.unit.render.test_every_variant import sample_value
from tests.unit.render.test_local_variants import LOCAL_CASES

LIBRARY = load_library()
LEFTOVER = re.compile(r"\{\{|\}\}|\[hvis|\[stk |lokal\.[a-z_]+\.")


def _local(topic: Topic, variant: Variant) -> Any:
    """An example's answers with one local variant set (sample values) and the annex asked for."""
    sector = "stat" if "stat" in variant.sectors else variant.sectors[0]
    raw = copy.deepcopy(load_raw(EXAMPLES["stat" if sector == "stat" else "kommune"]))
    values = {p.name: sample_value(p) for p in topic.params_for(variant.id)}
    raw["lokalaftale"][topic.id] = {**(raw["lokalaftale"].get(topic.id) or {}), **values,
                                    "variant": variant.id}  # fmt: skip
    raw["lokalaftale"].setdefault("niveauer", {})["skabelon_som_bilag"] = True
    return answers_from_raw(LIBRARY, raw, "test")


@pytest.mark.parametrize(("topic", "variant"), LOCAL_CASES)
def test_the_model_text_is_finished_danish_for_every_local_variant(
    topic: Topic, variant: Variant
) -> None:
    answers = _local(topic, variant)
    failures = []
    for section in annex(LIBRARY, answers, "lokal"):
        for line in section["linjer"]:
            text = line["tekst"]
            if LEFTOVER.search(text):
                failures.append(f"{section['titel']}: skabelonrest: {text[:120]}")
            failures += [f"{section['titel']}: {p}" for p in problems_in(text, line["punkt"])]
    assert not failures, "\n".join(failures)


def test_the_model_text_follows_the_local_answers() -> None:
    """Abroad only where the local agreement allows it; the local notice is filled in."""
    state = load_raw(EXAMPLES["stat"])
    lines = _lines(state)
    assert "Modeltekst ved ordningen »Én adresse i Danmark«:" in lines
    assert not any("Modeltekst ved ordningen »Adresse i udlandet«" in line for line in lines)
    assert any(line.endswith("jf. lokalaftalens § 2, stk. 6.") for line in lines)
    abroad = copy.deepcopy(state)
    abroad["lokalaftale"]["omraade"]["udlandet_tilladt"] = True
    lines = _lines(abroad)
    assert "Modeltekst ved ordningen »Adresse i udlandet«:" in lines
    assert any(line.startswith("[Hvis »Lovgivning om social sikring« er dansk og der er svaret "
                               "ja til »Ligger landet i EU/EØS eller Schweiz?«:] Parterne lægger "
                               "til grund") for line in lines)  # fmt: skip


def _lines(raw: dict[str, Any]) -> list[str]:
    answers = answers_from_raw(LIBRARY, copy.deepcopy(raw), "test")
    return [line["tekst"] for s in annex(LIBRARY, answers, "lokal") for line in s["linjer"]]


def test_a_yes_no_the_local_agreement_settles_is_not_offered_the_other_way() -> None:
    """The municipal local agreement gives a right to come in on a home day (R83): the model text
    keeps that paragraph without a case and never offers taking the right away."""
    municipal = _lines(load_raw(EXAMPLES["kommune"]))
    question = "Må medarbejderen selv vælge at møde ind på en hjemmearbejdsdag?"
    assert f"{question} Ja (følger af Aftalen)" in municipal
    assert any(line.startswith("Medarbejderen kan efter eget valg arbejde fra arbejdsstedet")
               for line in municipal)  # fmt: skip
    assert not any("hvis nærmeste leder har accepteret det i det enkelte" in s for s in municipal)
    # The state: the individual term is more favourable and prevails (forrang): both offered.
    state = _lines(load_raw(EXAMPLES["stat"]))
    assert f"{question} Ja / nej" in state
