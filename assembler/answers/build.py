"""Turn raw answers (from YAML, JSON or Excel) into typed Answers, checked against the library."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from assembler.answers.model import AgreementAnswers, TopicAnswer
from assembler.library.model import SECTORS, Library, Param, Topic
from assembler.library.values import Value, ValueProblem, parse_value

# Locates a topic/parameter in the user's file: e.g. "lokalaftale.omraade.personalegrupper" or
# "Individuelle aftaler!F7". The parameter is None for the topic's variant choice.
Locator = Callable[[str, str | None], str]
VARIANT_KEY = "variant"


def dotted_locator(prefix: str) -> Locator:
    """A locator that names answers by dotted path, for YAML and JSON files."""

    def locate(topic: str, name: str | None) -> str:
        return f"{prefix}.{topic}.{name or VARIANT_KEY}"

    return locate


def build_agreement(
    library: Library,
    agreement: str,
    sector: str,
    raw: Mapping[str, Any],
    locate: Locator,
    origin: str = "",
) -> tuple[AgreementAnswers, list[str]]:
    """Typed answers for one agreement plus every problem found (each naming its place)."""
    problems: list[str] = []
    topics: dict[str, TopicAnswer] = {}
    known = {t.id for t in library.for_agreement(agreement)}
    for key in raw:
        if key not in known:
            problems.append(
                f"{locate(str(key), None)}: ukendt emne '{key}' (findes ikke i biblioteket)"
            )
    for topic in library.for_agreement(agreement):
        answer, found = _cached_topic(topic, sector, raw.get(topic.id), locate)
        problems += found
        if answer is not None:
            topics[topic.id] = answer
    return AgreementAnswers(agreement=agreement, topics=topics, origin=origin), problems


# Many employees share most answers (variant, days, equipment …): a topic answer built once for
# the same raw values is reused. Only answers without problems are kept (problems name a place).
_MEMO: dict[tuple[Any, ...], tuple[Topic, TopicAnswer]] = {}
MAX_MEMO = 4096


def _cached_topic(
    topic: Topic, sector: str, raw: Any, locate: Locator
) -> tuple[TopicAnswer | None, list[str]]:
    """_build_topic, reused for identical raw answers of the same topic."""
    try:
        items = tuple(sorted((str(k), type(v).__name__, v) for k, v in raw.items())) if raw else ()
        key = (id(topic), sector, items)
        hit = _MEMO.get(key)
    except (TypeError, AttributeError):  # unhashable values (lists) or raw not a mapping
        return _build_topic(topic, sector, raw, locate)
    if hit is not None and hit[0] is topic:
        return hit[1], []
    answer, problems = _build_topic(topic, sector, raw, locate)
    if answer is not None and not problems:
        if len(_MEMO) >= MAX_MEMO:
            _MEMO.clear()
        _MEMO[key] = (topic, answer)
    return answer, problems


def build_topic(
    topic: Topic, sector: str, raw: Any, locate: Locator
) -> tuple[TopicAnswer | None, list[str]]:
    """One topic's typed answer and its problems, exactly as build_agreement makes it."""
    return _cached_topic(topic, sector, raw, locate)


def _choose_variant(
    topic: Topic, sector: str, raw: Mapping[str, Any], locate: Locator
) -> tuple[str | None, list[str]]:
    """The chosen variant: explicit, or the only one; it must exist and fit the sector."""
    ids, by_name, _ = _topic_facts(topic)
    chosen = raw.get(VARIANT_KEY)
    if chosen is None or str(chosen).strip() == "":
        if len(ids) == 1:
            return ids[0], []
        return None, [f"{locate(topic.id, None)}: vælg en variant ({', '.join(ids)})"]
    chosen = str(chosen).strip()
    chosen = by_name.get(chosen.casefold(), chosen)
    if chosen not in ids:
        return None, [
            f'{locate(topic.id, None)}: "{chosen}" er ikke en variant af {topic.title} '
            f"(vælg {', '.join(ids)})"
        ]
    variant = topic.variant(chosen)
    if sector not in variant.sectors:
        return None, [
            f"{locate(topic.id, None)}: varianten '{variant.name}' gælder ikke for sektor "
            f"'{sector}' (kun {', '.join(variant.sectors)})"
        ]
    return chosen, []


# Per topic, once (a sheet builds the employee's own details, which differ in every row, 10,000
# times): its variant ids, its variants by case-folded name, and the field names it allows.
_TOPIC_FACTS: dict[int, tuple[Topic, list[str], dict[str, str], frozenset[str]]] = {}


def _topic_facts(topic: Topic) -> tuple[list[str], dict[str, str], frozenset[str]]:
    """A topic's variant ids, variant id by case-folded name, and allowed field names."""
    cached = _TOPIC_FACTS.get(id(topic))
    if cached is not None and cached[0] is topic:
        return cached[1], cached[2], cached[3]
    ids = [v.id for v in topic.variants]
    by_name = {v.name.casefold(): v.id for v in topic.variants}
    allowed = frozenset({p.name for p in topic.all_params()} | {VARIANT_KEY})
    if len(_TOPIC_FACTS) >= MAX_MEMO:
        _TOPIC_FACTS.clear()
    _TOPIC_FACTS[id(topic)] = (topic, ids, by_name, allowed)
    return ids, by_name, allowed


# Parsed text answers by parameter: a staff list repeats job titles, units and managers row
# after row. Only text answers are kept: equal texts are the same answer, and what parse_value
# makes of a text (a string, number, date, time, truth value or list) is kept only when it is
# immutable.
_PARSED: dict[tuple[int, str], tuple[Param, Value]] = {}
MAX_PARSED = 8192
_IMMUTABLE = frozenset({str, int, Decimal, dt.date, dt.time, bool})


def _parse(param: Param, supplied: object) -> Value:
    """parse_value(param, supplied), reused for a text seen before for the same parameter."""
    if type(supplied) is not str:
        return parse_value(param, supplied)
    key = (id(param), supplied)
    hit = _PARSED.get(key)
    if hit is not None and hit[0] is param:
        return hit[1]
    value = parse_value(param, supplied)  # a ValueProblem is raised every time: not kept
    if type(value) in _IMMUTABLE:
        if len(_PARSED) >= MAX_PARSED:
            _PARSED.clear()
        _PARSED[key] = (param, value)
    return value


def _build_topic(
    topic: Topic, sector: str, raw: Any, locate: Locator
) -> tuple[TopicAnswer | None, list[str]]:
    """One topic's answer, or the problems that stop it."""
    if sector not in topic.sectors:
        return None, []
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping):
        return None, [f"{locate(topic.id, None)}: forventede felter under emnet, fandt '{raw}'"]
    variant_id, problems = _choose_variant(topic, sector, raw, locate)
    if variant_id is None:
        return None, problems
    params = topic.params_for(variant_id)
    allowed = _topic_facts(topic)[2]
    for key in raw:
        if key not in allowed:
            problems.append(
                f"{locate(topic.id, str(key))}: ukendt felt '{key}' under {topic.title}"
            )
    values: dict[str, Value] = {}
    for param in params:
        supplied = raw.get(param.name)
        try:
            value = _parse(param, supplied)
            if value is None and param.default is not None:
                value = parse_value(param, param.default)
        except ValueProblem as exc:
            problems.append(f"{locate(topic.id, param.name)}: {exc}")
            continue
        if value is None and param.required:
            problems.append(f"{locate(topic.id, param.name)}: mangler ({param.label})")
        values[param.name] = value
    return TopicAnswer(topic=topic.id, variant=variant_id, values=values), problems


def check_sector(raw: Any, where: str) -> tuple[str, list[str]]:
    """The sector answer: stat, kommune or region."""
    sector = str(raw or "").strip().lower()
    if sector in SECTORS:
        return sector, []
    return sector, [f"{where}: sektor skal være stat, kommune eller region (fandt '{raw or ''}')"]
