"""Compile a Word template once (docxtpl's patching + Jinja) and render it many times."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
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
    MAX_PART,
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
    return _paragraph_lines(patcher.patch_xml(_normalise_quotes(xml)))


def _paragraph_lines(patched: str) -> str:
    """A line break before each paragraph (render_texts takes them out of the output again)."""
    return PARAGRAPH.sub(r"\n<w:p\1", patched)


PARAGRAPH = re.compile(r"<w:p([ >])")
# Renders of one template after which its parts are also compiled without line breaks (about
# 25 ms per template; each rendered document then saves about 3 % of its instructions).
UNBROKEN_AFTER = 64
# Nodes whose output a template can capture, transform or repeat elsewhere: a template holding
# any of them is rendered only from the source with line breaks (see _without_breaks).
CAPTURING = (
    nodes.AssignBlock, nodes.FilterBlock, nodes.Macro, nodes.CallBlock, nodes.Block,
    nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport,
)  # fmt: skip


def _without_breaks(env: Environment, patched: str, source: str) -> Template | None:
    """The template compiled from the source without prepare_source's line breaks, when its
    output is provably the other's with those breaks taken out; else None.

    That holds when every break falls in template data (the two sources parse to the same
    tree once each data node's breaks are added), and no data is captured or transformed before
    it is written (no set blocks, filter blocks, macros, calls, blocks, includes or recursive
    loops). Then the outputs differ only by a break before each paragraph start that came from
    data; render_texts also checks that no other break stands before a paragraph start in the
    output.
    """
    try:
        tree = env.parse(patched)
        if any(True for _ in tree.find_all(CAPTURING)) or any(
            loop.recursive
            for loop in tree.find_all(nodes.For)  # loop(…) returns its output
        ):
            return None
        for data in tree.find_all(nodes.TemplateData):
            data.data = _paragraph_lines(data.data)
        if tree != env.parse(source):
            return None
        template = env.from_string(patched)
    except TemplateSyntaxError:
        return None
    template.globals = dict(template.globals)
    return template


# Longest unbroken output taken as it is. With its breaks it is at most 6/5 as long (each break
# stands before a "<w:p>" at least), well within textbudget's MAX_PART; a longer one is rendered
# by the template with breaks, which refuses a part over the budget exactly as before.
UNBROKEN_MAX = MAX_PART // 2
FEW_BREAKS = 16  # line breaks looked at one by one before a plain search takes over


def break_before_paragraph(xml: str) -> bool:
    """Whether "\n<w:p" occurs in xml: the few line breaks of a rendered part found one by one
    (a search for one character is about 25 times faster here than for the five)."""
    at = xml.find("\n")
    for _ in range(FEW_BREAKS):
        if at < 0:
            return False
        if xml.startswith("<w:p", at + 1):
            return True
        at = xml.find("\n", at + 1)
    return at >= 0 and "\n<w:p" in xml[at:]


@dataclass
class CompiledTemplate:
    """A template checked and compiled once; render() gives the parts of one document."""

    name: str
    package: Package
    templates: dict[str, Template]
    sources: dict[str, str] = field(default_factory=dict)
    # Each part's source without prepare_source's line breaks, and, once a batch has rendered
    # UNBROKEN_AFTER documents and where it is safe, the template compiled from it
    # (_without_breaks): its output needs no pass to take the breaks out.
    patched: dict[str, str] = field(default_factory=dict)
    unbroken: dict[str, Template] = field(default_factory=dict)
    renders: int = 0
    # Per set of part names a document of this template has: whatever depends on those names
    # alone (render.document works it out once per batch instead of once per document).
    by_names: dict[tuple[str, ...], Any] = field(default_factory=dict, repr=False)

    @cached_property
    def templated_parts(self) -> tuple[str, ...]:
        """The template's parts that Jinja renders or may render (TEMPLATED_PART), in order."""
        return tuple(part for part in self.package.parts if TEMPLATED_PART.match(part))

    def compile_unbroken(self) -> None:
        """Compile the parts' templates without line breaks where that is safe."""
        for part, template in self.templates.items():
            if part in self.patched and part not in self.unbroken:
                fast = _without_breaks(template.environment, self.patched[part], self.sources[part])
                if fast is not None:
                    self.unbroken[part] = fast

    def render_parts(self, context: dict[str, Any]) -> dict[str, bytes]:
        """Render every templated part with the context; other parts are shared bytes."""
        parts = dict(self.package.parts)
        for part, xml in self.render_texts(context).items():
            parts[part] = xml.encode("utf-8")
        return parts

    def render_texts(self, context: dict[str, Any]) -> dict[str, str]:
        """The templated parts rendered with the context, as text (render_parts encodes them)."""
        texts = {}
        self.renders += 1
        if self.renders == UNBROKEN_AFTER:  # in each worker of a batch: off the serial start
            self.compile_unbroken()
        for part, template in self.templates.items():
            unbroken = self.unbroken.get(part)
            if unbroken is not None:
                try:
                    xml = unbroken.render(context)
                except Exception:  # reported as below, from the template with line breaks
                    xml = None
                # (a part near the text budget renders with breaks: they count towards it)
                if xml is not None and len(xml) <= UNBROKEN_MAX and not break_before_paragraph(xml):
                    texts[part] = xml
                    continue
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
    patched_sources: dict[str, str] = {}
    for part, data in package.parts.items():
        if not TEMPLATED_PART.match(part):
            continue
        root = package.xml(part)
        found = structural_problems(name, part, root)
        problems += [p for p in found if p not in problems]
        if found or b"{" not in data:
            continue
        patched = patcher.patch_xml(_normalise_quotes(data.decode("utf-8")))
        source = _paragraph_lines(patched)  # prepare_source
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
            patched_sources[part] = patched
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
    return CompiledTemplate(name, package, templates, sources, patched_sources)


def check_well_formed(parts: dict[str, bytes], name: str) -> None:
    """Parse rendered parts once: a template that produces broken XML is reported, not shipped."""
    for part in parts:
        if TEMPLATED_PART.match(part):
            parse_xml(parts[part], f"{name}:{part}")
