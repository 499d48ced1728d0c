"""Compile a Word template once (docxtpl's patching + Jinja) and render it many times."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, Template, TemplateSyntaxError, UndefinedError

from assembler.errors import TemplateError
from assembler.ooxml.package import Package, parse_xml, read_package
from assembler.render.template_check import (
    DANISH_QUOTES,
    line_text,
    part_label,
    structural_problems,
    unknown_variables,
)

TEMPLATED_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
TAG_SPAN = re.compile(r"\{[{%#].*?[}%#]\}", re.DOTALL)


def make_environment() -> Environment:
    """Jinja environment for Word XML: autoescape always on, undefined names are errors."""
    return Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


def _normalise_quotes(xml: str) -> str:
    """Word autocorrects " to „“ or »«: turn them back to ASCII inside tags only."""
    return TAG_SPAN.sub(lambda m: m.group(0).translate(DANISH_QUOTES), xml)


def prepare_source(xml: str, patcher: DocxTemplate) -> str:
    """docxtpl's tag cleaning, then one paragraph per line so errors map to paragraphs."""
    patched = patcher.patch_xml(_normalise_quotes(xml))
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)


@dataclass
class CompiledTemplate:
    """A template checked and compiled once; render() gives the parts of one document."""

    name: str
    package: Package
    templates: dict[str, Template]

    def render_parts(self, context: dict[str, Any]) -> dict[str, bytes]:
        """Render every templated part with the context; other parts are shared bytes."""
        parts = dict(self.package.parts)
        for part, template in self.templates.items():
            try:
                xml = template.render(context)
            except UndefinedError as exc:
                raise TemplateError(
                    f"{self.name}, {part_label(part)}: skabelonen bruger en værdi, der ikke findes "
                    f"({exc.message})."
                ) from exc
            # undo prepare_source's line breaks (plain replace: re.sub costs a template per match)
            xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
            parts[part] = xml.encode("utf-8")
        return parts


def compile_template(path: Path, schema: dict[str, Any]) -> CompiledTemplate:
    """Read, check and compile a template; raise TemplateError listing every problem found."""
    package = read_package(path, "docx")
    name = path.name
    problems: list[str] = []
    if "word/comments.xml" in package.parts:
        problems.append(f"{name}: skabelonen indeholder kommentarer. Slet dem i Word først.")
    env = make_environment()
    patcher = DocxTemplate(str(path))
    templates: dict[str, Template] = {}
    for part, data in package.parts.items():
        if not TEMPLATED_PART.match(part):
            continue
        root = package.xml(part)
        found = structural_problems(name, part, root)
        problems += [p for p in found if p not in problems]
        if found or b"{" not in data:
            continue
        source = prepare_source(data.decode("utf-8"), patcher)
        where = f"{name}, {part_label(part)}"
        try:
            for lineno, var in unknown_variables(env, source, schema):
                problems.append(
                    f"{where}: ukendt felt '{var}' nær teksten "
                    f"„{line_text(source, lineno).strip()[:60]}“"
                )
            templates[part] = env.from_string(source)
        except TemplateSyntaxError as exc:
            problems.append(
                f"{where}: skabelonmærket kan ikke læses ({exc.message}) nær teksten "
                f"„{line_text(source, exc.lineno).strip()[:60]}“"
            )
    if problems:
        raise TemplateError(f"Skabelonen {path} kan ikke bruges:", problems)
    return CompiledTemplate(name=name, package=package, templates=templates)


def check_well_formed(parts: dict[str, bytes], name: str) -> None:
    """Parse rendered parts once: a template that produces broken XML is reported, not shipped."""
    for part in parts:
        if TEMPLATED_PART.match(part):
            parse_xml(parts[part], f"{name}:{part}")
