"""Annex 1 of the local agreement: what an individual agreement made under it contains.

When the parties annex it (niveauer.skabelon_som_bilag), the local agreement ends with the
individual agreement's clauses in order, the arrangements THIS local agreement allows in each
(variants whose `requires` the local answers meet, for the sector) and the information to fill
in. Inside the local agreement »Aftalen« is the local agreement, so the annex speaks of "den
individuelle aftale" and of "medarbejderen" (the library checks the summaries and labels it
prints; review 2026-11-27, S-L1).
"""

from __future__ import annotations

import re
from typing import Any

from assembler.answers.model import AgreementAnswers, Answers
from assembler.library.model import FRAMEWORKS, SECTOR_NAMES, Library, Param, Topic, Variant
from assembler.library.placeholders import (
    PLACEHOLDER,
    VARIANT_NAME,
    Condition,
    Ref,
    labelled_blocks,
    labels_of,
    parse_ref,
    split_conditions,
)
from assembler.library.values import format_value
from assembler.records import Record
from assembler.render.clause_text import (
    TOKENS,
    Scope,
    condition_holds,
    reference_text,
)
from assembler.render.derived import derived_text
from assembler.rules.frame_facts import ATTENDANCE_RIGHT, FAVOURABLE_PREVAILS, LOCAL_CALL_IN

TITLE = "Bilag 1. Den individuelle aftales indhold"
INTRO = (
    "Bilaget viser de punkter, en individuel aftale efter Aftalen indeholder, de ordninger, "
    "Aftalen giver adgang til i hvert punkt, modelteksten for hver ordning og de oplysninger, "
    "der skal udfyldes. Den individuelle aftale indeholder i hvert punkt den ordning, som "
    "medarbejderen og nærmeste leder vælger, med ordningens modeltekst. "
    "I modelteksten betyder »Aftalen« den individuelle aftale og »Medarbejderen« medarbejderen, "
    "sådan som den individuelle aftale selv definerer dem. »§ N« henviser til bilagets punkter, "
    "der svarer til den individuelle aftales paragraffer, og »lokalaftalens § N« til Aftalen. "
    "Tekst i skarpe parenteser udfyldes, og "
    "et afsnit, der indledes med [Hvis …:], medtages kun i det nævnte tilfælde. Hvor der står "
    "»[lokalaftalens …]«, indsættes det, som Aftalen fastsætter."
)
BLANK = "_" * 24
SECTOR_NOTE = re.compile(r"\s*\(kun [^)]*\)$")  # "(kun staten)": said by the sector already


def field_line(param: Param, where: str = "", settled: bool | None = None) -> str:
    """One fill-in line of the form: the label and a blank, the yes/no or the options (a yes/no
    the local agreement settles is shown with its answer)."""
    # the library's term checker: the audit, which imports this module, never writes a form line
    from assembler.library.terms import LABEL_START

    label = param.label
    if LABEL_START.match(label):  # "Medarbejderens navn" is no defined term in the local agreement:
        rest = LABEL_START.sub("", label)  # the item's heading already says whose ("Navn")
        rest = re.sub(r"^faste ", "fast ", rest)  # "Fast arbejdssted", no longer definite
        label = rest[:1].upper() + rest[1:] if rest else label[:1].lower() + label[1:]
    if param.type == "bool" and settled is not None:
        return f"{label}{where} {'Ja' if settled else 'Nej'} (følger af Aftalen)"
    if param.type == "bool":
        return f"{label}{where} Ja / nej"
    if param.type == "choice":  # options mid-sentence: "fuldtid / deltid", not "Fuldtid / Deltid"
        return f"{label}{where}: {' / '.join(c[:1].lower() + c[1:] for c in param.choices)}"
    return f"{label}{where}: {BLANK}"


def settled_answers(local: AgreementAnswers) -> dict[str, dict[str, bool]]:
    """Yes/no answers of the individual agreement that the local agreement decides (R83, R106):
    a right to come in on a home day is kept, and one beyond the local frame is not offered
    unless the more favourable term prevails."""
    call_in = LOCAL_CALL_IN.get(local.variant("undtagelser") or "")
    if local.variant("undtagelser") in ATTENDANCE_RIGHT:
        return {"aendring": {"fremmoede_tilladt": True}}
    if call_in is not None and local.variant("forrang") not in FAVOURABLE_PREVAILS:
        return {"aendring": {"fremmoede_tilladt": False}}
    return {}


def allowed(library: Library, answers: Answers, topic: Topic, variant: Variant) -> bool:
    """Whether the local agreement gives access to an individual variant (its `requires`)."""
    if answers.sector not in variant.sectors:
        return False
    if not variant.requires:
        return True
    conditions, _ = split_conditions(variant.requires, topic.id)
    individual = AgreementAnswers("individuel", {})
    scope = Scope(library, answers.sector, individual, answers.local, answers.date)
    return all(condition_holds(c, topic, scope) for c in conditions)


def _name(variant: Variant) -> str:
    return SECTOR_NOTE.sub("", variant.name)


def _lower(name: str) -> str:
    """A variant name mid-sentence ("ved fast ugedag"); an abbreviation keeps its capitals."""
    if name.startswith("Arbejdsgiver") or (len(name) > 1 and name[1].isupper()):
        return name  # a defined term (»Arbejdsgiveren«) or an abbreviation keeps its capital
    return name[:1].lower() + name[1:]


def _section(model: _Model, number: int, topic: Topic, variants: list[Variant]) -> dict[str, Any]:
    """One clause of the individual agreement as it appears in the annex."""
    lines: list[dict[str, Any]] = []
    if len(variants) > 1:
        lines.append({"tekst": "Ordning (én vælges):", "punkt": False})
        lines += [{"tekst": f"{_name(v)}: {v.summary}", "punkt": True} for v in variants]
    elif len(variants) == 1 and len(topic.variants) > 1:
        lines.append({"tekst": f"Ordning: {_name(variants[0])}. {variants[0].summary}",
                      "punkt": False})  # fmt: skip
    for v in variants:
        heading = f"Modeltekst ved ordningen »{_name(v)}«:" if len(variants) > 1 else "Modeltekst:"
        lines.append({"tekst": heading, "punkt": False})
        lines += model_text(model, topic, v)
    settled = model.settled.get(topic.id, {})
    fields = [field_line(p, settled=settled.get(p.name)) for p in topic.params]
    for v in variants:
        where = f" (ved ordningen »{_name(v)}«)" if len(variants) > 1 else ""
        fields += [field_line(p, where, settled.get(p.name)) for p in v.params]
    if fields:
        lines.append({"tekst": "Oplysninger:", "punkt": False})
        lines += [{"tekst": f, "punkt": True} for f in dict.fromkeys(fields)]
    # »Aftalens parter« is the individual agreement's heading; here »Aftalen« is the local one.
    title = topic.title.replace("Aftalens ", "Den individuelle aftales ")
    return {"titel": f"{number}. {title}", "linjer": lines}


def annex(library: Library, answers: Answers, agreement: str) -> list[dict[str, Any]]:
    """The annex sections for a local agreement that annexes them, else nothing."""
    if agreement != "lokal" or answers.local.value("niveauer", "skabelon_som_bilag") is not True:
        return []
    sections = []
    topics = [
        t
        for t in library.for_agreement("individuel")
        if t.kind == "clause" and answers.sector in t.sectors
    ]
    model = _Model(library, answers, {t.id: n for n, t in enumerate(topics, 1)},
                   settled_answers(answers.local))  # fmt: skip
    for number, topic in enumerate(topics, 1):
        variants = [v for v in topic.variants if allowed(library, answers, topic, v)]
        sections.append(_section(model, number, topic, variants))
    return sections


# --- The model text: the individual agreement's own words for each arrangement offered ---------

# Facts computed from the individual agreement's answers: how a model paragraph names them.
DERIVED_WORDS = {
    "skaermkrav": ("skærmbekendtgørelsens krav gælder for hjemmearbejdspladsen",
                   "skærmbekendtgørelsens krav ikke gælder for hjemmearbejdspladsen"),
    "halve_dage": ("hjemmearbejdsdagene omfatter en halv dag",
                   "hjemmearbejdsdagene ikke omfatter en halv dag"),
}  # fmt: skip
UNIT_NOTE = re.compile(r"\s*\([^)]*\)$")  # "(arbejdsdage)" at the end of a label
FILLED = ("parter",)  # local answers the model text copies: who the parties are, not the terms
SHORT_CHOICE = 40  # choice words longer than this are whole sentences: one paragraph per option


class _Model(Record):
    """What a model text is rendered against: the library, the local answers, annex numbers."""

    _fields = ("library", "answers", "numbers", "settled")
    __slots__ = _fields

    def __init__(
        self,
        library: Library,
        answers: Answers,
        numbers: dict[str, int],
        settled: dict[str, dict[str, bool]],  # topic → yes/no answers the local agreement settles
    ) -> None:
        self.library = library
        self.answers = answers
        self.numbers = numbers
        self.settled = settled

    def scope(self) -> Scope:
        individual = AgreementAnswers("individuel", {})
        return Scope(self.library, self.answers.sector, individual, self.answers.local,
                     self.answers.date, numbers=self.numbers)  # fmt: skip


def _blank(param: Param) -> str:
    """A fill-in field in the model text: "[adresse for hjemmearbejdet]", "[antal] måneder"."""
    label = param.label
    if len(label) > 1 and label[1].islower():
        label = label[:1].lower() + label[1:]
    if param.unit:  # "(arbejdsdage)" in the label: the unit follows the blank
        return f"[{UNIT_NOTE.sub('', label)}] {param.unit[-1]}"
    if param.type == "choice":  # the document's own words for each option
        return "[" + " / ".join(param.choice_text(c) for c in param.choices) + "]"
    return f"[{label}]"


def _local_blank(param: Param) -> str:
    """A local answer in the model text: named, not copied, so the annex cannot disagree with
    the clause that fixes it when a negotiation round changes the local agreement."""
    if param.unit:  # "højst [antal efter lokalaftalen] dage om ugen"
        return f"[antal efter lokalaftalen] {param.unit[-1]}"
    label = UNIT_NOTE.sub("", param.label)
    return f"[lokalaftalens {label[:1].lower()}{label[1:]}]"


def _individual_param(
    model: _Model, topic: Topic, ref: Ref, variant: Variant | None = None
) -> tuple[Topic, Param | None]:
    """The individual topic and parameter a reference names (the variant's own parameter first:
    two variants may use one name with different labels)."""
    other = model.library.topic("individuel", ref.topic or topic.id)
    own = {p.name: p for p in variant.params} if variant and other.id == topic.id else {}
    return other, own.get(ref.name) or {p.name: p for p in other.all_params()}.get(ref.name)


def _describe(model: _Model, topic: Topic, variant: Variant, condition: Condition) -> str:
    """An individual-answer condition in words: "der er svaret ja til »…«"."""
    ref, no = condition.ref, condition.negated
    if ref.scope == "derived":
        yes_words, no_words = DERIVED_WORDS[ref.name]
        return no_words if no else yes_words
    other, param = _individual_param(model, topic, ref, variant)
    if ref.name == VARIANT_NAME:
        names = " eller ".join(f"»{_name(other.variant(v))}«" for v in condition.values)
        where = "" if other.id == topic.id else f" i § {model.numbers[other.id]}"
        return f"ordningen {names}{where} {'ikke ' if no else ''}er valgt"
    label = f"»{param.label if param else ref.name}«"
    if condition.value is None and param is not None and param.type == "bool":
        return f"der er svaret {'nej' if no else 'ja'} til {label}"
    if condition.value is None:
        return f"{label} {'ikke ' if no else ''}er udfyldt"
    values = " eller ".join(_lower(v) for v in condition.values)
    return f"{label} {'ikke ' if no else ''}er {values}"


def _settled(model: _Model, topic: Topic, condition: Condition) -> bool | None:
    """Whether a condition on a yes/no answer the local agreement settles holds (None: not one)."""
    ref = condition.ref
    if ref.scope not in ("", "topic"):
        return None
    if ref.name == VARIANT_NAME and ref.topic and ref.topic != topic.id:
        # Another clause's arrangement: settled when the local agreement offers none of the
        # arrangements named, or only those (no "udlandet" in an agreement kept in Denmark).
        other = model.library.topic("individuel", ref.topic)
        offered = {v.id for v in other.variants if allowed(model.library, model.answers, other, v)}
        named = set(condition.values)
        if not offered & named:
            return condition.negated
        if offered <= named:
            return not condition.negated
        return None
    if condition.value is not None:
        return None
    answer = model.settled.get(ref.topic or topic.id, {}).get(ref.name)
    return None if answer is None else answer != condition.negated


def _individual(condition: Condition) -> bool:
    """Whether a condition depends on the individual agreement's own answers."""
    ref = condition.ref
    if ref.scope == "derived":
        return ref.name in DERIVED_WORDS
    return ref.scope in ("", "topic")


def _fill_model(
    model: _Model, topic: Topic, variant: Variant, source: str, scope: Scope
) -> str | None:
    """A model paragraph: local answers filled in, the individual's fields left as blanks; None
    when a local answer it needs is not given (the local agreement then has no such text)."""
    out: list[str] = []
    last = 0
    for match in TOKENS.finditer(source):
        out.append(source[last : match.start()])
        last = match.end()
        if match.group(1) is None:  # a cross-reference
            local, target = bool(match.group(2)), match.group(3)
            if local:
                out.append(reference_text(True, target, labels_of(match.group(4)), scope))
            else:
                out.append(f"§ {model.numbers[target]}")
            continue
        ref = parse_ref(match.group(1), topic.id)
        if ref.scope == "global":
            out.append(FRAMEWORKS[model.answers.sector] if ref.name == "rammeaftale"
                       else SECTOR_NAMES[model.answers.sector])  # fmt: skip
        elif ref.scope == "derived":
            text = derived_text(ref.name, scope.agreement, model.answers.local)
            if text is None:
                return None
            out.append(text)
        elif ref.scope == "lokal":
            params = {p.name: p for p in model.library.topic("lokal", ref.topic).all_params()}
            value = model.answers.local.value(ref.topic, ref.name)
            if ref.name not in params or value is None:
                return None
            term = params[ref.name]  # the parties' names are filled in; terms are named
            out.append(format_value(term, value) if ref.topic in FILLED else _local_blank(term))
        else:
            _, param = _individual_param(model, topic, ref, variant)
            out.append(_blank(param) if param else f"[{ref.name}]")
    out.append(source[last:])
    return "".join(out)


def _optional(model: _Model, topic: Topic, variant: Variant, source: str) -> list[Param]:
    """The optional individual parameters a paragraph mentions: without an answer the
    individual agreement leaves the paragraph out."""
    found = []
    for match in PLACEHOLDER.finditer(source):
        ref = parse_ref(match.group(1), topic.id)
        if ref.scope in ("", "topic"):
            _, param = _individual_param(model, topic, ref, variant)
            if param is not None and not param.required:
                found.append(param)
    return found


def _local_items(model: _Model, topic: Topic, source: str) -> list[str] | None:
    """The items of a local list a bullet consists of ("- {{ lokal.x.y }}"), if it is one."""
    match = PLACEHOLDER.fullmatch(source.strip())
    ref = parse_ref(match.group(1), topic.id) if match else None
    if ref is None or ref.scope != "lokal":
        return None
    value = model.answers.local.value(ref.topic, ref.name)
    if not isinstance(value, list):
        return None
    params = {p.name: p for p in model.library.topic("lokal", ref.topic).all_params()}
    return [_local_blank(params[ref.name])] if ref.name in params else None


def _whole_choice(model: _Model, topic: Topic, variant: Variant, source: str) -> Param | None:
    """The individual choice parameter a paragraph consists of, if its words are sentences."""
    match = PLACEHOLDER.fullmatch(source.strip())
    if not match:
        return None
    ref = parse_ref(match.group(1), topic.id)
    if ref.scope not in ("", "topic"):
        return None
    _, param = _individual_param(model, topic, ref, variant)
    if param is None or param.type != "choice" or not param.choice_texts:
        return None
    return param if any(len(t) > SHORT_CHOICE for t in param.choice_texts) else None


def model_text(model: _Model, topic: Topic, variant: Variant) -> list[dict[str, Any]]:
    """The annex lines of one variant's model text."""
    scope = model.scope()
    lines: list[dict[str, Any]] = []
    lead = ""  # the condition of the last paragraph that was not a bullet
    for block, bullet, _label in labelled_blocks(variant.text):
        conditions, source = split_conditions(block, topic.id)
        settled = [c for c in conditions if _settled(model, topic, c) is not None]
        if not all(_settled(model, topic, c) for c in settled):
            continue  # the local agreement answers the condition the other way
        own = [c for c in conditions if _individual(c) and c not in settled]
        fixed = [c for c in conditions if not _individual(c)]
        if not all(condition_holds(c, topic, scope) for c in fixed):
            continue
        named = {c.ref.name for c in own if c.ref.scope == ""}
        words = [_describe(model, topic, variant, c) for c in own]
        words += [f"»{p.label}« er udfyldt" for p in _optional(model, topic, variant, source)
                  if p.name not in named]  # fmt: skip
        cases = [" og ".join(words)]
        texts: list[tuple[str, str]] = []
        choice = _whole_choice(model, topic, variant, source)
        items = _local_items(model, topic, source) if bullet else None
        if items is not None:  # a local list as bullets, as the individual agreement has it
            texts += [(cases[0], item) for item in items]
        elif choice is not None:
            label = f"»{choice.label}«"
            for option in choice.choices:
                case = " og ".join(p for p in (cases[0], f"{label} er {_lower(option)}") if p)
                texts.append((case, choice.choice_text(option)))
        else:
            filled = _fill_model(model, topic, variant, source, scope)
            if filled is None:
                continue
            texts.append((cases[0], filled))
        for case, text in texts:
            # A bullet under a paragraph with the same condition needs no condition of its own.
            prefix = f"[Hvis {case}:] " if case and not (bullet and case == lead) else ""
            lines.append({"tekst": prefix + text, "punkt": bullet})
            lead = lead if bullet else case
    return lines
