"""The overview's assessment started in a forked child, beside the comparison (POSIX only).

Assessing a negotiation round (the audit of each version: imports, the clause library, `tjek`'s
rules) costs more than comparing it, and only its last step needs the comparison's changes.
`aftale sammenlign` as a command (launch.py allows it) therefore forks a child as soon as the
versions are read (rounds.compare_versions): the child audits them while the parent compares
them; the parent then sends the rounds' changes, and the child sends back each round's rows and
notes, built by the same code as in-process (assessed.py). Everything crosses the pipes as
`marshal` data (strings, numbers, tuples: no code runs on loading it). A pair that is not about
home work gets no assessment and so no child; the overview reuses that decision.

On any failure (no fork, the child stopping, a version it could not read, different rounds)
the parent assesses in-process, with the same result. The child never writes to the terminal
and the parent always reaps it, so its CPU time counts in the command's: a child that answered
is reaped when the command ends (discard), not at once, since it still stores the caches it
filled and the kernel then frees its memory (0.2-4 ms), while the parent writes and prints.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from assembler.compare.model import Round
    from assembler.ooxml.package import Package

Pairs = list[tuple[Path, Path]]


class Pending:
    """A started child: its pid, the pipe ends the parent keeps, and the versions it reads."""

    __slots__ = ("paths", "pid", "receive", "send")

    def __init__(self, pid: int, send: int, receive: int, paths: list[Path]) -> None:
        self.pid = pid
        self.send = send
        self.receive = receive
        self.paths = paths


_pending: Pending | None = None  # one per process: the command's child, until it is used
_answered: int | None = None  # the pid of a child that answered, until discard() reaps it
_allowed = False  # set by the command-line entry point only: a server or a test never forks
_meanwhile: Callable[[], object] | None = None  # the parent's own work while the child assesses
_checked: tuple[list[Package], bool] | None = None  # the versions start() looked at, and whether
# they concern home work (the overview asks again: home_work_of)


def allow(yes: bool = True, meanwhile: Callable[[], object] | None = None) -> None:
    """Let this process fork a child for the overview (`aftale sammenlign` as a command);
    `meanwhile` is work the parent does once it has sent the rounds, before the child answers
    (loading what it prints with: the child's answer is what the command waits for)."""
    global _allowed, _meanwhile
    _allowed = yes
    _meanwhile = meanwhile if yes else None
    if not yes:
        _reap_answered()


def start(packages: list[Package]) -> None:
    """Fork the child that audits the versions (read, in order), when allowed and fork exists."""
    global _pending, _checked
    if not _allowed or _pending is not None or len(packages) < 2:
        return
    if not hasattr(os, "fork") or _threaded():
        return
    from assembler.compare.scope import concerns_home_work

    home_work = any(map(concerns_home_work, reversed(packages)))  # the newest is likeliest
    _checked = (list(packages), home_work)
    if not home_work:
        return  # a plain pair: no assessment, so no child (a fork costs a plain run ~10%)
    sys.stdout.flush()
    sys.stderr.flush()
    import gc

    if not gc.isenabled():  # the command (launch.py) runs with the collector off
        # The objects so far (modules, the versions' bytes) go to the collector's permanent
        # generation: fewer of their pages are written, and so copied, after the fork (the
        # demo's round: 9 170 page faults instead of 9 320). A process that collects keeps them.
        gc.freeze()
    to_child, from_parent = os.pipe()[::-1]
    from_child, to_parent = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        for fd in (to_child, from_parent, from_child, to_parent):
            os.close(fd)
        return
    if pid == 0:  # the child: never returns
        os.close(to_child)
        os.close(from_child)
        _child(packages, from_parent, to_parent)
    os.close(from_parent)
    os.close(to_parent)
    _pending = Pending(pid, to_child, from_child, [p.path for p in packages])


def home_work_of(packages: list[Package]) -> bool | None:
    """Whether these very versions concern home work, as start() found; None if it did not look."""
    global _checked
    checked, _checked = _checked, None
    if checked is None or {id(p) for p in checked[0]} != {id(p) for p in packages}:
        return None
    return checked[1]


def _threaded() -> bool:
    """Whether other threads run: a lock one of them holds would stay locked in the child."""
    threading = sys.modules.get("threading")  # not imported: no other thread was started
    return threading is not None and threading.active_count() > 1


def discard() -> None:
    """Stop and reap the child when the overview does not need it (nothing changed, an error);
    reap the one that answered (the command's end)."""
    global _pending, _checked
    _reap_answered()
    pending, _pending, _checked = _pending, None, None
    if pending is None:
        return
    for fd in (pending.send, pending.receive):
        os.close(fd)
    import signal

    with contextlib.suppress(OSError):  # it only reads: whatever it was doing is not needed
        os.kill(pending.pid, signal.SIGKILL)
    _reap(pending.pid)


def take(rounds: list[Round]) -> bool:
    """Fill the rounds' rows and notes from the child; False (nothing changed) if it could not."""
    global _pending, _answered
    pending, _pending = _pending, None
    if pending is None:
        return False
    paths = {str(p) for p in pending.paths}
    if any(str(p) not in paths for r in rounds for p in (r.old.path, r.new.path)):
        for fd in (pending.send, pending.receive):
            os.close(fd)
        _reap(pending.pid)  # it stops on the closed pipe
        return False
    result: Any = None
    try:
        try:
            _write_all(pending.send, marshal.dumps([_round_data(r) for r in rounds]))
        finally:
            os.close(pending.send)
        if _meanwhile is not None:
            with contextlib.suppress(Exception):  # whatever failed fails again where it is used
                _meanwhile()
        result = marshal.loads(_read_all(pending.receive))
    except (OSError, EOFError, ValueError, TypeError):
        result = None
    finally:
        os.close(pending.receive)
    if not isinstance(result, list) or len(result) != len(rounds):
        _reap(pending.pid)  # it failed or stopped: nothing left to wait for
        return False
    _answered = pending.pid  # it still stores its caches and exits: reaped by discard()
    from assembler.compare.model import ChangeRow

    for rnd, (rows, notes) in zip(rounds, result, strict=True):
        rnd.rows = [ChangeRow(*row) for row in rows]
        rnd.notes = list(notes)
    return True


def _round_data(rnd: Round) -> tuple[Any, ...]:
    """What the child needs of a round, as marshal data."""
    changes = [(c.kind, c.before, c.after, tuple(c.info), c.part) for c in rnd.changes]
    old, new = rnd.old, rnd.new
    return (
        rnd.label,
        (str(old.path), old.author, old.date),
        (str(new.path), new.author, new.date),
        changes,
        list(rnd.notes),
    )


def _rounds_from(data: list[Any], paths: dict[str, Path]) -> list[Round]:
    """The parent's rounds, rebuilt in the child (without the redline, which it does not need)."""
    from assembler.compare.model import Change, ParaInfo, Round, Version

    out = []
    for label, old, new, changes, notes in data:
        rebuilt = [Change(k, b, a, ParaInfo(*info), part) for k, b, a, info, part in changes]
        versions = [Version(paths[v[0]], v[1], v[2]) for v in (old, new)]
        out.append(Round(label, versions[0], versions[1], b"", rebuilt, {}, list(notes)))
    return out


def _child(packages: list[Package], receive: int, send: int) -> None:
    """Audit the versions, then build the rows of the rounds the parent sends; exit."""
    code = 1
    try:
        devnull = os.open(os.devnull, os.O_RDWR)  # the parent alone speaks to the user
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        code = _serve(packages, receive, send)
    except BaseException:  # any failure: the parent assesses in-process
        code = 1
    finally:
        os._exit(code)  # no atexit handlers, no flushing of the parent's buffers


def _serve(packages: list[Package], receive: int, send: int) -> int:
    """The child's work; 0 when it sent the rows, 1 when the parent should assess itself."""
    from assembler.compare.assessed import assess_rounds, read_versions
    from assembler.library.loader import load_library

    library = load_library()
    paths = [p.path for p in packages]
    pairs: Pairs = [(paths[k], paths[k + 1]) for k in range(len(paths) - 1)]
    if len(paths) >= 3:
        pairs.append((paths[0], paths[-1]))  # the cumulative round (rounds.compare_versions)
    read = {p.path: p for p in packages}
    readings = read_versions(library, pairs, read)
    rounds = _rounds_from(marshal.loads(_read_all(receive)), {str(p): p for p in paths})
    if [(r.old.path, r.new.path) for r in rounds] != pairs:
        readings = read_versions(library, [(r.old.path, r.new.path) for r in rounds], read)
    assess_rounds(rounds, readings, library, ())
    _write_all(send, marshal.dumps([([tuple(row) for row in r.rows], r.notes) for r in rounds]))
    os.close(send)  # the parent goes on; os._exit runs no atexit handlers, so keep the patterns'
    from assembler.regex_programs import save  # programs here (assembler/regex.py)

    save()
    kinds = sys.modules.get("assembler.audit.terms.kinds_memo")  # and the terms' kinds, if read
    if kinds is not None:
        kinds.save()
    return 0


def _read_all(fd: int) -> bytes:
    """Everything until the other end closes the pipe."""
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    """Write all of `data` to the pipe."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _reap_answered() -> None:
    """Reap the child that answered, if any (it has sent everything; this only waits)."""
    global _answered
    pid, _answered = _answered, None
    if pid is not None:
        _reap(pid)


def _reap(pid: int) -> None:
    """Wait for the child to end (it has nothing left to do once its pipes are closed)."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
