"""Safe YAML and JSON for answer files: every refusal is a Danish sentence naming the line.

YAML: aliases and anchors are refused (a few lines of nested aliases expand to gigabytes, the
"billion laughs"), so are duplicate keys (the last value would win silently), nesting deeper than
MAX_DEPTH (the composer recurses), impossible dates and .nan/.inf. JSON: the same for duplicate
keys, nesting and NaN/Infinity, which Python's json accepts although JSON does not. Both: a
lone UTF-16 surrogate written as an escape ("\\ud800"), which no UTF-8 file or Word document
can hold.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import yaml

MAX_DEPTH = 40  # an answer file needs 4 levels; the limit only stops pathological input


class DataProblem(ValueError):
    """A YAML/JSON text that cannot be used; `line` is 1-based (0 when unknown)."""

    def __init__(self, message_da: str, line: int = 0) -> None:
        super().__init__(message_da)
        self.message_da = message_da
        self.line = line


_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _line(node: Any) -> int:
    """1-based line of a YAML node or event."""
    mark = getattr(node, "start_mark", None)
    return mark.line + 1 if mark is not None else 0


class _StrictLoader(_Base):
    """SafeLoader that refuses duplicate keys, non-finite numbers and impossible dates."""

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                first = seen.get(key)
            except TypeError:
                raise DataProblem("en nøgle skal være en tekst", _line(key_node)) from None
            if first is not None:
                raise DataProblem(
                    f"nøglen „{key}“ står to gange (også i linje {first}); slet den ene",
                    _line(key_node),
                )
            seen[key] = _line(key_node)
        result: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return result

    def construct_yaml_float(self, node: Any) -> float:
        value: float = super().construct_yaml_float(node)
        if not math.isfinite(value):
            raise DataProblem(f"„{node.value}“ er ikke et tal, der kan bruges", _line(node))
        return value

    def construct_yaml_timestamp(self, node: Any) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            raise DataProblem(f"datoen „{node.value}“ findes ikke", _line(node)) from exc


_StrictLoader.add_constructor("tag:yaml.org,2002:map", _StrictLoader.construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:float", _StrictLoader.construct_yaml_float)
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _StrictLoader.construct_yaml_timestamp)


def _check_events(text: str) -> None:
    """Refuse anchors, aliases and deep nesting from the event stream, before anything is built."""
    depth = 0
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise DataProblem(
                "YAML-ankre og -aliaser (& og *) er ikke tilladt i en svarfil; skriv værdien ud",
                _line(event),
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise DataProblem(
                    f"filen er indlejret mere end {MAX_DEPTH} niveauer dybt", _line(event)
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


# Only an escape can put a surrogate into text decoded from UTF-8: JSON's \uD800, YAML's \uD800
# and \U0000D800. JSON joins an escaped pair into one character; YAML does not.
SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F][0-9a-fA-F]{2}")


def _first_surrogate(data: Any) -> str | None:
    """The first lone surrogate in a key or text of loaded data, or None."""
    if isinstance(data, str):
        return next((ch for ch in data if "\ud800" <= ch <= "\udfff"), None)
    items: Any = ()
    if isinstance(data, dict):
        items = (part for pair in data.items() for part in pair)
    elif isinstance(data, list):
        items = data
    return next((found for item in items if (found := _first_surrogate(item))), None)


def _no_surrogates(data: Any, text: str) -> Any:
    """The data, unless an escape made a lone surrogate (UTF-8 and XML cannot hold one)."""
    if not SURROGATE_ESCAPE.search(text):
        return data
    bad = _first_surrogate(data)
    if bad is None:
        return data
    code = f"{ord(bad):04X}"
    escape = re.search(rf"\\(?:u|U0000){code}", text, re.IGNORECASE)
    line = text.count("\n", 0, escape.start()) + 1 if escape else 0
    raise DataProblem(
        f"koden „\\u{code.lower()}“ giver en halv UTF-16-surrogat (U+{code}), som ikke kan stå i "
        "et dokument; skriv tegnet selv i stedet for koden",
        line,
    )


def load_yaml(text: str) -> Any:
    """Plain data from YAML text; DataProblem (with line) for anything unsafe or ambiguous."""
    try:
        _check_events(text)
        return _no_surrogates(yaml.load(text, Loader=_StrictLoader), text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = _yaml_reason(exc)
        raise DataProblem(f"ugyldig YAML ({reason})", mark.line + 1 if mark else 0) from exc
    except yaml.YAMLError as exc:
        raise DataProblem("ugyldig YAML") from exc


YAML_REASONS = (
    ("could not determine a constructor", "ukendt eller ikke tilladt mærke (!)"),
    ("found character '\\t'", "tabulatortegn må ikke bruges til indrykning"),
    ("mapping values are not allowed", "et kolon står et sted, hvor det ikke må stå"),
    ("expected <block end>", "indrykningen passer ikke"),
    ("could not find expected ':'", "der mangler et kolon"),
    ("exceeded maximum nesting depth", f"filen er indlejret mere end {MAX_DEPTH} niveauer dybt"),
    ("found unhashable key", "en nøgle skal være en tekst"),
    ("found unexpected end of stream", "filen slutter midt i en værdi"),
    ("while scanning a quoted scalar", "et citationstegn lukkes ikke"),
)


def _yaml_reason(exc: yaml.MarkedYAMLError) -> str:
    """A Danish reason for PyYAML's English problem text."""
    problem = f"{exc.context or ''} {exc.problem or ''}"
    for needle, danish in YAML_REASONS:
        if needle in problem:
            return danish
    return "opbygningen kan ikke læses"


STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
BRACKET = re.compile(r"[\[\]{}]")


def _json_depth(text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH (the C decoder recurses once per level)."""
    stripped = STRING.sub('""', text)
    depth = 0
    for match in BRACKET.finditer(stripped):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_DEPTH:
            line = stripped.count("\n", 0, match.start()) + 1
            raise DataProblem(f"filen er indlejret mere end {MAX_DEPTH} niveauer dybt", line)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key given twice."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise DataProblem(f"nøglen „{key}“ står to gange i samme objekt; slet den ene")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    """NaN, Infinity and -Infinity are not JSON; Python's json would accept them."""
    raise DataProblem(f"„{name}“ er ikke et tal, der kan bruges")


def _finite(text: str) -> float:
    """A JSON number that stays finite (1e999 would become infinity)."""
    value = float(text)
    if not math.isfinite(value):
        raise DataProblem(f"„{text}“ er ikke et tal, der kan bruges")
    return value


def load_json(text: str) -> Any:
    """Plain data from JSON text; DataProblem (with line) for anything unsafe or ambiguous."""
    _json_depth(text)
    try:
        data = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
            parse_float=_finite,
        )
    except json.JSONDecodeError as exc:
        raise DataProblem(f"ugyldig JSON ({_json_reason(exc.msg)})", exc.lineno) from exc
    except DataProblem as exc:
        if not exc.line:
            exc.line = _guess_line(text, exc.message_da)
        raise
    return _no_surrogates(data, text)


JSON_REASONS = {
    "Expecting value": "der mangler en værdi",
    "Expecting ',' delimiter": "der mangler et komma",
    "Expecting ':' delimiter": "der mangler et kolon",
    "Expecting property name enclosed in double quotes": "en nøgle skal stå i anførselstegn",
    "Unterminated string starting at": "et anførselstegn lukkes ikke",
    "Extra data": "der står mere efter den afsluttende parentes",
    "Invalid control character at": "en tekst indeholder et kontroltegn",
}


def _json_reason(msg: str) -> str:
    """A Danish reason for json's English message."""
    return JSON_REASONS.get(msg, "opbygningen kan ikke læses")


def _guess_line(text: str, message: str) -> int:
    """The line of the quoted key or constant in a message (the last occurrence), or 0."""
    quoted = re.search(r"„(.+?)“", message)
    if not quoted:
        return 0
    needle = quoted.group(1)
    pattern = f'"{re.escape(needle)}"\\s*:' if "nøglen" in message else re.escape(needle)
    found = list(re.finditer(pattern, text))
    return text.count("\n", 0, found[-1].start()) + 1 if found else 0
