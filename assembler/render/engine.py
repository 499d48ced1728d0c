"""Compile a Word template once (docxtpl's patching + Jinja) and render it many times."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import (
    Environment,
    StrictUndefined,
    Template,
    TemplateSyntaxError,
    UndefinedError,
    nodes,
)
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.exceptions import SecurityError
from jinja2.nodes import Expr
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import escape

from assembler.errors import TemplateError
from assembler.ooxml.package import Package, parse_xml, read_package
from assembler.render.context import ClauseText, Fields, Record
from assembler.render.template_check import (
    DANISH_QUOTES,
    check_expressions,
    fields_on_line,
    line_text,
    part_label,
    structural_problems,
)
from assembler.safeio.textbudget import (
    BOUNDED_FILTERS,
    TextTooLong,
    bounded_concat,
    checked_join,
    refuse_long,
)

TEMPLATED_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
TAG_SPAN = re.compile(r"\{[{%#].*?[}%#]\}", re.DOTALL)


MAX_RESULT = 100_000  # characters or digits one * or ** may produce in a template


try:  # markupsafe's C escaping of a plain string, without wrapping the result in Markup
    from markupsafe import _escape_inner as _escape_text
except ImportError:  # pragma: no cover - another markupsafe layout: the public function

    def _escape_text(text: str, /) -> str:
        return str(escape(text))


def escape_output(value: Any) -> str:
    """What autoescaped output writes for a value: the text markupsafe.escape gives.

    The template's output is joined into one string, so a plain str does as well as Markup;
    skipping Markup's construction and a clause text's __html__ call (its escaped text is kept)
    is a third of the render time of a document.
    """
    if type(value) is str:
        return _escape_text(value)
    if type(value) is ClauseText:
        return value.html
    return escape(value)


# Names the generated template code imports for the inline fast paths below (a template's own
# names are always resolved through its context, so no template can reach these).
_FAST_IMPORT = ("from assembler.render.context import Record as aftale_record",)


class _CodeGenerator(CodeGenerator):
    """Jinja's code generator; autoescaped output goes through escape_output (same text), and
    an attribute of a context record is read inline."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        """The module as Jinja writes it, after the imports of the fast paths."""
        for line in _FAST_IMPORT:
            self.writeline(line)
        super().visit_Template(node, frame)

    @optimizeconst
    def visit_Getattr(self, node: nodes.Getattr, frame: Frame) -> None:
        """`x.name`: a context record's key is read in place; anything else, and any name that
        starts with _, goes through the sandbox's getattr as Jinja writes it.

        The same result as _Sandbox.getattr, without a method call per attribute: a document
        reads about 230 attributes. The walrus name is assigned just before each use, so nested
        and neighbouring attribute reads cannot see each other's value.
        """
        if self.environment.is_async or node.attr.startswith("_"):
            super().visit_Getattr(node, frame)
            return
        name = repr(node.attr)
        self.write(f"(aftale_v[{name}] if type(aftale_v := ")
        self.visit(node.node, frame)
        self.write(
            f") is aftale_record and {name} in aftale_v else environment.getattr(aftale_v, {name}))"
        )

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        """`a ~ b` as Jinja writes it, with the operands' joined length checked first."""
        join = "markup_join" if frame.eval_ctx.autoescape else "str_join"
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        self.write(f"{join}(environment.checked_join((")
        for operand in node.nodes:
            self.visit(operand, frame)
            self.write(", ")
        self.write(")))")

    def _output_child_to_const(self, node: Expr, frame: Frame, finalize: Any) -> str:
        """Only the template's own text is written as a constant; Jinja would also compute a
        constant expression here, while compiling and outside every bound ("x"|replace … ~ …)."""
        if not isinstance(node, nodes.TemplateData):
            raise nodes.Impossible()
        return str(super()._output_child_to_const(node, frame, finalize))

    def _output_child_pre(self, node: Expr, frame: Frame, finalize: Any) -> None:
        """Before each output expression (Jinja's hook for it): our escaping when autoescape is
        fixed on; anything else as Jinja writes it."""
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            super()._output_child_pre(node, frame, finalize)
            return
        self.write("environment.escape_output(")
        if finalize.src is not None:
            self.write(finalize.src)


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox (no underscore attributes, no unsafe methods) that also bounds * and **."""

    intercepted_binops = frozenset({"*", "**", "+"})
    code_generator_class = _CodeGenerator
    escape_output = staticmethod(escape_output)
    concat = staticmethod(bounded_concat)  # a rendered part: at most textbudget.MAX_PART
    checked_join = staticmethod(checked_join)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Refuse a product or power that would be huge (a template is untrusted code)."""
        if operator == "**" and isinstance(right, int | float) and abs(right) > 64:
            raise SecurityError("potensen er for stor")
        if operator == "+" and isinstance(left, str | list) and isinstance(right, str | list):
            refuse_long(len(left) + len(right))
        if operator == "*":
            for text, count in ((left, right), (right, left)):
                sized = isinstance(text, str | list) and isinstance(count, int)
                if sized and len(text) * count > MAX_RESULT:
                    raise SecurityError("resultatet bliver for langt")
        return super().call_binop(context, operator, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """A key of a context record is plain data: returned without the sandbox's type checks.

        `k.titel` on a record (render.context.Record) is the hot path of every render; the full
        check cost a quarter of the render time. `felter.parter` on the fields gives the topic's
        record, as the sandbox does after getattr raises. Anything else, and any name starting
        with _, goes through the sandbox.
        """
        kind = type(obj)
        if kind is Record and attribute in obj and not attribute.startswith("_"):
            return obj[attribute]
        if kind is Fields and obj.has_topic(attribute) and not attribute.startswith("_"):
            return obj[attribute]  # what the sandbox finds after getattr fails: no exception
        return super().getattr(obj, attribute)


def make_environment() -> Environment:
    """Jinja sandbox for Word XML: autoescape always on, undefined names are errors.

    Every template, ours and the user's, is rendered here: a template is code from whoever wrote
    it, and docxtpl's own environment would let it reach Python's internals and run commands.
    """
    # optimized=False: Jinja would fold constant expressions while compiling ("x" ~ "x" …),
    # outside every bound below; our templates have no constant expressions to fold.
    env = _Sandbox(
        autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True, optimized=False
    )
    env.filters.update(BOUNDED_FILTERS)  # filters that grow text check the size first
    return env


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
    sources: dict[str, str] = field(default_factory=dict)

    def render_parts(self, context: dict[str, Any]) -> dict[str, bytes]:
        """Render every templated part with the context; other parts are shared bytes."""
        parts = dict(self.package.parts)
        for part, xml in self.render_texts(context).items():
            parts[part] = xml.encode("utf-8")
        return parts

    def render_texts(self, context: dict[str, Any]) -> dict[str, str]:
        """The templated parts rendered with the context, as text (render_parts encodes them)."""
        texts = {}
        for part, template in self.templates.items():
            try:
                xml = template.render(context)
            except RENDER_FAILURES as exc:
                raise self._render_error(part, exc) from exc
            # undo prepare_source's line breaks (plain replace: re.sub costs a template per match)
            texts[part] = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        return texts

    def _render_error(self, part: str, exc: Exception) -> TemplateError:
        """A Danish error naming the template, the paragraph and the fields of a failed tag."""
        source = self.sources.get(part, "")
        lineno = _template_line(exc)
        text = line_text(source, lineno).strip() if lineno else ""
        where = f"{self.name}, {part_label(part)}"
        if text:
            where += f", afsnittet „{text[:60]}{'…' if len(text) > 60 else ''}“"
        fields = fields_on_line(make_environment(), source, lineno) if lineno else []
        named = f" (felterne {', '.join(fields)})" if len(fields) > 1 else ""
        named = f" (feltet {fields[0]})" if len(fields) == 1 else named
        reason = RENDER_REASONS.get(type(exc), "udtrykket kan ikke beregnes")
        if isinstance(exc, UndefinedError):
            reason = "skabelonen bruger en værdi, der ikke findes"
        return TemplateError(f"{where}: {reason}{named}. Ret mærket i skabelonen.")


# Failures a template expression can cause while rendering (e.g. text plus a number).
RENDER_FAILURES = (
    UndefinedError, SecurityError, TypeError, ValueError, ArithmeticError, LookupError,
    AttributeError, RecursionError,
)  # fmt: skip
RENDER_REASONS: dict[type, str] = {
    TypeError: "udtrykket blander typer, der ikke kan regnes sammen (fx tekst og tal)",
    ZeroDivisionError: "udtrykket dividerer med nul",
    OverflowError: "udtrykket giver et for stort tal",
    SecurityError: "udtrykket er ikke tilladt i en skabelon",
    RecursionError: "udtrykket er for dybt indlejret",
    TextTooLong: "udtrykket laver for meget tekst (en værdi højst 1.000.000 tegn, en del højst "
    "20.000.000)",
}


def _template_line(exc: BaseException) -> int:
    """The template line where rendering failed (Jinja maps its frames to '<template>')."""
    line = 0
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


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
    sources: dict[str, str] = {}
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
            unknown, forbidden = check_expressions(env, source, schema)
            for lineno, var in unknown:
                problems.append(
                    f"{where}: ukendt felt '{var}' nær teksten "
                    f"„{line_text(source, lineno).strip()[:60]}“"
                )
            for lineno, what in forbidden:
                problem = (
                    f"{where}, afsnittet „{line_text(source, lineno).strip()[:60]}“: en skabelon "
                    f"må ikke bruge {what}; brug kun felterne fra „aftale klausuler“"
                )
                problems += [] if problem in problems else [problem]
            if forbidden:  # compiling would fold constants: 'x'|center(10**9) runs right here
                continue
            template = env.from_string(source)
            # Jinja copies the globals' names out of a ChainMap for every render; the private
            # environment's globals never change, so one plain dict serves every render.
            template.globals = dict(template.globals)
            templates[part] = template
            sources[part] = source
        except TemplateSyntaxError as exc:
            problems.append(
                f"{where}: skabelonmærket kan ikke læses ({exc.message}) nær teksten "
                f"„{line_text(source, exc.lineno).strip()[:60]}“"
            )
        except RecursionError:  # thousands of nested brackets: Jinja's parser recurses
            problems.append(
                f"{where}: et skabelonmærke er for dybt indlejret (for mange parenteser)"
            )
    if problems:
        raise TemplateError(f"Skabelonen {path} kan ikke bruges:", problems)
    return CompiledTemplate(name=name, package=package, templates=templates, sources=sources)


def check_well_formed(parts: dict[str, bytes], name: str) -> None:
    """Parse rendered parts once: a template that produces broken XML is reported, not shipped."""
    for part in parts:
        if TEMPLATED_PART.match(part):
            parse_xml(parts[part], f"{name}:{part}")
