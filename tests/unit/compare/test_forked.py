"""The overview assessed in a forked child: the same rows and notes as in-process, or a fallback."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from assembler.compare import forked
from assembler.compare.model import Round
from assembler.compare.rounds import compare_versions
from assembler.ooxml.package import Package, read_package
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


def _compare(paths: list[Path], fork: bool) -> list[Round]:
    """Compare as `aftale sammenlign` does, with forking allowed (as a command) or not."""
    forked.allow(fork)
    try:
        return compare_versions(paths, ["Ledelsen"], ["2027-03-02"])
    finally:
        forked.allow(False)


def _overview(rounds: list[Round]) -> list[tuple[object, ...]]:
    return [(r.label, r.rows, r.notes) for r in rounds]


class Seen:
    """The children started, and what `forked.take` answered for them."""

    def __init__(self) -> None:
        self.pids: list[int] = []
        self.took: list[bool] = []


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> Seen:
    """Watch forked.start and forked.take."""
    out = Seen()
    start, take = forked.start, forked.take

    def start_spy(packages: list[Package]) -> None:
        start(packages)
        if forked._pending is not None:
            out.pids.append(forked._pending.pid)

    def take_spy(rounds: list[Round]) -> bool:
        started = forked._pending is not None
        answer = take(rounds)
        if started:
            out.took.append(answer)
        return answer

    monkeypatch.setattr(forked, "start", start_spy)
    monkeypatch.setattr(forked, "take", take_spy)
    return out


def _reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.mark.parametrize("count", [2, 3])
def test_the_childs_rows_and_notes_are_those_of_the_in_process_overview(
    tmp_path: Path, seen: Seen, count: int
) -> None:
    paths = _write(tmp_path, VERSIONS[:count])
    expected = _compare(paths, fork=False)
    assert seen.pids == []
    got = _compare(paths, fork=True)
    assert len(seen.pids) == 1 and seen.took == [True]
    assert _overview(got) == _overview(expected)
    assessments = [row.assessment for r in got for row in r.rows if row.assessment]
    assert any(a.startswith("Punktet er stadig bibliotekets variant") for a in assessments)
    assert any(a.startswith("R62 (advarsel)") for a in assessments)  # tjek's findings
    assert forked._pending is None and _reaped(seen.pids[0])


def test_a_child_that_answered_is_reaped_when_the_command_ends(tmp_path: Path, seen: Seen) -> None:
    paths = _write(tmp_path, VERSIONS[:2])
    forked.allow()
    try:
        compare_versions(paths, ["Ledelsen"], ["2027-03-02"])
        assert seen.took == [True] and forked._answered == seen.pids[0]
        forked.discard()  # as `aftale sammenlign` does once it has written and printed
        assert forked._answered is None and _reaped(seen.pids[0])
    finally:
        forked.allow(False)


def test_a_child_that_fails_leaves_the_overview_to_the_parent(
    tmp_path: Path, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _write(tmp_path, VERSIONS[:2])
    expected = _compare(paths, fork=False)

    def broken(*args: object) -> int:
        raise RuntimeError("the child stops")

    monkeypatch.setattr(forked, "_serve", broken)  # the child is forked with it
    got = _compare(paths, fork=True)
    assert len(seen.pids) == 1 and seen.took == [False]
    assert _overview(got) == _overview(expected)
    assert _reaped(seen.pids[0])


def test_a_plain_pair_gets_no_child(tmp_path: Path, seen: Seen) -> None:
    contract = [("Betaling", ["Betaling sker senest tredive dage efter fakturadato."])]
    later = [("Betaling", ["Betaling sker senest otte dage efter fakturadato."])]
    paths = _write(tmp_path, [clause_doc(contract), clause_doc(later)])
    [rnd] = _compare(paths, fork=True)
    assert seen.pids == [] and seen.took == []
    assert [(r.heading, r.assessment) for r in rnd.rows] == [("Betaling", "")]
    assert forked._pending is None and forked._checked is None  # the decision was used


def test_a_child_the_overview_does_not_need_is_stopped_and_reaped(
    tmp_path: Path, seen: Seen
) -> None:
    paths = _write(tmp_path, [VERSIONS[0], VERSIONS[0]])  # nothing changed: no rows at all
    [rnd] = _compare(paths, fork=True)
    assert rnd.rows == [] and len(seen.pids) == 1 and seen.took == []
    assert forked._pending is None and _reaped(seen.pids[0])


def test_other_rounds_than_the_childs_are_assessed_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _write(tmp_path, VERSIONS)
    expected = _compare(paths[1:], fork=False)
    packages = [read_package(p, "docx") for p in paths[:2]]
    forked.allow()
    try:
        forked.start(packages)  # a child for v1 and v2, then rounds of v2 and v3
        pending = forked._pending
        assert pending is not None
        rounds = [Round(r.label, r.old, r.new, b"", r.changes, {}) for r in expected]
        assert forked.take(rounds) is False
        assert _reaped(pending.pid)
    finally:
        forked.allow(False)


def test_no_child_unless_allowed_or_while_other_threads_run(tmp_path: Path) -> None:
    packages = [read_package(p, "docx") for p in _write(tmp_path, VERSIONS[:2])]
    forked.start(packages)
    assert forked._pending is None  # not allowed: a server, a test, the typer path
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    forked.allow()
    try:
        forked.start(packages)
        assert forked._pending is None
    finally:
        forked.allow(False)
        stop.set()
        other.join()


@pytest.mark.parametrize("fails", [False, True])
def test_the_parents_own_work_runs_while_the_child_assesses(
    tmp_path: Path, seen: Seen, fails: bool
) -> None:
    paths = _write(tmp_path, VERSIONS[:2])
    expected = _compare(paths, fork=False)
    calls: list[bool] = []

    def meanwhile() -> None:
        calls.append(forked._pending is None)  # the rounds are sent: the child is being asked
        if fails:
            raise ImportError("not there")  # fails again, and is reported, where it is used

    forked.allow(meanwhile=meanwhile)
    try:
        got = compare_versions(paths, ["Ledelsen"], ["2027-03-02"])
    finally:
        forked.allow(False)
    assert calls == [True] and seen.took == [True]
    assert _overview(got) == _overview(expected)
    assert forked._meanwhile is None  # forgotten with the permission
