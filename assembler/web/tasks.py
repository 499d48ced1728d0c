"""The work of each job, run in a worker process: the same library calls as the CLI commands.

Each task gets its job folder and the saved uploads (fixed names chosen by the server), deletes
the uploads as soon as they are read, writes what it makes under `ud/`, and returns plain data
for the page. Library errors become Danish results; anything unexpected is logged on the
server's console and shown as a short Danish apology, never as a traceback.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assembler.errors import AftaleError
from assembler.library.model import Library
from assembler.render.templates import TemplateSet
from assembler.safeio.budget import command_budget
from assembler.web.progress import Progress
from assembler.web.results import Names

CRASH_MESSAGE = (
    "Der opstod en uventet fejl under behandlingen. Intet er gemt. Prøv igen; sker det igen, "
    "så kontakt den, der driver serveren, og oplys tidspunktet."
)
_STATE: dict[str, Any] = {}


def warm_up() -> None:
    """Worker start: ignore Ctrl+C (the server stops workers) and load library and templates."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(AftaleError):  # the first job reports the problem in Danish
        _state()


def ping() -> int:
    """A no-op that makes the pool start a worker."""
    return os.getpid()


def _state() -> tuple[Library, TemplateSet]:
    """The library and compiled templates, loaded once per worker."""
    if "library" not in _STATE:
        from assembler.library import load_library
        from assembler.render.templates import load_templates

        library = load_library()
        _STATE["templates"] = load_templates(library)
        _STATE["library"] = library
    return _STATE["library"], _STATE["templates"]


def guarded(work: Callable[[Names, Progress], dict[str, Any]], names: Names) -> dict[str, Any]:
    """Run a task: Danish results for library errors, a logged apology for anything else."""
    progress = Progress(names.folder)
    try:
        with command_budget():  # the files of one upload share one unpacking budget, as in the CLI
            return work(names, progress)
    except AftaleError as exc:
        from assembler.web.results import error_data

        return {"status": "ugyldig"} | error_data(exc, names)
    except Exception:
        print("aftale server: uventet fejl i en opgave:", file=sys.stderr)
        traceback.print_exc()
        return {"status": "crash", "message": CRASH_MESSAGE}
    finally:
        for saved in names.display:
            (names.folder / saved).unlink(missing_ok=True)  # no user file is kept


def make_agreements(
    folder: str, saved: str, shown: str, despite_errors: bool, skip_rows: bool
) -> dict[str, Any]:
    """`aftale generer` for one upload: validate, check the rules, write, bundle."""
    from assembler.web.agreements_task import make

    names = Names(Path(folder))
    path = names.add(saved, shown)
    return guarded(lambda n, p: make(*_state(), path, n, p, despite_errors, skip_rows), names)


def review_draft(
    folder: str, uploads: list[tuple[str, str]], sector: str | None, counter: bool
) -> dict[str, Any]:
    """`aftale tjek UDKAST.docx` (optionally against our last version, with a counter-proposal)."""
    from assembler.web.review_task import review

    names = Names(Path(folder))
    paths = [names.add(saved, shown) for saved, shown in uploads]
    draft, ours = paths[0], (paths[1] if len(paths) > 1 else None)
    return guarded(lambda n, p: review(_state()[0], draft, ours, n, p, sector, counter), names)


def compare_rounds(
    folder: str, uploads: list[tuple[str, str]], authors: list[str]
) -> dict[str, Any]:
    """`aftale sammenlign V1 V2 …`: redlines per round and the change overview."""
    from assembler.web.compare_task import compare

    names = Names(Path(folder))
    paths = [names.add(saved, shown) for saved, shown in uploads]
    return guarded(lambda n, p: compare(paths, authors, n, p), names)
