"""The answer sheet's layout, derived from the clause library: the writer and reader share it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assembler.library.model import SECTORS, TYPE_NAMES_DA, Library, Param, Topic

SCHEMA_VERSION = "aftale-svarark/1"
GUIDE_SHEET = "Vejledning"
LOCAL_SHEET = "Lokalaftale"
EMPLOYEE_SHEET = "Individuelle aftaler"
LISTS_SHEET = "Lister"
SCHEMA_SHEET = "Skema"

# Lokalaftale: one row per question, identified by the "Felt" column.
LOCAL_HEADERS = ("Emne", "Spørgsmål", "Svar", "Vejledning", "Felt")
LOCAL_HEADER_ROW = 1
# Individuelle aftaler: topic titles in row 1, field headers in row 2, the example row 3.
EMPLOYEE_GROUP_ROW = 1
EMPLOYEE_HEADER_ROW = 2
NOTE_HEADER = "Note (bruges ikke i aftalen)"
EXAMPLE_MARK = "Eksempel"
VARIANT_KEY = "variant"
YES, NO = "Ja", "Nej"
ENVELOPE = (
    ("sektor", "Sektor", "Vælg stat, kommune eller region."),
    ("version", "Version", "Fx Udkast, Forhandlingsudkast 2 eller Endelig."),
    ("dato", "Dato", "Aftalens dato, fx 1-3-2027. Kan udelades."),
)


@dataclass(frozen=True)
class Field:
    """One answer cell kind: a topic's variant choice (param None) or a parameter."""

    topic: Topic
    param: Param | None
    header: str
    list_name: str | None  # name of the dropdown list in the Lister sheet, if any
    note: str  # "(kun ved variant X)" and similar

    @property
    def key(self) -> str:
        """The field's id as in answer files: topic.param or topic.variant."""
        return f"{self.topic.id}.{self.param.name if self.param else VARIANT_KEY}"


def normalise_header(text: object) -> str:
    """Header text compared loosely: case, spaces and line breaks do not matter."""
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()


def variant_list(topic: Topic) -> str:
    """The Lister column name of a topic's variant names."""
    return f"variant:{topic.agreement}:{topic.id}"


def choice_list(topic: Topic, param: Param) -> str:
    """The Lister column name of a parameter's dropdown values."""
    if param.type == "bool":
        return "janej"
    return f"valg:{topic.agreement}:{topic.id}:{param.name}"


def _only_for(topic: Topic, param: Param) -> str:
    """'(kun ved variant X og Y)' when a parameter belongs to some variants only."""
    if param in topic.params:
        return ""
    names = [v.name for v in topic.variants if any(p.name == param.name for p in v.params)]
    if len(names) == len(topic.variants):
        return ""
    shown = ", ".join(f"„{n}“" for n in names[:-1])
    shown = f"{shown} eller „{names[-1]}“" if shown else f"„{names[-1]}“"
    return f"(kun ved variant {shown})"


def _param_field(topic: Topic, param: Param, header: str) -> Field:
    """A parameter's field with its dropdown list, if any."""
    listed = param.type in ("bool", "choice")
    return Field(
        topic, param, header, choice_list(topic, param) if listed else None, _only_for(topic, param)
    )


def local_fields(library: Library) -> list[Field]:
    """Lokalaftale rows: per topic the variant choice (if any choice), then every parameter."""
    out: list[Field] = []
    for topic in library.for_agreement("lokal"):
        if len(topic.variants) > 1:
            out.append(Field(topic, None, "Variant", variant_list(topic), ""))
        out += [_param_field(topic, p, p.label) for p in topic.all_params()]
    return out


def employee_fields(library: Library) -> list[Field]:
    """Individuelle aftaler columns: per topic a variant column (if any choice), then params."""
    out: list[Field] = []
    for topic in library.for_agreement("individuel"):
        if len(topic.variants) > 1:
            out.append(Field(topic, None, f"{topic.title}: variant", variant_list(topic), ""))
        out += [_param_field(topic, p, p.label) for p in topic.all_params()]
    seen: dict[str, int] = {}
    for f in out:
        seen[normalise_header(f.header)] = seen.get(normalise_header(f.header), 0) + 1
    return [
        f
        if seen[normalise_header(f.header)] == 1
        else Field(f.topic, f.param, f"{f.header} ({f.topic.title})", f.list_name, f.note)
        for f in out
    ]


def dropdown_values(library: Library) -> dict[str, list[str]]:
    """Every dropdown list of the sheet, by name, in a fixed order."""
    lists: dict[str, list[str]] = {"sektor": list(SECTORS), "janej": [YES, NO]}
    for topic in library.topics:
        if len(topic.variants) > 1:
            lists[variant_list(topic)] = [v.name for v in topic.variants]
        for p in topic.all_params():
            if p.type == "choice":
                lists[choice_list(topic, p)] = list(p.choices)
    return lists


def describe(field: Field) -> str:
    """Guidance for an answer cell: the help text, its type and which variants it belongs to."""
    if field.param is None:
        variants = "; ".join(f"{v.name}: {v.summary}" for v in field.topic.variants)
        return f"Vælg en variant. {variants}"
    p = field.param
    bits = [p.help.strip()]
    kind = TYPE_NAMES_DA.get(p.type, p.type)
    if p.type in ("list", "paragraphs"):
        kind += " (ét punkt pr. linje; Alt+Enter giver ny linje i cellen)"
    bounds = []
    if p.min is not None:
        bounds.append(f"mindst {p.min:g}".replace(".", ","))
    if p.max is not None:
        bounds.append(f"højst {p.max:g}".replace(".", ","))
    bits.append(f"Type: {kind}{', ' + ' og '.join(bounds) if bounds else ''}.")
    bits.append("Skal udfyldes." if p.required and p.default is None else "Kan udelades.")
    if field.note:
        bits.append(field.note[0].upper() + field.note[1:].strip("()") + ".")
    return " ".join(bits)
