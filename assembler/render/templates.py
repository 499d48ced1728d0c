"""Locate and compile the Word templates (bundled, or the user's own letterhead templates)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assembler.library.model import Library
from assembler.render.context import context_schema
from assembler.render.engine import CompiledTemplate, compile_template
from assembler.resources import bundled_dir

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
