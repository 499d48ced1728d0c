"""Render many agreements fast: templates compiled once per process, both cores, flat memory.

The parent plans the documents; worker processes (forked where possible, spawned otherwise) each
hold the library, the shared answers and compiled templates, and render chunks of employees with
the same render_agreement as the single-process path, so the output is byte-identical whichever
path made it. write_agreements lets the workers write the files themselves (file creation costs
about a millisecond of system time each here) and reports them in order; render_agreements returns
the bytes instead. Small batches stay in this process.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assembler.answers.model import AgreementAnswers, Answers
from assembler.library.model import Library
from assembler.render.collector import collecting as _collecting
from assembler.render.context import context_schema
from assembler.render.document import render_agreement
from assembler.render.engine import compile_template
from assembler.render.templates import TemplateSet

PARALLEL_FROM = 48  # below this, starting processes costs more than it saves
CHUNK = 24  # employees per task: large enough to amortise IPC, small enough to keep order moving


@dataclass
class _State:
    """What every worker needs once: library, answers without the employees, templates."""

    library: Library
    answers: Answers
    templates: TemplateSet
    stop: Any = None  # an Event set when the batch stopped early: remaining tasks are skipped


_STATE: _State | None = None
# Set just before a fork: forked workers find their jobs here and are sent only index ranges,
# so 10,000 employees' answers are never pickled.
_INHERITED: Sequence[tuple[AgreementAnswers, str]] = ()


def _init_worker(
    library: Library, answers: Answers, paths: tuple[str, str] | None, templates: Any, stop: Any
) -> None:
    """Worker start: use the forked templates, or compile them once (spawn)."""
    global _STATE
    gc.enable()  # rendering makes reference cycles, whatever the parent chose for itself
    if templates is None and paths is not None:
        templates = TemplateSet(
            local=compile_template(Path(paths[0]), context_schema(library, "lokal")),
            individual=compile_template(Path(paths[1]), context_schema(library, "individuel")),
        )
    _STATE = _State(library, answers, templates, stop)


def _render_chunk(chunk: Sequence[AgreementAnswers]) -> list[bytes]:
    """Render one chunk of agreements in a worker."""
    state = _STATE
    if state is None:  # pragma: no cover - only if the initializer failed
        raise RuntimeError("worker not initialised")
    if state.stop is not None and state.stop.is_set():
        return []  # the batch has stopped: nobody reads this any more
    return [
        render_agreement(
            state.templates.for_agreement(a.agreement), state.library, state.answers, a
        )
        for a in chunk
    ]


def write_file(path: str, data: bytes) -> None:
    """Write a file as Path.write_bytes does, with one open call (io.open adds fstat, ioctl …)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _write_chunk(chunk: Sequence[tuple[AgreementAnswers, str]]) -> int:
    """Render and write one chunk of agreements in a worker; return how many were written."""
    rendered = _render_chunk([a for a, _ in chunk])
    for data, (_, target) in zip(rendered, chunk, strict=False):
        write_file(target, data)
    return len(rendered)


def _write_range(bounds: tuple[int, int]) -> int:
    """_write_chunk for the inherited jobs start:end (fork only)."""
    return _write_chunk(_INHERITED[bounds[0] : bounds[1]])


def worker_count(total: int) -> int:
    """Processes worth starting for this many documents (0 means render in this process)."""
    if os.environ.get("AFTALE_WORKERS"):
        return max(0, int(os.environ["AFTALE_WORKERS"]))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if total < PARALLEL_FROM or (cores or 1) < 2:
        return 0
    return min(cores or 1, 8)


def _context() -> mp.context.BaseContext:
    """fork on Linux (cheap, templates inherited), spawn elsewhere."""
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


def _pool(
    ctx: Any, count: int, library: Library, answers: Answers, templates: TemplateSet, stop: Any
) -> Any:
    """A worker pool whose workers hold the library, the shared answers and the templates."""
    shared = answers._replace(employees=())
    if ctx.get_start_method() == "fork":
        return ctx.Pool(count, _init_worker, (library, shared, None, templates, stop))
    paths = (str(templates.local.package.path), str(templates.individual.package.path))
    return ctx.Pool(count, _init_worker, (library, shared, paths, None, stop))


DRAIN_SECONDS = 5.0  # at most this long to let the workers finish their chunks after a stop


@contextlib.contextmanager
def _results(
    ctx: Any, count: int, state: tuple[Library, Answers, TemplateSet], work: Any, tasks: list[Any]
) -> Iterator[Iterator[Any]]:
    """pool.imap(work, tasks) on a new pool; when the caller stops early (an error, or it stops
    reading), the workers skip their remaining tasks and the results are drained before the pool
    is terminated.

    Pool.terminate kills the workers: one killed while sending a result leaves the result
    queue's lock held, and terminate then waits for that lock forever (a test hung so on the
    loaded 2-core machine). Drained, the workers are idle when they are killed.
    """
    stop = ctx.Event()
    with _pool(ctx, count, *state, stop) as pool:
        results = pool.imap(work, tasks)
        try:
            yield results
        except BaseException:
            stop.set()
            _drain(results)
            raise


def _drain(results: Any) -> None:
    """Read the remaining results (each comes at once after a stop), for DRAIN_SECONDS at most."""
    deadline = time.monotonic() + DRAIN_SECONDS
    while True:
        try:
            results.next(timeout=max(0.0, deadline - time.monotonic()))
        except (StopIteration, mp.TimeoutError):
            return
        except Exception:  # another chunk's error: keep draining
            continue


def write_agreements(
    library: Library,
    answers: Answers,
    templates: TemplateSet,
    agreements: Sequence[AgreementAnswers],
    targets: Sequence[str | Path],
    workers: int | None = None,
) -> Iterator[int]:
    """Render each agreement straight into its target file, in order; yield the index written.

    In parallel mode the workers write the files themselves, so neither the bytes nor the writing
    pass through this process, and at most a few chunks are in flight: memory stays flat.
    """
    paths = [os.fspath(t) for t in targets]
    # one Path per folder, not per file (10,000 Path objects cost 50 ms before the workers start)
    for folder in sorted({os.path.dirname(t) for t in paths}):  # noqa: PTH120
        Path(folder).mkdir(parents=True, exist_ok=True)
    count = worker_count(len(agreements)) if workers is None else workers
    if count <= 1:
        for index, data in enumerate(render_agreements(library, answers, templates, agreements, 0)):
            write_file(paths[index], data)
            yield index
        return
    global _INHERITED
    pairs = list(zip(agreements, paths, strict=True))
    ctx = _context()
    tasks: list[Any]
    work: Callable[[Any], int]
    if ctx.get_start_method() == "fork":
        _INHERITED = pairs
        tasks, work = (
            [(i, min(i + CHUNK, len(pairs))) for i in range(0, len(pairs), CHUNK)],
            _write_range,
        )
    else:
        tasks, work = [pairs[i : i + CHUNK] for i in range(0, len(pairs), CHUNK)], _write_chunk
    # Objects that exist before the fork are frozen: the workers' collector never walks them, so
    # their memory pages stay shared instead of being copied by every collection.
    gc.freeze()
    done = 0
    try:
        with _results(ctx, count, (library, answers, templates), work, tasks) as results:
            for written in results:
                for index in range(done, done + written):
                    yield index
                done += written
    finally:
        gc.unfreeze()
        _INHERITED = ()


def render_agreements(
    library: Library,
    answers: Answers,
    templates: TemplateSet,
    agreements: Sequence[AgreementAnswers],
    workers: int | None = None,
) -> Iterator[bytes]:
    """The .docx bytes of each agreement, in order; parallel when it pays."""
    count = worker_count(len(agreements)) if workers is None else workers
    if count <= 1:
        for agreement in agreements:
            with _collecting():
                data = render_agreement(
                    templates.for_agreement(agreement.agreement), library, answers, agreement
                )
            yield data
        return
    chunks = [agreements[i : i + CHUNK] for i in range(0, len(agreements), CHUNK)]
    state = (library, answers, templates)
    with _results(_context(), count, state, _render_chunk, chunks) as results:
        for result in results:
            yield from result
