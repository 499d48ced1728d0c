"""Check a variant's clause text: placeholders, conditions and cross-references name real things."""

from __future__ import annotations

from assembler.library.model import Library, Param, Topic, Variant
from assembler.library.placeholders import (
    DERIVED_TEXT,
    VARIANT_NAME,
    Condition,
    Ref,
    clause_refs_in,
    labelled_blocks,
    refs_in,
    split_conditions,
    stray_syntax,
)
from assembler.library.values import ValueProblem, parse_value

NUMBER_TYPES = ("int", "decimal")
INDIVIDUAL_ONLY = ("skaermkrav", "halve_dage")


def check_text(where: str, topic: Topic, variant: Variant, library: Library) -> list[str]:
    """Every problem in one variant's text, each prefixed with where it is."""
    out = [
        f"{where}: ulovlig skabelonsyntaks '{tag}' i teksten (kun {{{{ navn }}}} er tilladt)"
        for tag in stray_syntax(variant.text)
    ]
    for block, bullet, label in labelled_blocks(variant.text):
        conditions, body = split_conditions(block, topic.id)
        out += [p for c in conditions for p in _check_condition(where, c, topic, variant, library)]
        if "[hvis" in body:
            out.append(f"{where}: [hvis …] skal stå først i afsnittet: „{body[:50]}“")
        if "[stk" in block:
            out.append(f"{where}: [stk …] skal stå allerførst i afsnittet: „{body[:50]}“")
        if label and bullet:
            out.append(f"{where}: [stk {label}] kan ikke navngive et punkt, kun et stykke")
    for ref in refs_in(variant.text, topic.id):
        problem = _check_placeholder(where, ref, topic, variant, library)
        if problem:
            out.append(problem)
    for cref in clause_refs_in(variant.text):
        problems = _check_reference(where, cref.local, cref.topic, topic, variant, library)
        if not problems and cref.labels:
            problems = _check_labels(where, cref.local, cref.topic, cref.labels, topic, library)
        out += problems
    return out


def check_requires(where: str, topic: Topic, variant: Variant, library: Library) -> list[str]:
    """A variant's `requires`: conditions on the local answers, only in the individual agreement."""
    if not variant.requires:
        return []
    if topic.agreement != "individuel":
        return [f"{where}: requires kan kun bruges i den individuelle aftale"]
    conditions, rest = split_conditions(variant.requires, topic.id)
    out = []
    if rest or not conditions:
        out.append(f"{where}: requires skal være en eller flere [hvis lokal.…]-betingelser")
    for condition in conditions:
        if condition.ref.scope != "lokal":
            out.append(f"{where}: requires kan kun nævne lokalaftalens svar (lokal.emne.navn)")
        else:
            out += _check_condition(where, condition, topic, variant, library)
    return out


def labels_of_topic(topic: Topic) -> set[str]:
    """Every paragraph name ("[stk mærke]") used in any variant of a topic."""
    return {label for v in topic.variants for _, _, label in labelled_blocks(v.text) if label}


def _check_labels(
    where: str, local: bool, target: str, labels: tuple[str, ...], topic: Topic, library: Library
) -> list[str]:
    """The paragraph names a reference gives must name paragraphs of the target clause."""
    other = library.topic("lokal" if local else topic.agreement, target)
    known = labels_of_topic(other)
    return [
        f"{where}: {{{{ § …{target}.{label} }}}}: ingen variant af '{target}' har [stk {label}]"
        for label in labels
        if label not in known
    ]


def _param_of(ref: Ref, topic: Topic, variant: Variant, library: Library) -> Param | str:
    """The parameter a reference names, or a Danish description of why it does not resolve."""
    if ref.scope == "lokal" and topic.agreement != "individuel":
        return "kan kun bruges i den individuelle aftale"
    if ref.scope == "invalid":
        return "er ikke et gyldigt navn"
    if ref.name == VARIANT_NAME:
        if ref.scope == "":
            return "skal nævne et emne (emne.variant)"
        try:
            target = library.topic("lokal" if ref.scope == "lokal" else topic.agreement, ref.topic)
        except KeyError:
            return "nævner et ukendt emne"
        return target.variant_param()
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
        if ref.name in DERIVED_TEXT:
            return None
        return f"{where}: {{{{ {ref.raw} }}}} kan kun bruges i [hvis …], ikke som tekst"
    if ref.name == VARIANT_NAME:
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
        if ref.name in DERIVED_TEXT:
            return [f"{where}: {label} er en tekstværdi og kan ikke bruges som betingelse"]
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
    out = []
    for value in condition.values:
        if param.type == "choice" and value not in param.choices:
            options = ", ".join(f"„{c}“" for c in param.choices)
            out.append(f"{where}: {label} nævner et ukendt valg „{value}“ (valgene er {options})")
            continue
        try:
            parse_value(param, value)
        except ValueProblem as exc:
            out.append(f"{where}: {label}: værdien {exc}")
    return out


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
