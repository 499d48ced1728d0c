"""Jobs: each in its own folder under an unguessable id, run in worker processes, then deleted.

A job's folder holds only what the job made (uploads are deleted as soon as they are read). The
folder goes when the user downloads the ZIP with everything, presses "Slet", or after an hour;
the page's findings are forgotten at that hour too. Ids come from `secrets` and are checked
against a strict pattern and the store before anything touches the disk.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import re
import secrets
import shutil
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assembler.web import tasks
from assembler.web.progress import PROGRESS_FILE

JOB_ID = re.compile(r"[A-Za-z0-9_-]{43}")


@dataclass
class Job:
    """One upload's work: its folder, the worker's future and, when done, the result."""

    id: str
    kind: str  # "aftaler", "tjek", "sammenlign", "modforslag"
    folder: Path
    created: float
    names: dict[str, str] = field(default_factory=dict)  # saved file → the user's file name
    future: Future[dict[str, Any]] | None = None
    files_deleted: bool = False

    @property
    def done(self) -> bool:
        """Whether the worker has finished (successfully or not)."""
        return self.future is not None and self.future.done()

    @property
    def result(self) -> dict[str, Any]:
        """The worker's result; a crash becomes a result the page can explain."""
        assert self.future is not None and self.future.done()
        error = self.future.exception()
        if error is not None:
            return {"status": "crash", "message": tasks.CRASH_MESSAGE}
        return self.future.result()

    def progress(self) -> dict[str, Any]:
        """What the worker last reported: phase, done and total."""
        try:
            data = json.loads((self.folder / PROGRESS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"phase": "Venter på en ledig proces", "done": 0, "total": 0}
        return data if isinstance(data, dict) else {}

    def path(self, relpath: str) -> Path | None:
        """A file the job made, by the relative path the worker reported; None if gone."""
        if self.files_deleted:
            return None
        target = (self.folder / relpath).resolve()
        if not target.is_relative_to(self.folder.resolve()) or not target.is_file():
            return None
        return target


class Busy(Exception):
    """Too many jobs are waiting; the user is asked to try again shortly."""


class JobStore:
    """The jobs of this server process, their folders and the pool that runs them."""

    def __init__(self, workers: int, ttl: float, max_jobs: int) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="aftale-server-"))
        self.root.chmod(0o700)
        self.ttl = ttl
        self.max_jobs = max_jobs
        self.jobs: dict[str, Job] = {}
        self.workers = workers
        self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        """Workers that hold the library and compiled templates between jobs.

        spawn, not fork: the server process has threads. Workers ignore Ctrl+C (the server
        shuts them down). Every worker starts now, not at the first upload.
        """
        pool = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=mp.get_context("spawn"), initializer=tasks.warm_up
        )
        for _ in range(self.workers):
            pool.submit(tasks.ping)
        return pool

    def new(self, kind: str) -> Job:
        """A job with a fresh private folder; Busy when too many are already running."""
        running = sum(1 for j in self.jobs.values() if not j.done)
        if running >= self.max_jobs:
            raise Busy
        job_id = secrets.token_urlsafe(32)
        folder = self.root / job_id
        folder.mkdir(mode=0o700)
        job = Job(job_id, kind, folder, time.monotonic())
        self.jobs[job_id] = job
        return job

    def start(self, job: Job, function: Callable[..., dict[str, Any]], *args: Any) -> None:
        """Run the job's work in a worker process (in a new pool if a worker died)."""
        try:
            job.future = self.pool.submit(function, str(job.folder), *args)
        except BrokenProcessPool:  # a worker was killed (out of memory, say): start afresh
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._new_pool()
            job.future = self.pool.submit(function, str(job.folder), *args)

    def get(self, job_id: str) -> Job | None:
        """The job with this id, if the id is well-formed and the job still exists."""
        if not JOB_ID.fullmatch(job_id):
            return None
        return self.jobs.get(job_id)

    def delete_files(self, job: Job) -> None:
        """Delete the job's folder; the page can still show what was found until expiry."""
        job.files_deleted = True
        shutil.rmtree(job.folder, ignore_errors=True)

    def forget(self, job: Job) -> None:
        """Delete the job's files and its record."""
        self.delete_files(job)
        self.jobs.pop(job.id, None)

    def sweep(self, now: float | None = None) -> int:
        """Delete finished jobs older than the time limit; return how many went."""
        now = time.monotonic() if now is None else now
        old = [j for j in self.jobs.values() if j.done and now - j.created > self.ttl]
        for job in old:
            self.forget(job)
        return len(old)

    def close(self) -> None:
        """Stop the workers and delete every job folder."""
        self.pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.root, ignore_errors=True)
