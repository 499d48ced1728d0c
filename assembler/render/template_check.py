"""Check a Word template against the docxtpl pitfalls; report places a person can find in Word."""

from __future__ import annotations

import re
from typing import Any

from jinja2 import Environment, nodes
from lxml import etree

from assembler.ooxml.ns import qn
from assembler.ooxml.text import visible_text

REVISION_TAGS = ("w:ins", "w:del", "w:moveFrom", "w:moveTo", "w:rPrChange", "w:pPrChange")
COMMENT_TAGS = ("w:commentRangeStart", "w:commentReference")
TOKEN = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
PAIRS = {"{{": "}}", "{%": "%}", "{#": "#}"}
SPACED_PREFIX = re.compile(r"\{%-?\s+(p|tr|tc|r)\s+(for|if|endfor|endif|else|elif)\b")
PARA_TAG = re.compile(r"\{%p\s.*?%\}")
PLAIN_FOR_IN_CELL = re.compile(r"\{%-?\s*(for|endfor)\b")
DANISH_QUOTES = str.maketrans({"„": '"', "“": '"', "”": '"', "»": '"', "«": '"', "‚": "'",
                               "‘": "'", "’": "'"})  # fmt: skip
PART_NAMES = {"document": "brødteksten", "header": "sidehovedet", "footer": "sidefoden",
              "footnotes": "fodnoterne", "endnotes": "slutnoterne"}  # fmt: skip


def part_label(part: str) -> str:
    """A Danish name for a part that a Word user recognises."""
    stem = part.rsplit("/", 1)[-1].removesuffix(".xml").rstrip("0123456789")
    return PART_NAMES.get(stem, part)


def _quote(text: str) -> str:
    """A short quotation of a paragraph for messages."""
    text = text.strip()
    return f"„{text[:60]}{'…' if len(text) > 60 else ''}“"


def structural_problems(name: str, part: str, root: etree._Element) -> list[str]:
    """Revisions, comments and broken or misplaced tags, per paragraph."""
    where = f"{name}, {part_label(part)}"
    problems: list[str] = []
    for tag in REVISION_TAGS:
        if root.find(f".//{qn(tag)}") is not None:
            problems.append(
                f"{where}: skabelonen indeholder registrerede ændringer. Godkend eller afvis dem "
                "i Word (Gennemse > Godkend alle) og gem skabelonen igen."
            )
            break
    for tag in COMMENT_TAGS:
        if root.find(f".//{qn(tag)}") is not None:
            problems.append(f"{where}: skabelonen indeholder kommentarer. Slet dem i Word først.")
            break
    for index, p in enumerate(root.iter(qn("w:p")), start=1):
        text = visible_text(p).translate(DANISH_QUOTES)
        if "{" not in text and "}" not in text:
            continue
        at = f"{where}, afsnit {index} {_quote(text)}"
        problems += _tag_balance(at, text)
        if SPACED_PREFIX.search(text):
            problems.append(
                f"{at}: skriv {{%p …%}} uden mellemrum mellem {{% og p (fx {{%p if …%}})"
            )
        para_tags = PARA_TAG.findall(text)
        if para_tags and PARA_TAG.sub("", text).strip():
            problems.append(
                f"{at}: afsnittet har tekst ud over {{%p …%}}-mærket; den ville blive slettet. "
                "Flyt teksten til et afsnit for sig."
            )
        in_cell = any(a.tag == qn("w:tc") for a in p.iterancestors())
        if in_cell and PLAIN_FOR_IN_CELL.search(text):
            problems.append(f"{at}: brug {{%tr for …%}} i tabelrækker, ikke {{% for …%}}")
    return problems


def _tag_balance(at: str, text: str) -> list[str]:
    """Every tag opened in a paragraph must close in the same paragraph."""
    stack: list[str] = []
    for token in TOKEN.findall(text):
        if token in PAIRS:
            if stack:
                return [f"{at}: mærket {stack[-1]} lukkes ikke, før {token} begynder"]
            stack.append(token)
        elif not stack or PAIRS[stack[-1]] != token:
            return [f"{at}: {token} uden et tilsvarende åbnende mærke"]
        else:
            stack.pop()
    if stack:
        return [f"{at}: mærket {stack[-1]} lukkes ikke i samme afsnit (mangler {PAIRS[stack[-1]]})"]
    return []


# What a template may do beyond reading the documented context (the sandbox enforces it again at
# render time; the check names the paragraph before anything is rendered).
LOOP_ATTRIBUTES = frozenset(
    {"index", "index0", "revindex", "revindex0", "first", "last", "length", "previtem", "nextitem"}
)
SAFE_FILTERS = frozenset(
    {"join", "upper", "lower", "capitalize", "title", "trim", "default", "d", "length", "count",
     "first", "last", "replace", "round", "int", "string", "e", "escape", "wordwrap", "truncate",
     "abs", "list", "sort", "unique", "reverse", "sum", "min", "max", "indent"}
)  # fmt: skip
FORBIDDEN_NODES: tuple[tuple[type[nodes.Node], str], ...] = (
    (nodes.Include, "{% include %} (skabeloner kan ikke hente andre filer)"),
    (nodes.Import, "{% import %} (skabeloner kan ikke hente andre filer)"),
    (nodes.FromImport, "{% from … import %} (skabeloner kan ikke hente andre filer)"),
    (nodes.Extends, "{% extends %} (skabeloner kan ikke hente andre filer)"),
    (nodes.Mul, "gange (*), der kan lave meget lange tekster"),
    (nodes.Pow, "potens (**), der kan lave meget store tal"),
    (nodes.Call, "funktions- og metodekald"),
    (nodes.ScopedEvalContextModifier, "{% autoescape %}, der slår sikker tegnbehandling fra"),
    (nodes.EvalContextModifier, "{% autoescape %}, der slår sikker tegnbehandling fra"),
)
# Loops over literal lists run without output or a call: bounded by their size and nesting
# (our templates nest two loops and write no literal lists).
MAX_ITEMS = 100
MAX_LOOP_DEPTH = 3
_DEPTH = "\x00depth"  # the loop depth, kept in the scope under a name no template can write
LEAF = None  # a field's value: text, number or date, with nothing inside
_UNCHECKED = object()  # reported already, or not a context value: not checked further
_LOOP = object()  # the loop variable of {% for %}


class _VariableChecker:
    """Walk a Jinja AST with loop scopes; report names outside the schema and unsafe constructs."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.unknown: list[tuple[int, str]] = []
        self.forbidden: list[tuple[int, str]] = []

    def resolve(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        """The schema of an expression, or _UNCHECKED where it cannot be checked further."""
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name in self.schema:
                return self.schema[node.name]
            self.unknown.append((node.lineno, node.name))
            return _UNCHECKED
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            key = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
            if isinstance(key, str) and key.startswith("_"):
                self.forbidden.append((node.lineno, f"navne, der begynder med _ („{key}“)"))
                return _UNCHECKED
            base = self.resolve(node.node, scope)
            if isinstance(node, nodes.Getitem) and not isinstance(key, str):
                self.walk(node.arg, scope)
                return _UNCHECKED
            if base is _LOOP:
                if key not in LOOP_ATTRIBUTES:
                    self.unknown.append((node.lineno, f"loop.{key}"))
                return _UNCHECKED
            if isinstance(base, dict):
                if key in base:
                    return base[key]
                self.unknown.append((node.lineno, f"{_dotted(node.node)}.{key}"))
            elif base is LEAF or isinstance(base, list):
                self.forbidden.append(
                    (node.lineno, f"egenskaber ved et felts værdi („{_dotted(node.node)}.{key}“)")
                )
            return _UNCHECKED
        self.walk(node, scope)
        return _UNCHECKED

    def walk(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        """Visit statements, binding loop variables in an inner scope."""
        for kind, what in FORBIDDEN_NODES:
            if isinstance(node, kind):
                self.forbidden.append((node.lineno, what))
                return
        if isinstance(node, nodes.Filter) and node.name not in SAFE_FILTERS:
            self.forbidden.append((node.lineno, f"filteret „{node.name}“"))
            return
        if isinstance(node, (nodes.List, nodes.Tuple, nodes.Dict)) and len(node.items) > MAX_ITEMS:
            self.forbidden.append((node.lineno, f"lister med mere end {MAX_ITEMS} elementer"))
            return
        if isinstance(node, nodes.For):
            depth = scope.get(_DEPTH, 0) + 1
            if depth > MAX_LOOP_DEPTH:
                nested = f"mere end {MAX_LOOP_DEPTH} løkker inden i hinanden"
                self.forbidden.append((node.lineno, nested))
                return
            items = self.resolve(node.iter, scope)
            inner = dict(scope)
            inner[_DEPTH] = depth
            inner["loop"] = _LOOP
            item = items[0] if isinstance(items, list) and items else _UNCHECKED
            for target in _names(node.target):
                inner[target] = item
            for child in (*node.body, *node.else_):
                self.walk(child, inner)
            if node.test is not None:
                self.resolve(node.test, inner)
            return
        if isinstance(node, nodes.Assign):
            for target in _names(node.target):
                scope[target] = _UNCHECKED
            self.resolve(node.node, scope)
            return
        for child in node.iter_child_nodes():
            if isinstance(child, (nodes.Name, nodes.Getattr, nodes.Getitem)):
                self.resolve(child, scope)
            else:
                self.walk(child, scope)


def _names(target: nodes.Node) -> list[str]:
    """Names bound by a loop or assignment target (a Name or a tuple of them)."""
    if isinstance(target, nodes.Name):
        return [target.name]
    return [n.name for n in target.find_all(nodes.Name)]


def _dotted(node: nodes.Node) -> str:
    """An expression like k.afsnit as text, for messages."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    return "…"


def unknown_variables(
    env: Environment, source: str, schema: dict[str, Any]
) -> list[tuple[int, str]]:
    """(line, name) of every variable the template uses that the answer model does not know."""
    return check_expressions(env, source, schema)[0]


def check_expressions(
    env: Environment, source: str, schema: dict[str, Any]
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(line, name) of unknown variables, and (line, what) of constructs a template may not use."""
    checker = _VariableChecker(schema)
    checker.walk(env.parse(source), {})
    return checker.unknown, checker.forbidden


def fields_on_line(env: Environment, source: str, lineno: int) -> list[str]:
    """The dotted fields a template line uses, longest form only (for render-time messages)."""
    kinds = (nodes.Getattr, nodes.Name)
    names = {_dotted(n) for n in env.parse(source).find_all(kinds) if n.lineno == lineno}
    return sorted(n for n in names if not any(o.startswith(n + ".") for o in names))


def line_text(source: str, lineno: int) -> str:
    """The visible text around a line of patched template XML."""
    lines = source.splitlines()
    line = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
    return re.sub(r"<[^>]+>", "", line)
