"""Typed answers: the sector, the local agreement and one individual agreement per employee."""

from __future__ import annotations

import datetime as dt

from assembler.library.values import Value
from assembler.records import Record


class TopicAnswer(Record):
    """The chosen variant of one topic and the typed values of its parameters."""

    _fields = ("topic", "variant", "values")
    __slots__ = _fields

    def __init__(self, topic: str, variant: str, values: dict[str, Value] | None = None) -> None:
        self.topic = topic
        self.variant = variant
        self.values: dict[str, Value] = {} if values is None else values


class AgreementAnswers(Record):
    """All topic answers of one agreement; `origin` says where they came from (for messages)."""

    _fields = ("agreement", "topics", "origin")
    __slots__ = _fields

    def __init__(self, agreement: str, topics: dict[str, TopicAnswer], origin: str = "") -> None:
        self.agreement = agreement
        self.topics = topics
        self.origin = origin

    def value(self, topic: str, name: str) -> Value:
        """One answered value, or None when the topic or parameter is absent."""
        answer = self.topics.get(topic)
        return None if answer is None else answer.values.get(name)

    def variant(self, topic: str) -> str | None:
        """The chosen variant of a topic, or None."""
        answer = self.topics.get(topic)
        return None if answer is None else answer.variant


class Answers(Record):
    """Everything needed to assemble a local agreement and the individual agreements."""

    _fields = ("sector", "version", "date", "local", "employees", "origin")
    __slots__ = _fields

    def __init__(
        self,
        sector: str,
        version: str,
        date: dt.date | None,
        local: AgreementAnswers,
        employees: tuple[AgreementAnswers, ...],
        origin: str = "",
    ) -> None:
        self.sector = sector
        self.version = version
        self.date = date
        self.local = local
        self.employees = employees
        self.origin = origin
