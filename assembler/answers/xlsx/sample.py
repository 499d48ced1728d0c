"""Cell values for the answer sheet: typed answers as Excel values, and a realistic example row."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from assembler.answers.model import AgreementAnswers
from assembler.answers.xlsx.layout import NO, YES, Field
from assembler.library.model import Param
from assembler.library.values import Value, ValueProblem, parse_value

CellValue = str | int | float | dt.date | dt.time | None
EXAMPLE_DATE = dt.date(2027, 3, 1)
FX = re.compile(r"\bfx\.?\s+(.+?)(?:\.\s+[A-ZÆØÅ]|\.?$)")


def to_cell(param: Param, value: Value) -> CellValue:
    """A typed value as the cell value a person would type (lists one item per line)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, list):
        return "\n".join(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def field_cell(field: Field, answers: AgreementAnswers | None) -> CellValue:
    """The cell value of one field from answers (variant by name; other variants' fields empty)."""
    if answers is None:
        return None
    answer = answers.topics.get(field.topic.id)
    if answer is None:
        return None
    if field.param is None:
        return field.topic.variant(answer.variant).name
    if field.param.name not in answer.values:
        return None
    return to_cell(field.param, answer.values[field.param.name])


def default_cell(field: Field) -> CellValue:
    """A field's default from the library: the default variant, or the parameter's default."""
    if field.param is None:
        return field.topic.variant(field.topic.default).name
    if field.param.default is None:
        return None
    try:
        return to_cell(field.param, parse_value(field.param, field.param.default))
    except ValueProblem:
        return None


def _from_help(param: Param) -> CellValue:
    """The 'fx …' example in a parameter's help text, if it is valid for the type."""
    m = FX.search(param.help)
    if not m:
        return None
    text = m.group(1).split(" eller ")[0].strip().rstrip(".")
    try:
        return to_cell(param, parse_value(param, text))
    except ValueProblem:
        return None


def _fallback(param: Param) -> CellValue:
    """A plausible value by type when the library offers no default or example."""
    if param.type == "choice":
        return param.choices[0] if param.choices else None
    if param.type == "bool":
        return YES
    if param.type == "date":
        return EXAMPLE_DATE
    if param.type == "time":
        return dt.time(9, 0)
    if param.type in ("int", "decimal", "money"):
        low = param.min if param.min is not None else 1
        return int(low) if float(low).is_integer() else float(low)
    return param.label


def _names(field: Field, variant: str) -> set[str]:
    """Parameter names that apply to a variant of the field's topic."""
    return {p.name for p in field.topic.params_for(variant)}


def example_cell(field: Field, example: AgreementAnswers | None) -> CellValue:
    """The example row's value: the bundled example's answer, else default, help example, type."""
    answer = example.topics.get(field.topic.id) if example else None
    if answer is not None:
        if field.param is None:
            return field.topic.variant(answer.variant).name
        if field.param.name in answer.values:
            return to_cell(field.param, answer.values[field.param.name])
        if field.param.name not in _names(field, answer.variant):
            return None
    default = default_cell(field)
    if default is not None or field.param is None:
        return default
    if answer is None:
        chosen = field.topic.default
        if field.param.name not in _names(field, chosen):
            return None
    if not field.param.required:
        return None
    return _from_help(field.param) or _fallback(field.param)
