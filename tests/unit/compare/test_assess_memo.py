"""The overview's assessors read a change once, however many rounds repeat it."""

from __future__ import annotations

import pytest

from assembler.audit import assess as audit_assess
from assembler.compare import variants
from assembler.compare.assess import ChangeFacts, LibraryAssessor, TermsAssessor
from assembler.library.model import Library

CAP = "Befordringsgodtgørelse ydes dog højst for 50 kilometer hver vej."


def _facts(**more: object) -> ChangeFacts:
    values: dict[str, object] = {
        "agreement": "lokal",
        "topic": "transport",
        "kind": "deleted",
        "before": CAP,
        "after": "",
        "clause_before": CAP,
        "clause_after": "",
    }
    values.update(more)
    return ChangeFacts(**values)  # type: ignore[arg-type]


def test_a_change_repeated_in_another_round_is_assessed_once(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = audit_assess.assess_change

    def counted(*args: object, **kwargs: object) -> audit_assess.Assessment:
        calls.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(audit_assess, "assess_change", counted)
    assessor = TermsAssessor(library)
    first = assessor(_facts())
    assert first is not None and "Loftet på 50 kilometer" in first
    assert assessor(_facts(kind="changed", before=CAP, after="")) == first  # the same texts
    assert len(calls) == 1
    assessor(_facts(before=CAP.replace("50", "40"), clause_before=CAP.replace("50", "40")))
    assert len(calls) == 2  # other texts are read


def test_a_clause_that_reads_as_before_matches_what_it_matched(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = library.topic("lokal", "transport").variants[0].text

    def never(*args: object) -> None:
        raise AssertionError("variant_of called for an unchanged clause")

    monkeypatch.setattr(variants, "variant_of", never)
    assert LibraryAssessor(library)(_facts(clause_before=text, clause_after=text)) is None


def test_a_clause_text_is_matched_once_across_rounds(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = variants.variant_of

    def counted(*args: object) -> object:
        calls.append(args)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(variants, "variant_of", counted)
    assessor = LibraryAssessor(library)
    old = library.topic("lokal", "transport").variants[0].text
    assessor(_facts(clause_before=old, clause_after="Ny tekst."))
    assessor(_facts(clause_before=old, clause_after="En anden ny tekst."))
    assert len(calls) == 3  # the older clause once, each newer clause once
