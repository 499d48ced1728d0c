"""Errors raised by aftale; the CLI catches AftaleError once and prints its Danish message.

AftaleError                      base: message_da is shown to the user as "Fejl: <message_da>"
├── LibraryError                 the clause library is invalid (names file and clause)
├── AnswerError                  answers are missing or invalid (names the field or sheet!cell)
├── TemplateError                a Word template has a problem (names template and paragraph)
├── InputFileError               an incoming .docx/.xlsx is unreadable, unsafe or of the wrong kind
└── OutputError                  an output cannot be written (exists, not writable)
"""

from __future__ import annotations


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


class TemplateError(AftaleError):
    """A Word template cannot be used."""


class InputFileError(AftaleError):
    """An input file is unreadable, unsafe or of the wrong kind."""


class OutputError(AftaleError):
    """An output file cannot be written."""
