"""Check a variant's clause text: placeholders, conditions and cross-references name real things."""

from __future__ import annotations

from assembler.library.model import Library, Param, Topic, Variant
from assembler.library.placeholders import (
    Condition,
    Ref,
    clause_refs_in,
    refs_in,
    split_blocks,
    split_conditions,
    stray_syntax,
)
from assembler.library.values import ValueProblem, parse_value

NUMBER_TYPES = ("int", "decimal")
INDIVIDUAL_ONLY = ("skaermkrav",)


def check_text(where: str, topic: Topic, variant: Variant, library: Library) -> list[str]:
    """Every problem in one variant's text, each prefixed with where it is."""
    out = [
        f"{where}: ulovlig skabelonsyntaks '{tag}' i teksten (kun {{{{ navn }}}} er tilladt)"
        for tag in stray_syntax(variant.text)
    ]
    for block, _ in split_blocks(variant.text):
        conditions, body = split_conditions(block, topic.id)
        out += [p for c in conditions for p in _check_condition(where, c, topic, variant, library)]
        if "[hvis" in body:
            out.append(f"{where}: [hvis …] skal stå først i afsnittet: „{body[:50]}“")
    for ref in refs_in(variant.text, topic.id):
        problem = _check_placeholder(where, ref, topic, variant, library)
        if problem:
            out.append(problem)
    for cref in clause_refs_in(variant.text):
        out += _check_reference(where, cref.local, cref.topic, topic, variant, library)
    return out


def _param_of(ref: Ref, topic: Topic, variant: Variant, library: Library) -> Param | str:
    """The parameter a reference names, or a Danish description of why it does not resolve."""
    if ref.scope == "lokal" and topic.agreement != "individuel":
        return "kan kun bruges i den individuelle aftale"
    if ref.scope == "invalid":
        return "er ikke et gyldigt navn"
    if ref.scope == "":
        found = [p for p in topic.params_for(variant.id) if p.name == ref.name]
    else:
        agreement = "lokal" if ref.scope == "lokal" else topic.agreement
        try:
            other = library.topic(agreement, ref.topic)
        except KeyError:
            return "nævner et ukendt emne"
        found = [p for p in other.all_params() if p.name == ref.name]
    return found[0] if found else "er en ukendt parameter"


def _check_placeholder(
    where: str, ref: Ref, topic: Topic, variant: Variant, library: Library
) -> str | None:
    """A placeholder must name a parameter; a number in running text needs its unit word."""
    if ref.scope == "global":
        return None
    if ref.scope == "derived":
        return f"{where}: {{{{ {ref.raw} }}}} kan kun bruges i [hvis …], ikke som tekst"
    param = _param_of(ref, topic, variant, library)
    if isinstance(param, str):
        return f"{where}: {{{{ {ref.raw} }}}} {param}"
    if param.type in NUMBER_TYPES and not param.unit:
        return (
            f"{where}: tallet {{{{ {ref.raw} }}}} skal have en enhed (unit), så det kan skrives "
            "med ord i teksten, fx „to dage“"
        )
    return None


def _check_condition(
    where: str, condition: Condition, topic: Topic, variant: Variant, library: Library
) -> list[str]:
    """'[hvis x]' names a parameter or a derived fact; '[hvis x = v]' names one of x's values."""
    ref = condition.ref
    label = f"[hvis {ref.raw}{' = ' + condition.value if condition.value else ''}]"
    if ref.scope == "derived":
        if ref.name in INDIVIDUAL_ONLY and topic.agreement != "individuel":
            return [f"{where}: {label} kan kun bruges i den individuelle aftale"]
        return [f"{where}: {label} kan ikke sammenlignes med en værdi"] if condition.value else []
    if ref.scope == "global":
        return [f"{where}: {label} kan ikke bruges som betingelse"]
    param = _param_of(ref, topic, variant, library)
    if isinstance(param, str):
        return [f"{where}: {label} {param}"]
    if condition.value is None:
        return []
    if param.type in ("text", "list", "paragraphs", "date", "time"):
        return [f"{where}: {label}: en {param.type}-parameter kan ikke sammenlignes med en værdi"]
    if param.type == "choice" and condition.value not in param.choices:
        options = ", ".join(f"„{c}“" for c in param.choices)
        return [f"{where}: {label} nævner et ukendt valg (valgene er {options})"]
    try:
        parse_value(param, condition.value)
    except ValueProblem as exc:
        return [f"{where}: {label}: værdien {exc}"]
    return []


def _check_reference(
    where: str, local: bool, target: str, topic: Topic, variant: Variant, library: Library
) -> list[str]:
    """A cross-reference points at another clause that exists wherever this variant applies."""
    label = f"{{{{ § {'lokal.' if local else ''}{target} }}}}"
    if local and topic.agreement != "individuel":
        return [f"{where}: {label} kan kun bruges i den individuelle aftale"]
    agreement = "lokal" if local else topic.agreement
    try:
        other = library.topic(agreement, target)
    except KeyError:
        return [f"{where}: {label} henviser til et ukendt emne"]
    if other.kind != "clause":
        return [f"{where}: {label} henviser til et emne uden paragrafnummer"]
    if other is topic:
        return [f"{where}: {label} henviser til bestemmelsen selv"]
    missing = [s for s in variant.sectors if s not in other.sectors]
    if missing:
        return [f"{where}: {label} findes ikke i sektor {', '.join(missing)}"]
    return []
