"""The answer model, derived from the clause library, and its readers.

Names are imported on first use: a submodule (model, build) must not pull in the file readers and
PyYAML, which `aftale sammenlign` never needs when it reads the answers a .docx carries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assembler.lazy import lazy_names

if TYPE_CHECKING:
    from assembler.answers.build import build_agreement, dotted_locator
    from assembler.answers.files import answers_from_raw, answers_to_raw, load_raw, read_answers
    from assembler.answers.model import AgreementAnswers, Answers, TopicAnswer

__all__ = [
    "AgreementAnswers",
    "Answers",
    "TopicAnswer",
    "answers_from_raw",
    "answers_to_raw",
    "build_agreement",
    "dotted_locator",
    "load_raw",
    "read_answers",
]
_HOME = {
    "AgreementAnswers": "model",
    "Answers": "model",
    "TopicAnswer": "model",
    "answers_from_raw": "files",
    "answers_to_raw": "files",
    "build_agreement": "build",
    "dotted_locator": "build",
    "load_raw": "files",
    "read_answers": "files",
}


__getattr__ = lazy_names(__name__, _HOME)
