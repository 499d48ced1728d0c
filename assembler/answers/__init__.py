"""The answer model, derived from the clause library, and its readers."""

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
