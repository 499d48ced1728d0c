"""Errors raised by aftale; the CLI catches AftaleError once and prints its Danish message.

AftaleError                      base: message_da is shown to the user as "Fejl: <message_da>"
├── LibraryError                 the clause library is invalid (names file and clause)
├── AnswerError                  answers are missing or invalid (names the field or sheet!cell)
├── TemplateError                a Word template has a problem (names template and paragraph)
├── InputFileError               an incoming .docx/.xlsx is unreadable, unsafe or of the wrong kind
└── OutputError                  an output cannot be written (exists, not writable)

Operating-system and zip errors never reach the user in English: os_error_da() and zip_error_da()
turn them into a Danish sentence that names the file and says what to do. The English original is
kept as the exception's __cause__, which `aftale --detaljer` prints.
"""

from __future__ import annotations

import errno
import zipfile
from pathlib import Path

from assembler.counts import count


class AftaleError(Exception):
    """Base error; `problems` holds every problem when several were collected at once."""

    def __init__(self, message_da: str, problems: list[str] | None = None) -> None:
        super().__init__(message_da)
        self.message_da = message_da
        self.problems = list(problems or [])

    def __str__(self) -> str:
        if not self.problems:
            return self.message_da
        lines = "\n".join(f"  - {p}" for p in self.problems)
        return f"{self.message_da}\n{lines}"


class LibraryError(AftaleError):
    """The clause library failed validation."""


class AnswerError(AftaleError):
    """The answers are incomplete or invalid."""


def problems_da(number: int) -> str:
    """'1 problem', '2 problemer', '1.200 problemer'."""
    return count(number, "problem", "problemer")


class TemplateError(AftaleError):
    """A Word template cannot be used."""


class InputFileError(AftaleError):
    """An input file is unreadable, unsafe or of the wrong kind."""


class OutputError(AftaleError):
    """An output file cannot be written."""


# errno → (what happened, what to do); {path} is the file or folder the system named.
OS_ERRORS: dict[int, tuple[str, str]] = {
    errno.EACCES: (
        "du har ikke adgang til {path}",
        "Tjek rettighederne, eller vælg en anden placering.",
    ),
    errno.EPERM: (
        "systemet tillader ikke handlingen på {path}",
        "Tjek rettighederne, eller vælg en anden placering.",
    ),
    errno.EEXIST: (
        "{path} findes allerede",
        "Vælg et andet navn, eller flyt den eksisterende fil.",
    ),
    errno.ENOTDIR: (
        "en del af stien {path} er en fil, ikke en mappe",
        "Vælg en sti, hvor alle led er mapper.",
    ),
    errno.EISDIR: ("{path} er en mappe, ikke en fil", "Angiv en fil."),
    errno.ENOENT: ("{path} findes ikke", "Tjek stavningen af stien."),
    errno.ENOSPC: (
        "der er ikke mere plads på disken ved {path}",
        "Frigør plads, eller vælg en anden placering.",
    ),
    errno.EDQUOT: (
        "din diskkvote er brugt op ved {path}",
        "Frigør plads, eller vælg en anden placering.",
    ),
    errno.EROFS: ("{path} ligger på et drev, der kun kan læses", "Vælg en anden placering."),
    errno.ENAMETOOLONG: (
        "navnet {path} er for langt",
        "Vælg et kortere navn eller en kortere sti.",
    ),
    errno.ELOOP: (
        "stien {path} henviser til sig selv (for mange genveje)",
        "Tjek genvejene i stien.",
    ),
    errno.EBUSY: ("{path} er i brug af et andet program", "Luk programmet, og prøv igen."),
    errno.ETXTBSY: ("{path} er i brug af et andet program", "Luk programmet, og prøv igen."),
    errno.EMFILE: ("systemet har for mange åbne filer", "Luk andre programmer, og prøv igen."),
    errno.EIO: ("disken kunne ikke læse eller skrive {path}", "Tjek drevet, og prøv igen."),
    errno.EINVAL: ("navnet {path} kan ikke bruges på dette drev", "Vælg et navn uden specialtegn."),
}


def os_error_da(exc: OSError, path: Path | str | None = None) -> str:
    """A Danish sentence for an operating-system error, naming the file and what to do."""
    named = exc.filename if exc.filename is not None else path
    where = f"„{named}“" if named is not None else "filen"
    what, todo = OS_ERRORS.get(
        exc.errno or -1, ("systemet kunne ikke læse eller skrive {path}", "Prøv igen.")
    )
    text = what.format(path=where)
    return f"{text[0].upper()}{text[1:]}. {todo}"


def zip_error_da(path: Path | str, exc: BaseException) -> str:
    """A Danish sentence for a damaged zip (bad CRC, truncated, not a zip), naming the file."""
    member = ""
    message = str(exc)
    if isinstance(exc, zipfile.BadZipFile) and " for file " in message:
        name = message.rsplit(" for file ", 1)[1].strip().strip("'\"")
        member = f" (delen '{name}')"
    return (
        f"{path}: filen er beskadiget{member} og kan ikke pakkes ud. Bed afsenderen om en ny "
        "kopi, eller åbn og gem filen igen i Office."
    )
