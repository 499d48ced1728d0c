"""R111–R112: an individual agreement abroad whose social security contradicts residence and extent
(regulation 883/2004 art. 13): they fire on constructed answers and stay silent on the example."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from assembler.answers.files import answers_from_raw, load_raw
from assembler.library.model import Library
from assembler.rules import Finding, check_answers
from assembler.workflows import EXAMPLES

Raw = dict[str, Any]
KARIN = 0  # the municipal example's employee who works from Malmö


def _check(library: Library, change: Callable[[Raw], None] | None = None) -> list[Finding]:
    raw = copy.deepcopy(load_raw(EXAMPLES["kommune"]))
    if change:
        change(raw)
    return check_answers(library, answers_from_raw(library, raw, "kommune.yaml"))


def _karin(raw: Raw) -> Raw:
    employee: Raw = raw["medarbejdere"][KARIN]
    assert employee["arbejdssted"]["variant"] == "udlandet"
    return employee


def _lives_in_sweden_two_days(raw: Raw) -> None:
    karin = _karin(raw)
    karin["arbejdssted"]["bopael_danmark"] = False
    karin["omfang"].update({"dage_pr_periode": 2, "periode": "uge", "ugedag_2": "Fredag"})


def _lives_in_sweden_one_day_fortnightly(raw: Raw) -> None:
    _karin(raw)["arbejdssted"]["bopael_danmark"] = False  # 10 %: under a substantial part


def _lives_in_denmark_swedish_security(raw: Raw) -> None:
    _karin(raw)["arbejdssted"]["social_sikring"] = "Arbejdslandets"


def _lives_in_sweden_swedish_security(raw: Raw) -> None:
    karin = _karin(raw)
    karin["arbejdssted"].update({"bopael_danmark": False, "social_sikring": "Arbejdslandets"})
    karin["omfang"].update({"dage_pr_periode": 2, "periode": "uge", "ugedag_2": "Fredag"})


@pytest.mark.parametrize(
    ("change", "rule", "words"),
    [
        (_lives_in_sweden_two_days, "R111",
         ("bor i Sverige", "ca. 40 % af en fuld arbejdsuge", "art. 13, stk. 1, litra a",
          "lægger dansk lovgivning til grund", "skal verificeres", "en A1-attest")),
        (_lives_in_denmark_swedish_security, "R112",
         ("bor i Danmark", "hjemme i Sverige", "her dansk lovgivning",
          "lægger lovgivningen i Sverige til grund")),
    ],
)  # fmt: skip
def test_social_security_against_residence_is_found(
    library: Library, change: Callable[[Raw], None], rule: str, words: tuple[str, ...]
) -> None:
    hits = [f for f in _check(library, change) if f.rule == rule]
    assert len(hits) == 1, [f.rule for f in _check(library, change)]
    hit = hits[0]
    assert hit.severity == "advarsel" and hit.where == f"medarbejdere[{KARIN + 1}]"
    assert hit.employee == "Karin Holm Andersen"
    assert all(word in hit.message_da for word in words), hit.message_da
    assert set(hit.sources) == {"S27", "S39"}


@pytest.mark.parametrize(
    "change",
    [None, _lives_in_sweden_one_day_fortnightly, _lives_in_sweden_swedish_security],
    ids=["example", "under-25-percent", "consistent"],
)
def test_consistent_social_security_stays_silent(
    library: Library, change: Callable[[Raw], None] | None
) -> None:
    assert not [f for f in _check(library, change) if f.rule in ("R111", "R112")]
