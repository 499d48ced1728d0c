"""Typed answers: the sector, the local agreement and one individual agreement per employee."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from assembler.library.values import Value


@dataclass(frozen=True)
class TopicAnswer:
    """The chosen variant of one topic and the typed values of its parameters."""

    topic: str
    variant: str
    values: dict[str, Value] = field(default_factory=dict)


@dataclass(frozen=True)
class AgreementAnswers:
    """All topic answers of one agreement; `origin` says where they came from (for messages)."""

    agreement: str
    topics: dict[str, TopicAnswer]
    origin: str = ""

    def value(self, topic: str, name: str) -> Value:
        """One answered value, or None when the topic or parameter is absent."""
        answer = self.topics.get(topic)
        return None if answer is None else answer.values.get(name)

    def variant(self, topic: str) -> str | None:
        """The chosen variant of a topic, or None."""
        answer = self.topics.get(topic)
        return None if answer is None else answer.variant


@dataclass(frozen=True)
class Answers:
    """Everything needed to assemble a local agreement and the individual agreements."""

    sector: str
    version: str
    date: dt.date | None
    local: AgreementAnswers
    employees: tuple[AgreementAnswers, ...]
    origin: str = ""
