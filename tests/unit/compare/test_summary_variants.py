"""Recognising a library variant in a clause's text, with the values it was filled with."""

from __future__ import annotations

import time

import pytest

from assembler.compare.variants import fill_values, values_for, variant_of
from assembler.library.loader import load_library
from assembler.library.model import Library
from tests.unit.compare.overview_fixtures import variant_text


@pytest.fixture(scope="module")
def lib() -> Library:
    return load_library()


def test_fill_values_reads_the_placeholders_back() -> None:
    template = "Kernetiden er kl. {{ fra }} til kl. {{ til }} på hjemmearbejdsdage."
    text = "Kernetiden er kl. 09.00 til kl. 14.30 på  hjemmearbejdsdage."
    assert fill_values(template, text) == {"fra": "09.00", "til": "14.30"}
    assert fill_values(template, "Kernetiden er aftalt lokalt.") is None
    assert fill_values("Uden pladsholdere.", "Uden pladsholdere.") == {}
    assert fill_values("{{ a }}{{ b }} slut", "xy slut") is None  # ambiguous: never a guess


def test_every_variant_of_every_topic_is_recognised_with_its_values(lib: Library) -> None:
    for topic in lib.topics:
        for variant in topic.variants:
            params = topic.params_for(variant.id)
            if not variant.text.strip() or any(
                p.type in ("list", "paragraphs", "bool") for p in params
            ):
                continue  # no text (a signature block), or expanded and conditional blocks
            values = {p.name: f"værdi {k}" for k, p in enumerate(params)}
            try:
                text = "\n".join(variant_text(topic.agreement, topic.id, variant.id, values))
            except KeyError:
                continue  # mentions another topic's answer
            found = variant_of(topic, text)
            assert found is not None and found[0].id == variant.id, f"{topic.id}/{variant.id}"
            assert all(
                found[1][name] == value for name, value in values.items() if name in found[1]
            )


def test_lists_conditions_and_optional_paragraphs(lib: Library) -> None:
    topic = lib.topic("lokal", "omraade")
    variant = topic.variant("udvalgte_grupper")
    base = variant_text(
        "lokal",
        "omraade",
        "udvalgte_grupper",
        {
            "personalegrupper": "{{ personalegrupper }}",
            "undtagne_stillinger": "receptionist",
            "max_dage_pr_uge": "2",
            "loftets_andel": "to femtedele",  # derived from the cap when rendered
        },
    )
    paragraphs = []
    for paragraph in base:
        if paragraph == "{{ personalegrupper }}":
            paragraphs += ["Fuldmægtige", "Specialkonsulenter"]  # one bullet per item
        elif paragraph.startswith("[hvis udlandet_tilladt]"):
            continue  # answered nej: left out
        elif paragraph.startswith("[hvis ikke udlandet_tilladt]"):
            paragraphs.append(paragraph.removeprefix("[hvis ikke udlandet_tilladt]").strip())
        elif "receptionist" in paragraph:
            continue  # optional answer left empty: the paragraph is left out
        else:
            paragraphs.append(paragraph)
    values = values_for(topic, variant, "\n".join(paragraphs))
    assert values is not None
    assert values["personalegrupper"] == "Fuldmægtige; Specialkonsulenter"
    assert values["max_dage_pr_uge"] == "2"
    assert values_for(topic, variant, "\n".join(paragraphs[1:])) is None  # a required one gone


def test_hostile_text_costs_little(lib: Library) -> None:
    topic = lib.topic("lokal", "undtagelser")
    text = "\n".join(["Arbejdsgiveren kan pålægge en medarbejder " + "x " * 2000] * 200)
    start = time.perf_counter()
    assert variant_of(topic, text) is None
    assert time.perf_counter() - start < 2.0
