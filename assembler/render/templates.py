"""Locate and compile the Word templates (bundled, or the user's own letterhead templates)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from assembler.library.model import Library
from assembler.render.context import context_schema
from assembler.render.engine import CompiledTemplate, compile_template
from assembler.resources import bundled_dir
from assembler.safeio import budget
from assembler.safeio.budget import ReadBudget, command_budget

TEMPLATE_DIR = bundled_dir("word_templates")
TEMPLATE_FILES = {"lokal": "lokalaftale.docx", "individuel": "individuel_aftale.docx"}


def template_path(agreement: str, folder: Path | None = None) -> Path:
    """The template file of an agreement in a folder (default: the bundled templates)."""
    return (folder or TEMPLATE_DIR) / TEMPLATE_FILES[agreement]


@dataclass
class TemplateSet:
    """Both compiled templates, ready to render many documents."""

    local: CompiledTemplate
    individual: CompiledTemplate

    def for_agreement(self, agreement: str) -> CompiledTemplate:
        """The compiled template of one agreement type."""
        return self.local if agreement == "lokal" else self.individual


def load_templates(
    library: Library, local: Path | None = None, individual: Path | None = None
) -> TemplateSet:
    """Check and compile both templates once."""
    return TemplateSet(
        local=compile_template(local or template_path("lokal"), context_schema(library, "lokal")),
        individual=compile_template(
            individual or template_path("individuel"), context_schema(library, "individuel")
        ),
    )


class EarlyTemplates:
    """load_templates run ahead, while a child process scans the answer sheet.

    Its result or its error is given only by take(), where load_templates used to run, and the
    files it read are charged to the command's unpacking budget only then: the sheet's errors
    and charges still come first, and every error is the one load_templates raised.
    """

    def __init__(
        self, library: Library, local: Path | None = None, individual: Path | None = None
    ) -> None:
        log = _ChargeLog()
        self._templates: TemplateSet | None = None
        self._error: Exception | None = None
        try:
            with command_budget(log):
                self._templates = load_templates(library, local, individual)
        except Exception as exc:  # raised again by take(), after the sheet's errors
            self._error = exc
        self._charges = log.charges

    def take(self) -> TemplateSet:
        """The templates, as load_templates would give them now (or its error)."""
        for path, members, size, tree in self._charges:
            budget.charge(path, members, size, tree)
        if self._error is not None:
            raise self._error
        if self._templates is None:  # pragma: no cover - one of the two is always set
            raise RuntimeError("templates not compiled")
        return self._templates


class _ChargeLog(ReadBudget):
    """A budget that only notes each charge, in order, for take() to make later."""

    def __init__(self) -> None:
        super().__init__(sys.maxsize, sys.maxsize, sys.maxsize)
        self.charges: list[tuple[str, int, int, int]] = []

    def charge(self, path: str, members: int, size: int, tree_bytes: int = 0) -> None:
        """Note the charge."""
        self.charges.append((path, members, size, tree_bytes))
