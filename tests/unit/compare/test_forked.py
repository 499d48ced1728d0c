"""The overview assessed in a forked child: the same rows and notes as in-process, or a fallback."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from assembler.compare import forked
from assembler.compare.model import Round
from assembler.compare.rounds import compare_versions
from tests.unit.compare.fixtures import make_docx, para
from tests.unit.compare.overview_fixtures import H, clause_doc, variant_text

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork exists on POSIX only")

TITLE = "Lokalaftale om fast tilbagevendende hjemmearbejde"
UNDTAGELSER = "Ændring af planlagte hjemmearbejdsdage og adgang til arbejdsplads"
DESK = {"skrivebord": "Eget skrivebord bevares"}


def _local(variant: str, days: str, environment: str) -> bytes:
    """A local agreement with a call-in clause (a library variant) and a work-environment clause."""
    values = {**DESK, "varsel_dage": days} if variant == "indkaldelse_varsel" else DESK
    body = [para(TITLE), para(UNDTAGELSER, style=H)]
    body += [para(t) for t in variant_text("lokal", "undtagelser", variant, values)]
    body += [para("Arbejdsmiljø", style=H), para(environment)]
    return make_docx(body)


VERSIONS = [
    _local("indkaldelse_varsel", "5", "Arbejdspladsvurderingen omfatter hjemmearbejdet."),
    _local("indkaldelse_varsel", "2", "Medarbejderen sørger selv for en god arbejdsstilling."),
    _local("konkret_vurdering", "", "Medarbejderen sørger selv for en god arbejdsstilling."),
]


def _write(tmp: Path, versions: list[bytes]) -> list[Path]:
    paths = []
    for k, data in enumerate(versions, start=1):
        path = tmp / f"v{k}.docx"
        path.write_bytes(data)
        paths.append(path)
    return paths


def _compare(paths: list[Path]) -> list[Round]:
    return compare_versions(paths, ["Ledelsen"], ["2027-03-02"])


def _overview(rounds: list[Round]) -> list[tuple[object, ...]]:
    return [(r.label, r.rows, r.notes) for r in rounds]


@pytest.fixture
def took(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """What `forked.take` answered with a child started (True: the child's rows were used)."""
    answers: list[bool] = []
    take = forked.take

    def spy(rounds: list[Round]) -> bool:
        started = forked._pending is not None
        answer = take(rounds)
        if started:
            answers.append(answer)
        return answer

    monkeypatch.setattr(forked, "take", spy)
    return answers


def _reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.mark.parametrize("count", [2, 3])
def test_the_childs_rows_and_notes_are_those_of_the_in_process_overview(
    tmp_path: Path, took: list[bool], count: int
) -> None:
    paths = _write(tmp_path, VERSIONS[:count])
    expected = _compare(paths)
    forked.start(paths)
    pending = forked._pending
    assert pending is not None
    got = _compare(paths)
    assert took == [True]
    assert _overview(got) == _overview(expected)
    assessments = [row.assessment for r in got for row in r.rows if row.assessment]
    assert any(a.startswith("Punktet er stadig bibliotekets variant") for a in assessments)
    assert any(a.startswith("R62 (advarsel)") for a in assessments)  # tjek's findings
    assert forked._pending is None and _reaped(pending.pid)


def test_a_child_that_fails_leaves_the_overview_to_the_parent(
    tmp_path: Path, took: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _write(tmp_path, VERSIONS[:2])
    expected = _compare(paths)

    def broken(*args: object) -> int:
        raise RuntimeError("the child stops")

    monkeypatch.setattr(forked, "_serve", broken)  # the child is forked with it
    forked.start(paths)
    pending = forked._pending
    assert pending is not None
    got = _compare(paths)
    assert took == [False]
    assert _overview(got) == _overview(expected)
    assert _reaped(pending.pid)


def test_a_plain_pair_stops_and_reaps_the_child(tmp_path: Path, took: list[bool]) -> None:
    contract = [("Betaling", ["Betaling sker senest tredive dage efter fakturadato."])]
    later = [("Betaling", ["Betaling sker senest otte dage efter fakturadato."])]
    paths = _write(tmp_path, [clause_doc(contract), clause_doc(later)])
    forked.start(paths)
    pending = forked._pending
    assert pending is not None
    [rnd] = _compare(paths)
    assert took == []  # the overview never asked the child
    assert [(r.heading, r.assessment) for r in rnd.rows] == [("Betaling", "")]
    assert forked._pending is None and _reaped(pending.pid)


def test_rounds_of_other_versions_are_assessed_in_process(tmp_path: Path, took: list[bool]) -> None:
    paths = _write(tmp_path, VERSIONS)
    expected = _compare(paths[1:])
    forked.start(paths[:2])
    got = _compare(paths[1:])
    assert took == [False]
    assert _overview(got) == _overview(expected)


def test_no_child_while_other_threads_run(tmp_path: Path) -> None:
    paths = _write(tmp_path, VERSIONS[:2])
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        forked.start(paths)
        assert forked._pending is None
    finally:
        stop.set()
        other.join()
