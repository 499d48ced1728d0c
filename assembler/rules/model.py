"""The rule model: Rule (data a lawyer can read), Finding (one hit) and the registry decorator."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from assembler.library.model import SECTORS
from assembler.records import Record
from assembler.rules.facts import EmployeeFacts, LocalFacts

SEVERITIES = ("fejl", "advarsel", "info")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}
LOCAL_WHERE = "lokalaftale"

# A check returns None/False (no finding), True, or the values its message template needs.
Fired = bool | Mapping[str, Any] | None


class RuleInput(Record):
    """What a rule sees: the sector, the local agreement and (for individual rules) one employee."""

    _fields = ("sector", "local", "employee")
    __slots__ = _fields

    def __init__(
        self,
        sector: str | None,
        local: LocalFacts,
        employee: EmployeeFacts | None = None,
    ) -> None:
        self.sector = sector
        self.local = local
        self.employee = employee


class Rule(Record):
    """One checkable rule from FACTS.md §4, with its legal metadata and its check."""

    _fields = (
        "id",
        "severity",
        "agreement",
        "topic",
        "title",
        "message",
        "sources",
        "needs",
        "check",
        "sectors",
        "valid_from",
        "valid_to",
        "summary",
    )
    __slots__ = _fields

    def __init__(
        self,
        id: str,
        severity: str,
        agreement: str,  # "lokal" or "individuel": which agreement a finding is attached to
        topic: str,  # the topic of that agreement the finding concerns (anchors comments)
        title: str,
        message: str,  # Danish; what is wrong and what to do; may use {names} from the check
        sources: tuple[str, ...],
        needs: tuple[str, ...],  # facts as "lokal.<field>" / "individuel.<field>"
        check: Callable[[RuleInput], Fired],
        sectors: tuple[str, ...] = SECTORS,
        valid_from: dt.date | None = None,
        valid_to: dt.date | None = None,  # last day the rule applies
        summary: str = "",  # Danish, for `aftale regler` when the message is assembled from cases
    ) -> None:
        self.id = id
        self.severity = severity
        self.agreement = agreement
        self.topic = topic
        self.title = title
        self.message = message
        self.sources = sources
        self.needs = needs
        self.check = check
        self.sectors = sectors
        self.valid_from = valid_from
        self.valid_to = valid_to
        self.summary = summary

    def applies(self, sector: str | None, day: dt.date) -> bool:
        """Whether the rule is in force for the sector (None: unknown) on the effective date."""
        if sector is None and set(self.sectors) != set(SECTORS):
            return False
        if sector is not None and sector not in self.sectors:
            return False
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_to is None or day <= self.valid_to

    @property
    def period_da(self) -> str:
        """The validity period in Danish, e.g. 'fra 30.04.2022'."""
        if self.valid_from and self.valid_to:
            return f"{self.valid_from:%d.%m.%Y}–{self.valid_to:%d.%m.%Y}"
        if self.valid_from:
            return f"fra {self.valid_from:%d.%m.%Y}"
        if self.valid_to:
            return f"til {self.valid_to:%d.%m.%Y}"
        return "altid"


class Finding(Record):
    """One rule that fired, where and for whom."""

    _fields = (
        "rule",
        "severity",
        "message_da",
        "source",
        "where",
        "employee",
        "sources",
        "topic",
        "agreement",
        "title",
    )
    __slots__ = _fields

    def __init__(
        self,
        rule: str,
        severity: str,
        message_da: str,
        source: str,  # readable: "S2 (Medst: individuel aftale); S12 (…)"
        where: str,  # "lokalaftale", "medarbejdere[2]", "Individuelle aftaler!række 7", a file name
        employee: str = "",
        sources: tuple[str, ...] = (),
        topic: str = "",
        agreement: str = "",
        title: str = "",
    ) -> None:
        self.rule = rule
        self.severity = severity
        self.message_da = message_da
        self.source = source
        self.where = where
        self.employee = employee
        self.sources = sources
        self.topic = topic
        self.agreement = agreement
        self.title = title

    def as_dict(self) -> dict[str, Any]:
        """Plain data for --json and the manifest."""
        return {
            "regel": self.rule,
            "alvor": self.severity,
            "besked": self.message_da,
            "kilde": self.source,
            "kilder": list(self.sources),
            "hvor": self.where,
            "medarbejder": self.employee,
            "aftale": self.agreement,
            "emne": self.topic,
        }

    def line(self) -> str:
        """One line of text, e.g. for the manifest."""
        return f"{self.rule} {self.severity}: {self.message_da} [{self.source}]"


class Registry:
    """All rules in FACTS.md order (the same id may appear per sector or per period)."""

    __slots__ = ("rules",)

    def __init__(self) -> None:
        self.rules: list[Rule] = []

    def rule(
        self,
        rule_id: str,
        severity: str,
        agreement: str,
        topic: str,
        title: str,
        message: str,
        sources: tuple[str, ...],
        needs: tuple[str, ...] = (),
        sectors: tuple[str, ...] = SECTORS,
        valid_from: dt.date | None = None,
        valid_to: dt.date | None = None,
        summary: str = "",
    ) -> Callable[[Callable[[RuleInput], Fired]], Callable[[RuleInput], Fired]]:
        """Decorator: register a check function as a rule (stack it for per-sector variants)."""
        assert severity in SEVERITIES, severity

        def register(check: Callable[[RuleInput], Fired]) -> Callable[[RuleInput], Fired]:
            self.rules.append(
                Rule(rule_id, severity, agreement, topic, title, message, sources, needs, check,
                     sectors, valid_from, valid_to, summary)
            )  # fmt: skip
            return check

        return register


REGISTRY = Registry()
rule = REGISTRY.rule


def emp(c: RuleInput) -> EmployeeFacts:
    """The employee of an individual-agreement rule."""
    assert c.employee is not None
    return c.employee
